/**
 * Write the downloads of every entity in content/entities into dist/data/,
 * outside Astro: they are plain files derived from one entity each, and
 * written here by worker threads (one per core) they cost one read of each
 * entity instead of one route render per file (two files per table).
 *
 * Entities are validated with the collection schema, as the pages do, so a
 * download is exactly what the pages were built from.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { runInWorkers } from '../ingest/worker-threads.ts';
import { EntitySchema } from '../ingest/model/schema.ts';
import { entityJsonPath, tableDownloads } from './entity-files.ts';
import { writeDataPackage } from './write-data-package.ts';

interface Job {
  entitiesDir: string;
  distDir: string;
  files: string[];
}

export interface Written {
  entities: number;
  files: number;
  bytes: number;
}

function run({ entitiesDir, distDir, files }: Job): Written {
  const written: Written = { entities: 0, files: 0, bytes: 0 };
  const made = new Set<string>();
  for (const file of files) {
    const path = join(entitiesDir, file);
    const text = readFileSync(path, 'utf8');
    const parsed = EntitySchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`${path}: not a valid entity: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const folderOf = (target: string) => {
      const dir = dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      return target;
    };
    // The whole model is the content file as the ingest wrote it: copied, not serialized again.
    copyFileSync(path, folderOf(join(distDir, entityJsonPath(parsed.data))));
    written.files++;
    written.bytes += Buffer.byteLength(text);
    for (const download of tableDownloads(parsed.data)) {
      writeFileSync(folderOf(join(distDir, download.path)), download.body);
      written.files++;
      written.bytes += Buffer.byteLength(download.body);
    }
    written.entities++;
  }
  return written;
}

/**
 * Write every entity's downloads, on `jobs` threads (default: one per core),
 * then the Fiscal Data Package, which gathers every entity into one file per
 * resource (written on this thread while nothing else writes). `created` is
 * the package's creation time, absent unless the host fixes one, so that two
 * builds of the same files give the same bytes.
 */
export async function writeAllDownloads(contentDir: string, distDir: string, created: string | undefined, jobs = availableParallelism()): Promise<Written> {
  const entitiesDir = join(contentDir, 'entities');
  const files = readdirSync(entitiesDir).filter((f) => f.endsWith('.json')).sort();
  const threads = Math.max(1, Math.min(jobs, Math.ceil(files.length / 50)));
  let written: Written;
  if (threads === 1) written = run({ entitiesDir, distDir, files });
  else {
    const shares: string[][] = Array.from({ length: threads }, () => []);
    files.forEach((file, i) => {
      shares[i % threads]!.push(file);
    });
    const done = await runInWorkers<Job, Written>(new URL(import.meta.url), shares.map((share) => ({ entitiesDir, distDir, files: share })), 'downloads');
    written = done.reduce((a, b) => ({ entities: a.entities + b.entities, files: a.files + b.files, bytes: a.bytes + b.bytes }));
  }
  writeDataPackage(contentDir, distDir, created);
  return { ...written, files: written.files + 3 };
}

if (!isMainThread && parentPort) parentPort.postMessage(run(workerData as Job));
