/**
 * Column sums (ruleId `column-sum`): the 合计 row equals the sum of the
 * top-level rows under it — the 类 rows of a subject table, the units of a
 * department table — and every unit row equals the sum of what is listed
 * under it (its units, its subjects, its projects).
 */
import { add, compare, ZERO } from '../model/decimal.ts';
import type { Entity, Finding, Table } from '../model/schema.ts';
import { judge, otherColumns, SUSPICIOUS_NOTE, term, type Check } from './compare.ts';
import { cellRef, columnLabel, gap, makeFinding, money, rowLabel, tableName, unitOf } from './finding.ts';
import { amountIndices, grandColumn, headerGarbled } from './header.ts';
import { NON_ARITHMETIC } from './rows.ts';
import { blocks, childUnits, codeRoots, grandTotal, printed, rootUnits, suspicious, unitRows, valueAt, type Row } from './table-rows.ts';
import { roundingNoted, toleranceNote } from './tolerance.ts';

/** Tables checked elsewhere or laid out as lists side by side. */
const OWN_RULES = new Set<Table['kind']>(['income-expenditure-summary', 'fiscal-summary', 'three-public', 'procurement', 'assets']);

export function checkColumns(entity: Entity): Finding[] {
  const out: Finding[] = [];
  for (const table of entity.tables) {
    if (NON_ARITHMETIC.has(table.kind) || OWN_RULES.has(table.kind) || headerGarbled(table)) continue;
    const columns = amountIndices(table);
    if (!columns.length) continue;
    const ctx: Ctx = { entity, table, columns, rounding: roundingNoted(entity, table), unit: unitOf(table, entity.unit) };
    const grand = grandTotal(table);
    const units = unitRows(table);
    const parts = blocks(table);
    if (grand) {
      const block0 = parts.find((b) => !b.owner);
      if (units.length) sumUp(ctx, grand, rootUnits(units), '所列各单位', out);
      else if (block0) sumUp(ctx, grand, itemsOf(ctx, block0.rows), undefined, out);
    }
    for (const unit of units) {
      const children = childUnits(unit, units);
      if (children.length) sumUp(ctx, unit, children, '所属各单位', out);
      const block = parts.find((b) => b.owner === unit);
      if (block?.rows.length) sumUp(ctx, unit, itemsOf(ctx, block.rows), undefined, out);
    }
  }
  return out;
}

interface Ctx {
  entity: Entity;
  table: Table;
  columns: number[];
  rounding: boolean;
  unit: string;
}

/**
 * What a total row adds up: the root subjects when the rows carry codes;
 * otherwise the listed items (projects), leaving out group rows such as
 * 专用项目 whose amount is the sum of all the items after them. Undefined
 * when the rows mix codes and uncoded items (layout unclear).
 */
function itemsOf(ctx: Ctx, rows: readonly Row[]): Row[] | undefined {
  const coded = rows.filter((r) => r.code);
  const plain = rows.filter((r) => !r.code && ctx.columns.some((i) => printed(r, i) !== undefined));
  if (coded.length && plain.length) return undefined;
  if (coded.length) return codeRoots(coded);
  return plain;
}

function sumUp(ctx: Ctx, total: Row, items: Row[] | undefined, what: string | undefined, out: Finding[]): void {
  if (!items?.length) return;
  const { table, columns, rounding, unit } = ctx;
  const checks = (rows: readonly Row[]): Check[] =>
    columns.map((i) => ({
      label: columnLabel(table, i),
      total: term(printed(total, i), [cellRef(table, total, i)], suspicious(total)),
      parts: rows.map((r) => term(printed(r, i), [cellRef(table, r, i)], suspicious(r))),
    }));
  const j = judge(checks(items), rounding);
  if (!j) return;
  // Uncoded lists may nest group rows (专用项目 → 其他履职经费 → projects),
  // each carrying the amount of the unit or of the items after it: a layout
  // we cannot read with confidence, so say nothing rather than blame the document.
  if (!items.some((r) => r.code) && hasGroupRows(total, items, grandColumn(table)?.index ?? columns[0]!)) return;
  const parts = what ?? describeParts(items);
  const { actual, expected, tolerance } = j.first;
  const message =
    `${tableName(table)}“${rowLabel(total)}”行（第 ${total.line} 行）：${j.first.check.label} ${money(actual, unit)}，但${parts}之和为 ${money(expected, unit)}，${gap(actual, expected, unit)}。` +
    otherColumns(j) +
    toleranceNote(tolerance, unit) +
    (j.severity === 'warning' ? SUSPICIOUS_NOTE : '');
  out.push(makeFinding({ ruleId: 'column-sum', severity: j.severity, message, table: table.id, expected, actual, tolerance, cells: j.cells }));
}

function describeParts(items: readonly Row[]): string {
  const codes = items.map((r) => r.code).filter((c): c is string => !!c);
  if (codes.length === items.length) return codes.length <= 6 ? `各科目（${codes.join('、')}）` : `所列 ${codes.length} 个科目`;
  return `所列 ${items.length} 项`;
}

/** Some item carries the whole amount of the total row, or the sum of all the items after it. */
function hasGroupRows(total: Row, items: readonly Row[], column: number): boolean {
  const whole = valueAt(total, column);
  let after = ZERO;
  for (let i = items.length - 1; i >= 0; i--) {
    const v = valueAt(items[i]!, column);
    if (i < items.length - 1 && (compare(v, whole) === 0 || compare(v, after) === 0)) return true;
    after = add(after, v);
  }
  return false;
}
