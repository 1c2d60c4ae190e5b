/**
 * A headline figure (key figure, chart bar, subject amount) the document
 * prints with two different amounts: the figure shows every printed amount
 * with its line and the finding that reports the disagreement, never one of
 * them alone as if the document agreed with itself.
 */
import { compare, dec } from '../ingest/model/decimal.ts';
import type { Entity, Table } from '../ingest/model/schema.ts';
import { rowAnchors } from './tables.ts';
import { paths } from './urls.ts';

type Row = Table['rows'][number];

export interface PrintedAmount {
  /** Amount in 万元. */
  value: string;
  /** `“三公”经费小计，“三公”经费支出表第 906 行` */
  where: string;
  line: number;
  href: string;
}

export interface Conflict {
  /** Every amount the document prints for the figure, the one shown first. */
  printed: PrintedAmount[];
  /** The cross-check finding reporting the disagreement, when there is one. */
  finding?: { href: string; message: string };
}

const same = (a: string, b: string) => compare(dec(a), dec(b)) === 0;

/** Where a row is printed, as a reader finds it: `合计，“三公”经费支出表第 905 行`. */
export function printedAt(entity: Entity, table: Table, row: Row, value: string, label?: string): PrintedAmount {
  const anchor = rowAnchors(table)[table.rows.indexOf(row)]!;
  return { value, where: `${label ? `${label}，` : ''}${table.title}第 ${row.line} 行`, line: row.line, href: `${paths.table(entity.id, table.id)}#${anchor}` };
}

/** The entity's finding (with its page link) that involves all of `lines` of `tableId`. */
export function findingOn(entity: Entity, tableId: string, lines: readonly number[]): Conflict['finding'] {
  const i = entity.findings.findIndex((f) => lines.every((line) => f.cells.some((c) => (c.table ?? f.table) === tableId && c.line === line)));
  if (i < 0) return undefined;
  return { href: paths.finding(entity.id, `f-${entity.id}-${i + 1}`), message: entity.findings[i]!.message };
}

/**
 * The amounts other tables of the entity print for the same code where the
 * cross-table check found them different from `value` (printed on `row` of
 * `table`, in 万元). Undefined when the document agrees with itself.
 */
export function crossTableConflict(entity: Entity, table: Table, row: Row, value: string): Conflict | undefined {
  const printed: PrintedAmount[] = [printedAt(entity, table, row, value)];
  let finding: Conflict['finding'];
  entity.findings.forEach((f, i) => {
    if (f.ruleId !== 'cross-table' || f.expected === undefined || f.actual === undefined) return;
    const [a, b] = f.cells;
    if (!a || !b) return;
    // The first cell prints `actual`, the second `expected` (both in 万元).
    const mine = a.table === table.id && a.line === row.line ? 0 : b.table === table.id && b.line === row.line ? 1 : -1;
    if (mine < 0) return;
    const ownValue = mine === 0 ? f.actual : f.expected;
    const other = mine === 0 ? b : a;
    const otherValue = mine === 0 ? f.expected : f.actual;
    if (!same(ownValue, value) || same(otherValue, value)) return;
    const otherTable = entity.tables.find((t) => t.id === other.table);
    const otherRow = otherTable?.rows.find((r) => r.line === other.line);
    if (!otherTable || !otherRow || printed.some((p) => p.line === other.line)) return;
    printed.push(printedAt(entity, otherTable, otherRow, otherValue));
    finding ??= { href: paths.finding(entity.id, `f-${entity.id}-${i + 1}`), message: f.message };
  });
  return printed.length > 1 ? { printed, ...(finding ? { finding } : {}) } : undefined;
}

/** `文件前后不一：…第 705 行 903.47；…第 798 行 1,483.47` (amounts as given, for notes under a figure). */
export function conflictNote(conflict: Conflict, format: (value: string) => string): string {
  return `文件前后不一：${conflict.printed.map((p) => `${p.where} ${format(p.value)}`).join('；')}`;
}
