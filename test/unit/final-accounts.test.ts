/**
 * Final accounts (决算) beside budgets: a unit's 2024 budget, its 2024 final
 * accounts and its 2025 budget (test/fixtures/final-accounts/, a county
 * template with 行次 columns and a 年初预算数/调整预算数/决算数 table) are
 * three documents of one unit, and its history is what a reader computes
 * by hand from the printed tables.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settleDuplicates } from '../../src/ingest/corpus.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';
import { kindFromTitle } from '../../src/ingest/recognize/tables/kind.ts';
import { phaseOfTitle } from '../../src/ingest/recognize/phase.ts';
import { parse } from 'csv-parse/sync';
import { buildCatalog } from '../../src/lib/catalog.ts';
import { entityHead } from '../../src/lib/entity-head.ts';
import { phaseFigures, unitHistory, type UnitHistory } from '../../src/lib/history.ts';
import type { Execution } from '../../src/ingest/model/schema.ts';
import { economicHistoryCsv, historyCsv, subjectHistoryCsv } from '../../src/lib/history-csv.ts';
import { subjectYears } from '../../src/lib/subject-years.ts';
import { buildIndex } from '../../src/lib/site/build-index.ts';

const dir = 'test/fixtures/final-accounts';
const ingest = (file: string, text = readFileSync(`${dir}/${file}`, 'utf8')) => ingestSource(file, new TextEncoder().encode(text));
const results = readdirSync(dir).filter((f) => f.startsWith('liandu-')).sort().map((f) => ingest(f));
const corpus = settleDuplicates(results);
const byId = new Map(corpus.entities.map((e) => [e.id, e]));
const FINAL_ID = 'lishuishi-liandouqu-2024-nongyenongcunju-juesuan';
const BUDGET_ID = 'lishuishi-liandouqu-2024-nongyenongcunju';

describe('final accounts as documents', () => {
  it('names the 决算 tables by the kind of the budget table they account for', () => {
    expect(kindFromTitle('表1 收入支出决算总表')).toBe('income-expenditure-summary');
    expect(kindFromTitle('收入决算表')).toBe('income-summary');
    expect(kindFromTitle('支出决算表')).toBe('expenditure-summary');
    expect(kindFromTitle('财政拨款收入支出决算总表')).toBe('fiscal-summary');
    expect(kindFromTitle('一般公共预算财政拨款支出决算表')).toBe('general-budget-expenditure');
    expect(kindFromTitle('一般公共预算财政拨款基本支出决算表')).toBe('general-budget-basic');
    expect(kindFromTitle('一般公共预算财政拨款“三公”经费支出决算表')).toBe('three-public');
    expect(kindFromTitle('政府性基金预算财政拨款收入支出决算表')).toBe('government-fund-expenditure');
    expect(kindFromTitle('國有資本經營預算財政撥款支出決算表')).toBe('state-capital-expenditure');
  });

  it('reads the phase from titles, not from the names of budgets', () => {
    expect(phaseOfTitle('一般公共预算财政拨款基本支出表')).toBeNull();
    expect(phaseOfTitle('2025年部门预算')).toBe('budget');
    expect(phaseOfTitle('一般公共预算财政拨款支出决算表')).toBe('final');
    expect(phaseOfTitle('部门收支总表（含上年决算数）')).toBeNull();
    expect(phaseOfTitle('2025年部门预算收支总表（含2024年决算数）')).toBe('budget');
  });

  it('takes the level from a 部门决算 title as from a 部门预算 title', () => {
    expect([byId.get(FINAL_ID)!.level, byId.get(BUDGET_ID)!.level]).toEqual(['department', 'department']);
    const unitText = readFileSync(`${dir}/liandu-nongye-2024-final.txt`, 'utf8').replaceAll('部门决算', '单位决算');
    expect(ingest('unit.txt', unitText).entities[0]!.level).toBe('unit');
  });

  it('publishes a coded department without subordinate units as a department', () => {
    const levelOf = (path: string) => {
      const entity = ingestSource(path, readFileSync(path)).entities[0]!;
      return [entity.code, entity.level];
    };
    // 部门决算 and 部门预算 of one coded unit each, no unit printed under them.
    expect(levelOf(`${dir}/fucheng-sifa-2023-final.txt`)).toEqual(['118001', 'department']);
    expect(levelOf('test/fixtures/corpus/c04_huichuan_nongye_2022.txt')).toEqual(['203001', 'department']);
    expect(levelOf('test/fixtures/corpus/c16_xuanwu_weijian_qianyuan_2020.txt')).toEqual(['341001', 'department']);
    // A 单位预算 of a coded unit stays a unit.
    expect(levelOf('test/fixtures/corpus/c03_guangyang_weijian_2025.txt')).toEqual(['571005', 'unit']);
    // A unit printed under its department's code (118 ⊃ 118001) stays a unit beside it.
    const under = readFileSync(`${dir}/fucheng-sifa-2023-final.txt`, 'utf8').replace('118001 绵阳市涪城区司法局', '118 绵阳市涪城区司法局\n118001 绵阳市涪城区司法局本级');
    expect(ingest('under.txt', under).entities.map((e) => [e.code, e.level])).toEqual([['118', 'department'], ['118001', 'unit']]);
  });

  it('keeps a budget and a 决算 of the same unit and year as two documents of one unit', () => {
    expect(corpus.entities.map((e) => [e.id, e.phase, e.year])).toEqual([
      [BUDGET_ID, 'budget', 2024],
      [FINAL_ID, 'final', 2024],
      ['lishuishi-liandouqu-2025-nongyenongcunju', 'budget', 2025],
    ]);
    expect(new Set(corpus.entities.map((e) => e.unitKey))).toEqual(new Set(['331102:农业农村局']));
    expect(corpus.sources.flatMap((s) => s.diagnostics.map((d) => d.ruleId))).not.toContain('publish:duplicate-entity');
    expect(corpus.sources.map((s) => s.phase)).toEqual(['budget', 'final', 'budget']);
  });

  it('recognizes every table of the 决算 and places every amount', () => {
    const final = byId.get(FINAL_ID)!;
    expect(final.tables.map((t) => [t.kind, t.phase, t.rows.length])).toEqual([
      ['income-expenditure-summary', 'final', 5],
      ['expenditure-summary', 'final', 8],
      ['general-budget-expenditure', 'final', 8],
      ['three-public', 'final', 1],
      ['general-budget-basic', 'final', 11],
    ]);
    expect(final.tables.flatMap((t) => t.rows.filter((r) => r.partial || r.unplaced?.length))).toEqual([]);
    expect(final.totals).toEqual({ income: '530.00', expenditure: '530.00' });
    expect(final.findings).toEqual([]);
  });

  it('shows 决算数 against the budget columns of the same table as execution, not as findings', () => {
    const rows = byId.get(FINAL_ID)!.execution!.map((x) => [x.code ?? x.name, x.initial, x.adjusted, x.final, x.rate]);
    expect(rows).toEqual([
      ['合计', '550.00', '540.00', '517.80', '95.89'],
      ['208', '50.00', '50.00', '50.00', '100.00'],
      ['20805', '50.00', '50.00', '50.00', '100.00'],
      ['2080505', '50.00', '50.00', '50.00', '100.00'],
      ['213', '500.00', '490.00', '467.80', '95.47'],
      ['21301', '500.00', '490.00', '467.80', '95.47'],
      ['2130101', '300.00', '310.00', '305.50', '98.55'],
      ['2130199', '200.00', '180.00', '162.30', '90.17'],
    ]);
  });

  it('checks 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余', () => {
    const text = readFileSync(`${dir}/liandu-nongye-2024-final.txt`, 'utf8').replace('| 年末结转和结余 | 34 | 12.20 |', '| 年末结转和结余 | 34 | 13.20 |');
    const findings = ingest('broken.txt', text).entities[0]!.findings.filter((f) => f.ruleId === 'final-balance');
    expect(findings.map((f) => [f.expected, f.actual, f.difference])).toEqual([['530.00', '531.00', '1.00']]);
  });
});

describe('history of one unit', () => {
  const history = unitHistory(corpus.entities);

  it('lists each year with budgeted and actual totals, the split, "三公" and the execution rate', () => {
    expect(history.years).toEqual([
      {
        year: 2024,
        budget: { entityId: BUDGET_ID, total: '550.00', basic: '350.00', project: '200.00', threePublic: '12.00' },
        final: { entityId: FINAL_ID, total: '517.80', basic: '355.50', project: '162.30', threePublic: '10.50' },
        execution: '94.15',
      },
      {
        year: 2025,
        budget: { entityId: 'lishuishi-liandouqu-2025-nongyenongcunju', total: '525.00', basic: '375.00', project: '150.00', threePublic: '11.00' },
        change: { difference: '-25.00', rate: '-4.55' },
      },
    ]);
  });

  it('compares each subject code: budget against actual, and the change from the year before', () => {
    const line = (code: string) => history.subjects.find((s) => s.code === code)!.years;
    expect(line('2130101')).toEqual([
      { year: 2024, budget: '300.00', final: '305.50', execution: '101.83' },
      { year: 2025, budget: '320.00', change: { difference: '20.00', rate: '6.67' } },
    ]);
    expect(line('2130199')).toEqual([
      { year: 2024, budget: '200.00', final: '162.30', execution: '81.15' },
      { year: 2025, budget: '150.00', change: { difference: '-50.00', rate: '-25.00' } },
    ]);
    expect(line('2080505')).toEqual([
      { year: 2024, budget: '50.00', final: '50.00', execution: '100.00' },
      { year: 2025, budget: '55.00', change: { difference: '5.00', rate: '10.00' } },
    ]);
  });
});

describe('final accounts in other counties\' templates (test/fixtures/corpus c23–c25)', () => {
  const corpusText = (name: string) => readFileSync(`test/fixtures/corpus/${name}`, 'utf8');
  const entityOf = (name: string, text = corpusText(name)) => ingestSource(name, new TextEncoder().encode(text)).entities[0]!;
  const pick = (e: Execution) => [e.table, e.code ?? e.name ?? null, e.initial ?? null, e.adjusted ?? null, e.final, e.rate ?? null];

  it('sets 决算数 against the budget columns of the same table (space-aligned, 决算数 centred over its split)', () => {
    const entity = entityOf('c23_weibin_renshe_juesuan_2023.txt');
    const rows = entity.execution!.filter((e) => e.total || e.code === '2080701' || e.name === '合计');
    expect(rows.map(pick)).toEqual([
      // 792.40 / 817.10 = 96.98 %, as the explanation says; 210.00 / 224.00 = 93.75 %; 5.30 / 7.00 = 75.71 %.
      ['general-budget-expenditure', '合计', '749.50', '817.10', '792.40', '96.98'],
      ['general-budget-expenditure', '2080701', '200.00', '224.00', '210.00', '93.75'],
      ['three-public', '合计', null, '7.00', '5.30', '75.71'],
    ]);
    expect(phaseFigures(entity)).toEqual({ entityId: entity.id, total: '792.40', basic: '366.50', project: '425.90', threePublic: '5.30' });
    expect(entity.level).toBe('department');
  });

  it('reads a "三公" table printing 预算数 and 决算数 groups side by side, and checks both', () => {
    const name = 'c25_yueyanglou_dangan_juesuan_2024.txt';
    const entity = entityOf(name);
    expect(entity.execution!.filter((e) => e.table === 'three-public').map(pick)).toEqual([['three-public', null, null, '1.50', '1.12', '74.67']]);
    // 187.20 / 191.10 = 97.96 %; 36.80 / 40.00 = 92.00 %.
    expect(entity.execution!.filter((e) => e.total || e.code === '2012604').map(pick)).toEqual([
      ['general-budget-expenditure', '合计', '178.00', '191.10', '187.20', '97.96'],
      ['general-budget-expenditure', '2012604', '30.00', '40.00', '36.80', '92.00'],
    ]);
    expect(phaseFigures(entity)).toEqual({ entityId: entity.id, total: '187.20', threePublic: '1.12' });
    expect([entity.code, entity.level, entity.findings]).toEqual(['406012', 'unit', []]);
    // The 决算 合计 printed 1.22 against 0.00 + 0.00 + 1.12.
    const broken = entityOf(name, corpusText(name).replace('\t1.12\n\t0.00', '\t1.22\n\t0.00'));
    expect(broken.findings.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([['three-public-sum', '1.12', '1.22']]);
  });

  it('checks the carry-over balance of a 财政拨款收入支出决算总表 printed by fund with 行次 columns', () => {
    const name = 'c24_lianxi_jiaotong_juesuan_2022.txt';
    const entity = entityOf(name);
    expect([entity.totals, entity.findings]).toEqual([{ income: '641.89', expenditure: '641.89' }, []]);
    const fiscal = entity.tables.find((t) => t.kind === 'fiscal-summary')!;
    expect(fiscal.columns.map((c) => c.path.join('/'))).toEqual(['收入/项目', '收入/行次', '收入/金额', '支出/项目', '支出/行次', '支出/合计', '支出/一般公共预算财政拨款', '支出/政府性基金预算财政拨款', '支出/国有资本经营预算财政拨款']);
    // 年末财政拨款结转和结余 printed 698600.00 instead of 698500.00: 436500 + 5862400 ≠ 5600400 + 698600.
    const text = corpusText(name);
    const at = text.indexOf('财政拨款收入支出决算总表\n');
    const broken = entityOf(name, text.slice(0, at) + text.slice(at).replace('38 |\n698500.00 |\n698500.00 |', '38 |\n698600.00 |\n698600.00 |'));
    expect(broken.findings.filter((f) => f.ruleId === 'final-balance').map((f) => [f.expected, f.actual, f.difference])).toEqual([['6298900.00', '6299000.00', '100.00']]);
  });
});

describe('a basic-expenditure table printed in halves (人员经费 | 公用经费 side by side)', () => {
  const ingestText = (name: string, lines: string[]) => ingestSource(name, new TextEncoder().encode(`${lines.join('\n')}\n`)).entities[0]!;
  const finalLines = [
    '某县水务局2023年度部门决算',
    '',
    '一般公共预算财政拨款基本支出决算表',
    '',
    '部门：某县水务局\t\t\t\t\t\t金额单位：万元',
    '人员经费\t\t\t公用经费\t\t',
    '科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数',
    '301\t工资福利支出\t200.00\t302\t商品和服务支出\t30.00',
    '30101\t基本工资\t120.00\t30201\t办公费\t12.00',
    '30102\t津贴补贴\t80.00\t30211\t差旅费\t8.00',
    '303\t对个人和家庭的补助\t5.00\t30231\t公务用车运行维护费\t10.00',
    '30305\t生活补助\t5.00\t\t\t',
    '人员经费合计\t\t205.00\t公用经费合计\t\t30.00',
  ];
  // The same unit's budget, as a markdown table in 元.
  const budgetLines = [
    '某县水务局2023年部门预算',
    '',
    '一般公共预算基本支出表',
    '',
    '单位：元',
    '',
    '| 人员经费 | | | 公用经费 | | |',
    '| --- | --- | --- | --- | --- | --- |',
    '| 科目编码 | 科目名称 | 预算数 | 科目编码 | 科目名称 | 预算数 |',
    '| 301 | 工资福利支出 | 1960000.00 | 302 | 商品和服务支出 | 320000.00 |',
    '| 30101 | 基本工资 | 1180000.00 | 30201 | 办公费 | 120000.00 |',
    '| 30102 | 津贴补贴 | 780000.00 | 30211 | 差旅费 | 80000.00 |',
    '| 303 | 对个人和家庭的补助 | 50000.00 | 30231 | 公务用车运行维护费 | 120000.00 |',
    '| 30305 | 生活补助 | 50000.00 | | | |',
    '| 人员经费合计 | | 2010000.00 | 公用经费合计 | | 320000.00 |',
  ];

  it('reads each half of a line as a row of its own, with its own code, name and amount', () => {
    for (const entity of [ingestText('final.txt', finalLines), ingestText('budget.txt', budgetLines)]) {
      const table = entity.tables.find((t) => t.kind === 'general-budget-basic')!;
      expect(table.rows.map((r) => r.code ?? r.name)).toEqual(['301', '302', '30101', '30201', '30102', '30211', '303', '30231', '30305', '人员经费合计', '公用经费合计']);
      expect(entity.findings).toEqual([]);
    }
  });

  it('gives every economic code of both halves its budget and actual', () => {
    const history = unitHistory([ingestText('final.txt', finalLines), ingestText('budget.txt', budgetLines)]);
    // 302: 30.00 / 32.00 = 93.75 %; 30231: 10.00 / 12.00 = 83.33 %; 301: 200.00 / 196.00 = 102.04 %.
    const at = (code: string) => history.economic.find((e) => e.code === code)?.years;
    expect(at('302')).toEqual([{ year: 2023, budget: '32.00', final: '30.00', execution: '93.75' }]);
    expect(at('30231')).toEqual([{ year: 2023, budget: '12.00', final: '10.00', execution: '83.33' }]);
    expect(at('301')).toEqual([{ year: 2023, budget: '196.00', final: '200.00', execution: '102.04' }]);
    expect(history.economic.map((e) => e.code)).toEqual(['301', '30101', '30102', '302', '30201', '30211', '30231', '303', '30305']);
  });

  it('checks the right half against its own codes', () => {
    // 办公费 printed 13.00: 302 商品和服务支出 30.00 ≠ 13.00 + 8.00 + 10.00.
    const broken = ingestText('broken.txt', finalLines.map((l) => l.replace('30201\t办公费\t12.00', '30201\t办公费\t13.00')));
    expect(broken.findings.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([['code-hierarchy', '31.00', '30.00']]);
  });
});

describe('history by economic code', () => {
  const corpusFile = (name: string) => ingestSource(name, readFileSync(`test/fixtures/corpus/${name}`)).entities[0]!;
  // 成都市武侯区民政局: the 2024 budget (space-aligned) and its 2024 决算 (tab-separated).
  const wuhou = unitHistory([corpusFile('c10_wuhou_minzheng_2024.txt'), corpusFile('c09_wuhou_minzheng_juesuan_2024.txt')]);
  // 温州市鹿城区农业农村局: budgets of 2022 (flattened web table) and 2023 (markdown pipes).
  const lucheng = unitHistory([corpusFile('c12_lucheng_nongye_2023.txt'), corpusFile('c11_lucheng_nongye_2022.txt')]);
  const line = (history: UnitHistory, code: string) => history.economic.find((s) => s.code === code);

  it('gives the unit with three documents its economic codes by year: budget, actual, rate and change', () => {
    const liandu = unitHistory(corpus.entities);
    // 301: 322.30 / 318.00 = 101.35 %; 2025: 340.00 − 318.00 = 22.00, 22.00 / 318.00 = 6.92 %.
    expect(line(liandu, '301')!.years).toEqual([
      { year: 2024, budget: '318.00', final: '322.30', execution: '101.35' },
      { year: 2025, budget: '340.00', change: { difference: '22.00', rate: '6.92' } },
    ]);
    // 30211: 9.50 / 8.00 = 118.75 %, unchanged in 2025; 30231: 7.30 / 8.00 = 91.25 %, then 7.50 − 8.00 = −0.50 (−6.25 %).
    expect(line(liandu, '30211')!.years).toEqual([
      { year: 2024, budget: '8.00', final: '9.50', execution: '118.75' },
      { year: 2025, budget: '8.00', change: { difference: '0.00', rate: '0.00' } },
    ]);
    expect(line(liandu, '30231')!.years).toEqual([
      { year: 2024, budget: '8.00', final: '7.30', execution: '91.25' },
      { year: 2025, budget: '7.50', change: { difference: '-0.50', rate: '-6.25' } },
    ]);
  });

  it('sets the 决算 of each economic code of the basic expenditure against its budget', () => {
    // 421.60 / 415.68 = 101.42 %; 11.26 / 10.80 = 104.26 %; 3.12 / 3.60 = 86.67 %; 2.86 / 3.00 = 95.33 %.
    expect(line(wuhou, '301')).toEqual({ code: '301', name: '工资福利支出', years: [{ year: 2024, budget: '415.68', final: '421.60', execution: '101.42' }] });
    expect(line(wuhou, '30201')!.years).toEqual([{ year: 2024, budget: '10.80', final: '11.26', execution: '104.26' }]);
    expect(line(wuhou, '30211')!.years).toEqual([{ year: 2024, budget: '3.60', final: '3.12', execution: '86.67' }]);
    expect(line(wuhou, '30231')!.years).toEqual([{ year: 2024, budget: '3.00', final: '2.86', execution: '95.33' }]);
    expect(wuhou.economic.map((s) => s.code)).toEqual(['301', '30101', '30102', '30103', '30108', '30110', '30113', '302', '30201', '30206', '30211', '30217', '30228', '30231']);
    // Functional codes stay in their own history, economic codes in theirs.
    expect(wuhou.subjects.some((s) => s.code.startsWith('30'))).toBe(false);
  });

  it('gives the change of each economic code from the year before', () => {
    // 519.53 − 509.22 = 10.31 (2.02 %); 13.80 − 14.30 = −0.50 (−3.50 %); 9.80 − 6.30 = 3.50 (55.56 %); 226.52 − 223.84 = 2.68 (1.20 %).
    expect(line(lucheng, '301')!.years).toEqual([
      { year: 2022, budget: '509.22' },
      { year: 2023, budget: '519.53', change: { difference: '10.31', rate: '2.02' } },
    ]);
    expect(line(lucheng, '30201')!.years[1]).toEqual({ year: 2023, budget: '13.80', change: { difference: '-0.50', rate: '-3.50' } });
    expect(line(lucheng, '30231')!.years[1]).toEqual({ year: 2023, budget: '9.80', change: { difference: '3.50', rate: '55.56' } });
    expect(line(lucheng, '30101')!.years[1]).toEqual({ year: 2023, budget: '226.52', change: { difference: '2.68', rate: '1.20' } });
  });

  it('the economic CSV, read back, has the figures the page shows', () => {
    const rows = (parse(economicHistoryCsv(wuhou), { bom: true, columns: true }) as Record<string, string>[]).filter((r) => r.经济分类科目编码 === '302');
    expect(rows.map((r) => [r.经济分类科目名称, r.年度, r['预算（万元）'], r['决算（万元）'], r['执行率（%）']])).toEqual([['商品和服务支出', '2024', '29.70', '29.57', '99.56']]);
  });
});

describe('open data of the unit', () => {
  const history = unitHistory(corpus.entities);
  const read = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[];

  it('the history CSV, read back by a CSV reader, has the totals and rates the page shows', () => {
    const rows = read(historyCsv(history));
    expect(rows.map((r) => [r.年度, r['预算支出（万元）'], r['决算支出（万元）'], r['执行率（%）'], r['决算“三公”经费（万元）'], r['预算比上年增减（万元）'], r['预算比上年增减（%）']])).toEqual([
      ['2024', '550.00', '517.80', '94.15', '10.50', '', ''],
      ['2025', '525.00', '', '', '', '-25.00', '-4.55'],
    ]);
    const subjects = read(subjectHistoryCsv(history)).filter((r) => r.科目编码 === '2130199');
    expect(subjects.map((r) => [r.年度, r['预算（万元）'], r['决算（万元）'], r['执行率（%）']])).toEqual([
      ['2024', '200.00', '162.30', '81.15'],
      ['2025', '150.00', '', ''],
    ]);
  });

  it('catalog.json lists each document with its phase, and its tables with theirs', () => {
    const catalog = JSON.parse(JSON.stringify(buildCatalog(corpus.entities.map(entityHead), corpus.sources, '/'))) as ReturnType<typeof buildCatalog>;
    expect(catalog.entities.map((e) => [e.id, e.phase, e.year, e.unitKey, e.totals.expenditure])).toEqual([
      [BUDGET_ID, 'budget', 2024, '331102:农业农村局', '550.00'],
      [FINAL_ID, 'final', 2024, '331102:农业农村局', '530.00'],
      ['lishuishi-liandouqu-2025-nongyenongcunju', 'budget', 2025, '331102:农业农村局', '525.00'],
    ]);
    expect(catalog.entities[1]!.tables.map((t) => t.phase)).toEqual(['final', 'final', 'final', 'final', 'final']);
    expect(catalog.sources.map((s) => s.phase)).toEqual(['budget', 'final', 'budget']);
  });

  it('a subject code sums its documents by year and phase', () => {
    const uses = corpus.entities.map((entity) => ({ entity, main: { value: history.subjects.find((s) => s.code === '2130101')!.years.find((y) => y.year === entity.year)![entity.phase] } }));
    expect(subjectYears(uses)).toEqual([
      { year: 2024, phase: 'budget', documents: 1, total: '300.00' },
      { year: 2024, phase: 'final', documents: 1, total: '305.50' },
      { year: 2025, phase: 'budget', documents: 1, total: '320.00' },
    ]);
  });
});

describe('the year of final accounts', () => {
  it('is the year they account for, however often the text names the budgets it compares with', () => {
    const text = [
      '某县自然资源局2023年度部门决算',
      '',
      '部门：某县自然资源局',
      '',
      '2023年度收入总计100.00万元，与2022年预算相比减少5.00万元。2022年预算安排的项目已完成。2024年预算将继续安排。',
    ].join('\n');
    expect(ingest('year.txt', text).entities[0]).toMatchObject({ year: 2023, phase: 'final' });
  });
});

describe('final accounts in another template (amounts in 元, numbers under titles, budget and actual groups)', () => {
  const FILE = 'fucheng-sifa-2023-final.txt';
  const entity = ingest(FILE).entities[0]!;

  it('recognizes the tables by their 决算 titles, with 公开02表 taken as the number of the title above it', () => {
    expect(entity).toMatchObject({ id: 'mianyangshi-fuchengqu-2023-118001-juesuan', phase: 'final', year: 2023 });
    expect(entity.tables.map((t) => [t.kind, t.number, t.rows.length])).toEqual([
      ['fiscal-summary', '公开02表', 5],
      ['general-budget-expenditure', '公开03表', 8],
      ['three-public', '公开05表', 1],
      ['government-fund-expenditure', '公开06表', 4],
    ]);
    expect(entity.findings).toEqual([]);
  });

  it('reads the year\'s amounts from the 决算 columns, in 万元', () => {
    expect(phaseFigures(entity)).toEqual({ entityId: entity.id, total: '245.00', basic: '195.00', project: '50.00', threePublic: '5.20' });
  });

  it('shows the "三公" 决算 against the 预算数 printed beside it', () => {
    expect(entity.execution!.filter((x) => x.table === 'three-public')).toEqual([{ table: 'three-public', line: 41, final: '52000.00', adjusted: '60000.00', rate: '86.67' }]);
  });

  it('checks the balance row by row where a table prints its terms as columns', () => {
    const text = readFileSync(`${dir}/${FILE}`, 'utf8').replace('21208\t国有土地使用权出让收入安排的支出\t10000.00\t50000.00\t55000.00\t\t55000.00\t5000.00', '21208\t国有土地使用权出让收入安排的支出\t10000.00\t50000.00\t55000.00\t\t55000.00\t6000.00');
    const findings = ingest('broken.txt', text).entities[0]!.findings.filter((f) => f.ruleId === 'final-balance');
    expect(findings.map((f) => [f.table, f.expected, f.actual, f.cells.map((c) => c.line)])).toEqual([['government-fund-expenditure', '60000.00', '61000.00', [51, 51, 51, 51]]]);
  });

  it('checks the balance with 年初/年末财政拨款结转和结余', () => {
    const text = readFileSync(`${dir}/${FILE}`, 'utf8').replace('年末财政拨款结转和结余\t30000.00', '年末财政拨款结转和结余\t31000.00');
    const findings = ingest('broken.txt', text).entities[0]!.findings.filter((f) => f.ruleId === 'final-balance');
    expect(findings.map((f) => [f.expected, f.actual])).toEqual([['2480000.00', '2481000.00']]);
  });
});

describe('identities between the tables of final accounts', () => {
  const FILE = 'nanguan-chengguan-2023-final.txt';
  const text = readFileSync(`${dir}/${FILE}`, 'utf8');
  const crossTable = (t: string) => ingest('broken.txt', t).entities[0]!.findings.filter((f) => f.ruleId === 'cross-table');

  it('does not ask income by subject to equal spending by subject: they differ by the change in carry-over', () => {
    const entity = ingest(FILE).entities[0]!;
    expect(entity.tables.map((t) => [t.kind, t.phase])).toEqual([
      ['income-expenditure-summary', 'final'],
      ['income-summary', 'final'],
      ['expenditure-summary', 'final'],
    ]);
    // 收入决算表 201 is 660.00, 支出决算表 201 is 620.50; 合计 872.00 against 827.00.
    expect(entity.findings).toEqual([]);
  });

  it('finds a 收入决算表 合计 that is not the 本年收入合计 of the summary', () => {
    const broken = text
      .replace('\t合计\t872.00\t860.00\t12.00', '\t合计\t874.00\t862.00\t12.00')
      .replace('201\t一般公共服务支出\t660.00\t648.00', '201\t一般公共服务支出\t662.00\t650.00')
      .replace('20103\t政府办公厅（室）及相关机构事务\t660.00\t648.00', '20103\t政府办公厅（室）及相关机构事务\t662.00\t650.00')
      .replace('2010301\t行政运行\t520.00\t520.00', '2010301\t行政运行\t522.00\t522.00');
    expect(crossTable(broken).map((f) => [f.table, f.expected, f.actual])).toEqual([['income-expenditure-summary', '874.00', '872.00']]);
  });

  it('still compares the summary\'s spending by 类 with the 支出决算表', () => {
    const broken = text.replace('四、城乡社区支出\t70.00', '四、城乡社区支出\t75.50').replace('本年支出合计\t827.00', '本年支出合计\t832.50').replace('年末结转和结余\t90.00', '年末结转和结余\t84.50');
    expect(crossTable(broken).map((f) => [f.table, f.expected, f.actual])).toEqual([
      ['income-expenditure-summary', '70.00', '75.50'],
      ['income-expenditure-summary', '827.00', '832.50'],
    ]);
  });
});

describe('the site index with budgets and final accounts', () => {
  it('counts only budgets in the portal-wide totals, one per year, and keys final accounts apart', async () => {
    const site = await buildIndex({ sources: async () => corpus.sources, entityIds: async () => corpus.entities.map((e) => e.id), entity: async (id) => byId.get(id)! });
    // One sum per year (the 2025 and 2024 budgets), never the two years added together; the 2024 final account not counted.
    expect(site.totals.expenditureByYear).toEqual([
      { year: 2025, value: '525.00', entities: 1 },
      { year: 2024, value: '550.00', entities: 1 },
    ]);
    expect(site.entities.map((e) => e.id)).toContain(FINAL_ID);
    expect(site.years.map((y) => [y.year, y.entities.length])).toEqual(expect.arrayContaining([[2024, 2], [2025, 1]]));
  });
});
