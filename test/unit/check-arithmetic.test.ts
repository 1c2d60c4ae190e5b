/**
 * Table arithmetic: row identities from the header tree, column sums,
 * the subject hierarchy, summary tables — each rule with a consistent
 * fixture (no findings) and a broken one (the exact finding).
 */
import { describe, expect, it } from 'vitest';
import { checkEntity } from '../../src/ingest/check/index.ts';
import type { Finding } from '../../src/ingest/model/schema.ts';
import { makeEntity, makeTable, type TableSpec } from '../fixtures/check/build.ts';

/** The parts of a finding that must be exact; cells as [table, line, column]. */
const pick = (f: Finding) => ({
  ruleId: f.ruleId,
  severity: f.severity,
  table: f.table,
  expected: f.expected,
  actual: f.actual,
  difference: f.difference,
  tolerance: f.tolerance,
  cells: f.cells.map((c) => [c.table, c.line, c.column]),
});
const check = (...specs: TableSpec[]) => checkEntity(makeEntity(specs.map(makeTable)));
const FUNCTIONAL = ['科目编码#code', '科目名称#name'];

describe('row-sum', () => {
  const spending = (row: string[], extra: Partial<TableSpec> = {}): TableSpec => ({ kind: 'expenditure-summary', columns: [...FUNCTIONAL, '合计', '基本支出', '项目支出'], rows: [row], ...extra });

  it('accepts 合计 = 基本支出 + 项目支出', () => {
    expect(check(spending(['', '合计', '10.00', '6.00', '4.00']))).toEqual([]);
  });

  it('reports a 合计 that is not the sum of its sibling columns', () => {
    const [f, ...rest] = check(spending(['', '合计', '10.00', '6.00', '3.00']));
    expect(rest).toEqual([]);
    expect(pick(f!)).toEqual({
      ruleId: 'row-sum',
      severity: 'error',
      table: 'expenditure-summary',
      expected: '9.00',
      actual: '10.00',
      difference: '1.00',
      tolerance: undefined,
      cells: [
        ['expenditure-summary', 10, 21],
        ['expenditure-summary', 10, 31],
        ['expenditure-summary', 10, 41],
      ],
    });
    expect(f!.message).toBe('支出总表第 10 行“合计”：合计 10.00 万元，但基本支出、项目支出之和为 9.00 万元，相差 1.00 万元。');
    expect(f!.cells[0]!.label).toBe('合计 / 支出总表 第 10 行');
    expect(f!.cells[1]!.label).toBe('合计（基本支出） / 支出总表 第 10 行');
  });

  it('never adds a 其中 column: it is a part of the column before it', () => {
    const columns = [...FUNCTIONAL, '合计', '一般公共预算/小计', '一般公共预算/其中：财政拨款', '政府性基金'];
    expect(check({ kind: 'income-summary', columns, rows: [['', '合计', '10.00', '6.00', '5.00', '4.00']] })).toEqual([]);
  });

  it('checks a group 小计 against its members and counts the group by its 小计', () => {
    const columns = [...FUNCTIONAL, '合计', '基本支出/小计', '基本支出/人员经费', '基本支出/公用经费', '项目支出'];
    const findings = check({ kind: 'expenditure-summary', columns, rows: [['2101501', '行政运行', '10.00', '6.00', '5.00', '2.00', '4.00']] });
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'row-sum',
        severity: 'error',
        table: 'expenditure-summary',
        expected: '7.00',
        actual: '6.00',
        difference: '-1.00',
        tolerance: undefined,
        cells: [
          ['expenditure-summary', 10, 31],
          ['expenditure-summary', 10, 41],
          ['expenditure-summary', 10, 51],
        ],
      },
    ]);
    expect(findings[0]!.message).toContain('基本支出·小计 6.00 万元，但人员经费、公用经费之和为 7.00 万元');
  });

  it('allows half a unit per printed amount only when the document warns of rounding', () => {
    const row = ['', '合计', '10.00', '3.33', '3.33', '3.33'];
    const columns = [...FUNCTIONAL, '合计', '一般公共预算', '政府性基金', '国有资本经营预算'];
    const note = '注：报表金额单位转换时可能存在四舍五入尾数误差。';
    expect(check({ kind: 'income-summary', columns, rows: [row], note })).toEqual([]);
    expect(check({ kind: 'income-summary', columns, rows: [row] }).map(pick)[0]).toMatchObject({ expected: '9.99', actual: '10.00', difference: '0.01' });
    const [far] = check({ kind: 'income-summary', columns, rows: [['', '合计', '10.00', '3.33', '3.33', '3.30']], note });
    expect(pick(far!)).toMatchObject({ ruleId: 'row-sum', severity: 'error', expected: '9.96', actual: '10.00', difference: '0.04', tolerance: '0.020' });
    expect(far!.message).toContain('四舍五入');
  });

  it('makes a failure on a row recovered in part a warning', () => {
    const [f] = check(spending(['', '合计', '10.00', '6.00', '3.00'], { rows: [{ cells: ['', '合计', '10.00', '6.00', '3.00'], partial: true }] }));
    expect(pick(f!)).toMatchObject({ ruleId: 'row-sum', severity: 'warning', expected: '9.00', actual: '10.00' });
  });

  it('says nothing when a row recovered in part lost the numbers involved', () => {
    expect(check(spending([], { rows: [{ cells: ['', '合计', '', '6.00', '3.00'], partial: true, unplaced: ['9.00'] }] }))).toEqual([]);
  });

  it('reports a row whose numbers fit the header one column over once, as a warning', () => {
    const columns = [...FUNCTIONAL, '合计', '基本支出/小计', '基本支出/人员经费', '基本支出/公用经费', '项目支出/小计', '项目支出/其他运转类', '项目支出/特定目标类'];
    const findings = check({ kind: 'government-fund-expenditure', columns, rows: [['2120899', '其他支出', '5.00', '', '', '5.00', '', '5.00', '']] });
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'row-sum',
        severity: 'warning',
        table: 'government-fund-expenditure',
        expected: '0.00',
        actual: '5.00',
        difference: '5.00',
        tolerance: undefined,
        cells: [
          ['government-fund-expenditure', 10, 21],
          ['government-fund-expenditure', 10, 51],
          ['government-fund-expenditure', 10, 71],
        ],
      },
    ]);
    expect(findings[0]!.message).toContain('整体右移一栏则全部相符');
  });

  it('checks a “三公” table printed as columns under three-public-sum', () => {
    const columns = ['“三公”经费合计', '因公出国（境）费', '公务用车购置及运行费/小计', '公务用车购置及运行费/公务用车购置费', '公务用车购置及运行费/公务用车运行费', '公务接待费'];
    expect(check({ kind: 'three-public', columns, rows: [['3.20', '', '2.00', '', '2.00', '1.20']] })).toEqual([]);
    const findings = check({ kind: 'three-public', columns, rows: [['3.50', '', '2.00', '', '2.00', '1.20']] });
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'three-public-sum',
        severity: 'error',
        table: 'three-public',
        expected: '3.20',
        actual: '3.50',
        difference: '0.30',
        tolerance: undefined,
        cells: [
          ['three-public', 10, 1],
          ['three-public', 10, 21],
          ['three-public', 10, 51],
        ],
      },
    ]);
  });
});

