/**
 * The site index: everything the pages look up, built once per build from
 * every entity (pages only look things up). Entities are read one at a
 * time and only their heads are kept (entity-head.ts); what needs rows
 * (subject amounts) is computed while the whole entity is at hand. Each
 * index is built by the module named after it; this one reads the content
 * and puts them together. It runs in plain Node too (src/build/site-index-file.ts).
 */
import type { Entity, Source } from '../../ingest/model/schema.ts';
import { entityHead, type EntityHead } from '../entity-head.ts';
import { sumOf } from '../format.ts';
import { codeKey } from '../unit-documents.ts';
import { countRules, findingEntries, type FindingEntry, type RuleCount } from './finding-index.ts';
import { indexGlossary, type GlossaryIndex } from './glossary.ts';
import { byRegionYearCode } from './order.ts';
import { indexRegions, type RegionsIndex } from './regions.ts';
import { entitiesBySource } from './source-refs.ts';
import { collectSubjects, type SubjectsIndex } from './subjects.ts';

export interface SiteIndex extends RegionsIndex, SubjectsIndex, GlossaryIndex {
  entities: EntityHead[];
  sources: Source[];
  entityById: Map<string, EntityHead>;
  /** Published entity by region, year and code (`秦皇岛市|2024|450001`; final accounts `…|final`: unit-documents.ts codeKey). */
  entityByKey: Map<string, EntityHead>;
  /** Entity whose parent is also published (its amounts are already in the parent's). */
  containedIn: Map<string, EntityHead>;
  findings: FindingEntry[];
  findingsByEntity: Map<string, FindingEntry[]>;
  rules: RuleCount[];
  /** Published entities of each source file, in site order. */
  entitiesBySource: Map<string, EntityHead[]>;
  totals: { entities: number; documents: number; expenditureByYear: { year: number; value: string; entities: number }[]; tables: number; projects: number; findings: number; subjects: number };
}

/** What building the site index reads: the content collections (data.ts in a page build, plain files in site-index-file.ts). */
export interface SiteContent {
  sources(): Promise<Source[]>;
  /** Ids of every entity, in file-name order. */
  entityIds(): Promise<string[]>;
  /** One whole entity, validated by the collection schema. */
  entity(id: string): Promise<Entity>;
}

/** Entities read at once while the index is built. */
const READ_AHEAD = 4;

export async function buildIndex(content: SiteContent): Promise<SiteIndex> {
  const sources = await content.sources();
  const subjectCollector = collectSubjects();
  const findingsByEntity = new Map<string, FindingEntry[]>();
  // One pass over the entities in file order; only heads are kept.
  const entities: EntityHead[] = [];
  const ids = await content.entityIds();
  for (let i = 0; i < ids.length; i += READ_AHEAD) {
    for (const entity of await Promise.all(ids.slice(i, i + READ_AHEAD).map((id) => content.entity(id)))) {
      const head = entityHead(entity);
      entities.push(head);
      subjectCollector.add(entity, head);
      findingsByEntity.set(head.id, findingEntries(head));
    }
  }
  entities.sort(byRegionYearCode);
  const entityById = new Map(entities.map((e) => [e.id, e]));

  // Parents published in the same region and year.
  const entityByKey = new Map(entities.flatMap((e) => (e.code ? [[codeKey(e.region, e.year, e.code, e.phase), e] as const] : [])));
  const containedIn = new Map<string, EntityHead>();
  for (const e of entities) {
    const parent = e.parent ? entityByKey.get(codeKey(e.region, e.year, e.parent.code, e.phase)) : undefined;
    if (parent && parent.id !== e.id) containedIn.set(e.id, parent);
  }

  const subjects = subjectCollector.finish(entityById);
  const findings = entities.flatMap((e) => findingsByEntity.get(e.id) ?? []);
  // The portal-wide figure is what budgets plan: final accounts would count the same money twice.
  const counted = entities.filter((e) => e.phase !== 'final' && !containedIn.has(e.id) && e.totals.expenditure !== undefined);
  const totals = {
    entities: entities.length,
    documents: sources.filter((s) => s.published).length,
    // One sum per year: budgets of different years are different money, never added together.
    expenditureByYear: [...new Set(counted.map((e) => e.year))].sort((a, b) => b - a).map((year) => {
      const ofYear = counted.filter((e) => e.year === year);
      return { year, value: sumOf(ofYear.map((e) => e.totals.expenditure!)), entities: ofYear.length };
    }),
    tables: entities.reduce((n, e) => n + e.tables.length, 0),
    projects: entities.reduce((n, e) => n + e.projects.length, 0),
    findings: findings.length,
    subjects: [...subjects.subjects.values()].filter((s) => !s.implied).length,
  };

  return {
    entities,
    sources,
    entityById,
    entityByKey,
    containedIn,
    ...indexRegions(entities),
    ...subjects,
    ...indexGlossary(entities),
    findings,
    findingsByEntity,
    rules: countRules(findings),
    entitiesBySource: entitiesBySource(entities),
    totals,
  };
}
