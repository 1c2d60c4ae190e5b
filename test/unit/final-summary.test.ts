/**
 * A 收入支出决算总表 printed with both sides in one label column (the 支出
 * block under the 收入 block), with the lines final accounts add between
 * 本年合计 and 总计: 使用非财政拨款结余 and 年初结转和结余 on the income side,
 * 结余分配 and 年末结转和结余 on the spending side.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sidesOf } from '../../src/ingest/check/summary.ts';
import type { Row } from '../../src/ingest/check/table-rows.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';

const FILE = 'test/fixtures/final-accounts/saihan-jiaoyu-2022-final.txt';
const text = readFileSync(FILE, 'utf8');
const ingest = (t: string) => ingestSource('saihan.txt', new TextEncoder().encode(t)).entities[0]!;

describe('a final-accounts summary with its two sides stacked in one column', () => {
  it('reads the two sides, each with its own lines, 本年合计 and 总计', () => {
    const table = ingest(text).tables.find((t) => t.kind === 'income-expenditure-summary')!;
    const label = (row: Row | undefined) => row?.cells[0]?.text;
    expect(sidesOf(table).map((s) => [s.kind, label(s.current), label(s.grand), s.rows!.map(label)])).toEqual([
      ['income', '本年收入合计', '收入总计', ['一、一般公共预算财政拨款收入', '二、政府性基金预算财政拨款收入', '三、事业收入', '四、其他收入', '本年收入合计', '使用非财政拨款结余', '年初结转和结余', '收入总计']],
      ['expenditure', '本年支出合计', '支出总计', ['支出', '一、教育支出', '二、社会保障和就业支出', '三、卫生健康支出', '本年支出合计', '结余分配', '年末结转和结余', '支出总计']],
    ]);
  });

  it('finds nothing in a consistent summary', () => {
    expect(ingest(text).findings).toEqual([]);
  });

  it('adds up the items of each side', () => {
    const findings = ingest(text.replace('| 三、卫生健康支出 | 45.00 |', '| 三、卫生健康支出 | 46.00 |')).findings;
    expect(findings.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([['summary-sum', '1456.00', '1455.00']]);
  });

  it('balances each side and the final accounts across the sides', () => {
    const findings = ingest(text.replace('| 年末结转和结余 | 80.00 |', '| 年末结转和结余 | 81.00 |')).findings;
    expect(findings.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([
      ['summary-balance', '1541.00', '1540.00'],
      ['final-balance', '1540.00', '1541.00'],
    ]);
  });
});

describe('a budget summary whose two sides alternate line by line in one column', () => {
  // A two-sided 收支总表 printed one cell per line reads as one label column
  // with the income and spending lines taking turns.
  const lines = [
    ['一、一般公共预算拨款收入', '420.00'],
    ['一、一般公共服务支出', '300.00'],
    ['二、政府性基金预算拨款收入', '30.00'],
    ['二、社会保障和就业支出', '90.00'],
    ['三、事业收入', ''],
    ['三、城乡社区支出', '75.00'],
    ['本年收入合计', '450.00'],
    ['本年支出合计', '465.00'],
    ['上年结转结余', '25.00'],
    ['年终结转结余', '10.00'],
    ['收入总计', '475.00'],
    ['支出总计', '475.00'],
  ];
  const doc = (rows: string[][]) =>
    ['哈尔滨市道里区市场监督管理局2024年部门预算', '', '一、收支总表', '', '单位：万元', '', '| 项目 | 预算数 |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`), ''].join('\n');

  it('gives each side its own lines: 上年结转结余 with the income, 年终结转结余 with the spending', () => {
    const entity = ingest(doc(lines));
    const table = entity.tables.find((t) => t.kind === 'income-expenditure-summary')!;
    expect(sidesOf(table).map((s) => [s.kind, s.rows!.map((r) => r.cells[0]!.text)])).toEqual([
      ['income', ['一、一般公共预算拨款收入', '二、政府性基金预算拨款收入', '三、事业收入', '本年收入合计', '上年结转结余', '收入总计']],
      ['expenditure', ['一、一般公共服务支出', '二、社会保障和就业支出', '三、城乡社区支出', '本年支出合计', '年终结转结余', '支出总计']],
    ]);
    expect(entity.findings).toEqual([]);
  });

  it('finds a spending total that is not its carry-over plus this year\'s spending', () => {
    const broken = lines.map(([a, b]) => (a === '年终结转结余' ? [a, '12.00'] : [a!, b!]));
    expect(ingest(doc(broken)).findings.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([['summary-balance', '477.00', '475.00']]);
  });
});
