/**
 * Build-time access to the content collections, loaded once per build.
 */
import { getLiveCollection } from 'astro:content';
import type { Entity, Source } from '../ingest/model/schema.ts';

let cache: Promise<{ entities: Entity[]; sources: Source[] }> | undefined;

async function load<T>(name: 'entities' | 'sources'): Promise<T[]> {
  const { entries, error } = await getLiveCollection(name);
  if (error) throw error;
  return (entries ?? []).map((e) => e.data as T);
}

export function loadAll(): Promise<{ entities: Entity[]; sources: Source[] }> {
  cache ??= (async () => {
    const [entities, sources] = await Promise.all([load<Entity>('entities'), load<Source>('sources')]);
    return {
      entities: entities.sort((a, b) => a.region.localeCompare(b.region, 'zh-CN') || b.year - a.year || a.code.localeCompare(b.code)),
      sources: sources.sort((a, b) => a.file.localeCompare(b.file)),
    };
  })();
  return cache;
}
