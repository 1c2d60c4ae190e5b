/**
 * Ingest many documents on every core: the files are dealt out to worker
 * threads, each reads (or takes from the cache) its share, and records come
 * back in file order. Small corpora stay on the main thread, where starting
 * workers would cost more than it saves.
 *
 * A record holds the source and a stand-in per entity (what settling
 * duplicates and the summary need); each entity's content JSON stays in the
 * cache folder, to be copied into content/. So the memory of an ingest does
 * not grow with the corpus, and no model is parsed or serialized twice.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runInWorkers } from './worker-threads.ts';
import { IngestCache } from './cache.ts';
import { weight } from './corpus.ts';
import { ingestFile, type IngestResult } from './ingest.ts';
import type { Entity, Source } from './model/schema.ts';

interface Job {
  dir: string;
  files: string[];
  cacheDir: string;
}

/** An entity without its tables, projects and texts. */
export interface EntityStandIn extends Pick<Entity, 'id' | 'code' | 'name' | 'region' | 'year' | 'line'> {
  weight: number;
  /** Summary lines for the ingest report. */
  report: string[];
}

export interface IngestRecord {
  source: Source;
  entities: EntityStandIn[];
  /** Per entity, in order: the cache file holding its content JSON. */
  entityFiles: string[];
}

interface Done {
  records: IngestRecord[];
  hits: number;
  misses: number;
}

function report(e: Entity): string[] {
  const kinds = new Map<string, number>();
  for (const t of e.tables) kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
  const rows = e.tables.reduce((n, t) => n + t.rows.length, 0);
  const indicators = e.projects.reduce((n, p) => n + (p.performance?.indicators.length ?? 0), 0) + e.unitPerformance.reduce((n, u) => n + u.indicators.length, 0);
  return [
    `  ${e.id}  ${e.code ? `${e.code} ` : ''}${e.name} (${e.region}, ${e.year})`,
    `    tables ${e.tables.length} [${[...kinds].map(([k, n]) => (n > 1 ? `${k}×${n}` : k)).join(', ')}], rows ${rows}, projects ${e.projects.length}, indicators ${indicators}, sections ${e.sections.length}, findings ${e.findings.length}`,
  ];
}

/** What the cache keeps besides the entities' content files. */
function summarize(result: IngestResult): Omit<IngestRecord, 'entityFiles'> {
  return {
    source: result.source,
    entities: result.entities.map((e) => ({ id: e.id, code: e.code, name: e.name, region: e.region, year: e.year, line: e.line, weight: weight(e), report: report(e) })),
  };
}

/** Below this many files one thread is faster. */
const MIN_FILES_PER_WORKER = 25;

/** Files one after the other: originals are read asynchronously, one at a time, so a thread never holds two large files. */
async function run(job: Job): Promise<Done> {
  const cache = new IngestCache(job.cacheDir);
  const records: IngestRecord[] = [];
  for (const file of job.files) {
    const bytes = readFileSync(join(job.dir, file));
    const { summary, entityFiles } = await cache.entry(file, bytes, () => ingestFile(file, bytes), summarize);
    records.push({ ...summary, entityFiles });
  }
  return { records, hits: cache.hits, misses: cache.misses };
}

/** Ingest every file (results stored under cacheDir, which a caller may empty first for a fresh run). */
export async function ingestAll(dir: string, files: readonly string[], cacheDir: string): Promise<Done> {
  new IngestCache(cacheDir).prune();
  const threads = Math.min(availableParallelism(), Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (threads < 2) return run({ dir, files: [...files], cacheDir });
  const shares: string[][] = Array.from({ length: threads }, () => []);
  files.forEach((file, i) => {
    shares[i % threads]!.push(file);
  });
  const done = await runInWorkers<Job, Done>(new URL(import.meta.url), shares.map((share) => ({ dir, files: share, cacheDir })), 'ingest');
  // Deal the records back into file order.
  const records: IngestRecord[] = [];
  for (let i = 0; i < files.length; i++) records.push(done[i % threads]!.records[Math.floor(i / threads)]!);
  return { records, hits: done.reduce((n, d) => n + d.hits, 0), misses: done.reduce((n, d) => n + d.misses, 0) };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void run(workerData as Job).then((done) => port.postMessage(done));
}
