/**
 * dist/data/<entity>.json: the whole model of one entity.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadAll } from '../../lib/data.ts';
import type { Entity } from '../../ingest/model/schema.ts';

export const getStaticPaths = (async () => {
  const { entities } = await loadAll();
  return entities.map((entity) => ({ params: { id: entity.id }, props: { entity } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entity } = props as { entity: Entity };
  // Compact: at 10,000 documents the pretty-printed form would double the download size.
  return new Response(JSON.stringify(entity) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
