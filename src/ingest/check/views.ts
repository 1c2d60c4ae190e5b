/**
 * Views of a table for comparing it with another: its code rows by code,
 * the amount of a 类 (its row, or the sum of the subjects under it when
 * the table lists only 项), and named columns (合计, 基本支出, 项目支出 …).
 */
import { codeAmount } from '../model/code-parts.ts';
import { add, ZERO } from '../model/decimal.ts';
import type { Table } from '../model/schema.ts';
import { term, type Term } from './compare.ts';
import { cellRef, type FindingCell } from './finding.ts';
import { grandColumn, memberNamed, nodeValue, type Node } from './header.ts';
import { blocks, codeRoots, isAncestor, printed, suspicious, type Row } from './table-rows.ts';

/**
 * Code rows by code, from the one block of the table that lists subjects:
 * the rows a code's amount is read from.
 * Undefined when several units each list their own subjects (a code would
 * then stand for different amounts).
 */
export function codeRows(table: Table, system: 'functional' | 'economic' = 'functional'): Map<string, Row[]> | undefined {
  const withCodes = blocks(table).filter((b) => b.rows.some((r) => r.code && r.codeSystem === system));
  if (withCodes.length !== 1) return undefined;
  const map = new Map<string, Row[]>();
  for (const row of withCodes[0]!.rows) {
    if (!row.code || row.codeSystem !== system) continue;
    map.set(row.code, [...(map.get(row.code) ?? []), row]);
  }
  // A code printed on several rows stands for its parts, or for its subtotal alone (code-parts.ts).
  const main = table.columns.findIndex((c) => c.role === 'amount');
  for (const [code, rows] of map) if (rows.length > 1) map.set(code, codeAmount(rows, (r) => r.cells[main]?.value).rows);
  return map;
}

/** A column node's value on some rows, as one comparison term (a sum when several rows). */
export function termOf(table: Table, rows: readonly Row[], node: Node): Term {
  let printedAny = false;
  let value = ZERO;
  const cells: FindingCell[] = [];
  for (const row of rows) {
    const v = nodeValue(node, row);
    if (v.indices.some((i) => printed(row, i) !== undefined)) printedAny = true;
    value = add(value, v.value);
    cells.push(...v.indices.map((i) => cellRef(table, row, i)));
  }
  return term(printedAny ? value : undefined, cells, rows.some(suspicious));
}

/** Rows that make up a 类: its own rows (parts of it), else the root subjects under it. */
export function classRows(map: Map<string, Row[]>, code: string): Row[] {
  const own = map.get(code);
  if (own) return own;
  const under = [...map.values()].flat().filter((r) => isAncestor(code, r.code!));
  return codeRoots(under);
}

export interface NamedColumns {
  grand?: Node;
  basic?: Node;
  project?: Node;
  personnel?: Node;
  public?: Node;
}

export function namedColumns(table: Table): NamedColumns {
  const out: NamedColumns = {};
  const grand = grandColumn(table);
  if (grand) out.grand = grand;
  const basic = memberNamed(table, /^基本支出/);
  if (basic) out.basic = basic;
  const project = memberNamed(table, /^项目支出/);
  if (project) out.project = project;
  const personnel = memberNamed(table, /^人员经费/);
  if (personnel) out.personnel = personnel;
  const pub = memberNamed(table, /^(?:日常)?公用经费/);
  if (pub) out.public = pub;
  return out;
}
