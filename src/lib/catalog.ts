/**
 * The open-data catalog (dist/data/catalog.json, schemaVersion 2): every
 * source with its diagnostics and phase (budget/final), every entity with
 * its phase, totals, tables,
 * projects and how many findings it has, and every subject code, with the
 * URLs of their pages and downloads.
 *
 * The findings themselves are in each entity's file (`data`): listed here
 * they would be a large share of the catalog, which grows with the corpus.
 */
import type { Source } from '../ingest/model/schema.ts';
import type { EntityHead } from './entity-head.ts';
import type { Subject } from './site/subjects.ts';
import { paths, url } from './urls.ts';

function entityDataUrl(entity: EntityHead): string {
  return url(`data/${entity.id}.json`);
}

export function buildCatalog(entities: EntityHead[], sources: Source[], base: string, subjects: Iterable<Subject> = []) {
  return {
    schemaVersion: 2,
    base,
    generator: 'budget-portal',
    // The same amounts in the Fiscal Data Package (budget tools read it), and the page describing every download.
    dataPackage: paths.dataPackage(),
    page: paths.openData(),
    sources: sources.map((s) => ({
      file: s.file,
      sha256: s.sha256,
      encoding: s.encoding,
      layout: s.layout,
      phase: s.phase,
      published: s.published,
      // Publisher, official address, date and title from the sources manifest; null when it has no entry.
      publication: s.publication ? { publisher: s.publication.publisher, title: s.publication.title ?? null, url: s.publication.url ?? null, date: s.publication.published ?? null } : null,
      url: paths.source(s.file),
      download: paths.original(s.file),
      // Originals (PDF, Word, Excel, web pages): their format and the file as published.
      ...(s.original ? { format: s.format, original: paths.original(s.file) } : {}),
      entities: s.entities,
      diagnostics: s.diagnostics,
    })),
    entities: entities.map((e) => ({
      id: e.id,
      code: e.code ?? null,
      name: e.name,
      unitKey: e.unitKey,
      level: e.level,
      parent: e.parent ?? null,
      children: e.children,
      region: e.region,
      province: e.province ?? null,
      city: e.city ?? null,
      county: e.county ?? null,
      divisionCode: e.divisionCode ?? null,
      year: e.year,
      phase: e.phase,
      unit: e.unit,
      source: e.source,
      url: paths.entity(e.id),
      data: entityDataUrl(e),
      totals: { income: e.totals.income ?? null, expenditure: e.totals.expenditure ?? null },
      tables: e.tables.map((t) => ({
        id: t.id,
        kind: t.kind,
        phase: t.phase ?? e.phase,
        title: t.title,
        rows: t.rows,
        empty: t.empty,
        line: t.line,
        url: paths.table(e.id, t.id) as string | null,
        csv: paths.tableCsv(e.id, t.id) as string | null,
        json: paths.tableJson(e.id, t.id),
      })),
      projects: e.projects.map((p) => ({
        id: p.id,
        code: p.code ?? null,
        name: p.name,
        amount: p.amount ?? null,
        subjectCode: p.subjectCode ?? null,
        line: p.line,
        url: paths.project(e.id, p.id) as string | null,
        indicators: p.indicators,
      })),
      findings: { errors: e.findings.filter((f) => f.severity === 'error').length, warnings: e.findings.filter((f) => f.severity === 'warning').length },
    })),
    subjects: [...subjects]
      .filter((s) => !s.implied)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((s) => ({ code: s.code, system: s.system, level: s.level, name: s.name, parent: s.parent ?? null, entities: s.uses.length, url: paths.subject(s.code) })),
  };
}
