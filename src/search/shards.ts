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
import { join } from 'node:path';
import { slugify } from '../ingest/ids.ts';

export type ShardBy = 'year' | 'region';
const MAIN_SHARD = 'main';

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

/**
 * Folders (relative to dist) that hold no page the search indexes: downloads,
 * assets, the line-numbered sources, and each unit's table and project pages
 * (their text reaches the index through the unit page's digests). They are
 * nearly all the pages of a large site, and listing and opening each only to
 * find it unmarked is most of the indexer's reading. A test over the built site checks
 * that no page in them is marked for the index.
 */
export const UNINDEXED_FOLDERS = /^(?:pagefind.*|data|_assets|sources|units\/[^/]+\/(?:tables|projects))$/;

/** HTML files of dist that may be indexed (each is still checked for the mark: indexedHtml). */
export function searchablePages(dist: string, dir = ''): string[] {
  return readdirSync(join(dist, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return UNINDEXED_FOLDERS.test(rel) ? [] : searchablePages(dist, rel);
    return entry.name.endsWith('.html') ? [rel] : [];
  });
}

/**
 * The pages of a built site that may be indexed, grouped by shard (`main` for pages not of one
 * entity), paths relative to dist. Groups next to each other in key order are packed into one
 * shard while it stays within `maxPages` (`--search-shard-pages`, src/config.ts); a packed shard's key
 * names its first and last group (`2021-2022`). A group larger than `maxPages` is a shard of its own.
 */
export function planShards(dist: string, by: ShardBy, maxPages: number): Map<string, string[]> {
  const catalog = JSON.parse(readFileSync(join(dist, 'data', 'catalog.json'), 'utf8')) as { entities: CatalogEntity[] };
  const keyOf = new Map(catalog.entities.map((e) => [e.id, shardKey(e, by)]));
  const main: string[] = [];
  const groups = new Map<string, string[]>();
  for (const rel of searchablePages(dist)) {
    const unit = /^units\/([^/]+)\//.exec(rel)?.[1];
    const key = unit && keyOf.get(unit);
    if (!key) {
      main.push(rel);
      continue;
    }
    const list = groups.get(key) ?? [];
    list.push(rel);
    groups.set(key, list);
  }
  const packs: { first: string; last: string; pages: string[] }[] = [];
  for (const key of [...groups.keys()].sort()) {
    const pages = groups.get(key)!;
    const open = packs.at(-1);
    if (open && open.pages.length + pages.length <= maxPages) {
      open.pages.push(...pages);
      open.last = key;
    } else packs.push({ first: key, last: key, pages: [...pages] });
  }
  return new Map([[MAIN_SHARD, main], ...packs.map(({ first, last, pages }): [string, string[]] => [first === last ? first : `${first}-${last}`, pages])]);
}

/** Where a shard's bundle is written, relative to dist. */
export function shardBundle(key: string): string {
  return key === MAIN_SHARD ? 'pagefind' : `pagefind-shards/${key}`;
}

/**
 * pagefind/shards.json, which the search page reads to merge the shards: each bundle's path
 * relative to the main bundle (so the site works under any base path).
 */
export function shardsList(by: ShardBy | null, keys: readonly string[]): string {
  const shards = keys.filter((k) => k !== MAIN_SHARD).sort();
  return `${JSON.stringify({ by, shards: shards.map((key) => ({ key, bundle: `../${shardBundle(key)}/` })) })}\n`;
}
