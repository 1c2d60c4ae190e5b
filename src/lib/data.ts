/**
 * Build-time access to the content collections.
 *
 * Sources are small and loaded once. Entities are read one at a time: the
 * site index keeps only their heads (entity-head.ts), and the pages of one
 * entity load the whole entity again; the last few read are kept, for the
 * pages of one entity rendering together.
 *
 * `--entity-cache-mb` (default 0) keeps the first entities read until that much
 * JSON is held, so that their pages need not read them again. Off by
 * default: every parsed entity kept alive is walked by each garbage
 * collection for the rest of the build, so a large cache makes the build
 * slower, not faster (docs/performance.md).
 */
import { getLiveCollection, getLiveEntry } from 'astro:content';
import { siteSettings } from '../config.ts';
import type { Entity, Source } from '../ingest/model/schema.ts';
import { contentFolder } from './content-dir.ts';
import { listEntries, readJson } from './json-folder-loader.ts';

const budgetBytes = siteSettings().entityCacheMb * 2 ** 20;
const kept = new Map<string, Promise<Entity>>();
let keptBytes = 0;

let sources: Promise<Source[]> | undefined;
let sizes: Promise<Map<string, number>> | undefined;

export function loadSources(): Promise<Source[]> {
  sources ??= (async () => {
    const { entries, error } = await getLiveCollection('sources');
    if (error) throw error;
    return (entries ?? []).map((e) => e.data as Source).sort((a, b) => a.file.localeCompare(b.file));
  })();
  return sources;
}

function entitySizes(): Promise<Map<string, number>> {
  sizes ??= listEntries(contentFolder('entities'));
  return sizes;
}

/** Ids of every entity in content/, in file-name order. */
export async function entityIds(): Promise<string[]> {
  return [...(await entitySizes()).keys()];
}

/** Entities read while their pages render, most recent last (the pages of one entity render together). */
const recent = new Map<string, Promise<Entity>>();
const RECENT = 16;
/** Ids already validated by the schema: later reads of the same bytes skip it. */
const validated = new Set<string>();
/**
 * In a build in parts, the shared site index was built from these same files in this build,
 * each validated with the collection schema (src/build/site-index-file.ts): not again per part.
 */
const validatedForIndex = siteSettings().siteIndexFile !== undefined;

/** One whole entity, validated by the collection schema on its first read. */
export async function loadEntity(id: string): Promise<Entity> {
  const cached = kept.get(id) ?? recent.get(id);
  if (cached) return cached;
  const loading = validatedForIndex || validated.has(id)
    ? readJson<Entity>(contentFolder('entities'), id)
    : getLiveEntry('entities', id).then(({ entry, error }) => {
        if (error || !entry) throw error ?? new Error(`entity ${id} not found in content/entities`);
        validated.add(id);
        return entry.data as Entity;
      });
  const bytes = (await entitySizes()).get(id) ?? 0;
  if (keptBytes + bytes <= budgetBytes) {
    kept.set(id, loading);
    keptBytes += bytes;
  } else {
    recent.set(id, loading);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  }
  return loading;
}
