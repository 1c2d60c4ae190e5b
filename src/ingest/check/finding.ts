/**
 * Building findings: cell references with labels a reader can follow
 * (`合计 / 支出总表 第 905 行`), amounts with their unit, and the
 * expected / actual / difference triple as exact decimal strings.
 */
import { compare, dec, isZero, sub, toString, type Decimal } from '../model/decimal.ts';
import { formatAmount, type MoneyUnit } from '../model/money.ts';
import type { Finding, Table } from '../model/schema.ts';
import { KIND_NAMES } from '../recognize/tables/kind.ts';
import { compact } from '../recognize/text.ts';
import type { Row } from './table-rows.ts';

export type FindingCell = Finding['cells'][number];
export type Severity = Finding['severity'];

/** Name of a table in messages: its kind's Chinese name, or its printed title. */
export function tableName(table: Table): string {
  return table.kind === 'other' ? compact(table.title) : KIND_NAMES[table.kind];
}

/** An amount with its unit for messages: `1,483.47 万元`. */
export function money(value: Decimal | string, unit: string): string {
  return `${formatAmount(typeof value === 'string' ? value : toString(value))} ${unit}`;
}

export function unitOf(table: Table, fallback: MoneyUnit): MoneyUnit {
  return table.unit ?? fallback;
}

/** What a row is called in messages: its code and name, or its name. */
export function rowLabel(row: Row): string {
  const name = row.name ? compact(row.name) : '';
  if (row.code && !name.startsWith(row.code)) return name ? `${row.code} ${name}` : row.code;
  if (row.unitCode && name) return name;
  return name || (row.unitCode ?? `第 ${row.line} 行`);
}

/**
 * Short label of a column: its leaf; the header above it when that header
 * covers this column alone (the leaf is then a sub-line, often garbled by
 * OCR: `合计 / 日月`); parent·leaf when the leaf alone says little (小计,
 * 其中…) or is repeated (预算数).
 */
export function columnLabel(table: Table, index: number): string {
  const column = table.columns[index];
  if (!column) return `第 ${index + 1} 栏`;
  const path = column.path.map(compact).filter(Boolean);
  const leaf = path[path.length - 1] ?? compact(column.label);
  const parent = path[path.length - 2];
  if (!parent) return leaf;
  const prefix = column.path.slice(0, -1).join('/');
  const alone = table.columns.filter((c) => c.path.slice(0, -1).join('/') === prefix).length === 1;
  if (alone) return parent;
  const duplicate = table.columns.filter((c) => compact(c.path[c.path.length - 1] ?? c.label) === leaf).length > 1;
  return duplicate || /^(?:小计|其中.*)$/.test(leaf) ? `${parent}·${leaf}` : leaf;
}

/** `合计` for the 合计 column of the 合计 row, else `行（栏）`. */
function cellName(row: string, column: string): string {
  return row === column ? row : `${row}（${column}）`;
}

/** Reference to one cell of a table row. */
export function cellRef(table: Table, row: Row, index: number, label?: string): FindingCell {
  const cell = row.cells[index];
  const line = cell?.line ?? row.line;
  const ref: FindingCell = {
    table: table.id,
    line,
    label: `${cellName(label ?? rowLabel(row), columnLabel(table, index))} / ${tableName(table)} 第 ${line} 行`,
  };
  if (cell) ref.column = cell.column;
  return ref;
}

export interface FindingInput {
  ruleId: string;
  severity: Severity;
  message: string;
  table?: string;
  expected?: Decimal;
  actual?: Decimal;
  tolerance?: Decimal;
  cells: FindingCell[];
}

/** A finding; `difference` is actual − expected. */
export function makeFinding(input: FindingInput): Finding {
  const f: Finding = { ruleId: input.ruleId, severity: input.severity, message: input.message, cells: dedupeCells(input.cells) };
  if (input.table) f.table = input.table;
  if (input.expected) f.expected = toString(input.expected);
  if (input.actual) f.actual = toString(input.actual);
  if (input.expected && input.actual) f.difference = toString(sub(input.actual, input.expected));
  if (input.tolerance && !isZero(input.tolerance)) f.tolerance = toString(input.tolerance);
  return f;
}

function dedupeCells(cells: FindingCell[]): FindingCell[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const key = `${c.table ?? ''}:${c.line}:${c.column ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `相差 1.61 万元` (absolute difference). */
export function gap(actual: Decimal, expected: Decimal, unit: string): string {
  const d = sub(actual, expected);
  return `相差 ${money(compare(d, dec('0')) < 0 ? { units: -d.units, scale: d.scale } : d, unit)}`;
}
