/**
 * The documents of one unit across years and phases, by `unitKey`: the
 * budgets and final accounts a unit page shows its history from. Grouped
 * once per site index, so a unit page does not scan every entity.
 */
import type { EntityHead } from './entity-head.ts';

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
