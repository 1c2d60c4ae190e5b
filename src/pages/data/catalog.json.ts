/**
 * dist/data/catalog.json: the open-data index of everything published.
 */
import type { APIRoute } from 'astro';
import { buildCatalog } from '../../lib/catalog.ts';
import { loadSite } from '../../lib/site.ts';

export const GET: APIRoute = async () => {
  const { entities, sources, subjects } = await loadSite();
  // One line: indentation would make the catalog, which grows with the corpus, much larger.
  return new Response(`${JSON.stringify(buildCatalog(entities, sources, import.meta.env.BASE_URL, subjects.values()))}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
