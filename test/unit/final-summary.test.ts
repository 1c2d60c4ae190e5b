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
    const label = (row: Row | undefined) => row?.cells[0]!.text;
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
