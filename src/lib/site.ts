/**
 * Build-wide derivations, computed once per build and cached:
 * the subject-code index, the merged glossary,
 * every finding, regions and years, and the entities of each source.
 *
 * Everything here is linear in the number of documents; pages only look
 * things up. Entities are read one by one and only their heads are kept
 * (entity-head.ts); what needs rows (subject amounts, finding links) is
 * computed while the whole entity is at hand.
 */
import type { Entity, Source, Table } from '../ingest/model/schema.ts';
import { regionSlug, slugify } from '../ingest/ids.ts';
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { codeKey } from './unit-documents.ts';
import { entityHead, type EntityHead, type FindingHead, type ProjectHead, type TableHead } from './entity-head.ts';
import { cellLink, findingPages, type CellLink } from './findings.ts';
import {
  codeLevel,
  guessCodeSystem,
  parentCode,
  printedText,
  sumOf,
  termKey,
  type CodeLevelName,
  type CodeSystemName,
} from './format.ts';
import { CLASS_NAMES } from './subject-names.ts';
import { codeAmount, rowsOfCode } from '../ingest/model/code-parts.ts';
import { crossTableConflict, type Conflict } from './figure-conflicts.ts';
import { mainAmountWan, rowAnchors } from './tables.ts';
import { yearPageCount } from './paging.ts';
import { paths } from './urls.ts';

export type { EntityHead, ProjectHead, TableHead };

type Finding = Entity['findings'][number];

export interface RegionGroup {
  slug: string;
  region: string;
  province?: string;
  /** `河北省 秦皇岛市` */
  label: string;
  entities: EntityHead[];
  years: number[];
}

export interface SubjectEntry {
  entity: EntityHead;
  table: TableHead;
  anchor: string;
  /** Name as printed on that row. */
  name?: string;
  /** Main amount of the code in 万元: the sum of its rows when it is printed in parts (undefined when none prints one). */
  value?: string;
  /** The printed amounts summed into `value` (万元), when the code is printed on several rows. */
  parts?: string[];
  /** Other tables of the entity print a different amount for the code (cross-table finding). */
  conflict?: Conflict;
}

export interface SubjectEntityUse {
  entity: EntityHead;
  /** The row the comparison uses (the preferred table of the entity). */
  main: SubjectEntry;
  /** Other tables of the same entity printing the code. */
  others: SubjectEntry[];
}

export interface Subject {
  code: string;
  system: CodeSystemName;
  level: CodeLevelName;
  /** Most common printed name. */
  name: string;
  /** Every printed name with how often it is printed. */
  names: [string, number][];
  parent?: string;
  children: string[];
  uses: SubjectEntityUse[];
  projects: { entity: EntityHead; project: ProjectHead }[];
  /** True for codes only implied as the parent of a printed code. */
  implied: boolean;
  /** True when no document prints the name and it comes from the national classification. */
  referenceName?: boolean;
}

export interface GlossaryDefinition {
  definition: string;
  cited: { entity: EntityHead; line: number }[];
}

export interface GlossaryEntry {
  term: string;
  anchor: string;
  key: string;
  definitions: GlossaryDefinition[];
}

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
 * the whole entity is at hand (linkFindings), not kept for every finding:
 * kept, they would be a large share of the site index's memory.
 */
export interface LinkedFinding extends Omit<FindingEntry, 'finding'> {
  finding: Finding;
  links: CellLink[];
}

export interface SourceRef {
  line: number;
  endLine: number;
  kind: 'entity' | 'table' | 'project' | 'section' | 'performance' | 'finding' | 'glossary';
  label: string;
  href: string;
}

export interface SiteIndex {
  entities: EntityHead[];
  sources: Source[];
  entityById: Map<string, EntityHead>;
  /** Published entity by region, year and code (`秦皇岛市|2024|450001`; final accounts `…|final`: unit-documents.ts codeKey). */
  entityByKey: Map<string, EntityHead>;
  /** Entity whose parent is also published (its amounts are already in the parent's). */
  containedIn: Map<string, EntityHead>;
  regions: RegionGroup[];
  /** Regions by province ('' for regions without one), in the order of `regions`. */
  regionsByProvince: Map<string, RegionGroup[]>;
  regionOf: Map<string, RegionGroup>;
  years: { year: number; entities: EntityHead[] }[];
  subjects: Map<string, Subject>;
  subjectTree: Record<CodeSystemName, string[]>;
  glossary: GlossaryEntry[];
  glossaryByKey: Map<string, GlossaryEntry>;
  findings: FindingEntry[];
  findingsByEntity: Map<string, FindingEntry[]>;
  rules: { ruleId: string; count: number; severity: 'error' | 'warning' }[];
  /** Published entities of each source file, in site order. */
  entitiesBySource: Map<string, EntityHead[]>;
  totals: { entities: number; documents: number; expenditure: string; tables: number; projects: number; findings: number; subjects: number };
}

