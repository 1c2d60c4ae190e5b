/**
 * The documents of one unit across years and phases, by `unitKey`: the
 * budgets and final accounts a unit page shows its history from. Grouped
 * once per site index, so a unit page does not scan every entity.
 */
import type { EntityHead } from './entity-head.ts';

/**
 * Key of a published entity by region, year and code (`秦皇岛市|2024|450001`), for
 * parent and child links: final accounts get their own (`…|final`), so a budget
 * links the budgets of its units and a 决算 their 决算.
 */
export function codeKey(region: string, year: number, code: string, phase: 'budget' | 'final'): string {
  return `${region}|${year}|${code}${phase === 'final' ? '|final' : ''}`;
}

const groups = new WeakMap<readonly EntityHead[], Map<string, EntityHead[]>>();

/** Every published document of the unit, by year then budget before 决算. */
export function documentsOfUnit(entities: readonly EntityHead[], unitKey: string): EntityHead[] {
  let byKey = groups.get(entities);
  if (!byKey) {
    byKey = new Map();
    for (const entity of entities) byKey.set(entity.unitKey, [...(byKey.get(entity.unitKey) ?? []), entity]);
    for (const list of byKey.values()) list.sort((a, b) => a.year - b.year || a.phase.localeCompare(b.phase));
    groups.set(entities, byKey);
  }
  return byKey.get(unitKey) ?? [];
}
