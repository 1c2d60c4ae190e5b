/**
 * Execution of a final-accounts table that prints budget columns beside its
 * actuals (年初预算数, 调整预算数 or 全年预算数, 决算数): each row's actual
 * against its budget, with the execution rate. This is information, not a
 * finding: execution differs from the budget by nature (adjustments during
 * the year, savings, carry-overs), so no difference is an error.
 */
import { toString } from '../model/decimal.ts';
import { percent } from '../model/ratio.ts';
import type { Entity, Execution, Table } from '../model/schema.ts';
import { compact } from '../recognize/text.ts';
import { isTotalRow, printed } from './table-rows.ts';

const INITIAL_RE = /年初预算/;
/** The budget as adjusted during the year; a bare 预算数 in a final-accounts table is that too. */
const ADJUSTED_RE = /调整(?:后)?预算|全年预算|^预算数$/;
const FINAL_RE = /决算/;

/** The first amount column whose header path says `re` (a group's first column is its 合计). */
function columnOf(table: Table, re: RegExp, not?: RegExp): number {
  return table.columns.findIndex((c) => c.role === 'amount' && c.path.some((p) => re.test(compact(p))) && !(not && c.path.some((p) => not.test(compact(p)))));
}

/** Execution rows of one table; empty when it prints no 决算数 beside a budget column. */
function tableExecution(table: Table): Execution[] {
  const final = columnOf(table, FINAL_RE, /预算/);
  const initial = columnOf(table, INITIAL_RE);
  const adjusted = columnOf(table, ADJUSTED_RE);
  if (final < 0 || (initial < 0 && adjusted < 0)) return [];
  const out: Execution[] = [];
  for (const row of table.rows) {
    const actual = printed(row, final);
    // Coded rows, totals, and named items ("三公" tables list 因公出国（境）费 … by name, or in one row).
    if (!actual || !(row.code || row.name || isTotalRow(row) || table.rows.length === 1)) continue;
    const first = initial >= 0 ? printed(row, initial) : undefined;
    const full = adjusted >= 0 ? printed(row, adjusted) : undefined;
    const base = full ?? first;
    const rate = base ? percent(actual, base) : undefined;
    const item: Execution = { table: table.id, line: row.line, final: toString(actual) };
    if (row.code) item.code = row.code;
    if (row.name) item.name = compact(row.name);
    if (isTotalRow(row)) item.total = true;
    if (first) item.initial = toString(first);
    if (full) item.adjusted = toString(full);
    if (rate) item.rate = toString(rate);
    out.push(item);
  }
  return out;
}

/** Execution of every final-accounts table of the entity. */
export function executionOf(entity: Pick<Entity, 'tables'>): Execution[] {
  return entity.tables.filter((t) => t.phase === 'final').flatMap(tableExecution);
}
