/**
 * dist/data/catalog.json: the open-data index of everything published.
 */
import type { APIRoute } from 'astro';
import { loadAll } from '../../lib/data.ts';
import { buildCatalog } from '../../lib/catalog.ts';

export const GET: APIRoute = async () => {
  const { entities, sources } = await loadAll();
  return new Response(JSON.stringify(buildCatalog(entities, sources, import.meta.env.BASE_URL), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
