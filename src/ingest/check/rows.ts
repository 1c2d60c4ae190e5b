/**
 * Row identities (ruleId `row-sum`): on every row, a total column equals
 * the sum of its sibling columns as the header tree says — 合计 = 基本支出 +
 * 项目支出; 基本支出 小计 = 人员经费 + 公用经费; 本年收入 合计 = 一般公共预算 +
 * 政府性基金 + …. In a “三公” table whose columns are the three kinds of
 * spending, the same identities are `three-public-sum`.
 *
 * A row whose numbers all satisfy the header once moved one column over
 * was more likely misread (a dropped blank cell) than misprinted: it is
 * reported once, as a warning.
 */
import { add, ZERO, type Decimal } from '../model/decimal.ts';
import type { Entity, Finding, Table } from '../model/schema.ts';
import { judge, SUSPICIOUS_NOTE, term, type Check, type Judgement } from './compare.ts';
import { cellRef, columnLabel, gap, makeFinding, money, rowLabel, tableName, unitOf } from './finding.ts';
import { amountIndices, columnIdentities, headerGarbled, nodeValue, totalLeaf, type ColumnIdentity, type Node } from './header.ts';
import { printed, suspicious, type Row } from './table-rows.ts';
import { roundingNoted, toleranceNote } from './tolerance.ts';

/** Kinds whose columns are not amounts that add up (indicator sheets, lists of units, the index). */
export const NON_ARITHMETIC = new Set<Table['kind']>(['organization', 'unit-performance', 'project-performance', 'special-fund-performance', 'other']);

const THREE_PUBLIC_PART_RE = /因公出国|公务用车|公务接待|购置|运行/;

type Values = (index: number) => Decimal | undefined;

function nodeName(node: Node): string {
  return node.labels.filter((l) => !/^(?:小计|合计)$/.test(l)).join('') || node.labels.join('');
}

export function checkRows(entity: Entity): Finding[] {
  const out: Finding[] = [];
  for (const table of entity.tables) {
    if (NON_ARITHMETIC.has(table.kind) || headerGarbled(table)) continue;
    const identities = columnIdentities(table);
    if (!identities.length) continue;
    const ctx: Ctx = { table, rounding: roundingNoted(entity, table), unit: unitOf(table, entity.unit), columns: amountIndices(table) };
    for (const row of table.rows) {
      const own: Values = (i) => printed(row, i);
      const failed = identities.map((identity) => [identity, judgeRow(ctx, row, identity, own)] as const).filter((f): f is readonly [ColumnIdentity, Judgement] => !!f[1]);
      if (!failed.length) continue;
      const shift = explainingShift(ctx, row, identities);
      if (shift) out.push(shifted(ctx, row, failed[0]![0], failed[0]![1], shift));
      else for (const [identity, j] of failed) out.push(report(ctx, row, identity, j));
    }
  }
  return out;
}

interface Ctx {
  table: Table;
  rounding: boolean;
  unit: string;
  columns: number[];
}

/** Value of a column node under a value accessor (a group counts with its 小计, else its members). */
function valueOf(node: Node, get: Values): Decimal | undefined {
  if (node.kind === 'leaf') return get(node.index);
  const total = totalLeaf(node);
  if (total) return get(total.index);
  const parts = node.children.map((c) => valueOf(c, get)).filter((v): v is Decimal => v !== undefined);
  return parts.length ? parts.reduce(add, ZERO) : undefined;
}

function judgeRow(ctx: Ctx, row: Row, identity: ColumnIdentity, get: Values): Judgement | undefined {
  const { table } = ctx;
  const odd = suspicious(row);
  const check: Check = {
    label: columnLabel(table, identity.total.index),
    total: term(get(identity.total.index), [cellRef(table, row, identity.total.index)], odd),
    parts: identity.addends.map((node) => term(valueOf(node, get), nodeValue(node, row).indices.map((i) => cellRef(table, row, i)), odd)),
  };
  return judge([check], ctx.rounding);
}

/** +1 or −1 when moving every amount after the first column one column over satisfies every identity of the row. */
function explainingShift(ctx: Ctx, row: Row, identities: readonly ColumnIdentity[]): number | undefined {
  const cols = ctx.columns;
  if (cols.length < 3) return undefined;
  for (const step of [1, -1]) {
    const moved = new Map<number, Decimal | undefined>();
    let ok = true;
    for (let k = 1; k < cols.length; k++) {
      const v = printed(row, cols[k]!);
      if (v === undefined) continue;
      const to = k + step;
      if (to < 1 || to >= cols.length) ok = false;
      else moved.set(cols[to]!, v);
    }
    if (!ok || !moved.size) continue;
    const get: Values = (i) => (i === cols[0] ? printed(row, i) : moved.get(i));
    if (identities.every((identity) => !judgeRow(ctx, row, identity, get))) return step;
  }
  return undefined;
}

function ruleOf(table: Table, identity: ColumnIdentity): string {
  return table.kind === 'three-public' && identity.addends.some((a) => a.labels.some((l) => THREE_PUBLIC_PART_RE.test(l))) ? 'three-public-sum' : 'row-sum';
}

function describe(ctx: Ctx, row: Row, identity: ColumnIdentity, j: Judgement): string {
  const { table, unit } = ctx;
  const shown = identity.addends.filter((n) => nodeValue(n, row).indices.some((i) => printed(row, i) !== undefined));
  const names = (shown.length ? shown : identity.addends).map(nodeName).join('、');
  const { actual, expected } = j.first;
  return `${tableName(table)}第 ${row.line} 行“${rowLabel(row)}”：${j.first.check.label} ${money(actual, unit)}，但${names}${shown.length > 1 || !shown.length ? '之和' : ''}为 ${money(expected, unit)}，${gap(actual, expected, unit)}。`;
}

function report(ctx: Ctx, row: Row, identity: ColumnIdentity, j: Judgement): Finding {
  const { actual, expected, tolerance } = j.first;
  const message = describe(ctx, row, identity, j) + toleranceNote(tolerance, ctx.unit) + (j.severity === 'warning' ? SUSPICIOUS_NOTE : '');
  return makeFinding({ ruleId: ruleOf(ctx.table, identity), severity: j.severity, message, table: ctx.table.id, expected, actual, tolerance, cells: j.cells });
}

function shifted(ctx: Ctx, row: Row, identity: ColumnIdentity, j: Judgement, step: number): Finding {
  const { actual, expected, tolerance } = j.first;
  const cells = ctx.columns.filter((i) => printed(row, i) !== undefined).map((i) => cellRef(ctx.table, row, i));
  const message =
    describe(ctx, row, identity, j) +
    `该行各数若整体${step > 0 ? '右' : '左'}移一栏则全部相符，可能是原文排版或读取时错位一栏，请对照原文核实。`;
  return makeFinding({ ruleId: ruleOf(ctx.table, identity), severity: 'warning', message, table: ctx.table.id, expected, actual, tolerance, cells });
}
