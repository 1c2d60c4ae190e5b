/**
 * Search shards: the Pagefind index split by budget year or region, each
 * shard indexed by its own process (on this machine or another) and merged
 * by the search page at query time with Pagefind's mergeIndex.
 *
 * Why: Pagefind holds the whole index of what it is given in memory, so one
 * index over a very large corpus needs one very large machine. A shard holds
 * the pages of one entity group (`units/<id>/**`); everything else (home,
 * subjects, glossary, findings…) stays in the main index at pagefind/, and
 * shard bundles go to pagefind-shards/<key>/, listed in pagefind/shards.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { slugify } from '../ingest/ids.ts';

export type ShardBy = 'year' | 'region';
export const MAIN_SHARD = 'main';

interface CatalogEntity {
  id: string;
  year: number;
  region: string;
  province: string | null;
}

/** Shard key of an entity: its year, or its region (with the province, so equal names stay apart). */
export function shardKey(entity: CatalogEntity, by: ShardBy): string {
  return by === 'year' ? String(entity.year) : slugify(`${entity.province ?? ''}${entity.region}`) || 'qita';
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('pagefind') ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The HTML files of a built site grouped by shard (`main` for pages not of one entity), paths relative to dist. */
export function planShards(dist: string, by: ShardBy): Map<string, string[]> {
  const catalog = JSON.parse(readFileSync(join(dist, 'data', 'catalog.json'), 'utf8')) as { entities: CatalogEntity[] };
  const keyOf = new Map(catalog.entities.map((e) => [e.id, shardKey(e, by)]));
  const plan = new Map<string, string[]>([[MAIN_SHARD, []]]);
  for (const file of htmlFiles(dist)) {
    const rel = relative(dist, file).split(sep).join('/');
    const unit = /^units\/([^/]+)\//.exec(rel)?.[1];
    const key = (unit && keyOf.get(unit)) || MAIN_SHARD;
    const list = plan.get(key) ?? [];
    list.push(rel);
    plan.set(key, list);
  }
  return plan;
}

/** Where a shard's bundle is written, relative to dist. */
export function shardBundle(key: string): string {
  return key === MAIN_SHARD ? 'pagefind' : `pagefind-shards/${key}`;
}
