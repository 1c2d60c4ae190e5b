/**
 * Reading rows of a model table: values as exact decimals (a blank cell is
 * zero — budget tables leave empty what is nothing), which rows are totals,
 * which rows are units, and which rows the reader could only recover in part.
 */
import { dec, ZERO, type Decimal } from '../model/decimal.ts';
import type { Table } from '../model/schema.ts';
import { compact } from '../recognize/text.ts';

export type Row = Table['rows'][number];

/** 合计 / 总计 / 小计 rows, however the name ends (`秦皇岛市医疗保障局本级小计`, `本年收入合计`). */
const TOTAL_NAME_RE = /(?:合计|总计|小计)$/;
const GRAND_NAME_RE = /^(?:合计|总计|总合计|合计数)$/;

export function nameOf(row: Row): string {
  return row.name ? compact(row.name) : '';
}

export function isTotalRow(row: Row): boolean {
  return row.total === true || TOTAL_NAME_RE.test(nameOf(row));
}

/** The table's grand total row: the first 合计/总计 row. */
export function grandTotal(table: Table): Row | undefined {
  return table.rows.find((r) => isTotalRow(r) && GRAND_NAME_RE.test(nameOf(r)));
}

/** Printed value of a cell, or undefined when blank. */
export function printed(row: Row, index: number): Decimal | undefined {
  const value = row.cells[index]?.value;
  return value === undefined ? undefined : dec(value);
}

/** Value of a cell, zero when blank. */
export function valueAt(row: Row, index: number): Decimal {
  return printed(row, index) ?? ZERO;
}

/** The reader recovered this row only in part, or could not place some of its numbers. */
export function suspicious(row: Row): boolean {
  return row.partial === true || (row.unplaced?.length ?? 0) > 0;
}

/** Unit rows in table order: the first row of each unit code (later rows with the same code are its items). */
export function unitRows(table: Table): Row[] {
  const seen = new Set<string>();
  const units: Row[] = [];
  for (const row of table.rows) {
    if (!row.unitCode || (isTotalRow(row) && GRAND_NAME_RE.test(nameOf(row)))) continue;
    if (seen.has(row.unitCode)) continue;
    seen.add(row.unitCode);
    units.push(row);
  }
  return units;
}

/** Proper prefix: `208` is an ancestor of `20805`. */
export function isAncestor(parent: string, child: string): boolean {
  return child.length > parent.length && child.startsWith(parent);
}

/** Rows whose code has no ancestor among the given rows' codes. */
export function codeRoots(rows: readonly Row[]): Row[] {
  const codes = new Set(rows.map((r) => r.code).filter((c): c is string => !!c));
  return rows.filter((r) => r.code && ![...codes].some((c) => isAncestor(c, r.code!)));
}

/** Rows under one unit row (or the whole table when it lists no units), totals left out. */
export interface Block {
  owner?: Row;
  rows: Row[];
}

export function blocks(table: Table): Block[] {
  const units = new Set(unitRows(table));
  const grand = grandTotal(table);
  const out: Block[] = [{ rows: [] }];
  for (const row of table.rows) {
    if (row === grand) continue;
    if (units.has(row)) out.push({ owner: row, rows: [] });
    else if (!isTotalRow(row)) out[out.length - 1]!.rows.push(row);
  }
  return out.filter((b) => b.owner || b.rows.length);
}

/** The unit rows directly under a unit (by code prefix). */
export function childUnits(unit: Row, units: readonly Row[]): Row[] {
  const code = unit.unitCode!;
  const below = units.filter((u) => isAncestor(code, u.unitCode!));
  return below.filter((u) => !below.some((v) => v !== u && isAncestor(v.unitCode!, u.unitCode!)));
}

export function rootUnits(units: readonly Row[]): Row[] {
  return units.filter((u) => !units.some((v) => v !== u && isAncestor(v.unitCode!, u.unitCode!)));
}
