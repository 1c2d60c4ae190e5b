/** The findings index: every finding of the site, by entity, and their counts by rule. */
import type { Entity } from '../../ingest/model/schema.ts';
import type { EntityHead, FindingHead, TableHead } from '../entity-head.ts';
import { cellLink, findingPages, type CellLink } from '../findings.ts';

type Finding = Entity['findings'][number];

export interface FindingEntry {
  id: string;
  /** Position in the entity's findings. */
  index: number;
  entity: EntityHead;
  finding: FindingHead;
  table?: TableHead;
}

/**
 * A finding with where each of its cells is (its table row and source
 * line). Resolving a cell needs the entity's rows, so links are made where
 * the whole entity is at hand (linkFindings), not kept for every finding in
 * the site index, where they would weigh on every page build.
 */
export interface LinkedFinding extends Omit<FindingEntry, 'finding'> {
  finding: Finding;
  links: CellLink[];
}

export interface RuleCount {
  ruleId: string;
  count: number;
  severity: 'error' | 'warning';
}

/** The findings of one entity, with their ids (`f-<entity>-1`) and tables. */
export function findingEntries(head: EntityHead): FindingEntry[] {
  return head.findings.map((finding, i): FindingEntry => {
    const table = finding.table ? head.tables.find((t) => t.id === finding.table) : undefined;
    return { id: `f-${head.id}-${i + 1}`, index: i, entity: head, finding, ...(table ? { table } : {}) };
  });
}

/** Findings by rule id: how many, and `error` when any of them is one. */
export function countRules(findings: readonly FindingEntry[]): RuleCount[] {
  const ruleCounts = new Map<string, { count: number; severity: 'error' | 'warning' }>();
  for (const { finding: f } of findings) {
    const r = ruleCounts.get(f.ruleId) ?? { count: 0, severity: f.severity };
    r.count++;
    if (f.severity === 'error') r.severity = 'error';
    ruleCounts.set(f.ruleId, r);
  }
  return [...ruleCounts.entries()].map(([ruleId, r]) => ({ ruleId, ...r })).sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}

/** Findings of one entity with the links to their cells (`entity` is the whole entity of `list`). */
export function linkFindings(entity: Entity, list: readonly FindingEntry[]): LinkedFinding[] {
  return list.map((f) => {
    const finding = entity.findings[f.index]!;
    return { ...f, finding, links: finding.cells.map((cell) => cellLink(entity, finding, cell)) };
  });
}

/** Pages of the findings overview (1 while it lists every finding). */
export function findingPageCount(index: { findings: readonly FindingEntry[]; entities: readonly EntityHead[]; findingsByEntity: ReadonlyMap<string, readonly FindingEntry[]> }): number {
  return findingPages(index.findings.length, index.entities.filter((e) => (index.findingsByEntity.get(e.id) ?? []).length > 0).length);
}
