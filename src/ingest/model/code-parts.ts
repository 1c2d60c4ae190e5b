/**
 * The amount of a subject code printed on several rows of one table.
 *
 * The rule, in one place: rows that are parts of one code are summed; a row
 * is never summed with its own subtotal.
 *
 * - A table cross-classified by a second code (部门预算经济分类 × 政府预算经济分类)
 *   prints a code once per second code (30108 · 50102 and 30108 · 50501): each
 *   row is a part of the code, and the code's amount is their sum.
 * - A table may also print the code's own subtotal beside its parts (a row
 *   without the second code, or a row whose amount is the sum of the others):
 *   that row already holds the others and is the amount on its own.
 * - The same row printed twice (a page break repeating it) is one row.
 */
import { add, compare, dec, toString, ZERO, type Decimal } from './decimal.ts';
import type { Table } from './schema.ts';

type Row = Table['rows'][number];

export interface CodeAmount {
  /** The code's amount, undefined when none of its rows prints one. */
  value?: string;
  /** The rows the amount is read from: the parts summed, or the subtotal alone. */
  rows: Row[];
  /** The printed amount of each row in `rows` (blank rows left out). */
  parts: string[];
  /** The row printing the subtotal of the others, when the table prints one. */
  subtotal?: Row;
}

const rowKey = (r: Row) => r.cells.map((c) => c?.text ?? '').join('\u0001');

/** Rows printing one code, repeated rows counted once. */
function distinct(rows: readonly Row[]): Row[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = rowKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const total = (ds: readonly Decimal[]) => ds.reduce((a, b) => add(a, b), ZERO);

/**
 * The amount of one code from the rows printing it (in table order);
 * `valueOf` reads a row's amount (a canonical decimal string) or undefined
 * when the row leaves it blank.
 */
export function codeAmount(printing: readonly Row[], valueOf: (row: Row) => string | undefined): CodeAmount {
  const rows = distinct(printing);
  const amounts = rows.map((r) => valueOf(r));
  const read = (list: Row[]): CodeAmount => {
    const values = list.map((r) => amounts[rows.indexOf(r)]).filter((v): v is string => v !== undefined);
    return { ...(values.length ? { value: toString(total(values.map(dec))) } : {}), rows: list, parts: values };
  };
  if (rows.length < 2) return read(rows);
  // A row without the second code beside rows that have one is the code's own subtotal.
  const bare = rows.filter((r) => !r.govCode);
  if (bare.length === 1 && rows.every((r) => r === bare[0] || r.govCode)) return { ...read([bare[0]!]), subtotal: bare[0]! };
  // Rows told apart by their second code are parts.
  const second = new Set(rows.map((r) => r.govCode));
  if (bare.length === 0 && second.size === rows.length) return read(rows);
  // Otherwise a row printing the sum of all the others is their subtotal.
  const ds = amounts.map((v) => (v === undefined ? ZERO : dec(v)));
  const all = total(ds);
  const i = ds.findIndex((d, k) => amounts[k] !== undefined && compare(add(d, d), all) === 0);
  if (i >= 0) return { ...read([rows[i]!]), subtotal: rows[i]! };
  return read(rows);
}

/** Rows of `table` printing `code` as their own code, totals left out, in table order. */
export function rowsOfCode(table: Table, code: string): Row[] {
  return table.rows.filter((r) => r.code === code && !r.total);
}
