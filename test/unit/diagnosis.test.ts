/**
 * Findings as a diagnosis: symptoms of one cause grouped, rounding gaps set
 * apart, and what each cause means for the reader.
 */
import { describe, expect, it } from 'vitest';
import { checkEntity } from '../../src/ingest/check/index.ts';
import type { Finding } from '../../src/ingest/model/schema.ts';
import { diagnose, roundingExplains } from '../../src/lib/diagnosis.ts';
import { ruleName } from '../../src/lib/rule-names.ts';
import { makeEntity, makeTable, type TableSpec } from '../fixtures/check/build.ts';

const FUNCTIONAL = ['科目编码#code', '科目名称#name'];
const spending = (kind: 'expenditure-summary' | 'general-budget-expenditure', line: number, rows: TableSpec['rows']): TableSpec => ({
  kind,
  line,
  columns: [...FUNCTIONAL, '合计', '基本支出', '项目支出'],
  rows,
});
const correct = [
  ['', '合计', '300.00', '200.00', '100.00'],
  ['213', '农林水支出', '300.00', '200.00', '100.00'],
  ['21301', '农业农村', '300.00', '200.00', '100.00'],
  ['2130101', '行政运行', '200.00', '200.00', ''],
  ['2130199', '其他农业农村支出', '100.00', '', '100.00'],
];
/** The same rows with 基本支出 and 项目支出 printed in each other's column below the 合计 row. */
const swapped = correct.map((r, i) => (i === 0 ? r : [r[0]!, r[1]!, r[2]!, r[4]!, r[3]!]));

const analyse = (...specs: TableSpec[]) => {
  const entity = makeEntity(specs.map(makeTable));
  const findings = checkEntity(entity);
  const list = findings.map((finding, i) => ({ id: `f${i + 1}`, finding }));
  return { findings, d: diagnose(entity.tables, list) };
};

describe('diagnose', () => {
  it('groups the symptoms of one block of misplaced rows under one cause that names the rows', () => {
    const { findings, d } = analyse(spending('expenditure-summary', 20, swapped), spending('general-budget-expenditure', 40, correct));
    expect(findings.map((f) => f.ruleId)).toEqual(['column-sum', 'cross-table', 'cross-table', 'cross-table', 'cross-table']);
    expect(d.rounding).toEqual([]);
    expect(d.causes.length).toBe(1);
    const [cause] = d.causes;
    expect(cause!.symptoms.map((s) => s.id)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
    expect(cause!.meaning).toBe('document');
    expect(cause!.focus).toEqual({ table: 'expenditure-summary', name: '支出总表', line: 20, endLine: 24, symptoms: 5 });
    expect(cause!.why).toBe('这 5 处不符都涉及支出总表第 20–24 行，问题很可能出在这几行。涉及的数字在原文中逐格印出，本站读取没有错位的迹象：是原文件自身的数字前后不一致。');
  });

  it('keeps causes in different tables apart', () => {
    const other: TableSpec = { kind: 'three-public', line: 60, columns: ['项目#name', '合计'], rows: [['合计', '9.00'], ['因公出国（境）费', '1.00'], ['公务接待费', '2.00'], ['公务用车购置及运行费', '3.00']] };
    const { d } = analyse(spending('expenditure-summary', 20, swapped), spending('general-budget-expenditure', 40, correct), other);
    expect(d.causes.map((c) => [c.symptoms.length, c.focus?.table])).toEqual([
      [5, 'expenditure-summary'],
      [1, 'three-public'],
    ]);
  });

  it('says the reading may be off when a row involved was read only in part', () => {
    const partial = swapped.map((r, i) => (i === 2 ? { cells: r, partial: true } : r));
    const { d } = analyse(spending('expenditure-summary', 20, partial), spending('general-budget-expenditure', 40, correct));
    expect(d.causes.map((c) => c.meaning)).toEqual(['reading']);
    expect(d.causes[0]!.why).toContain('涉及的第 22 行本站只能部分读取');
  });

  it('sets a 0.01 gap over printed amounts apart as rounding, not as a cause', () => {
    const rows = [
      ['', '合计', '10.01', '10.01', ''],
      ['213', '农林水支出', '10.00', '10.00', ''],
    ];
    const { findings, d } = analyse(spending('expenditure-summary', 20, rows));
    expect(findings.map((f) => f.difference)).toEqual(['0.01']);
    expect(d.causes).toEqual([]);
    expect(d.rounding.map((r) => r.id)).toEqual(['f1']);
  });
});

describe('roundingExplains', () => {
  const finding = (difference: string, cells: number): Finding => ({
    ruleId: 'column-sum',
    severity: 'error',
    message: '',
    expected: '5.00',
    actual: '5.00',
    difference,
    cells: Array.from({ length: cells }, (_, i) => ({ line: i + 1, label: '' })),
  });
  it('accepts half a unit of the last digit per printed amount, no more', () => {
    expect(roundingExplains(finding('0.01', 2))).toBe(true);
    expect(roundingExplains(finding('-0.01', 2))).toBe(true);
    expect(roundingExplains(finding('0.02', 3))).toBe(false);
    expect(roundingExplains(finding('0.02', 4))).toBe(true);
    expect(roundingExplains(finding('1.00', 6))).toBe(false);
  });
});

describe('ruleName', () => {
  it('names every rule in plain Chinese', () => {
    expect(ruleName('cross-table')).toBe('表间一致');
    expect(ruleName('row-sum')).toBe('行内合计');
    expect(ruleName('some-new-rule')).toBe('some-new-rule');
  });
});
