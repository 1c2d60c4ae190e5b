/**
 * dist/data/<entity>.json: the whole model of one entity.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadEntity } from '../../lib/data.ts';
import { loadSite } from '../../lib/site.ts';

export const getStaticPaths = (async () => {
  const { entities } = await loadSite();
  return entities.map((entity) => ({ params: { id: entity.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const entity = await loadEntity(params.id!);
  // Compact: at 10,000 documents the pretty-printed form would double the download size.
  return new Response(JSON.stringify(entity) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
