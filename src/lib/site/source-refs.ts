/** Which pages use which lines of a source file (the line-numbered source pages link back to them). */
import type { EntityHead } from '../entity-head.ts';
import { paths } from '../urls.ts';
import type { FindingEntry } from './finding-index.ts';

export interface SourceRef {
  line: number;
  endLine: number;
  kind: 'entity' | 'table' | 'project' | 'section' | 'performance' | 'finding' | 'glossary';
  label: string;
  href: string;
}

/** Published entities of each source file, in site order. */
export function entitiesBySource(entities: readonly EntityHead[]): Map<string, EntityHead[]> {
  const bySource = new Map<string, EntityHead[]>();
  for (const entity of entities) {
    const list = bySource.get(entity.source);
    if (list) list.push(entity);
    else bySource.set(entity.source, [entity]);
  }
  return bySource;
}

/**
 * The references into one source file, by line. Computed when the source
 * page renders, not kept for every source: they would be held through the
 * whole build for the one page that shows them.
 */
export function sourceRefs(index: { entitiesBySource: ReadonlyMap<string, readonly EntityHead[]>; findingsByEntity: ReadonlyMap<string, readonly FindingEntry[]> }, file: string): SourceRef[] {
  const refs: SourceRef[] = [];
  for (const entity of index.entitiesBySource.get(file) ?? []) {
    refs.push({ line: entity.line, endLine: entity.endLine, kind: 'entity', label: `${entity.name}（${entity.year} 年）`, href: paths.entity(entity.id) });
    for (const t of entity.tables) refs.push({ line: t.line, endLine: t.endLine, kind: 'table', label: t.title, href: paths.table(entity.id, t.id) });
    for (const p of entity.projects) refs.push({ line: p.line, endLine: p.endLine ?? p.line, kind: 'project', label: p.name, href: paths.project(entity.id, p.id) });
    for (const s of entity.sections) refs.push({ line: s.line, endLine: s.endLine, kind: 'section', label: s.title, href: paths.entity(entity.id, `s-${s.id}`) });
    entity.unitPerformance.forEach((u, i) => {
      refs.push({ line: u.line, endLine: u.endLine, kind: 'performance', label: u.title, href: paths.entity(entity.id, `perf-${i + 1}`) });
    });
    for (const f of index.findingsByEntity.get(entity.id) ?? []) {
      for (const line of f.finding.lines) refs.push({ line, endLine: line, kind: 'finding', label: f.finding.message, href: paths.finding(entity.id, f.id) });
    }
  }
  return refs.sort((a, b) => a.line - b.line || b.endLine - a.endLine);
}
