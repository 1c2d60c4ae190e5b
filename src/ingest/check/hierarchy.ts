/**
 * Subject hierarchy (ruleId `code-hierarchy`): every 类 equals the sum of
 * its 款 and every 款 the sum of its 项 (functional codes of 3/5/7 digits);
 * an economic class (3 digits) equals the sum of its items (5 digits). An
 * item printed on several rows (split by 政府经济分类) counts with all of them.
 */
import type { Entity, Finding, Table } from '../model/schema.ts';
import { judge, otherColumns, SUSPICIOUS_NOTE, term, type Check } from './compare.ts';
import { cellRef, columnLabel, gap, makeFinding, money, rowLabel, tableName, unitOf } from './finding.ts';
import { amountIndices, headerGarbled } from './header.ts';
import { NON_ARITHMETIC } from './rows.ts';
import { blocks, isAncestor, printed, suspicious, type Row } from './table-rows.ts';
import { roundingNoted, toleranceNote } from './tolerance.ts';

export function checkHierarchy(entity: Entity): Finding[] {
  const out: Finding[] = [];
  for (const table of entity.tables) {
    if (NON_ARITHMETIC.has(table.kind) || headerGarbled(table)) continue;
    const columns = amountIndices(table);
    if (!columns.length) continue;
    const rounding = roundingNoted(entity, table);
    const unit = unitOf(table, entity.unit);
    for (const block of blocks(table)) {
      const coded = block.rows.filter((r) => r.code);
      for (const parent of coded) {
        const code = parent.code!;
        // A parent printed twice is ambiguous; its children are the nearest descendants.
        if (coded.filter((r) => r.code === code).length > 1) continue;
        const below = coded.filter((r) => isAncestor(code, r.code!) && r.codeSystem === parent.codeSystem);
        const children = below.filter((r) => !below.some((m) => m.code !== r.code && isAncestor(m.code!, r.code!)));
        if (!children.length) continue;
        const checks: Check[] = columns.map((i) => ({
          label: columnLabel(table, i),
          total: term(printed(parent, i), [cellRef(table, parent, i)], suspicious(parent)),
          parts: children.map((r) => term(printed(r, i), [cellRef(table, r, i)], suspicious(r))),
        }));
        const j = judge(checks, rounding);
        if (!j) continue;
        out.push(finding(table, parent, children, j, unit));
      }
    }
  }
  return out;
}

function finding(table: Table, parent: Row, children: readonly Row[], j: NonNullable<ReturnType<typeof judge>>, unit: string): Finding {
  const codes = [...new Set(children.map((r) => r.code!))];
  const list = codes.length <= 6 ? `（${codes.join('、')}）` : `（${codes.length} 个）`;
  const { actual, expected, tolerance } = j.first;
  const message =
    `${tableName(table)}第 ${parent.line} 行“${rowLabel(parent)}”：${j.first.check.label} ${money(actual, unit)}，但其下级科目${list}之和为 ${money(expected, unit)}，${gap(actual, expected, unit)}。` +
    otherColumns(j) +
    toleranceNote(tolerance, unit) +
    (j.severity === 'warning' ? SUSPICIOUS_NOTE : '');
  return makeFinding({ ruleId: 'code-hierarchy', severity: j.severity, message, table: table.id, expected, actual, tolerance, cells: j.cells });
}
