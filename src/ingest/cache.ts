/**
 * Ingest results cached by the sha256 of the source bytes and of the ingest
 * code itself: a rebuild after changing one seed re-ingests only that seed,
 * and any change to the readers or recognizers invalidates everything.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestResult } from './ingest.ts';

/** Hash of every source file of the ingest library, so cached results never outlive the code that made them. */
export function codeVersion(root = new URL('.', import.meta.url).pathname): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(root);
  return hash.digest('hex').slice(0, 16);
}

export class IngestCache {
  readonly dir: string;
  readonly version: string;
  hits = 0;
  misses = 0;

  constructor(dir: string, version = codeVersion()) {
    this.dir = dir;
    this.version = version;
    mkdirSync(dir, { recursive: true });
  }

  private path(file: string, bytes: Uint8Array): string {
    const key = createHash('sha256').update(file).update('\0').update(bytes).digest('hex');
    return join(this.dir, `${this.version}-${key}.json`);
  }

  /** The cached result for these exact bytes under this file name, or a fresh one (then stored). */
  get(file: string, bytes: Uint8Array, ingest: () => IngestResult): IngestResult {
    return this.stored(file, bytes, ingest).result;
  }

  /** Like get(), also saying where the result is stored (to be read again later instead of kept in memory). */
  stored(file: string, bytes: Uint8Array, ingest: () => IngestResult): { result: IngestResult; path: string } {
    const path = this.path(file, bytes);
    if (existsSync(path)) {
      this.hits++;
      return { result: JSON.parse(readFileSync(path, 'utf8')) as IngestResult, path };
    }
    this.misses++;
    const result = ingest();
    writeFileSync(path, JSON.stringify(result));
    return { result, path };
  }
}
