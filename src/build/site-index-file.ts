/**
 * Build the site index once and serialize it (node:v8), for a build whose
 * pages render in several processes (render-parts.ts): each process then
 * reads the index (its file is in SiteSettings, see loadSite in src/lib/site.ts) instead of reading and
 * validating every entity of the corpus again, work that grows with the
 * corpus and would be repeated by every process.
 *
 * Runs in plain Node, outside Astro: the content is read from content/ and
 * validated with the collection schemas themselves.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runInWorkers } from '../ingest/worker-threads.ts';
import { EntitySchema, SourceSchema, type Entity, type Source } from '../ingest/model/schema.ts';
import { buildIndex, type SiteContent } from '../lib/site/build-index.ts';

function jsonFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** The entry in `path`, as the collection schema parses it; an invalid entry fails the build, naming its file. */
function validated<T>(schema: { parse(value: unknown): T }, path: string): T {
  try {
    return schema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new Error(`${path}: not a valid entry: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The content collections read straight from a content folder. */
export function contentFolderReader(contentDir: string): SiteContent {
  const entities = join(contentDir, 'entities');
  const sources = join(contentDir, 'sources');
  return {
    sources: async () => jsonFiles(sources).map((f) => validated<Source>(SourceSchema, join(sources, f))).sort((a, b) => a.file.localeCompare(b.file)),
    entityIds: async () => jsonFiles(entities).map((f) => f.slice(0, -'.json'.length)),
    entity: async (id) => validated<Entity>(EntitySchema, join(entities, `${id}.json`)),
  };
}

/** Build the index of the content in `contentDir` and write it to `file`; returns its size in bytes. */
export async function writeSiteIndex(contentDir: string, file: string): Promise<number> {
  const bytes = serialize(await buildIndex(contentFolderReader(contentDir)));
  writeFileSync(file, bytes);
  return bytes.length;
}

/** writeSiteIndex on a worker thread, whose memory (the whole index) is returned when it ends. */
export async function writeSiteIndexApart(contentDir: string, file: string): Promise<number> {
  const [bytes] = await runInWorkers<{ contentDir: string; file: string }, number>(new URL(import.meta.url), [{ contentDir, file }], 'site index');
  return bytes!;
}

if (!isMainThread && parentPort) {
  const { contentDir, file } = workerData as { contentDir: string; file: string };
  parentPort.postMessage(await writeSiteIndex(contentDir, file));
}
