/**
 * Canonical table kinds. Titles differ by province, template and year
 * (部门收支总表 = 收支预算总表 = 收入支出预算总表 = 收支总体情况表; 一般公共预算支出表 =
 * 一般公共预算财政拨款支出预算表), with or without a year, 单位/部门 or the
 * unit's name before them and 表一 / 表1-1 numbering; final accounts print
 * 决算 where budgets print 预算. This file is the one vocabulary of those
 * titles: kinds are matched on synonyms in the title first and on the
 * table's own column labels when the title says nothing. Order matters:
 * the most specific patterns come first.
 */
import type { TableKindName } from '../../model/schema.ts';
import { plainTitle, stripEnumerator } from '../text.ts';
import { finalKindFromTitle } from './final-kind.ts';

/** Chinese names of the kinds, for messages and pages. */
export const KIND_NAMES: Readonly<Record<TableKindName, string>> = {
  'income-expenditure-summary': '收支总表',
  'income-summary': '收入总表',
  'expenditure-summary': '支出总表',
  'fiscal-summary': '财政拨款收支总表',
  'general-budget-expenditure': '一般公共预算支出表',
  'general-budget-expenditure-economic': '一般公共预算支出表（经济分类）',
  'general-budget-basic': '一般公共预算基本支出表',
  'general-budget-basic-functional': '一般公共预算基本支出表（功能分类）',
  'economic-summary': '支出经济分类汇总表',
  'government-fund-expenditure': '政府性基金预算支出表',
  'state-capital-expenditure': '国有资本经营预算支出表',
  'three-public': '“三公”经费支出表',
  'project-expenditure': '项目支出表',
  carryover: '财政拨款结转资金支出表',
  procurement: '政府采购预算表',
  assets: '国有资产占用情况表',
  organization: '机构设置情况表',
  'unit-performance': '整体绩效目标表',
  'project-performance': '项目绩效目标表',
  'special-fund-performance': '专项资金总体绩效目标表',
  other: '其他表格',
};

interface Rule {
  kind: TableKindName;
  test: RegExp;
}

const TITLE_RULES: Rule[] = [
  { kind: 'special-fund-performance', test: /专项资金.*绩效/ },
  { kind: 'unit-performance', test: /整体.*绩效|单位绩效目标|部门绩效目标/ },
  { kind: 'project-performance', test: /绩效目标|绩效指标/ },
  { kind: 'three-public', test: /三公/ },
  { kind: 'procurement', test: /政府采购/ },
  { kind: 'assets', test: /资产/ },
  { kind: 'organization', test: /机构设置/ },
  { kind: 'carryover', test: /结转.*支出|结转资金/ },
  { kind: 'project-expenditure', test: /项目支出|专项业务经费支出|项目预算表/ },
  { kind: 'government-fund-expenditure', test: /政府性?基金/ },
  { kind: 'state-capital-expenditure', test: /国有资本经营/ },
  { kind: 'fiscal-summary', test: /财政拨款收支|财政拨款收入支出/ },
  { kind: 'income-expenditure-summary', test: /收支总|收支(?:预算|决算)|收支总体|收入支出(?:预算|决算)?总/ },
  { kind: 'general-budget-basic-functional', test: /基本支出.*功能/ },
  { kind: 'general-budget-basic', test: /基本支出/ },
  { kind: 'general-budget-expenditure-economic', test: /一般公共预算.*支出.*经济分类/ },
  { kind: 'economic-summary', test: /经济分类汇总|支出经济分类/ },
  { kind: 'general-budget-expenditure', test: /一般公共预算.*支出/ },
  { kind: 'income-summary', test: /收入(?:预算|决算)?(?:总|明细)?表|收入总体/ },
  { kind: 'expenditure-summary', test: /支出(?:预算|决算)?(?:总|明细)?表|支出总体/ },
];

/** Kind from the printed title, or null when the title names no known table. */
export function kindFromTitle(title: string): TableKindName | null {
  const t = stripEnumerator(plainTitle(title));
  return finalKindFromTitle(t) ?? TITLE_RULES.find((rule) => rule.test.test(t))?.kind ?? null;
}

/**
 * Kind from the column labels of an untitled table: the standard tables are
 * recognizable by which columns they have.
 */
export function kindFromColumns(labels: readonly string[]): TableKindName | null {
  const all = labels.join('|');
  const has = (re: RegExp) => re.test(all);
  if (has(/一级指标/) && has(/三级指标|指标内容/)) return 'project-performance';
  if (has(/采购/)) return 'procurement';
  if (has(/单位性质|单位规格|经费保障/)) return 'organization';
  if (has(/因公出国/)) return 'three-public';
  if (has(/人员经费/) && has(/公用经费/) && has(/经济分类/)) return 'general-budget-basic';
  if (has(/基本支出/) && has(/项目支出/)) return 'expenditure-summary';
  if (has(/本年收入|财政拨款收入/) && has(/上年结转/)) return 'income-summary';
  if (has(/收入/) && !has(/支出/)) return 'income-summary';
  return null;
}
