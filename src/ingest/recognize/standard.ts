/**
 * The standard tables of a budget disclosure (the nine tables every
 * 部门预算/单位预算 publication is asked to print). Many files hold only some
 * of them (a "三公" page of its own, one performance sheet, the explanation
 * text): what a file does not contain is listed as not in this document,
 * never treated as an error.
 */
import type { Table, TableKindName } from '../model/schema.ts';
import { KIND_NAMES } from './tables/kind.ts';

const STANDARD_KINDS: readonly TableKindName[] = [
  'income-expenditure-summary',
  'income-summary',
  'expenditure-summary',
  'fiscal-summary',
  'general-budget-expenditure',
  'general-budget-basic',
  'three-public',
  'government-fund-expenditure',
  'state-capital-expenditure',
];

/** Standard tables of which the entity has none (a table printed or declared empty counts as present). */
export function absentStandardTables(tables: readonly Pick<Table, 'kind'>[]): { kind: TableKindName; name: string }[] {
  const present = new Set(tables.map((t) => t.kind));
  return STANDARD_KINDS.filter((kind) => !present.has(kind)).map((kind) => ({ kind, name: KIND_NAMES[kind] }));
}
