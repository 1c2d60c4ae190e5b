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
import { phaseFigures, unitHistory } from '../../src/lib/history.ts';
import { historyCsv, subjectHistoryCsv } from '../../src/lib/history-csv.ts';
import { subjectYears } from '../../src/lib/subject-years.ts';
import { buildIndex } from '../../src/lib/site.ts';

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
    expect(catalog.entities[1]!.tables.map((t) => t.phase)).toEqual(['final', 'final', 'final', 'final']);
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
  it('counts only budgets in the portal-wide total, and keys final accounts apart', async () => {
    const site = await buildIndex({ sources: async () => corpus.sources, entityIds: async () => corpus.entities.map((e) => e.id), entity: async (id) => byId.get(id)! });
    expect(site.totals.expenditure).toBe('1075.00');
    expect(site.entities.map((e) => e.id)).toContain(FINAL_ID);
    expect(site.years.map((y) => [y.year, y.entities.length])).toEqual(expect.arrayContaining([[2024, 2], [2025, 1]]));
  });
});
