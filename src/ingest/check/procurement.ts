/**
 * Government procurement tables (ruleId `procurement-sum`): the 合计 line
 * equals the sum of the purchase lines, column by column (合计, each fund,
 * the share reserved for small firms); each unit's 小计 equals the lines
 * under it. A table continued on a later page (`procurement-2`, same kind)
 * is read together with the first, columns matched by their header.
 * Unit prices, quantities and the project budget repeated on every line do
 * not add up and are left out.
 */
import type { Entity, Finding, Table } from '../model/schema.ts';
import { compact } from '../recognize/text.ts';
import { judge, otherColumns, SUSPICIOUS_NOTE, term, type Check } from './compare.ts';
import { cellRef, columnLabel, gap, makeFinding, money, rowLabel, tableName, unitOf } from './finding.ts';
import { amountIndices, headerGarbled } from './header.ts';
import { grandTotal, isTotalRow, printed, suspicious, type Row } from './table-rows.ts';
import { roundingNoted, toleranceNote } from './tolerance.ts';

interface Line {
  table: Table;
  row: Row;
}

const keyOf = (table: Table, index: number) => compact(table.columns[index]?.path.join('/') ?? '');

export function checkProcurement(entity: Entity): Finding[] {
  const tables = entity.tables.filter((t) => t.kind === 'procurement' && !t.empty);
  // A garbled header (OCR) means we cannot tell which column is which.
  if (tables.some(headerGarbled)) return [];
  // A table without its own 合计 continues the one before it.
  const groups: Table[][] = [];
  for (const table of tables) {
    if (grandTotal(table) || !groups.length) groups.push([table]);
    else groups[groups.length - 1]!.push(table);
  }
  return groups.flatMap((group) => checkGroup(entity, group));
}

function checkGroup(entity: Entity, tables: readonly Table[]): Finding[] {
  const first = tables[0]!;
  const grand = grandTotal(first);
  if (!grand) return [];
  const columns = amountIndices(first);
  const lines: Line[] = tables.flatMap((table) => table.rows.filter((r) => r !== grand).map((row) => ({ table, row })));
  // Unit rows and 小计 rows group the purchase lines.
  const isGroup = (l: Line) => isTotalRow(l.row) || !!l.row.unitCode;
  const items = lines.filter((l) => !isGroup(l) && columns.some((i) => valueByKey(l, keyOf(first, i)) !== undefined));
  if (!items.length) return [];
  const groups = lines.filter(isGroup);
  const out: Finding[] = [];
  const rounding = tables.some((t) => roundingNoted(entity, t));
  const unit = unitOf(first, entity.unit);
  const sum = (total: Line, parts: readonly Line[], partsName: string) => {
    const checks: Check[] = columns.map((i) => {
      const key = keyOf(first, i);
      return {
        label: columnLabel(first, i),
        total: term(valueByKey(total, key), refByKey(total, key), suspicious(total.row)),
        parts: parts.map((l) => term(valueByKey(l, key), refByKey(l, key), suspicious(l.row))),
      };
    });
    const j = judge(checks, rounding);
    if (!j) return;
    const { actual, expected, tolerance } = j.first;
    const message =
      `${tableName(total.table)}“${rowLabel(total.row)}”行（第 ${total.row.line} 行）：${j.first.check.label} ${money(actual, unit)}，但${partsName}之和为 ${money(expected, unit)}，${gap(actual, expected, unit)}。` +
      otherColumns(j) +
      toleranceNote(tolerance, unit) +
      (j.severity === 'warning' ? SUSPICIOUS_NOTE : '');
    out.push(makeFinding({ ruleId: 'procurement-sum', severity: j.severity, message, table: total.table.id, expected, actual, tolerance, cells: j.cells }));
  };
  sum({ table: first, row: grand }, items, `所列 ${items.length} 条采购明细`);
  for (const [n, group] of groups.entries()) {
    const from = lines.indexOf(group);
    const to = n + 1 < groups.length ? lines.indexOf(groups[n + 1]!) : lines.length;
    const under = lines.slice(from + 1, to).filter((l) => items.includes(l));
    // Only a group printed right above its lines can be checked against them.
    if (under.length) sum(group, under, `其下 ${under.length} 条采购明细`);
  }
  return out;
}

function indexByKey(line: Line, key: string): number {
  return line.table.columns.findIndex((_, i) => keyOf(line.table, i) === key);
}

function valueByKey(line: Line, key: string) {
  const i = indexByKey(line, key);
  return i < 0 ? undefined : printed(line.row, i);
}

function refByKey(line: Line, key: string) {
  const i = indexByKey(line, key);
  return i < 0 ? [] : [cellRef(line.table, line.row, i)];
}
