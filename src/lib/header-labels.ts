/**
 * Whether a printed header label reads as a header at all.
 *
 * Text recognized from scanned pages turns small header lines into noise
 * (`17.2`, `日月`, `举个人山` under 合计 / 基本支出 / 项目支出). Shown as a
 * column name, such noise passes for data. Standard budget tables use a
 * small vocabulary of header terms, so a label is readable when every Chinese
 * character of it occurs in that vocabulary and a label without Chinese is a
 * column number (栏次) or a money unit. A label that fails is shown as
 * 表头识别不全 with its printed text beside it, never as a column name.
 */
import { HAN_RE } from '../ingest/han.ts';

/** Terms of the standard budget table headers (财政部 templates and their local variants). */
const HEADER_TERMS: readonly string[] = [
  '序号', '栏次', '项目', '科目编码', '科目名称', '类', '款', '项', '功能分类科目', '支出功能分类科目', '部门预算支出经济分类科目',
  '政府预算支出经济分类科目', '按大类', '部门代码', '部门名称', '单位代码', '单位编码', '单位名称', '单位(项目)名称',
  '合计', '总计', '小计', '其中', '本年收入', '本年支出', '上年结转', '上年结转结余', '结转下年', '预算数', '金额', '备注', '说明',
  '基本支出', '项目支出', '人员经费', '公用经费', '工资福利支出', '商品和服务支出', '对个人和家庭的补助', '资本性支出',
  '经营支出', '上解上级支出', '对附属单位补助支出', '附属单位上缴收入', '上级补助收入', '事业收入', '事业单位经营收入',
  '经营收入', '其他收入', '财政拨款收入', '财政专户管理资金收入', '财政专户收入', '用事业基金弥补收支差额',
  '一般公共预算', '一般公共预算财政拨款', '政府性基金预算', '政府性基金预算拨款', '国有资本经营预算', '财政拨款', '资金性质',
  '“三公”经费合计', '因公出国(境)费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行维护费', '公务接待费',
  '其他运转类', '特定目标类', '项目类型', '项目金额', '项目简介', '专项业务经费支出', '专项资金列入部门预算的项目',
  '上年实户资金余额', '政府采购项目来源', '采购物品名称', '政府采购目录序号', '计量单位', '数量', '单价',
  '政府采购金额(当年部门预算安排资金)', '基金预算拨款', '财政专户核拨', '单位资金', '非财政拨款结转结余', '预留中小微企业份额', '年度', '万元',
  '采购项目', '采购目录', '购买服务内容', '规格型号', '实施采购时间', '资产总额', '价值(金额单位:万元)', '单位性质', '单位规格',
  '经费保障形式', '报表名称', '是否空表', '表格为空的理由', '绩效目标', '绩效指标', '一级指标', '二级指标', '三级指标',
  '指标值', '权重', '分值', '评分标准', '度量单位', '产出', '效益', '满意度', '成本', '总体目标', '年度目标', '实施期',
];

const HEADER_CHARS = new Set([...HEADER_TERMS.join('')].filter((ch) => HAN_RE.test(ch)));
/** Column numbers (栏次), money units and their brackets. */
const NON_HAN_OK = /^(?:[\d\s、,，]{1,8}|[(（]?(?:万?元)[)）]?|[-—/:：()（）\s]*)$/u;

/** True when a header label reads as a header (see the module comment); an empty label is not judged. */
export function readableHeader(label: string): boolean {
  const text = label.replace(/\s+/g, '');
  if (text === '') return true;
  const han = [...text].filter((ch) => HAN_RE.test(ch));
  if (han.length === 0) return NON_HAN_OK.test(text);
  return han.every((ch) => HEADER_CHARS.has(ch));
}

/** What the page and the CSV show for a label: the label, or 表头识别不全 with the printed text. */
export function shownHeader(label: string): string {
  return readableHeader(label) ? label : `表头识别不全（原文印作“${label.trim()}”）`;
}

/** A column's full label for CSV: each part of its header path as `shownHeader` gives it. */
export function csvColumnLabel(column: { label: string; path: readonly string[] }): string {
  if (column.path.length === 0) return shownHeader(column.label);
  return column.path.map((p) => (readableHeader(p) ? p : shownHeader(p))).join(' / ');
}

/** Printed header labels of a table that fail `readableHeader` (each header cell once). */
export function unreadableHeaders(header: readonly { label: string; children: readonly unknown[] }[]): string[] {
  const out: string[] = [];
  const walk = (cells: readonly { label: string; children: readonly unknown[] }[]) => {
    for (const c of cells) {
      if (!readableHeader(c.label)) out.push(c.label);
      walk(c.children as { label: string; children: readonly unknown[] }[]);
    }
  };
  walk(header);
  return out;
}
