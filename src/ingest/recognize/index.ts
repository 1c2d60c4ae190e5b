/**
 * The recognize stage: blocks → entities with their tables, projects,
 * performance sheets, sections and glossary.
 */
import type { Reporter } from '../diagnostics.ts';
import type { Block } from '../read/blocks.ts';
import type { GlossaryTerm, Project, Section, Table, UnitPerformance } from '../model/schema.ts';
import type { RecognizeContext } from './context.ts';
import { applyDeclared, declaredEntries, isTableIndex } from './declared.ts';
import { identifyEntities, type EntityIdentity } from './entities.ts';
import { documentYear } from './identity.ts';
import { documentPhase } from './phase.ts';
import { captionUnitOf, regionsOf, type TableRegion } from './regions.ts';
import { restorePrinted } from './printed.ts';
import { segment, type Span } from './segment.ts';
import { recognizeTables } from './tables/index.ts';
import { entityTotals } from './totals.ts';
import { recognizeGlossary } from './glossary.ts';
import { recognizeSections } from './sections.ts';
import { performanceKindOf, recognizeProjectSheets, recognizeUnitPerformance, type ProjectSheet } from './performance/index.ts';
import { settleSplitCodes } from './performance/split-codes.ts';
import { dropSeparatorRows } from './separator-rows.ts';
import { fileTitleBlock } from './file-title.ts';
import { assembleProjects, projectRowsOf } from './projects.ts';
import type { MoneyUnit } from '../model/money.ts';

export interface RecognizedEntity {
  identity: EntityIdentity;
  span: Span;
  tables: Table[];
  projects: Project[];
  unitPerformance: UnitPerformance[];
  sections: Section[];
  glossary: GlossaryTerm[];
  totals: { income?: string; expenditure?: string };
}

export interface Recognized {
  year: number | null;
  unit: MoneyUnit;
  entities: RecognizedEntity[];
  uncodedNames: string[];
}

/** The money unit most tables of the document declare. */
/** An amount in a sentence and its unit (`1862430.57 元`, `58.64万元`). */
const PROSE_AMOUNT_RE = /\d\s*(万元|亿元|千元|元)/g;

function documentUnit(regions: readonly { type: string; captions?: { text: string }[] }[], prose: string): MoneyUnit {
  const counts = new Map<MoneyUnit, number>();
  for (const region of regions) {
    for (const caption of region.captions ?? []) {
      const unit = captionUnitOf(caption.text);
      if (unit) counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
  }
  // A document without tables (explanation text only) is in the unit its sentences write after their amounts.
  if (!regions.length) for (const m of prose.matchAll(PROSE_AMOUNT_RE)) counts.set(m[1] as MoneyUnit, (counts.get(m[1] as MoneyUnit) ?? 0) + 1);
  // 万元 unless another unit is declared more often (the usual unit wins a tie).
  let best: MoneyUnit = '万元';
  for (const [unit, n] of counts) if (n > (counts.get(best) ?? 0)) best = unit;
  return best;
}

/** Ids unique within the entity: the kind, then kind-2, kind-3 … */
function assignIds(tables: Table[]): void {
  const seen = new Map<string, number>();
  for (const table of tables) {
    const n = (seen.get(table.kind) ?? 0) + 1;
    seen.set(table.kind, n);
    table.id = n === 1 ? table.kind : `${table.kind}-${n}`;
  }
}

/** Names for rows that a flattened page left without one, from the same code elsewhere in the entity. */
function fillNames(tables: readonly Table[]): void {
  const names = new Map<string, string>();
  for (const table of tables) for (const row of table.rows) if (row.code && row.name && !row.partial) names.set(row.code, row.name);
  for (const table of tables) for (const row of table.rows) if (row.code && !row.name && names.has(row.code)) row.name = names.get(row.code)!;
}

/** A document that ends inside a table, on a row shorter than the rows above it, was probably cut off. */
function reportTruncation(blocks: readonly Block[], reporter: Reporter): void {
  const last = blocks.at(-1);
  if (last?.type !== 'table' || last.rows.length < 2) return;
  const final = last.rows.at(-1)!;
  const width = Math.max(...last.rows.slice(0, -1).map((r) => r.cells.length));
  if (final.cells.length < width) {
    reporter.warn('read', 'read:truncated', `文件在表格中间结束（第 ${final.line} 行只有 ${final.cells.length} 列，上面的行有 ${width} 列），可能被截断。`, final.line);
  }
}

/**
 * `file` is the document's file name: read as its title (see file-title.ts)
 * only when the text names no unit or no year.
 */
export function recognize(printed: readonly Block[], reporter: Reporter, lastLine: number, file?: string): Recognized {
  reportTruncation(printed, reporter);
  const blocks = dropSeparatorRows(printed, reporter);
  const final = documentPhase(blocks) === 'final';
  let year = documentYear(blocks, final);
  let identity = identifyEntities(blocks);
  const fileTitle = file !== undefined && (year === null || !identity.entities.length) ? fileTitleBlock(file) : null;
  if (fileTitle) {
    const titled = [fileTitle, ...blocks];
    const named = identity.entities.length ? null : identifyEntities(titled);
    if (named?.entities.length) {
      identity = named;
      reporter.info('recognize', 'entity:from-file-name', `文中没有写明单位名称，按文件名“${fileTitle.text}”中的单位发布。`, 0);
    }
    if (year === null) {
      year = documentYear(titled, final);
      if (year !== null) reporter.info('recognize', 'entity:year-from-file-name', `文中没有写明年度，按文件名“${fileTitle.text}”中的 ${year} 年发布。`, 0);
    }
  }
  const regions = regionsOf(blocks);
  const prose = blocks.map((b) => (b.type === 'paragraph' || b.type === 'heading' ? b.text : '')).join('\n');
  const unit = documentUnit(regions.filter((r): r is TableRegion => r.type === 'table'), prose);
  const spans = segment(blocks, regions, identity.entities, lastLine);
  const entities = spans.map((span): RecognizedEntity => {
    const ctx: RecognizeContext = { reporter, entity: span.entity, year: year ?? 0, defaultUnit: unit };
    const tables: Table[] = [];
    const sheets: ProjectSheet[] = [];
    const unitPerformance: UnitPerformance[] = [];
    for (const region of span.regions) {
      if (region.type !== 'table') continue;
      const recognized = recognizeTables(region, ctx);
      restorePrinted(recognized, region);
      tables.push(...recognized);
      // Performance sheets are also read as structured goals and indicators.
      const performance = performanceKindOf(region);
      if (performance === 'project-performance') sheets.push(...recognizeProjectSheets(region, ctx));
      else if (performance) {
        const sheet = recognizeUnitPerformance(region, ctx);
        if (sheet) unitPerformance.push(sheet);
      }
    }
    const projectRows = tables.filter((t) => t.kind === 'project-expenditure').flatMap((t) => projectRowsOf(t, ctx));
    settleSplitCodes(sheets, ctx);
    const projects = assembleProjects(sheets, projectRows, ctx);
    const index = tables.find(isTableIndex);
    if (index) applyDeclared(tables, declaredEntries(index));
    assignIds(tables);
    fillNames(tables);
    const sections = recognizeSections(span.regions, ctx);
    const glossary = recognizeGlossary(sections, span.regions, ctx);
    return { identity: span.entity, span, tables, projects, unitPerformance, sections, glossary, totals: entityTotals(tables) };
  });
  return { year, unit, entities, uncodedNames: identity.uncoded.map((m) => m.name) };
}