describe('column-sum', () => {
  const table = (total: string): TableSpec => ({
    kind: 'general-budget-expenditure',
    columns: [...FUNCTIONAL, '合计'],
    rows: [
      ['', '合计', total],
      ['208', '社会保障和就业支出', '30.00'],
      ['20805', '行政事业单位养老支出', '30.00'],
      ['210', '卫生健康支出', '60.00'],
      ['21011', '行政事业单位医疗', '60.00'],
    ],
  });

  it('accepts a 合计 row equal to the sum of the 类 rows', () => {
    expect(check(table('90.00'))).toEqual([]);
  });

  it('reports a 合计 row that is not the sum of the 类 rows', () => {
    const findings = check(table('100.00'));
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'column-sum',
        severity: 'error',
        table: 'general-budget-expenditure',
        expected: '90.00',
        actual: '100.00',
        difference: '10.00',
        tolerance: undefined,
        cells: [
          ['general-budget-expenditure', 10, 21],
          ['general-budget-expenditure', 11, 21],
          ['general-budget-expenditure', 13, 21],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe('一般公共预算支出表“合计”行（第 10 行）：合计 100.00 万元，但各科目（208、210）之和为 90.00 万元，相差 10.00 万元。');
  });

  it('sums units, the units under a department, and the projects under a unit (group rows left out)', () => {
    const columns = ['单位编码#unit-code', '单位（项目）名称#name', '项目金额'];
    const rows = [
      ['', '合计', '30.00'],
      ['231', '某某局', '30.00'],
      ['231002', '某某中心', '30.00'],
      ['', '专用项目', '30.00'],
      ['', '其他履职经费', '30.00'],
      ['', '项目甲', '10.00'],
      ['', '项目乙', '20.00'],
    ];
    expect(check({ kind: 'project-expenditure', columns, rows })).toEqual([]);
    const broken = rows.map((r) => (r[1] === '项目乙' ? ['', '项目乙', '25.00'] : r));
    // 专用项目 no longer reads as a group row: the layout is unclear, so nothing is said.
    expect(check({ kind: 'project-expenditure', columns, rows: broken })).toEqual([]);
  });

  it('reports a unit whose projects do not add up', () => {
    const columns = ['部门代码#unit-code', '部门（项目）名称#name', '项目类型#text', '合计'];
    const findings = check({
      kind: 'project-expenditure',
      columns,
      rows: [
        ['', '合计', '', '30.00'],
        ['036', '某某局', '', '30.00'],
        ['036001', '某某局机关', '', '30.00'],
        ['036001', '项目甲', '其他运转类', '10.00'],
        ['036001', '项目乙', '特定目标类', '15.00'],
      ],
    });
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'column-sum',
        severity: 'error',
        table: 'project-expenditure',
        expected: '25.00',
        actual: '30.00',
        difference: '5.00',
        tolerance: undefined,
        cells: [
          ['project-expenditure', 12, 31],
          ['project-expenditure', 13, 31],
          ['project-expenditure', 14, 31],
        ],
      },
    ]);
  });
});

