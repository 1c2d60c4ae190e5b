/**
 * The Fiscal Data Package: valid against the published profile, and loaded
 * back by a CSV reader with the totals the unit pages show.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec, sum, toString } from '../../src/ingest/model/decimal.ts';
import { writeDataPackage } from '../../src/downloads/write-data-package.ts';
import { amountRecords, unitRecord } from '../../src/downloads/data-package.ts';
import { settleDuplicates } from '../../src/ingest/corpus.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';

const profileDir = 'test/fixtures/fiscal-data-package';
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** The profile validator: its `$ref`s name `schemas/dictionary.json`, registered under that id. */
function profileValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addSchema(readJson(join(profileDir, 'dictionary.json')), 'schemas/dictionary.json');
  return ajv.compile(readJson(join(profileDir, 'fiscal-data-package.json')));
}

type Row = Record<string, string>;

describe('the Fiscal Data Package of the seeds', () => {
  let dist: string;
  let descriptor: ReturnType<typeof readJson>;
  let amounts: Row[];
  let units: Row[];

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'fdp-'));
    writeDataPackage('content', dist, '2026-01-01T00:00:00.000Z');
    descriptor = readJson(join(dist, 'data', 'datapackage.json'));
    const load = (name: string) => parse(readFileSync(join(dist, 'data', 'fdp', `${name}.csv`), 'utf8'), { columns: true, bom: true }) as Row[];
    amounts = load('amounts');
    units = load('units');
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('is valid against the Fiscal Data Package profile', () => {
    const validate = profileValidator();
    const valid = validate(descriptor);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be rejected by the profile with a currency that is no ISO code or a resource without a name', () => {
    const validate = profileValidator();
    const badCurrency = structuredClone(descriptor);
    badCurrency.model.measures.amount.currency = '万元';
    expect(validate(badCurrency)).toBe(false);
    const noName = structuredClone(descriptor);
    delete noName.resources[0].name;
    expect(validate(noName)).toBe(false);
  });

  it('declares measures in CNY with the factor of 万元 and the dimensions of a budget line', () => {
    expect(descriptor.model.measures.amount).toMatchObject({ source: 'amount', resource: 'amounts', currency: 'CNY', factor: 10000 });
    expect(Object.keys(descriptor.model.dimensions)).toEqual(['unit', 'region', 'fiscal_year', 'phase', 'table', 'column', 'function', 'economic', 'line']);
    expect(descriptor.model.dimensions.function.classificationType).toBe('functional');
    expect(descriptor.fiscalPeriod).toEqual({ start: '2023-01-01', end: '2025-12-31' });
    expect(descriptor.resources.map((r: { path: string }) => r.path)).toEqual(['fdp/amounts.csv', 'fdp/units.csv']);
  });

  it('has one CSV per resource whose header is the resource’s fields', () => {
    for (const r of descriptor.resources as { path: string; schema: { fields: { name: string }[] } }[]) {
      const header = readFileSync(join(dist, 'data', r.path), 'utf8').split('\r\n')[0]!.split(',');
      expect(header).toEqual(r.schema.fields.map((f) => f.name));
    }
    expect(units.map((u) => `${u.unit_id} ${u.phase} ${u.fiscal_year}`)).toEqual([
      'jiyuanchanchengrongheshifanqu-2024-036 budget 2024',
      'langfangshi-guangyangqu-2023-571001 budget 2023',
      'qinhuangdaoshi-2024-450001 budget 2024',
      'qinhuangdaoshi-2024-450003 budget 2024',
      'xianshi-beilinqu-2024-231002 budget 2024',
      'xinglongxian-2025-362001 budget 2025',
    ]);
  });

  const total = (unit: string, column: string) =>
    amounts.filter((a) => a.unit_id === unit && a.table_kind === 'expenditure-summary' && a.column === column && a.is_total === 'true');
  const classSum = (unit: string, column: string) =>
    toString(sum(amounts.filter((a) => a.unit_id === unit && a.table_kind === 'expenditure-summary' && a.column === column && /^\d{3}$/.test(a.function_code!)).map((a) => dec(a.amount!))));

  it('gives 450001 the totals its page shows: 支出 724.39 = 基本 435.10 + 项目 289.29 万元', () => {
    const unit = 'qinhuangdaoshi-2024-450001';
    expect(units.find((u) => u.unit_id === unit)).toMatchObject({ total_income: '724.39', total_expenditure: '724.39', unit_code: '450001', unit_name: '秦皇岛市医疗保障局本级' });
    expect(total(unit, '合计').map((a) => [a.amount, a.printed_unit, a.source_line])).toEqual([['724.39', '万元', '154']]);
    expect(total(unit, '基本支出').map((a) => a.amount)).toEqual(['435.10']);
    expect(total(unit, '项目支出').map((a) => a.amount)).toEqual(['289.29']);
    // The 类 rows (three-digit functional codes) add up to the printed total.
    expect(classSum(unit, '合计')).toBe('724.39');
  });

  it('gives 231002, printed in 元, its total exactly in 万元 with the amount as printed beside it', () => {
    const unit = 'xianshi-beilinqu-2024-231002';
    expect(units.find((u) => u.unit_id === unit)).toMatchObject({ total_expenditure: '1275.317162', unit_code: '231002' });
    const rows = amounts.filter((a) => a.unit_id === unit && a.table_kind === 'expenditure-summary' && a.is_total === 'true' && a.column === '部门预算 / 合计');
    expect(rows.map((a) => [a.amount, a.printed_amount, a.printed_unit, a.source_line])).toEqual([['1275.317162', '12,753,171.62', '元', '279']]);
  });

  it('leaves out the performance sheets and marks 决算 as actual', () => {
    expect(amounts.some((a) => a.table_kind!.endsWith('performance'))).toBe(false);
    expect(new Set(amounts.map((a) => a.phase))).toEqual(new Set(['budget']));
  });
});

describe('budget and final accounts of one unit and year in the package', () => {
  const dir = 'test/fixtures/final-accounts';
  const results = readdirSync(dir)
    .filter((f) => f.startsWith('liandu-nongye-2024-'))
    .sort()
    .map((f) => ingestSource(f, new TextEncoder().encode(readFileSync(`${dir}/${f}`, 'utf8'))));
  const entities = settleDuplicates(results).entities;
  const totals = (id: string) =>
    amountRecords(entities.find((e) => e.id === id)!)
      .filter((r) => r.table_kind === 'expenditure-summary' && r.is_total)
      .map((r) => `${r.phase} ${r.column} ${r.amount} L${r.source_line}`);

  it('carries phase budget for the 预算 and actual for the 决算, with the totals the unit page shows (550.00 planned, 517.80 spent)', () => {
    expect(totals('lishuishi-liandouqu-2024-nongyenongcunju')).toEqual(['budget 合计 550.00 L22', 'budget 基本支出 350.00 L22', 'budget 项目支出 200.00 L22']);
    expect(totals('lishuishi-liandouqu-2024-nongyenongcunju-juesuan')).toEqual(['actual 本年支出合计 517.80 L26', 'actual 基本支出 355.50 L26', 'actual 项目支出 162.30 L26']);
    expect(entities.map((e) => unitRecord(e)).map((u) => `${u.unit_id} ${u.phase} ${u.fiscal_year} ${u.total_expenditure}`)).toEqual([
      'lishuishi-liandouqu-2024-nongyenongcunju budget 2024 550.00',
      'lishuishi-liandouqu-2024-nongyenongcunju-juesuan actual 2024 530.00',
    ]);
  });
});