/** Preferred tables for comparing a code between entities, best first. */
const SUBJECT_TABLE_ORDER: Record<CodeSystemName, Table['kind'][]> = {
  functional: ['expenditure-summary', 'general-budget-expenditure', 'income-summary', 'general-budget-basic-functional', 'government-fund-expenditure', 'state-capital-expenditure', 'project-expenditure'],
  economic: ['economic-summary', 'general-budget-expenditure-economic', 'general-budget-basic'],
  'gov-economic': ['economic-summary', 'general-budget-expenditure-economic', 'general-budget-basic'],
};

function rank(system: CodeSystemName, kind: Table['kind']): number {
  const i = SUBJECT_TABLE_ORDER[system].indexOf(kind);
  return i < 0 ? 99 : i;
}

/** What building the site index reads: the content collections (data.ts in a page build, plain files in site-index-file.ts). */
export interface SiteContent {
  sources(): Promise<Source[]>;
  /** Ids of every entity, in file-name order. */
  entityIds(): Promise<string[]>;
  /** One whole entity, validated by the collection schema. */
  entity(id: string): Promise<Entity>;
}

/**
 * SITE_INDEX_FILE names a site index built and serialized once for the whole build
 * (src/build/site-index-file.ts): when the pages render in several processes, each
 * reads it instead of reading and validating every entity again.
 */
export const SITE_INDEX_FILE = 'SITE_INDEX_FILE';

let cache: Promise<SiteIndex> | undefined;

export function loadSite(): Promise<SiteIndex> {
  const file = process.env[SITE_INDEX_FILE];
  cache ??= file
    ? Promise.resolve(deserialize(readFileSync(file)) as SiteIndex)
    : import('./data.ts').then(({ entityIds, loadEntity, loadSources }) => buildIndex({ sources: loadSources, entityIds, entity: loadEntity }));
  return cache;
}

function regionLabel(e: EntityHead): string {
  return e.province && !e.region.startsWith(e.province) ? `${e.province} ${e.region}` : e.region;
}

export function entityRegionLabel(e: EntityHead): string {
  return regionLabel(e);
}

/** Coded units by code, then units known only by name, by name. */
const byCodeOrName = (a: EntityHead, b: EntityHead) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff') || a.name.localeCompare(b.name, 'zh-CN');
const byRegionYearCode = (a: EntityHead, b: EntityHead) => a.region.localeCompare(b.region, 'zh-CN') || b.year - a.year || byCodeOrName(a, b);

