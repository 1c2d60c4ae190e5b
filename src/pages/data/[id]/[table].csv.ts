/**
 * dist/data/<entity>/<table>.csv: one table as CSV (UTF-8 with BOM so Excel
 * reads Chinese; one header row of full column labels; cells as printed).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadEntity } from '../../../lib/data.ts';
import { loadSite } from '../../../lib/site.ts';
import { tableCsv } from '../../../lib/tables.ts';

export const getStaticPaths = (async () => {
  const { entities } = await loadSite();
  return entities.flatMap((entity) => entity.tables.map((table) => ({ params: { id: entity.id, table: table.id } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const table = (await loadEntity(params.id!)).tables.find((t) => t.id === params.table)!;
  return new Response(tableCsv(table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
