/**
 * A small department budget printed as a PDF the way bureaus publish them:
 * a title page paragraph, a two-sided 收支总表 (收入 | 支出), and a 支出表
 * with a two-row merged header that runs over two pages with its header
 * printed again; amounts with thousands separators, (12.00), -12.00, — and
 * empty cells.
 */
import type { DrawTable, PdfPart } from '../../src/bench/pdf-writer.ts';

const SUMMARY: DrawTable = {
  widths: [150, 70, 175, 100],
  amountColumns: [1, 3],
  header: [
    [{ text: '收入', colSpan: 2 }, { text: '支出', colSpan: 2 }],
    ['项目', '预算数', '项目', '预算数'],
  ],
  rows: [
    ['一、一般公共预算拨款收入', '1,286.40', '一、一般公共服务支出', ''],
    ['二、政府性基金预算拨款收入', '120.00', '二、文化旅游体育与传媒支出', '1,180.72'],
    ['三、国有资本经营预算拨款收入', '', '三、社会保障和就业支出', '142.68'],
    ['四、事业收入', '—', '四、住房保障支出', '83.00'],
    ['本年收入合计', '1,406.40', '本年支出合计', '1,406.40'],
    ['收入总计', '1,406.40', '支出总计', '1,406.40'],
  ],
};

/** Expenditure rows by function subject: code, name, total, basic, project. */
const EXPENDITURE_ROWS: string[][] = [
  ['', '合计', '1,406.40', '612.30', '794.10'],
  ['207', '文化旅游体育与传媒支出', '1,180.72', '386.62', '794.10'],
  ['20701', '文化和旅游', '1,180.72', '386.62', '794.10'],
  ['2070101', '行政运行', '386.62', '386.62', ''],
  ['2070104', '图书馆', '312.00', '', '312.00'],
  ['2070108', '文化活动', '(12.00)', '', '(12.00)'],
  ['2070109', '群众文化', '494.10', '', '494.10'],
  ['2070199', '其他文化和旅游支出', '—', '', '—'],
  ['208', '社会保障和就业支出', '142.68', '142.68', ''],
  ['20805', '行政事业单位养老支出', '142.68', '142.68', ''],
  ['2080501', '行政单位离退休', '30.60', '30.60', ''],
  ['2080505', '机关事业单位基本养老保险缴费支出', '112.08', '112.08', ''],
  ['221', '住房保障支出', '83.00', '83.00', ''],
  ['22102', '住房改革支出', '83.00', '83.00', ''],
  ['2210201', '住房公积金', '95.00', '95.00', ''],
  ['2210203', '购房补贴', '-12.00', '-12.00', ''],
];

const EXPENDITURE: DrawTable = {
  widths: [70, 185, 80, 80, 80],
  amountColumns: [2, 3, 4],
  repeatCaptions: ['单位：万元'],
  header: [
    [{ text: '功能分类科目', colSpan: 2 }, { text: '合计', rowSpan: 2 }, { text: '基本支出', rowSpan: 2 }, { text: '项目支出', rowSpan: 2 }],
    ['科目编码', '科目名称'],
  ],
  rows: EXPENDITURE_ROWS,
};

export const BUDGET_DOCUMENT: PdfPart[] = [
  { heading: '桐江市文化旅游局2026年部门预算' },
  {
    paragraph:
      '桐江市文化旅游局主要负责全市公共文化服务体系建设、文物保护和旅游市场管理。本部门预算包括局本级和所属图书馆、文化馆的收支，收入和支出均按功能分类科目列示，金额单位为万元。',
  },
  { pageBreak: true },
  { heading: '部门收支总表', size: 14 },
  { captions: ['604012 桐江市文化旅游局', '预算年度：2026'], right: '单位：万元' },
  { table: SUMMARY },
  // Low on the page, so that the expenditure table runs over onto the next one.
  { paragraph: '注：本表收支均为当年预算数，不含上年结转。' },
  {
    paragraph:
      '一、收入预算情况。2026年部门收入预算1,406.40万元，其中一般公共预算拨款收入1,286.40万元，政府性基金预算拨款收入120.00万元。收入较上年增加36.20万元，主要是图书馆新馆开放后运行经费增加。',
  },
  {
    paragraph:
      '二、支出预算情况。2026年部门支出预算1,406.40万元，其中基本支出612.30万元，主要用于保障在职人员工资福利和机关日常运转；项目支出794.10万元，主要用于图书馆免费开放、群众文化活动和文物保护。文化活动项目因上年预拨资金在本年冲减，列为负数。',
  },
  { heading: '部门支出总表', size: 14 },
  { captions: ['604012 桐江市文化旅游局', '预算年度：2026'], right: '单位：万元' },
  { table: EXPENDITURE },
];

/** A “三公” table printed without rules, its columns only aligned, the way some finance systems print. */
const UNRULED_THREE_PUBLIC: DrawTable = {
  rules: false,
  widths: [190, 100, 100, 100],
  amountColumns: [1, 2, 3],
  header: [
    [{ text: '项目', rowSpan: 2 }, { text: '本年预算数', colSpan: 2 }, { text: '上年预算数', rowSpan: 2 }],
    ['小计', '其中：财政拨款'],
  ],
  rows: [
    ['合计', '12,800.00', '12,800.00', '15,600.00'],
    ['因公出国（境）费', '—', '—', '—'],
    ['公务接待费', '3,200.00', '3,200.00', '4,100.00'],
    ['公务用车购置及运行费', '9,600.00', '9,600.00', '11,500.00'],
    ['其中：公务用车运行费', '9,600.00', '9,600.00', '(1,500.00)'],
  ],
};

export const UNRULED_DOCUMENT: PdfPart[] = [
  { heading: '一般公共预算“三公”经费支出表', size: 14 },
  { captions: ['532801 澜沧县林业和草原局', '预算年度：2026'], right: '单位：元' },
  { table: UNRULED_THREE_PUBLIC },
  { paragraph: '注：本单位2026年无因公出国（境）费预算。' },
];
