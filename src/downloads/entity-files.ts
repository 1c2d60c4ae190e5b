/**
 * The download files of one entity, as (path under dist, body):
 *
 *   data/<entity>.json            the whole model of the entity (its content file, copied)
 *   data/<entity>/<table>.json    one table, with its entity, page, source lines and findings
 *   data/<entity>/<entity>_<table>.csv
 *                                 one table as CSV (UTF-8 with BOM so Excel reads Chinese), named
 *                                 after its unit, year and table so downloads never collide
 *
 * Pure: the same entity always gives the same bytes, whoever writes them.
 */
import type { Entity, Table } from '../ingest/model/schema.ts';
import { tableCsv } from '../lib/tables.ts';
import { paths, tableCsvPath } from '../lib/urls.ts';

export interface DownloadFile {
  /** Path under dist/, with `/` separators. */
  path: string;
  body: string;
}

function tableJson(entity: Entity, table: Table): string {
  const body = {
    schemaVersion: 1,
    entity: { id: entity.id, code: entity.code ?? null, name: entity.name, unitKey: entity.unitKey, region: entity.region, province: entity.province ?? null, city: entity.city ?? null, county: entity.county ?? null, year: entity.year, source: entity.source },
    url: paths.table(entity.id, table.id),
    source: paths.source(entity.source, table.line),
    findings: entity.findings.filter((f) => f.table === table.id || f.cells.some((c) => c.table === table.id)),
    table,
  };
  return `${JSON.stringify(body)}\n`;
}

/** Where the whole model of an entity is downloaded: compact JSON, exactly its content file (content/entities/<id>.json). */
export const entityJsonPath = (entity: Pick<Entity, 'id'>) => `data/${entity.id}.json`;

/** The per-table downloads of an entity. */
export function tableDownloads(entity: Entity): DownloadFile[] {
  return entity.tables.flatMap((table) => [
    { path: `data/${entity.id}/${table.id}.json`, body: tableJson(entity, table) },
    { path: tableCsvPath(entity.id, table.id), body: tableCsv(table, { unit: entity.name, code: entity.code, year: entity.year }) },
  ]);
}
