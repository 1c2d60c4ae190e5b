/**
 * dist/data/<entity>/<table>.csv: one table as CSV (UTF-8 with BOM so Excel
 * reads Chinese; one header row of full column labels; cells as printed).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadAll } from '../../../lib/data.ts';
import { tableCsv } from '../../../lib/tables.ts';
import type { Table } from '../../../ingest/model/schema.ts';

export const getStaticPaths = (async () => {
  const { entities } = await loadAll();
  return entities.flatMap((entity) => entity.tables.map((table) => ({ params: { id: entity.id, table: table.id }, props: { table } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { table } = props as { table: Table };
  return new Response(tableCsv(table), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