export async function buildIndex(content: SiteContent): Promise<SiteIndex> {
  const sources = await content.sources();
  // Subjects: every code printed in a table row, as 政府经济分类 next to a row, or on a project.
  const subjects = new Map<string, Subject>();
  const nameCounts = new Map<string, Map<string, number>>();
  const subjectOf = (code: string, system: CodeSystemName): Subject => {
    let s = subjects.get(code);
    if (!s) {
      s = { code, system, level: codeLevel(code), name: '', names: [], children: [], uses: [], projects: [], implied: false };
      subjects.set(code, s);
    }
    return s;
  };
  const countName = (code: string, name: string | undefined) => {
    if (!name) return;
    const shown = printedText(name).replace(/\s+/g, '');
    if (!shown) return;
    const m = nameCounts.get(code) ?? new Map<string, number>();
    m.set(shown, (m.get(shown) ?? 0) + 1);
    nameCounts.set(code, m);
  };
  // entity id → code → entries (first row per table)
  const entries = new Map<string, Map<string, SubjectEntry[]>>();
  // Row names and anchors repeat across entities (entries grow with every row of every table): keep one copy of each.
  const pool = new Map<string, string>();
  const intern = (text: string): string => {
    const kept = pool.get(text);
    if (kept !== undefined) return kept;
    pool.set(text, text);
    return text;
  };
  const collectSubjects = (entity: Entity, head: EntityHead) => {
    const own = new Map<string, SubjectEntry[]>();
    entries.set(entity.id, own);
    entity.tables.forEach((table, ti) => {
      const tHead = head.tables[ti]!;
      const anchors = rowAnchors(table);
      const seenInTable = new Set<string>();
      table.rows.forEach((row, i) => {
        const add = (code: string, system: CodeSystemName, name: string | undefined, withAmount: boolean) => {
          if (!/^\d{3,7}$/.test(code)) return;
          subjectOf(code, system);
          countName(code, name);
          if (seenInTable.has(code)) return;
          seenInTable.add(code);
          // Every row printing the code in this table counts (parts of one code are summed).
          const amount = withAmount ? codeAmount(rowsOfCode(table, code), (r) => mainAmountWan(table, r)) : undefined;
          const entry: SubjectEntry = {
            entity: head,
            table: tHead,
            anchor: intern(anchors[i]!),
            ...(name ? { name: intern(printedText(name)) } : {}),
            ...(amount?.value !== undefined ? { value: amount.value } : {}),
            ...(amount && amount.parts.length > 1 ? { parts: amount.parts } : {}),
          };
          const conflict = amount?.value !== undefined && amount.rows.length === 1 ? crossTableConflict(entity, table, amount.rows[0]!, amount.value) : undefined;
          if (conflict) entry.conflict = conflict;
          own.set(code, [...(own.get(code) ?? []), entry]);
        };
        if (row.code) add(row.code, row.codeSystem ?? guessCodeSystem(row.code), row.name, true);
        if (row.govCode) {
          // The government economic name is the name cell of its own column group, when printed.
          const govNameIdx = table.columns.findIndex((c, ci) => c.role === 'name' && ci > 0 && /政府/.test(c.label));
          add(row.govCode, 'gov-economic', govNameIdx >= 0 ? row.cells[govNameIdx]?.text : undefined, false);
        }
      });
    });
    for (const project of head.projects) {
      if (project.subjectCode && /^\d{3,7}$/.test(project.subjectCode)) subjectOf(project.subjectCode, 'functional').projects.push({ entity: head, project });
    }
  };
  // Findings (their cell links are made with the whole entity: linkFindings).
  const findingsByEntity = new Map<string, FindingEntry[]>();
  const collectFindings = (head: EntityHead) => {
    findingsByEntity.set(
      head.id,
      head.findings.map((finding, i): FindingEntry => {
        const table = finding.table ? head.tables.find((t) => t.id === finding.table) : undefined;
        return { id: `f-${head.id}-${i + 1}`, index: i, entity: head, finding, ...(table ? { table } : {}) };
      }),
    );
  };

  // One pass over the entities in file order (read a few at a time); only heads are kept.
  const entities: EntityHead[] = [];
  const ids = await content.entityIds();
  for (let i = 0; i < ids.length; i += 4) {
    for (const entity of await Promise.all(ids.slice(i, i + 4).map((id) => content.entity(id)))) {
      const head = entityHead(entity);
      entities.push(head);
      collectSubjects(entity, head);
      collectFindings(head);
    }
  }
  entities.sort(byRegionYearCode);
  const entityById = new Map(entities.map((e) => [e.id, e]));

  // Parents published in the same region and year.
  const byKey = new Map(entities.flatMap((e) => (e.code ? [[codeKey(e.region, e.year, e.code, e.phase), e] as const] : [])));
  const containedIn = new Map<string, EntityHead>();
  for (const e of entities) {
    const parent = e.parent ? byKey.get(codeKey(e.region, e.year, e.parent.code, e.phase)) : undefined;
    if (parent && parent.id !== e.id) containedIn.set(e.id, parent);
  }

  // Regions (slug unique; the province disambiguates two regions of the same name).
  const regionMap = new Map<string, RegionGroup>();
  const slugOwners = new Map<string, string>();
  const regionOf = new Map<string, RegionGroup>();
  for (const e of entities) {
    const key = `${e.province ?? ''}|${e.region}`;
    let group = regionMap.get(key);
    if (!group) {
      let slug = regionSlug(e.region);
      if (slugOwners.has(slug) && slugOwners.get(slug) !== key) slug = `${slugify(e.province ?? 'qita')}-${slug}`;
      let n = 2;
      const bare = slug;
      while (slugOwners.has(slug) && slugOwners.get(slug) !== key) slug = `${bare}-${n++}`;
      slugOwners.set(slug, key);
      group = { slug, region: e.region, ...(e.province ? { province: e.province } : {}), label: regionLabel(e), entities: [], years: [] };
      regionMap.set(key, group);
    }
    group.entities.push(e);
    regionOf.set(e.id, group);
  }
  const regions = [...regionMap.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  for (const r of regions) {
    r.entities.sort((a, b) => b.year - a.year || byCodeOrName(a, b));
    r.years = [...new Set(r.entities.map((e) => e.year))].sort((a, b) => b - a);
  }
  const regionsByProvince = new Map<string, RegionGroup[]>();
  for (const r of regions) {
    const list = regionsByProvince.get(r.province ?? '') ?? [];
    list.push(r);
    regionsByProvince.set(r.province ?? '', list);
  }
  const yearMap = new Map<number, EntityHead[]>();
  for (const e of entities) {
    const list = yearMap.get(e.year) ?? [];
    list.push(e);
    yearMap.set(e.year, list);
  }
  const years = [...yearMap.entries()].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, entities: list }));

  for (const [entityId, own] of entries) {
    const entity = entityById.get(entityId)!;
    for (const [code, list] of own) {
      const s = subjects.get(code)!;
      const sorted = [...list].sort((a, b) => rank(s.system, a.table.kind) - rank(s.system, b.table.kind) || Number(b.value !== undefined) - Number(a.value !== undefined));
      s.uses.push({ entity, main: sorted[0]!, others: sorted.slice(1) });
    }
  }
  // Implied parents (a 款 of a printed 项 nobody printed) keep the tree whole.
  for (const code of [...subjects.keys()]) {
    let parent = parentCode(code);
    while (parent && !subjects.has(parent)) {
      const s = subjectOf(parent, subjects.get(code)!.system);
      s.implied = true;
      parent = parentCode(parent);
    }
  }
  for (const s of subjects.values()) {
    const counts = [...(nameCounts.get(s.code) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
    s.names = counts;
    s.name = counts[0]?.[0] ?? '';
    if (!s.name && CLASS_NAMES[s.code]) {
      s.name = CLASS_NAMES[s.code]!;
      s.referenceName = true;
    }
    const parent = parentCode(s.code);
    if (parent && subjects.has(parent)) {
      s.parent = parent;
      subjects.get(parent)!.children.push(s.code);
    }
    s.uses.sort((a, b) => byRegionYearCode(a.entity, b.entity));
    s.projects.sort((a, b) => byRegionYearCode(a.entity, b.entity));
  }
  for (const s of subjects.values()) s.children.sort();
  const subjectTree: Record<CodeSystemName, string[]> = { functional: [], economic: [], 'gov-economic': [] };
  for (const s of [...subjects.values()].sort((a, b) => a.code.localeCompare(b.code))) if (!s.parent) subjectTree[s.system].push(s.code);

  // Glossary merged across documents.
  const glossaryByKey = new Map<string, GlossaryEntry>();
  const termNames = new Map<string, Map<string, number>>();
  for (const entity of entities) {
    for (const g of entity.glossary) {
      const key = termKey(g.term);
      if (!key) continue;
      let entry = glossaryByKey.get(key);
      if (!entry) {
        entry = { term: g.term, anchor: '', key, definitions: [] };
        glossaryByKey.set(key, entry);
      }
      const names = termNames.get(key) ?? new Map<string, number>();
      names.set(g.term, (names.get(g.term) ?? 0) + 1);
      termNames.set(key, names);
      const defKey = termKey(g.definition);
      let def = entry.definitions.find((d) => termKey(d.definition) === defKey);
      if (!def) {
        def = { definition: g.definition, cited: [] };
        entry.definitions.push(def);
      }
      def.cited.push({ entity, line: g.line });
    }
  }
  const anchorsUsed = new Set<string>();
  const glossary = [...glossaryByKey.values()];
  for (const entry of glossary) {
    entry.term = [...termNames.get(entry.key)!.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const base = `term-${slugify(entry.key) || 'x'}`;
    let anchor = base;
    for (let n = 2; anchorsUsed.has(anchor); n++) anchor = `${base}-${n}`;
    anchorsUsed.add(anchor);
    entry.anchor = anchor;
    entry.definitions.sort((a, b) => b.cited.length - a.cited.length);
  }
  glossary.sort((a, b) => a.anchor.localeCompare(b.anchor));

  const findings = entities.flatMap((e) => findingsByEntity.get(e.id) ?? []);
  const ruleCounts = new Map<string, { count: number; severity: 'error' | 'warning' }>();
  for (const { finding: f } of findings) {
    const r = ruleCounts.get(f.ruleId) ?? { count: 0, severity: f.severity };
    r.count++;
    if (f.severity === 'error') r.severity = 'error';
    ruleCounts.set(f.ruleId, r);
  }
  const rules = [...ruleCounts.entries()].map(([ruleId, r]) => ({ ruleId, ...r })).sort((a, b) => a.ruleId.localeCompare(b.ruleId));

  // Published entities of each source, in site order (source pages list them and their refs).
  const entitiesBySource = new Map<string, EntityHead[]>();
  for (const entity of entities) {
    const list = entitiesBySource.get(entity.source);
    if (list) list.push(entity);
    else entitiesBySource.set(entity.source, [entity]);
  }

  // The portal-wide figure is what budgets plan: final accounts would count the same money twice.
  const counted = entities.filter((e) => e.phase !== 'final' && !containedIn.has(e.id) && e.totals.expenditure !== undefined);
  const totals = {
    entities: entities.length,
    documents: sources.filter((s) => s.published).length,
    expenditure: sumOf(counted.map((e) => e.totals.expenditure!)),
    tables: entities.reduce((n, e) => n + e.tables.length, 0),
    projects: entities.reduce((n, e) => n + e.projects.length, 0),
    findings: findings.length,
    subjects: [...subjects.values()].filter((s) => !s.implied).length,
  };

  return {
    entities,
    sources,
    entityById,
    entityByKey: byKey,
    containedIn,
    regions,
    regionsByProvince,
    regionOf,
    years,
    subjects,
    subjectTree,
    glossary,
    glossaryByKey,
    findings,
    findingsByEntity,
    rules,
    entitiesBySource,
    totals,
  };
}

/**
 * Which pages use which lines of a source file, by line. Computed when the
 * source page renders, not kept for every source: that would be a reference
 * per cited line of the corpus held through the whole build.
 */
export function sourceRefs(index: SiteIndex, file: string): SourceRef[] {
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

/** Findings of one entity with the links to their cells (`entity` is the whole entity of `list`). */
export function linkFindings(entity: Entity, list: readonly FindingEntry[]): LinkedFinding[] {
  return list.map((f) => {
    const finding = entity.findings[f.index]!;
    return { ...f, finding, links: finding.cells.map((cell) => cellLink(entity, finding, cell)) };
  });
}

/** The glossary entry whose term equals this label (after normalising spaces, brackets, quotes, enumerators). */
export function glossaryFor(index: SiteIndex, label: string | undefined): GlossaryEntry | undefined {
  return label ? index.glossaryByKey.get(termKey(label)) : undefined;
}

/** `210 卫生健康支出`: the functional class a code belongs to, for search filters. */
export function functionalClass(index: SiteIndex, code: string | undefined): string | undefined {
  if (!code || !/^2\d{2}/.test(code)) return undefined;
  const c = code.slice(0, 3);
  const name = index.subjects.get(c)?.name;
  return name ? `${c} ${name}` : c;
}

/** Pages of the findings overview (1 while it lists every finding). */
export function findingPageCount(index: SiteIndex): number {
  return findingPages(index.findings.length, index.entities.filter((e) => (index.findingsByEntity.get(e.id) ?? []).length > 0).length);
}

/** Anchor of a province on the region index (`/regions/#prov-hebeisheng`; `prov-qita` for regions without one). */
export function provinceAnchor(province: string): string {
  return `prov-${slugify(province) || 'qita'}`;
}

/** Every page of the site (paths under the base), for the sitemap and the tests. */
export function allPages(index: SiteIndex): string[] {
  const pages = [paths.home(), paths.regions(), paths.subjects(), paths.findings(), paths.glossary(), paths.search()];
  const findingsPages = findingPageCount(index);
  for (let n = 2; n <= findingsPages; n++) pages.push(paths.findingsPage(n));
  for (const r of index.regions) pages.push(paths.region(r.slug));
  for (const y of index.years) for (let n = 1; n <= yearPageCount(y.entities.length); n++) pages.push(paths.yearPage(y.year, n));
  for (const e of index.entities) {
    pages.push(paths.entity(e.id));
    for (const t of e.tables) pages.push(paths.table(e.id, t.id));
    for (const p of e.projects) pages.push(paths.project(e.id, p.id));
  }
  for (const s of index.subjects.values()) if (!s.implied) pages.push(paths.subject(s.code));
  for (const s of index.sources) pages.push(paths.source(s.file));
  return pages;
}
