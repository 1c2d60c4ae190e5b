/**
 * The open-data catalog (dist/data/catalog.json, schemaVersion 1): every
 * source with its diagnostics and every entity with its totals, tables,
 * projects and findings, with the URLs of their pages and downloads.
 */
import type { Entity, Source } from '../ingest/model/schema.ts';
import { paths, url } from './urls.ts';

export function entityDataUrl(entity: Entity): string {
  return url(`data/${entity.id}.json`);
}

export function buildCatalog(entities: Entity[], sources: Source[], base: string) {
  return {
    schemaVersion: 1,
    base,
    generator: 'budget-portal',
    sources: sources.map((s) => ({
      file: s.file,
      sha256: s.sha256,
      encoding: s.encoding,
      layout: s.layout,
      published: s.published,
      url: paths.source(s.file),
      entities: s.entities,
      diagnostics: s.diagnostics,
    })),
    entities: entities.map((e) => ({
      id: e.id,
      code: e.code,
      name: e.name,
      level: e.level,
      parent: e.parent ?? null,
      children: e.children,
      region: e.region,
      province: e.province ?? null,
      year: e.year,
      unit: e.unit,
      source: e.source,
      url: paths.entity(e.id),
      data: entityDataUrl(e),
      totals: { income: e.totals.income ?? null, expenditure: e.totals.expenditure ?? null },
      tables: e.tables.map((t) => ({ id: t.id, kind: t.kind, title: t.title, rows: t.rows.length, empty: t.empty, url: null as string | null, csv: null as string | null })),
      projects: e.projects.map((p) => ({ id: p.id, code: p.code ?? null, name: p.name, amount: p.amount ?? null, url: null as string | null, indicators: p.performance?.indicators.length ?? 0 })),
      findings: e.findings,
    })),
  };
}
