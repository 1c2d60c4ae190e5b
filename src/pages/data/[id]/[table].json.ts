/**
 * dist/data/<entity>/<table>.json: one table of the model, with the entity
 * it belongs to and the URLs of its page and source lines.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadEntity } from '../../../lib/data.ts';
import { loadSite } from '../../../lib/site.ts';
import { paths } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const { entities } = await loadSite();
  return entities.flatMap((entity) => entity.tables.map((table) => ({ params: { id: entity.id, table: table.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const entity = await loadEntity(params.id!);
  const table = entity.tables.find((t) => t.id === params.table)!;
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
