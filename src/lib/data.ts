/**
 * Build-time access to the content collections, loaded once per build.
 */
import { getCollection } from 'astro:content';
import type { Entity, Source } from '../ingest/model/schema.ts';

let cache: Promise<{ entities: Entity[]; sources: Source[] }> | undefined;

export function loadAll(): Promise<{ entities: Entity[]; sources: Source[] }> {
  cache ??= (async () => {
    const [entities, sources] = await Promise.all([getCollection('entities'), getCollection('sources')]);
    return {
      entities: entities.map((e) => e.data).sort((a, b) => a.region.localeCompare(b.region, 'zh-CN') || b.year - a.year || a.code.localeCompare(b.code)),
      sources: sources.map((s) => s.data).sort((a, b) => a.file.localeCompare(b.file)),
    };
  })();
  return cache;
}
