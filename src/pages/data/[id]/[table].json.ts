/**
 * dist/data/<entity>/<table>.json: one table of the model, with the entity
 * it belongs to and the URLs of its page and source lines.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadAll } from '../../../lib/data.ts';
import { paths } from '../../../lib/urls.ts';
import type { Entity, Table } from '../../../ingest/model/schema.ts';

export const getStaticPaths = (async () => {
  const { entities } = await loadAll();
  return entities.flatMap((entity) => entity.tables.map((table) => ({ params: { id: entity.id, table: table.id }, props: { entity, table } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entity, table } = props as { entity: Entity; table: Table };
  const body = {
    schemaVersion: 1,
    entity: { id: entity.id, code: entity.code, name: entity.name, region: entity.region, province: entity.province ?? null, year: entity.year, source: entity.source },
    url: paths.table(entity.id, table.id),
    source: paths.source(entity.source, table.line),
    findings: entity.findings.filter((f) => f.table === table.id || f.cells.some((c) => c.table === table.id)),
    table,
  };
  return new Response(JSON.stringify(body) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
