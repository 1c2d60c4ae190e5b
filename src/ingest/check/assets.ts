/**
 * State-owned asset tables (ruleId `assets-sum`): 资产总额 equals the sum of
 * the numbered asset lines (1、房屋 2、车辆 3、设备 4、其他固定资产); lines
 * starting 其中 are parts of the line above.
 */
import type { Entity, Finding } from '../model/schema.ts';
import { judge, SUSPICIOUS_NOTE, term } from './compare.ts';
import { cellRef, columnLabel, gap, makeFinding, money, tableName, unitOf } from './finding.ts';
import { amountIndices, headerGarbled } from './header.ts';
import { enumStyle } from './summary.ts';
import { nameOf, printed, suspicious } from './table-rows.ts';
import { roundingNoted, toleranceNote } from './tolerance.ts';

export function checkAssets(entity: Entity): Finding[] {
  const out: Finding[] = [];
  for (const table of entity.tables) {
    if (table.kind !== 'assets' || table.empty || headerGarbled(table)) continue;
    const total = table.rows.find((r) => /^(?:资产总额|资产总计|合计|总计)$/.test(nameOf(r)));
    const items = table.rows.filter((r) => r !== total && !/^其中/.test(nameOf(r)) && enumStyle(nameOf(r)));
    const amounts = amountIndices(table);
    const column = amounts.find((i) => /价值|金额|原值/.test(table.columns[i]!.label)) ?? amounts[amounts.length - 1];
    if (!total || !items.length || column === undefined) continue;
    const unit = unitOf(table, entity.unit);
    const j = judge(
      [
        {
          label: columnLabel(table, column),
          total: term(printed(total, column), [cellRef(table, total, column)], suspicious(total)),
          parts: items.map((r) => term(printed(r, column), [cellRef(table, r, column)], suspicious(r))),
        },
      ],
      roundingNoted(entity, table),
    );
    if (!j) continue;
    const { actual, expected, tolerance } = j.first;
    const message =
      `${tableName(table)}：资产总额 ${money(actual, unit)}，但所列各类资产之和为 ${money(expected, unit)}，${gap(actual, expected, unit)}。` +
      toleranceNote(tolerance, unit) +
      (j.severity === 'warning' ? SUSPICIOUS_NOTE : '');
    out.push(makeFinding({ ruleId: 'assets-sum', severity: j.severity, message, table: table.id, expected, actual, tolerance, cells: j.cells }));
  }
  return out;
}
