/**
 * Identities between tables and within the special tables (“三公”,
 * procurement, assets, projects), the text against the tables, and whose
 * tables they are — each with a consistent and a broken fixture.
 */
import { describe, expect, it } from 'vitest';
import { checkEntity } from '../../src/ingest/check/index.ts';
import type { Entity, Finding } from '../../src/ingest/model/schema.ts';
import { makeEntity, makeTable, project, section, type TableSpec } from '../fixtures/check/build.ts';

const pick = (f: Finding) => ({
  ruleId: f.ruleId,
  severity: f.severity,
  table: f.table,
  expected: f.expected,
  actual: f.actual,
  difference: f.difference,
  cells: f.cells.map((c) => [c.table ?? null, c.line, c.column ?? null]),
});
const entity = (specs: TableSpec[], extra: Partial<Entity> = {}) => makeEntity(specs.map(makeTable), extra);
const check = (specs: TableSpec[], extra: Partial<Entity> = {}) => checkEntity(entity(specs, extra));
const FUNCTIONAL = ['科目编码#code', '科目名称#name'];

describe('cross-table', () => {
  const income = (v: string): TableSpec => ({
    kind: 'income-summary',
    line: 10,
    columns: [...FUNCTIONAL, '合计'],
    rows: [
      ['', '合计', v],
      ['210', '卫生健康支出', v],
      ['2101599', '其他医疗保障管理事务支出', v],
    ],
  });
  const spending = (rows: string[][], kind: 'expenditure-summary' | 'general-budget-expenditure' = 'expenditure-summary', line = 20): TableSpec => ({
    kind,
    line,
    columns: [...FUNCTIONAL, '合计', '基本支出', '项目支出'],
    rows,
  });
  const projectOnly = (v: string) => [
    ['', '合计', v, '', v],
    ['210', '卫生健康支出', v, '', v],
    ['2101599', '其他医疗保障管理事务支出', v, '', v],
  ];

  it('accepts the same 合计 per subject in 收入总表 and 支出总表', () => {
    expect(check([income('100.00'), spending(projectOnly('100.00'))])).toEqual([]);
  });

  it('reports every subject whose 合计 differs between 收入总表 and 支出总表', () => {
    expect(check([income('110.00'), spending(projectOnly('100.00'))]).map(pick)).toEqual(
      [10, 11, 12].map((line) => ({
        ruleId: 'cross-table',
        severity: 'error',
        table: 'income-summary',
        expected: '100.00',
        actual: '110.00',
        difference: '10.00',
        cells: [
          ['income-summary', line, 21],
          ['expenditure-summary', line + 10, 21],
        ],
      })),
    );
  });

  const summary = [
    ['', '合计', '100.00', '60.00', '40.00'],
    ['210', '卫生健康支出', '100.00', '60.00', '40.00'],
    ['2101501', '行政运行', '60.00', '60.00', ''],
    ['2101599', '其他医疗保障管理事务支出', '40.00', '', '40.00'],
  ];

  it('compares 支出总表 with 一般公共预算支出表 subject by subject when their totals agree', () => {
    const general = [
      ['', '合计', '100.00', '60.00', '40.00'],
      ['210', '卫生健康支出', '100.00', '60.00', '40.00'],
      ['2101501', '行政运行', '60.00', '20.00', '40.00'],
      ['2101599', '其他医疗保障管理事务支出', '40.00', '40.00', ''],
    ];
    expect(check([spending(summary), spending(summary, 'general-budget-expenditure', 40)])).toEqual([]);
    const findings = check([spending(summary), spending(general, 'general-budget-expenditure', 40)]);
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'cross-table',
        severity: 'error',
        table: 'expenditure-summary',
        expected: '20.00',
        actual: '60.00',
        difference: '40.00',
        cells: [
          ['expenditure-summary', 22, 31],
          ['general-budget-expenditure', 42, 31],
          ['expenditure-summary', 22, 41],
          ['general-budget-expenditure', 42, 41],
        ],
      },
      {
        ruleId: 'cross-table',
        severity: 'error',
        table: 'expenditure-summary',
        expected: '40.00',
        actual: '0.00',
        difference: '-40.00',
        cells: [
          ['expenditure-summary', 23, 31],
          ['general-budget-expenditure', 43, 31],
          ['expenditure-summary', 23, 41],
          ['general-budget-expenditure', 43, 41],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe('支出总表第 22 行“2101501 行政运行”的基本支出为 60.00 万元，而一般公共预算支出表第 42 行为 20.00 万元，相差 40.00 万元。另有项目支出栏同样不符。');
  });

  it('does not compare them when other funds make the totals differ', () => {
    expect(check([spending(projectOnly('100.00')), spending(projectOnly('60.00'), 'general-budget-expenditure', 40)])).toEqual([]);
  });

  const general = (a: string, b: string): TableSpec => ({
    kind: 'general-budget-expenditure',
    line: 30,
    columns: [...FUNCTIONAL, '合计'],
    rows: [
      ['', '合计', '100.00'],
      ['208', '社会保障和就业支出', a],
      ['2080505', '机关事业单位基本养老保险缴费支出', a],
      ['210', '卫生健康支出', b],
      ['2101501', '行政运行', b],
    ],
  });

  it('matches the 类 lines of 财政拨款收支总表 (一般公共预算 column) with the 一般公共预算支出表', () => {
    const fiscal: TableSpec = {
      kind: 'fiscal-summary',
      columns: ['收入/项目#name', '收入/金额', '支出/项目#name', '支出/合计', '支出/一般公共预算财政拨款'],
      rows: [
        ['一、一般公共预算拨款', '100.00', '八、社会保障和就业支出', '30.00', '30.00'],
        ['', '', '十、卫生健康支出', '70.00', '70.00'],
        ['', '', '二十、住房保障支出', '', ''],
        ['本年收入合计', '100.00', '本年支出合计', '100.00', '100.00'],
        ['收入总计', '100.00', '支出总计', '100.00', '100.00'],
      ],
    };
    expect(check([fiscal, general('30.00', '70.00')])).toEqual([]);
    const findings = check([fiscal, general('25.00', '75.00')]);
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'cross-table',
        severity: 'error',
        table: 'fiscal-summary',
        expected: '25.00',
        actual: '30.00',
        difference: '5.00',
        cells: [
          ['fiscal-summary', 10, 41],
          ['general-budget-expenditure', 31, 21],
        ],
      },
      {
        ruleId: 'cross-table',
        severity: 'error',
        table: 'fiscal-summary',
        expected: '75.00',
        actual: '70.00',
        difference: '-5.00',
        cells: [
          ['fiscal-summary', 11, 41],
          ['general-budget-expenditure', 33, 21],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe('财政拨款收支总表“八、社会保障和就业支出”（第 10 行，科目 208）的一般公共预算财政拨款为 30.00 万元，而一般公共预算支出表第 31 行为 25.00 万元，相差 5.00 万元。');
  });

  it('matches the 类 lines of 收支总表 with the 类 of 支出总表, summing 项 when no 类 row is printed', () => {
    const ies: TableSpec = {
      kind: 'income-expenditure-summary',
      columns: ['收入/项目#name', '收入/预算数', '支出/项目#name', '支出/预算数'],
      rows: [
        ['一、一般公共预算拨款收入', '100.00', '八、社会保障和就业支出', '30.00'],
        ['', '', '十、卫生健康支出', '70.00'],
        ['', '', '二十、住房保障支出', ''],
        ['本年收入合计', '100.00', '本年支出合计', '100.00'],
        ['收入总计', '100.00', '支出总计', '100.00'],
      ],
    };
    const items = (v: string): TableSpec => ({
      kind: 'expenditure-summary',
      line: 30,
      columns: [...FUNCTIONAL, '合计'],
      rows: [
        ['', '合计', '100.00'],
        ['2080505', '机关事业单位基本养老保险缴费支出', '30.00'],
        ['2101501', '行政运行', v],
        ['2101599', '其他医疗保障管理事务支出', '20.00'],
      ],
    });
    expect(check([ies, items('50.00')])).toEqual([]);
    expect(check([ies, items('45.00')]).map((f) => [f.ruleId, f.table, f.expected, f.actual, f.cells.map((c) => c.line)])).toEqual([
      ['column-sum', 'expenditure-summary', '95.00', '100.00', [30, 31, 32, 33]],
      ['cross-table', 'income-expenditure-summary', '65.00', '70.00', [11, 32, 33]],
    ]);
  });
});

describe('basic-vs-basic-table', () => {
  const basic = (pub: string): TableSpec => ({
    kind: 'general-budget-basic',
    line: 40,
    columns: ['科目编码#code', '科目名称#name', '合计', '人员经费', '公用经费'],
    rows: [
      ['', '合计', (50 + Number(pub)).toFixed(2), '50.00', pub],
      ['301', '工资福利支出', '50.00', '50.00', ''],
      ['30101', '基本工资', '50.00', '50.00', ''],
      ['302', '商品和服务支出', pub, '', pub],
      ['30201', '办公费', pub, '', pub],
    ],
  });
  const general: TableSpec = {
    kind: 'general-budget-expenditure',
    columns: [...FUNCTIONAL, '合计', '基本支出', '项目支出'],
    rows: [
      ['', '合计', '100.00', '60.00', '40.00'],
      ['2101501', '行政运行', '100.00', '60.00', '40.00'],
    ],
  };

  it('accepts a 基本支出 equal to the 基本支出表 total', () => {
    expect(check([general, basic('10.00')])).toEqual([]);
  });

  it('reports a 基本支出 that differs from the 基本支出表 total', () => {
    const findings = check([general, basic('9.00')]);
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'basic-vs-basic-table',
        severity: 'error',
        table: 'general-budget-expenditure',
        expected: '59.00',
        actual: '60.00',
        difference: '1.00',
        cells: [
          ['general-budget-expenditure', 10, 31],
          ['general-budget-basic', 40, 21],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe('一般公共预算支出表第 10 行“合计”的基本支出为 60.00 万元，而一般公共预算基本支出表第 40 行为 59.00 万元，相差 1.00 万元。');
  });

  it('compares 人员经费 and 公用经费 code by code with the economic 一般公共预算支出表', () => {
    const economic = (pub: string): TableSpec => ({
      kind: 'general-budget-expenditure-economic',
      line: 60,
      columns: ['科目编码#code', '科目名称#name', '合计', '人员经费支出', '公用经费支出', '专项业务经费支出'],
      rows: [
        ['', '合计', '100.00', '50.00', '10.00', '40.00'],
        ['301', '工资福利支出', '50.00', '50.00', '', ''],
        ['30101', '基本工资', '50.00', '50.00', '', ''],
        ['302', '商品和服务支出', '50.00', '', '10.00', '40.00'],
        ['30201', '办公费', (40 + Number(pub)).toFixed(2), '', pub, '40.00'],
        ['30227', '委托业务费', (10 - Number(pub)).toFixed(2), '', (10 - Number(pub)).toFixed(2), ''],
      ],
    });
    expect(check([economic('10.00'), basic('10.00')])).toEqual([]);
    expect(check([economic('8.00'), basic('10.00')]).map((f) => [f.ruleId, f.expected, f.actual, f.cells.map((c) => c.line)])).toEqual([['basic-vs-basic-table', '10.00', '8.00', [64, 44]]]);
  });
});

describe('“三公” tables', () => {
  const threePublic = (subtotal: string, total: string): TableSpec => ({
    kind: 'three-public',
    line: 905,
    columns: ['项目#name', '资金性质/合计', '资金性质/一般公共预算财政拨款', '资金性质/政府性基金预算拨款'],
    rows: [
      ['合计', total, total, ''],
      ['“三公”经费小计', subtotal, subtotal, ''],
      ['一、因公出国（境）费', '', '', ''],
      ['其中：教学科研人员因公出国（境）费', '', '', ''],
      ['其他因公出国（境）费', '', '', ''],
      ['二、公务用车购置及运维费', '1.81', '1.81', ''],
      ['其中：公务用车购置费', '', '', ''],
      ['公务用车运行维护费', '1.81', '1.81', ''],
      ['三、公务接待费', '0.42', '0.42', ''],
    ],
  });

  it('accepts 合计 = 小计 = 因公出国 + 公务用车 + 公务接待', () => {
    expect(check([threePublic('2.23', '2.23')])).toEqual([]);
  });

  it('reports the 450003 case: 合计 2.23, “三公”经费小计 3.84, items 2.23', () => {
    const findings = check([threePublic('3.84', '2.23')]);
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'three-public-sum',
        severity: 'error',
        table: 'three-public',
        expected: '2.23',
        actual: '3.84',
        difference: '1.61',
        cells: [
          ['three-public', 906, 11],
          ['three-public', 910, 11],
          ['three-public', 913, 11],
          ['three-public', 906, 21],
          ['three-public', 910, 21],
          ['three-public', 913, 21],
        ],
      },
      {
        ruleId: 'three-public-sum',
        severity: 'error',
        table: 'three-public',
        expected: '3.84',
        actual: '2.23',
        difference: '-1.61',
        cells: [
          ['three-public', 905, 11],
          ['three-public', 906, 11],
          ['three-public', 905, 21],
          ['three-public', 906, 21],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe(
      '“三公”经费支出表：“三公”经费小计（第 906 行）为 3.84 万元，但因公出国（境）费、公务用车购置及运维费、公务接待费之和为 2.23 万元，相差 1.61 万元。另有一般公共预算财政拨款栏同样不符。',
    );
  });

  it('adds 会议费 and 培训费 to the “三公” 小计 for the 合计 line', () => {
    const rows = [
      ['合计', '5.00'],
      ['“三公”经费小计', '3.00'],
      ['一、因公出国（境）费', ''],
      ['二、公务用车购置及运维费', '3.00'],
      ['公务用车运行维护费', '3.00'],
      ['三、公务接待费', ''],
      ['四、会议费', '1.00'],
      ['五、培训费', '1.00'],
    ];
    expect(check([{ kind: 'three-public', columns: ['项目#name', '合计'], rows }])).toEqual([]);
  });

  it('matches 公务用车运行维护费 and 公务接待费 with lines 30231 and 30217 of the 基本支出表', () => {
    const basic = (car: string): TableSpec => ({
      kind: 'general-budget-basic',
      line: 850,
      columns: ['科目编码#code', '科目名称#name', '合计', '人员经费', '公用经费'],
      rows: [
        ['', '合计', (0.42 + Number(car)).toFixed(2), '', (0.42 + Number(car)).toFixed(2)],
        ['302', '商品和服务支出', (0.42 + Number(car)).toFixed(2), '', (0.42 + Number(car)).toFixed(2)],
        ['30217', '公务接待费', '0.42', '', '0.42'],
        ['30231', '公务用车运行维护费', car, '', car],
      ],
    });
    expect(check([threePublic('2.23', '2.23'), basic('1.81')])).toEqual([]);
    const findings = check([threePublic('2.23', '2.23'), basic('1.80')]);
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'three-public-vs-basic',
        severity: 'error',
        table: 'three-public',
        expected: '1.80',
        actual: '1.81',
        difference: '0.01',
        cells: [
          ['three-public', 912, 21],
          ['general-budget-basic', 853, 21],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe('“三公”经费支出表的公务用车运行维护费为 1.81 万元，而一般公共预算基本支出表中 30231“公务用车运行维护费”为 1.80 万元，相差 0.01 万元。');
  });
});

describe('procurement-sum', () => {
  const columns = ['项目名称#name', '预算资金', '采购物品名称#text', '政府采购目录序号#text', '数量#count', '单价', '政府采购金额/合计', '政府采购金额/一般公共预算拨款', '2024年预留中小微企业份额'];
  const first: TableSpec = {
    kind: 'procurement',
    line: 528,
    columns,
    rows: [
      ['合 计', '', '', '', '', '', '9.00', '9.00', '5.00'],
      ['某某局本级小计', '', '', '', '', '', '9.00', '9.00', '5.00'],
      ['医保运行保障', '80.00', '单证印刷服务', 'C23090101', '10', '0.50', '5.00', '5.00', '5.00'],
      ['日常公用经费', '21.07', '车辆维修和保养服务', 'C23120301', '1', '1.00', '1.00', '1.00', ''],
    ],
  };
  const second = (amount: string): TableSpec => ({
    kind: 'procurement',
    id: 'procurement-2',
    line: 545,
    columns: [...columns.slice(0, 8), '政府采购金额/上年结转结余', '2024年预留中小微企业份额'],
    rows: [['日常公用经费', '21.07', '物业管理服务', 'C21040000', '1', amount, amount, amount, '', '']],
  });

  it('sums the lines of a table continued on a later page', () => {
    expect(check([first, second('3.00')])).toEqual([]);
  });

  it('reports a 合计 and a 小计 that the lines do not add up to', () => {
    const findings = check([first, second('3.50')]);
    expect(findings.map(pick)).toEqual(
      [528, 529].map((line) => ({
        ruleId: 'procurement-sum',
        severity: 'error',
        table: 'procurement',
        expected: '9.50',
        actual: '9.00',
        difference: '-0.50',
        cells: [
          ['procurement', line, 61],
          ['procurement', 530, 61],
          ['procurement', 531, 61],
          ['procurement-2', 545, 61],
          ['procurement', line, 71],
          ['procurement', 530, 71],
          ['procurement', 531, 71],
          ['procurement-2', 545, 71],
        ],
      })),
    );
    expect(findings[0]!.message).toBe('政府采购预算表“合计”行（第 528 行）：合计 9.00 万元，但所列 3 条采购明细之和为 9.50 万元，相差 0.50 万元。另有一般公共预算拨款栏同样不符。');
  });
  it('checks a second table with its own 合计 on its own (another unit, not a continuation)', () => {
    const other: TableSpec = {
      ...first,
      id: 'procurement-3',
      line: 600,
      rows: [
        ['合计', '', '', '', '', '', '6.00', '6.00', '5.00'],
        ['离休干部医药费', '500.00', '单证印刷服务', 'C23090101', '10', '0.50', '5.00', '5.00', '5.00'],
        ['日常公用经费', '44.82', '文件柜', 'A05010502', '1', '1.00', '1.00', '1.00', ''],
      ],
    };
    expect(check([first, second('3.00'), other])).toEqual([]);
  });
});

describe('assets-sum', () => {
  const assets = (total: string): TableSpec => ({
    kind: 'assets',
    line: 1051,
    columns: ['项目#name', '数量#count', '价值（金额单位：万元）'],
    rows: [
      ['资产总额', '', total],
      ['1、房屋（平方米）', '', ''],
      ['其中：办公用房（平方米）', '', '5.00'],
      ['2、车辆（台、辆）', '1', '18'],
      ['3、单价在 20 万元以上的设备', '1', '27.50'],
      ['4、其他固定资产', '152', '86.72'],
    ],
  });

  it('accepts 资产总额 = the numbered lines (其中 lines are parts)', () => {
    expect(check([assets('132.22')])).toEqual([]);
  });

  it('reports a 资产总额 the lines do not add up to', () => {
    const findings = check([assets('132.20')]);
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'assets-sum',
        severity: 'error',
        table: 'assets',
        expected: '132.22',
        actual: '132.20',
        difference: '-0.02',
        cells: [
          ['assets', 1051, 21],
          ['assets', 1054, 21],
          ['assets', 1055, 21],
          ['assets', 1056, 21],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe('国有资产占用情况表：资产总额 132.20 万元，但所列各类资产之和为 132.22 万元，相差 0.02 万元。');
  });
});

describe('projects-vs-table', () => {
  const projectTable: TableSpec = {
    kind: 'project-expenditure',
    line: 500,
    columns: ['单位代码#unit-code', '项目名称#name', '合计'],
    rows: [
      ['', '合计', '100.00'],
      ['450003', '某某中心', '100.00'],
      ['450003', '项目甲', '80.00'],
      ['450003', '项目乙', '20.00'],
    ],
  };
  const spending: TableSpec = { kind: 'expenditure-summary', line: 700, columns: [...FUNCTIONAL, '合计', '基本支出', '项目支出'], rows: [['', '合计', '150.00', '50.00', '100.00']] };

  it('accepts projects that add up to 项目支出', () => {
    expect(check([projectTable, spending], { projects: [project('项目甲', '80.00', 502), project('项目乙', '20.00', 503)] })).toEqual([]);
  });

  it('reports projects of a printed project table that do not add up (error)', () => {
    const findings = check([projectTable], { projects: [project('项目甲', '80.00', 502), project('项目乙', '15.00', 503)] });
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'projects-vs-table',
        severity: 'error',
        table: 'project-expenditure',
        expected: '100.00',
        actual: '95.00',
        difference: '-5.00',
        cells: [
          [null, 502, null],
          [null, 503, null],
          ['project-expenditure', 500, 21],
        ],
      },
    ]);
  });

  it('only warns when the projects come from performance sheets (the list may be incomplete)', () => {
    const findings = check([spending], { projects: [project('项目甲', '80.00', 900)] });
    expect(findings.map((f) => [f.ruleId, f.severity, f.expected, f.actual])).toEqual([['projects-vs-table', 'warning', '100.00', '80.00']]);
  });

  it('skips projects without amounts', () => {
    expect(check([spending], { projects: [{ id: 'p', name: '项目甲', line: 900 }] })).toEqual([]);
  });
});

describe('text-vs-table', () => {
  const spending: TableSpec = { kind: 'expenditure-summary', line: 700, columns: [...FUNCTIONAL, '合计', '基本支出', '项目支出'], rows: [['', '合计', '1704.62', '1124.62', '580.00']] };
  const basic: TableSpec = {
    kind: 'general-budget-basic',
    line: 821,
    unit: '元',
    columns: ['科目编码#code', '科目名称#name', '合计', '人员经费', '公用经费'],
    rows: [
      ['', '合计', '11,246,200.00', '10,797,990.75', '448,209.25'],
      ['301', '工资福利支出', '10,797,990.75', '10,797,990.75', ''],
      ['302', '商品和服务支出', '448,209.25', '', '448,209.25'],
    ],
  };
  const text = (markdown: string) => [section('二、单位预算安排的总体情况', markdown, 945)];

  it('accepts amounts the tables hold, spaces inside and at the printed precision', () => {
    const md = '2024年支出预算1704.62万元，其中基本支出1124.62万元，包括人员经\n\n费 1079.80 万元和日常公用经费 44.8 万元；项目支出 580 万元。机关运行经费共计安排 44.82 万元。';
    expect(check([spending, basic], { sections: text(md) })).toEqual([]);
  });

  it('reports an amount no table holds', () => {
    const findings = check([spending, basic], { sections: text('2024年支出预算1704.62万元，其中基本支出1124.26万元。') });
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'text-vs-table',
        severity: 'error',
        table: undefined,
        expected: '1124.62',
        actual: '1124.26',
        difference: '-0.36',
        cells: [
          [null, 945, null],
          ['expenditure-summary', 700, 31],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe(
      '说明“二、单位预算安排的总体情况”（第 945 行起）称基本支出为 1,124.26 万元，但支出总表的基本支出合计为 1,124.62 万元，相差 0.36 万元（亦不同于一般公共预算基本支出表的合计的 1,124.62 万元）。',
    );
  });

  it('leaves out other years, other funds and other items', () => {
    const md = '较2023年预算增加5.00万元。2023年支出预算1600.00万元。基金预算支出0.00万元，会议费预算支出0.00万元，基本支出减少3.00万元，医疗保障运行经费预算30万元，信息化建设项目支出20万元。';
    expect(check([spending, basic], { sections: text(md) })).toEqual([]);
  });

  it('only warns on 机关运行经费, which documents do not all define as 公用经费', () => {
    const findings = check([spending, basic], { sections: text('我单位机关运行经费共计安排50.00万元。') });
    expect(findings.map((f) => [f.ruleId, f.severity, f.expected, f.actual])).toEqual([['text-vs-table', 'warning', '44.82', '50.00']]);
  });
});

describe('printed-entity and declared', () => {
  const table = (extra: Partial<TableSpec>): TableSpec => ({ kind: 'assets', line: 1051, columns: ['项目#name', '价值'], rows: [['资产总额', '1.00'], ['1、车辆', '1.00']], ...extra });

  it('accepts the entity’s own code, a unit of it, or its name', () => {
    expect(check([table({ printedEntity: { code: '450003', line: 1046 } })])).toEqual([]);
    expect(check([table({ printedEntity: { code: '450003001', line: 1046 } })], { children: [{ code: '450003001', name: '某某分中心' }] })).toEqual([]);
    expect(check([table({ printedEntity: { name: '某某医疗保险基金管理中心本级', line: 1046 } })])).toEqual([]);
  });

  it('reports a table printed under another unit code', () => {
    const findings = check([table({ printedEntity: { code: '450001', name: '秦皇岛市医疗保障局本级', line: 1046 } })]);
    expect(findings.map(pick)).toEqual([{ ruleId: 'printed-entity', severity: 'error', table: 'assets', expected: undefined, actual: undefined, difference: undefined, cells: [['assets', 1046, null]] }]);
    expect(findings[0]!.message).toBe('国有资产占用情况表（第 1046 行）表头印的是 450001 秦皇岛市医疗保障局本级，而本表归在 450003 某某医疗保险基金管理中心 名下：表格可能放错了单位或表头印错。');
  });

  it('only warns on a different printed name', () => {
    expect(check([table({ printedEntity: { name: '另一个单位', line: 1046 } })]).map((f) => [f.ruleId, f.severity])).toEqual([['printed-entity', 'warning']]);
  });

  it('reports a table the index declares non-empty but that prints no amounts', () => {
    const findings = check([{ kind: 'income-summary', number: '表2', title: '单位综合预算收入总表', line: 263, columns: [], rows: [], declared: { empty: false, line: 201 } }]);
    expect(findings.map(pick)).toEqual([
      {
        ruleId: 'declared-nonempty',
        severity: 'error',
        table: 'income-summary',
        expected: undefined,
        actual: undefined,
        difference: undefined,
        cells: [
          ['income-summary', 201, null],
          ['income-summary', 260, null],
        ],
      },
    ]);
    expect(findings[0]!.message).toBe('报表目录（第 201 行）未将“表2单位综合预算收入总表”列为空表，但该表（第 260 行）没有任何数据。');
  });

  it('accepts empty tables declared empty, and warns on a declared-empty table with amounts', () => {
    expect(check([{ kind: 'carryover', columns: ['合计'], rows: [], declared: { empty: true, line: 210, reason: '不涉及' } }])).toEqual([]);
    expect(check([table({ declared: { empty: true, line: 210 } })]).map((f) => [f.ruleId, f.severity])).toEqual([['declared-empty', 'warning']]);
  });
});
