/**
 * Standard tables: grid splitting, header trees, kinds, and the model of
 * every seed checked against values read off the documents by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../src/ingest/ingest.ts';
import type { Entity, Table } from '../../src/ingest/model/schema.ts';
import type { Row } from '../../src/ingest/read/blocks.ts';
import { buildHeader, splitPage, stretchRow } from '../../src/ingest/recognize/tables/grid.ts';
import { kindFromColumns, kindFromTitle } from '../../src/ingest/recognize/tables/kind.ts';

const row = (line: number, ...texts: string[]): Row => ({ line, cells: texts.map((text, i) => ({ text, line, column: i + 1 })) });

describe('splitPage', () => {
  it('separates caption, header, 栏次 and data rows', () => {
    const grid = splitPage([
      row(1, '450001 秦皇岛市医疗保障局本级', '预算年度：2024'),
      row(2, '序号', '功能分类科目', '', '合计'),
      row(3, '', '科目编码', '科目名称', ''),
      row(4, '栏次', '1', '2', '3'),
      row(5, '1', '', '合计', '<b>724.39</b>'),
      row(6, '2', '208', '社会保障和就业支出', '59.14'),
    ]);
    expect(grid.captionRows.map((r) => r.line)).toEqual([1]);
    expect(grid.headerRows.map((r) => r.line)).toEqual([2, 3]);
    expect(grid.numberRow?.line).toBe(4);
    expect(grid.dataRows.map((r) => r.line)).toEqual([5, 6]);
  });

  it('keeps an empty table (header only) without data rows', () => {
    const grid = splitPage([row(1, '序号', '功能分类科目', '合计'), row(2, '', '科目编码', '科目名称'), row(3, '栏次', '1', '2')]);
    expect(grid.dataRows).toEqual([]);
    expect(grid.headerRows).toHaveLength(2);
  });

  it('reads item rows without amounts as data (一、… labels, codes with names)', () => {
    const grid = splitPage([row(1, '收入', '', '支出', ''), row(2, '项目', '预算数', '项目', '预算数'), row(3, '一、政府性基金拨款', '', '一、科学技术支出', ''), row(4, '', '', '二、文化旅游体育与传媒支出', '')]);
    expect(grid.dataRows.map((r) => r.line)).toEqual([3, 4]);
  });

  it('takes rows without header words as data when nothing else is (机构设置)', () => {
    const grid = splitPage([row(1, '单位名称', '单位性质', '单位规格', '经费保障形式'), row(2, '某某局', '行政', '正科级', '财政性资金基本保证')]);
    expect(grid.dataRows.map((r) => r.line)).toEqual([2]);
  });
});

describe('buildHeader', () => {
  it('builds groups over empty merged cells and leaves merged downwards', () => {
    const layout = buildHeader([row(1, '序号', '功能分类科目', '', '合计', '本年收入', '', '上年结转'), row(2, '', '科目编码', '科目名称', '', '小计', '财政拨款收入', '')], 7);
    expect(layout.paths).toEqual([['序号'], ['功能分类科目', '科目编码'], ['功能分类科目', '科目名称'], ['合计'], ['本年收入', '小计'], ['本年收入', '财政拨款收入'], ['上年结转']]);
    expect(layout.tree.map((n) => [n.label, n.col, n.span])).toEqual([
      ['序号', 0, 1],
      ['功能分类科目', 1, 2],
      ['合计', 3, 1],
      ['本年收入', 4, 2],
      ['上年结转', 6, 1],
    ]);
  });

  it('moves a group label printed over the wrong column onto its 小计', () => {
    const layout = buildHeader([row(1, '合计', '基本支出', '', '', '项目支出', '', '', ''), row(2, '', '小计', '人员经费', '工资福利', '公用经费', '小计', '其他运转类', '特定目标类')], 8);
    expect(layout.paths[4]).toEqual(['基本支出', '公用经费']);
    expect(layout.paths[5]).toEqual(['项目支出', '小计']);
  });

  it('puts a sub-header swapped with the trailing leaf back under its group', () => {
    const layout = buildHeader([row(1, '合计', '本年收入', '', '', '上年结转', ''), row(2, '', '小计', '事业收入', '附属单位上缴收入', '', '其他收入')], 6);
    expect(layout.paths).toEqual([['合计'], ['本年收入', '小计'], ['本年收入', '事业收入'], ['本年收入', '附属单位上缴收入'], ['本年收入', '其他收入'], ['上年结转']]);
  });

  it('starts a lone measure heading (决算数) at the 合计 left of the column it is centred over; a lone 其中 stays', () => {
    const centred = buildHeader([row(1, '', '', '', '', '', '决算数', ''), row(2, '科目编码', '科目名称', '年初预算数', '调整预算数', '合计', '基本支出', '项目支出')], 7);
    expect(centred.paths.slice(2)).toEqual([['年初预算数'], ['调整预算数'], ['决算数', '合计'], ['决算数', '基本支出'], ['决算数', '项目支出']]);
    const parts = buildHeader([row(1, '', '', '', '其中', ''), row(2, '科目编码', '科目名称', '合计', '基本支出', '项目支出')], 5);
    expect(parts.paths.slice(2)).toEqual([['合计'], ['其中', '基本支出'], ['其中', '项目支出']]);
  });

  it('keeps 支出 over the right side of a two-sided header whose first right column is a label (项目)', () => {
    const layout = buildHeader([row(1, '收入', '', '支出', '', ''), row(2, '项目', '金额', '项目', '合计', '一般公共预算财政拨款')], 5);
    expect(layout.paths).toEqual([['收入', '项目'], ['收入', '金额'], ['支出', '项目'], ['支出', '合计'], ['支出', '一般公共预算财政拨款']]);
  });

  it('spreads a DOCX header row that omits merged cells', () => {
    expect(stretchRow(['序号', '收入', '支出'], [['', '项目', '预算数', '项目', '预算数']], 5)).toEqual(['序号', '收入', '', '支出', '']);
    expect(stretchRow(['序号', '功能分类科目', '合计', '本年收入', '上年结转'], [['', '科目编码', '科目名称', '', '小计', '财政拨款收入', '其他收入', '']], 8)).toEqual([
      '序号', '功能分类科目', '', '合计', '本年收入', '', '', '上年结转',
    ]);
  });
});

describe('table kinds', () => {
  it.each([
    ['单位预算收支总表', 'income-expenditure-summary'],
    ['2024年部门收支预算表', 'income-expenditure-summary'],
    ['单位预算财政拨款收支总表', 'fiscal-summary'],
    ['2024年财政拨款收支总体情况表', 'fiscal-summary'],
    ['2024年部门收入预算表', 'income-summary'],
    ['单位综合预算一般公共预算支出明细表（按支出经济分类科目）', 'general-budget-expenditure-economic'],
    ['单位综合预算一般公共预算基本支出明细表（按支出功能分类科目）', 'general-budget-basic-functional'],
    ['一般公共预算基本支出表', 'general-budget-basic'],
    ['2024年支出经济分类汇总表', 'economic-summary'],
    ['单位预算政府基金预算财政拨款支出表', 'government-fund-expenditure'],
    ['单位预算财政拨款“三公”经费支出表', 'three-public'],
    ['单位综合预算专项业务经费支出表', 'project-expenditure'],
    ['单位综合预算财政拨款结转资金支出表', 'carryover'],
    ['单位综合预算政府采购（资产配置、购买服务）预算表', 'procurement'],
    ['单位固定资产占用情况表', 'assets'],
    ['单位机构设置情况', 'organization'],
    ['部门(单位)整体绩效目标表', 'unit-performance'],
    ['1、医疗保障运行经费绩效目标表', 'project-performance'],
    ['专项资金总体绩效目标表', 'special-fund-performance'],
    ['某某情况一览表', null],
  ])('%s → %s', (title, kind) => {
    expect(kindFromTitle(title)).toBe(kind);
  });

  it('recognizes an untitled income table by its columns', () => {
    expect(kindFromColumns(['部门预算 / 合计', '公共预算拨款', '事业单位收入', '其他收入'])).toBe('income-summary');
  });
});

// ---- The seeds, checked against values read off the documents by hand ----

const entities = new Map<string, Entity>();
for (const file of ['000_254f1c56485b7ccb.txt', '001_b299b4fe3ca604a5.txt', '002_3ef43c7689782125.txt', '003_2bc1f60d8e8166ed.txt', '004_b14cc660f2ed3abf.txt']) {
  for (const entity of ingestSource(file, readFileSync(`seeds/${file}`)).entities) entities.set(entity.code ?? entity.name, entity);
}

function table(code: string, id: string): Table {
  const found = entities.get(code)?.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id} in ${code}`);
  return found;
}

/** The value in the row with `key` (code, unit code or name) under the column whose label ends with `column`. */
function value(t: Table, key: string, column: string): string | undefined {
  const index = t.columns.findIndex((c) => c.label === column || c.label.endsWith(` / ${column}`));
  if (index < 0) throw new Error(`no column ${column} in ${t.id}: ${t.columns.map((c) => c.label).join(' | ')}`);
  const r = t.rows.find((row) => row.code === key || row.unitCode === key || row.name === key);
  if (!r) throw new Error(`no row ${key} in ${t.id}`);
  return r.cells[index]!.value;
}

