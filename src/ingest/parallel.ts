/**
 * Ingest many documents on every core: the files are dealt out to worker
 * threads, each reads (or takes from the cache) its share, and the results
 * come back in file order. Small corpora stay on the main thread, where
 * starting workers would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { IngestCache } from './cache.ts';
import { ingestSource, type IngestResult } from './ingest.ts';

interface Job {
  dir: string;
  files: string[];
  cacheDir: string | null;
}

interface Done {
  results: IngestResult[];
  hits: number;
  misses: number;
}

/** Below this many files one thread is faster. */
const MIN_FILES_PER_WORKER = 25;

function run(job: Job): Done {
  const cache = job.cacheDir ? new IngestCache(job.cacheDir) : null;
  const results = job.files.map((file) => {
    const bytes = readFileSync(join(job.dir, file));
    return cache ? cache.get(file, bytes, () => ingestSource(file, bytes)) : ingestSource(file, bytes);
  });
  return { results, hits: cache?.hits ?? 0, misses: cache?.misses ?? job.files.length };
}

export async function ingestAll(dir: string, files: readonly string[], cacheDir: string | null): Promise<Done> {
  const threads = Math.min(availableParallelism(), Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (threads < 2) return run({ dir, files: [...files], cacheDir });
  // Heap-size flags are per process; workers reject them.
  const workerExecArgv = () => process.execArgv.filter((a) => !/^--max-(?:old|semi)-space-size/.test(a));
  const shares: string[][] = Array.from({ length: threads }, () => []);
  files.forEach((file, i) => shares[i % threads]!.push(file));
  const done = await Promise.all(
    shares.map(
      (share) =>
        new Promise<Done>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { dir, files: share, cacheDir } satisfies Job, execArgv: workerExecArgv() });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`ingest worker exited with ${code}`)));
        }),
    ),
  );
  // Deal the results back into file order.
  const results: IngestResult[] = [];
  for (let i = 0; i < files.length; i++) results.push(done[i % threads]!.results[Math.floor(i / threads)]!);
  return { results, hits: done.reduce((n, d) => n + d.hits, 0), misses: done.reduce((n, d) => n + d.misses, 0) };
}

if (!isMainThread && parentPort) parentPort.postMessage(run(workerData as Job));
