/**
 * Headline totals of an entity: 收入总计 and 支出总计 as printed in its
 * income-expenditure summary, converted exactly to 万元.
 */
import { toWan as convertToWan, type MoneyUnit } from '../model/money.ts';
import type { Table } from '../model/schema.ts';
import { compact } from './text.ts';

/** Exact conversion of a table value to 万元. */
export function toWan(value: string, unit: MoneyUnit): string {
  return convertToWan(value, unit);
}

/** The amount printed right after a label cell (`收入总计 | 724.39`). */
function amountAfterLabel(table: Table, label: RegExp): string | undefined {
  for (const row of table.rows) {
    for (let i = 0; i < row.cells.length; i++) {
      if (!label.test(compact(row.cells[i]!.text))) continue;
      const next = row.cells.slice(i + 1).find((c) => c.value !== undefined || c.text.trim() !== '');
      if (next?.value !== undefined) return next.value;
    }
  }
  return undefined;
}

/**
 * Final accounts (决算) print a bare 总计 at the foot of both sides
 * (`总计 | 5 | 530.00 | 总计 | 35 | 530.00`): the first is the income side's,
 * the second the expenditure side's.
 */
function bareGrandTotals(table: Table): [string | undefined, string | undefined] {
  for (const row of table.rows) {
    const found: (string | undefined)[] = [];
    row.cells.forEach((cell, i) => {
      if (compact(cell.text) !== '总计') return;
      // The 行次 column between label and amount is a line number, not an amount.
      const next = row.cells.findIndex((_c, j) => j > i && table.columns[j]?.role === 'amount');
      found.push(next < 0 ? undefined : row.cells[next]!.value);
    });
    if (found.length === 2) return [found[0], found[1]];
  }
  return [undefined, undefined];
}

export function entityTotals(tables: readonly Table[]): { income?: string; expenditure?: string } {
  const summary = tables.find((t) => t.kind === 'income-expenditure-summary' && !t.empty);
  if (!summary?.unit) return {};
  const totals: { income?: string; expenditure?: string } = {};
  const [bareIncome, bareExpenditure] = bareGrandTotals(summary);
  const income = amountAfterLabel(summary, /^收入总计$/) ?? bareIncome;
  const expenditure = amountAfterLabel(summary, /^支出总计$/) ?? bareExpenditure;
  if (income) totals.income = toWan(income, summary.unit);
  if (expenditure) totals.expenditure = toWan(expenditure, summary.unit);
  return totals;
}
