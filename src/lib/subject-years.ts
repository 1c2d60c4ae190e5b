/**
 * A subject code by year and phase: how many documents print it and the
 * sum of their amounts, budgets (预算) and final accounts (决算) apart, so a
 * reader sees how the money under the code changed from year to year and
 * what was planned against what was spent. Exact sums in 万元.
 */
import type { PhaseName } from '../ingest/model/schema.ts';
import { sumOf } from './format.ts';

export interface SubjectYear {
  year: number;
  phase: PhaseName;
  /** Documents printing the code. */
  documents: number;
  /** Sum of the amounts printed (万元); documents printing none there are counted, not summed. */
  total: string;
}

export function subjectYears(uses: readonly { entity: { year: number; phase: PhaseName }; main: { value?: string | undefined } }[]): SubjectYear[] {
  const groups = new Map<string, { year: number; phase: PhaseName; documents: number; values: string[] }>();
  for (const use of uses) {
    const key = `${use.entity.year}|${use.entity.phase}`;
    const group = groups.get(key) ?? { year: use.entity.year, phase: use.entity.phase, documents: 0, values: [] };
    group.documents++;
    if (use.main.value !== undefined) group.values.push(use.main.value);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.year - b.year || a.phase.localeCompare(b.phase))
    .map((g) => ({ year: g.year, phase: g.phase, documents: g.documents, total: sumOf(g.values) }));
}
