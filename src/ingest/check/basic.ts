/**
 * 基本支出 against the 基本支出表 (ruleId `basic-vs-basic-table`): the
 * 基本支出 of the 一般公共预算支出表 (or its 人员经费 + 公用经费) equals the
 * 一般公共预算基本支出表's total, split the same way into 人员经费 and 公用经费;
 * a 基本支出 table by functional subject agrees with the 一般公共预算支出表
 * subject by subject; a 一般公共预算支出表 by economic subject agrees with the
 * 基本支出表 on 人员经费 and 公用经费 code by code.
 */
import type { Entity, Finding, Table } from '../model/schema.ts';
import { compareRows, type ColumnPair } from './cross-table.ts';
import type { Node } from './header.ts';
import { grandTotal } from './table-rows.ts';
import { namedColumns } from './views.ts';

const RULE = 'basic-vs-basic-table';

export function checkBasic(entity: Entity): Finding[] {
  const out: Finding[] = [];
  const find = (kind: Table['kind']) => entity.tables.find((t) => t.kind === kind && !t.empty);
  const general = find('general-budget-expenditure');
  const basic = find('general-budget-basic');
  const functional = find('general-budget-basic-functional');
  const economic = find('general-budget-expenditure-economic');
  // Totals only: the two tables classify by different codes.
  if (general && basic) totals(entity, general, basic, out);
  if (functional && basic) compareRows(entity, functional, basic, split(functional, basic), undefined, RULE, out);
  if (general && functional) compareRows(entity, general, functional, [...basicOf(general, functional), ...same(general, functional)], 'functional', RULE, out);
  if (economic && basic) compareRows(entity, economic, basic, same(economic, basic), 'economic', RULE, out);
  return out;
}

/** The table's 基本支出: its 基本支出 column, else 人员经费 + 公用经费. */
function basicNodes(table: Table): Node[] | undefined {
  const c = namedColumns(table);
  if (c.basic) return [c.basic];
  if (c.personnel && c.public) return [c.personnel, c.public];
  return undefined;
}

/** 基本支出 of `a` against the 合计 of a basic table `b`. */
function basicOf(a: Table, b: Table): ColumnPair[] {
  const nodes = basicNodes(a);
  const grand = namedColumns(b).grand;
  return nodes && grand ? [{ label: '基本支出', a: nodes, b: [grand] }] : [];
}

/** 人员经费 and 公用经费, when both tables print them. */
function same(a: Table, b: Table): ColumnPair[] {
  const ca = namedColumns(a);
  const cb = namedColumns(b);
  const out: ColumnPair[] = [];
  if (ca.personnel && cb.personnel) out.push({ label: '人员经费', a: [ca.personnel], b: [cb.personnel] });
  if (ca.public && cb.public) out.push({ label: '公用经费', a: [ca.public], b: [cb.public] });
  return out;
}

function split(a: Table, b: Table): ColumnPair[] {
  const ga = namedColumns(a).grand;
  const gb = namedColumns(b).grand;
  return [...(ga && gb ? [{ label: '合计', a: [ga], b: [gb] }] : []), ...same(a, b)];
}

function totals(entity: Entity, general: Table, basic: Table, out: Finding[]): void {
  if (!grandTotal(general) || !grandTotal(basic)) return;
  compareRows(entity, general, basic, [...basicOf(general, basic), ...same(general, basic)], undefined, RULE, out);
}