describe('code-hierarchy', () => {
  it('reports a 类 that is not the sum of its 款', () => {
    const findings = check({
      kind: 'income-summary',
      columns: [...FUNCTIONAL, '合计'],
      rows: [
        ['', '合计', '30.00'],
        ['208', '社会保障和就业支出', '30.00'],
        ['20805', '行政事业单位养老支出', '20.00'],
        ['2080501', '行政单位离退休', '5.00'],
        ['2080505', '机关事业单位基本养老保险缴费支出', '15.00'],
        ['20899', '其他社会保障和就业支出', '5.00'],
      ],
    });
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'code-hierarchy',
        severity: 'error',
        table: 'income-summary',
        expected: '25.00',
        actual: '30.00',
        difference: '5.00',
        tolerance: undefined,
        cells: [
          ['income-summary', 11, 21],
          ['income-summary', 12, 21],
          ['income-summary', 15, 21],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe('收入总表第 11 行“208 社会保障和就业支出”：合计 30.00 万元，但其下级科目（20805、20899）之和为 25.00 万元，相差 5.00 万元。');
  });

  it('sums an economic item printed on several rows (split by 政府经济分类)', () => {
    const rows = (item: string) => [
      ['', '合计', '40.00'],
      ['301', '工资福利支出', '40.00'],
      ['30101', '基本工资', '30.00'],
      ['30101', '基本工资', item],
    ];
    const spec = (item: string): TableSpec => ({ kind: 'general-budget-basic', columns: ['科目编码#code', '科目名称#name', '合计'], rows: rows(item) });
    expect(check(spec('10.00'))).toEqual([]);
    expect(check(spec('9.00')).map((f) => [f.ruleId, f.expected, f.actual, f.cells.map((c) => c.line)])).toEqual([['code-hierarchy', '39.00', '40.00', [11, 12, 13]]]);
  });
});

describe('summary-sum and summary-balance', () => {
  const columns = ['收入/项目#name', '收入/预算数', '支出/项目#name', '支出/预算数'];
  const summary = (rows: string[][]): TableSpec => ({ kind: 'income-expenditure-summary', columns, rows });
  const good = [
    ['一、一般公共预算拨款收入', '100.00', '八、社会保障和就业支出', '30.00'],
    ['二、政府性基金预算拨款收入', '', '十、卫生健康支出', '90.00'],
    ['本年收入合计', '100.00', '本年支出合计', '120.00'],
    ['上年结转结余', '20.00', '年终结转结余', ''],
    ['收入总计', '120.00', '支出总计', '120.00'],
  ];

  it('accepts consistent lists, totals and balance', () => {
    expect(check(summary(good))).toEqual([]);
  });

  it('reports items that do not add up to 本年支出合计', () => {
    const rows = good.map((r) => (r[2] === '十、卫生健康支出' ? [r[0]!, r[1]!, r[2], '89.99'] : r));
    const findings = check(summary(rows));
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'summary-sum',
        severity: 'error',
        table: 'income-expenditure-summary',
        expected: '119.99',
        actual: '120.00',
        difference: '0.01',
        tolerance: undefined,
        cells: [
          ['income-expenditure-summary', 12, 31],
          ['income-expenditure-summary', 10, 31],
          ['income-expenditure-summary', 11, 31],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe('收支总表支出栏“本年支出合计”（第 12 行）为 120.00 万元，但所列各项支出之和为 119.99 万元，相差 0.01 万元。');
    expect(findings[0]!.cells[1]!.label).toBe('八、社会保障和就业支出（支出·预算数） / 收支总表 第 10 行');
  });

  it('reports 本年收入合计 + 上年结转 ≠ 收入总计, and 收入总计 ≠ 支出总计', () => {
    const rows = good.map((r) => (r[0] === '收入总计' ? ['收入总计', '125.00', '支出总计', '120.00'] : r));
    expect(check(summary(rows)).map((f) => [f.ruleId, f.expected, f.actual, f.cells.map((c) => c.line)])).toEqual([
      ['summary-balance', '120.00', '125.00', [14, 12, 13]],
      ['summary-balance', '125.00', '120.00', [14, 14]],
    ]);
  });

  it('treats 其中 lines and the unnumbered lines after them as parts, and checks sub-items', () => {
    const rows = [
      ['一、本年收入', '110.00', '一、本年支出', '110.00'],
      ['（一）一般公共预算拨款', '100.00', '（八）社会保障和就业支出', '20.00'],
      ['其中：财政拨款', '90.00', '（十）卫生健康支出', '90.00'],
      ['上级提前下达', '10.00', '二、年终结转结余', ''],
      ['（二）政府性基金预算拨款', '5.00', '', ''],
      ['二、上年结转', '', '', ''],
      ['收入合计', '110.00', '支出合计', '110.00'],
    ];
    expect(check({ kind: 'fiscal-summary', columns, rows }).map((f) => [f.ruleId, f.expected, f.actual, f.cells[0]!.line])).toEqual([
      ['summary-sum', '105.00', '110.00', 10],
    ]);
  });

  it('checks the breakdown of 年初结转 under its own line', () => {
    const rows = [
      ['一、一般公共预算拨款', '100.00', '十、卫生健康支出', '120.00'],
      ['本年收入合计', '100.00', '本年支出合计', '120.00'],
      ['年初财政拨款结转和结余', '20.00', '年末财政拨款结转和结余', ''],
      ['一、一般公共预算拨款', '15.00', '', ''],
      ['收入总计', '120.00', '支出总计', '120.00'],
    ];
    expect(check({ kind: 'fiscal-summary', columns, rows }).map((f) => [f.ruleId, f.expected, f.actual, f.cells[0]!.line])).toEqual([
      ['summary-sum', '15.00', '20.00', 12],
    ]);
  });
});
