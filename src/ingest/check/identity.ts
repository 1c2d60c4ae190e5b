/**
 * Whose table is it, and is it there (rules `printed-entity`,
 * `declared-nonempty`, `declared-empty`):
 *
 * - the unit code printed above a table names the entity it is filed under
 *   (or one of its units); a printed name that differs is only a warning,
 *   as names are shortened and reworded;
 * - a table the document's own index (报表目录) declares non-empty must
 *   print amounts; one it declares empty should not.
 */
import type { Entity, Finding, Table } from '../model/schema.ts';
import { compact } from '../recognize/text.ts';
import { makeFinding, tableName } from './finding.ts';

export function checkIdentity(entity: Entity): Finding[] {
  const out: Finding[] = [];
  for (const table of entity.tables) {
    const printedFinding = printedEntity(entity, table);
    if (printedFinding) out.push(printedFinding);
    const declared = declaredFinding(table);
    if (declared) out.push(declared);
  }
  return out;
}

const normName = (name: string) => compact(name).replace(/本级$/, '');

function printedEntity(entity: Entity, table: Table): Finding | undefined {
  const p = table.printedEntity;
  if (!p) return undefined;
  const where = `${tableName(table)}（第 ${p.line} 行）`;
  const cell = { table: table.id, line: p.line, label: `表头单位 / ${tableName(table)} 第 ${p.line} 行` };
  if (p.code) {
    if (p.code === entity.code || entity.children.some((c) => c.code === p.code)) return undefined;
    const printedName = p.name ? ` ${compact(p.name)}` : '';
    return makeFinding({
      ruleId: 'printed-entity',
      severity: 'error',
      message: `${where}表头印的是 ${p.code}${printedName}，而本表归在 ${entity.code ? `${entity.code} ` : ''}${entity.name} 名下：表格可能放错了单位或表头印错。`,
      table: table.id,
      cells: [cell],
    });
  }
  if (!p.name) return undefined;
  const names = [entity.name, ...entity.children.map((c) => c.name)].map(normName);
  const mine = normName(p.name);
  if (names.some((n) => n === mine || n.includes(mine) || mine.includes(n))) return undefined;
  return makeFinding({
    ruleId: 'printed-entity',
    severity: 'warning',
    message: `${where}表头印的单位是“${compact(p.name)}”，与本表所属的“${entity.name}”不一致。`,
    table: table.id,
    cells: [cell],
  });
}

function hasAmounts(table: Table): boolean {
  return table.rows.some((r) => r.cells.some((c) => c.value !== undefined) || (r.unplaced?.length ?? 0) > 0);
}

function declaredFinding(table: Table): Finding | undefined {
  const d = table.declared;
  if (!d) return undefined;
  const cells = [
    { table: table.id, line: d.line, label: `报表目录 第 ${d.line} 行` },
    { table: table.id, line: table.line, label: `${tableName(table)} 第 ${table.line} 行` },
  ];
  const name = `${table.number ?? ''}${compact(table.title)}`;
  if (!d.empty && !hasAmounts(table)) {
    return makeFinding({
      ruleId: 'declared-nonempty',
      severity: 'error',
      message: `报表目录（第 ${d.line} 行）未将“${name}”列为空表，但该表（第 ${table.line} 行）没有任何数据。`,
      table: table.id,
      cells,
    });
  }
  if (d.empty && hasAmounts(table)) {
    return makeFinding({
      ruleId: 'declared-empty',
      severity: 'warning',
      message: `报表目录（第 ${d.line} 行）将“${name}”列为空表${d.reason ? `（${d.reason}）` : ''}，但该表（第 ${table.line} 行）印有金额。`,
      table: table.id,
      cells,
    });
  }
  return undefined;
}