describe('seed tables', () => {
  it('finds every standard table of 450001 with the right kind', () => {
    expect(entities.get('450001')!.tables.map((t) => t.kind)).toEqual([
      'income-expenditure-summary', 'income-summary', 'expenditure-summary', 'fiscal-summary', 'general-budget-expenditure',
      'general-budget-basic', 'government-fund-expenditure', 'state-capital-expenditure', 'three-public', 'organization',
      'project-performance', 'project-performance', 'project-performance', 'project-performance', 'procurement', 'procurement', 'assets',
    ]);
  });

  it.each([
    ['450003', 'income-expenditure-summary income-summary expenditure-summary fiscal-summary general-budget-expenditure general-budget-basic government-fund-expenditure state-capital-expenditure three-public organization project-performance project-performance procurement assets'],
    ['036', 'income-expenditure-summary income-summary expenditure-summary fiscal-summary general-budget-expenditure general-budget-basic economic-summary three-public government-fund-expenditure state-capital-expenditure project-expenditure unit-performance project-performance'],
    ['231002', 'other income-expenditure-summary income-summary expenditure-summary fiscal-summary general-budget-expenditure general-budget-expenditure-economic general-budget-basic-functional general-budget-basic government-fund-expenditure project-expenditure carryover procurement three-public project-performance project-performance project-performance project-performance project-performance project-performance project-performance unit-performance special-fund-performance'],
    ['362001', 'income-expenditure-summary income-summary expenditure-summary fiscal-summary general-budget-expenditure general-budget-basic government-fund-expenditure state-capital-expenditure three-public organization project-performance project-performance project-performance project-performance project-performance project-performance project-performance project-performance project-performance procurement assets'],
    ['571001', 'income-expenditure-summary income-summary expenditure-summary fiscal-summary general-budget-expenditure general-budget-basic government-fund-expenditure state-capital-expenditure three-public organization unit-performance project-performance project-performance project-performance project-performance procurement assets'],
  ])('finds every table of %s with the right kind', (code, kinds) => {
    expect(entities.get(code)!.tables.map((t) => t.kind)).toEqual(kinds.split(' '));
  });

  it('450001: merged page parts, bold totals, carry-over column', () => {
    const income = table('450001', 'income-summary');
    expect(value(income, '合计', '合计')).toBe('724.39');
    expect(value(income, '合计', '上年结转')).toBe('252.29');
    expect(value(income, '2101505', '上年结转')).toBe('202.00');
    const summary = table('450001', 'income-expenditure-summary');
    expect(summary.parts.map((p) => p.line)).toEqual([67, 93]);
    expect(summary.rows).toHaveLength(34);
    const basic = table('450001', 'general-budget-basic');
    expect(basic.rows.find((r) => r.code === '30231')).toMatchObject({ name: '公务用车运行维护费', codeSystem: 'economic', level: 'section', line: 316 });
    expect(value(basic, '30231', '公用经费')).toBe('3.60');
    expect(table('450001', 'government-fund-expenditure')).toMatchObject({ empty: true, note: '注：无政府基金预算财政拨款预算，空表列示。' });
  });

  it('450003: its own tables, and the asset table printed under 450001', () => {
    expect(value(table('450003', 'three-public'), '合计', '合计')).toBe('2.23');
    expect(value(table('450003', 'three-public'), '“三公”经费小计', '合计')).toBe('3.84');
    expect(table('450003', 'assets').printedEntity).toMatchObject({ code: '450001', line: 1046 });
  });

  it('036: 类/款/项 codes joined, unit rows, thousands separators, shifted group header', () => {
    const expenditure = table('036', 'expenditure-summary');
    expect(expenditure.rows.find((r) => r.code === '2101501')).toMatchObject({ name: '行政运行', level: 'item', line: 256 });
    expect(value(expenditure, '2101501', '合计')).toBe('1024.80');
    expect(value(expenditure, '2101501', '基本支出 / 公用经费')).toBe('124.70');
    expect(value(expenditure, '2101599', '项目支出 / 其他运转类')).toBe('31.00');
    const income = table('036', 'income-summary');
    expect(value(income, '036002', '总计')).toBe('6040.40');
    expect(value(income, '036002', '一般公共预算 / 其中:财政拨款')).toBe('4527.70');
    const economic = table('036', 'economic-summary');
    expect(economic.rows.find((r) => r.line === 424)).toMatchObject({ code: '30307', govCode: '50901', name: '医疗费补助' });
    expect(table('036', 'project-expenditure').rows).toHaveLength(30);
  });

  it('231002: amounts in 元, declared-empty tables, table numbers', () => {
    const functional = table('231002', 'general-budget-expenditure');
    expect(functional.unit).toBe('元');
    expect(functional.number).toBe('表5');
    expect(value(functional, '2101599', '专项业务经费支出')).toBe('1889400.00');
    expect(table('231002', 'carryover')).toMatchObject({ empty: true, declared: { empty: true, reason: '不涉及' }, rows: [] });
    expect(table('231002', 'income-summary')).toMatchObject({ empty: true, declared: { empty: false } });
    expect(entities.get('231002')!.totals).toEqual({ income: '1275.317162', expenditure: '1275.317162' });
  });

  it('362001: OCR noise in captions, flattened page rows kept unplaced', () => {
    const income = table('362001', 'income-summary');
    const flat = income.rows.find((r) => r.code === '208');
    expect(flat).toMatchObject({ partial: true, name: '社会保障和就业支出', line: 69 });
    expect(flat!.unplaced!.map((c) => c.value)).toEqual(['58.74', '3.00', '55.74', '55.74']);
    expect(value(income, '2101202', '合计')).toBe('3216.00');
    expect(value(table('362001', 'expenditure-summary'), '2101501', '项目支出')).toBe('53.55');
    expect(table('362001', 'three-public').rows.map((r) => r.name)).toEqual(['合计', '"三公"经费小计', '二、公务用车购置及运维费', '公务用车运行维护费', '其他会议费', '五、培训费']);
  });

  it('571001: one cell per line, merged header cells spread over their columns', () => {
    const summary = table('571001', 'income-expenditure-summary');
    expect(summary.columns.map((c) => c.label)).toEqual(['序号', '收入 / 项目', '收入 / 预算数', '支出 / 项目', '支出 / 预算数']);
    expect(value(summary, '本年收入合计', '支出 / 预算数')).toBe('3698.72');
    const basic = table('571001', 'general-budget-basic');
    expect(basic.rows.find((r) => r.code === '30231')).toMatchObject({ line: 1520 });
    expect(basic.rows.find((r) => r.code === '30231')!.cells[5]).toMatchObject({ value: '4.38', line: 1525 });
    expect(entities.get('571001')!.totals).toEqual({ income: '3698.72', expenditure: '3698.72' });
  });
});
