/**
 * Ingest results cached by the sha256 of the source bytes and of the ingest
 * code itself: a rebuild after changing one seed re-ingests only that seed,
 * and any change to the readers or recognizers invalidates everything.
 *
 * A document's entry is a small summary (its source and a stand-in per
 * entity) and, per entity, the exact text of its content file. A cached
 * document is then known by reading its summary alone, and content/ is
 * written by copying files, without parsing or serializing any model again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentJson } from './corpus.ts';
import type { IngestResult } from './ingest.ts';

/** Hash of every source file of the ingest library, so cached results never outlive the code that made them. */
function codeVersion(root = new URL('.', import.meta.url).pathname): string {
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

export interface CacheEntry<Summary> {
  summary: Summary;
  /** Per entity of the document, in order: the file holding its content JSON. */
  entityFiles: string[];
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

  /** Delete the entries made by other versions of the ingest code: they can never be hit again. Returns how many files went. */
  prune(): number {
    const stale = readdirSync(this.dir).filter((name) => name.endsWith('.json') && !name.startsWith(`${this.version}-`));
    for (const name of stale) rmSync(join(this.dir, name), { force: true });
    return stale.length;
  }

  /**
   * The cached entry for these exact bytes under this file name, or a fresh one: `ingest`
   * runs, each entity's content JSON is written, then the summary (written last, so an
   * interrupted run leaves no entry that looks complete).
   */
  async entry<Summary>(file: string, bytes: Uint8Array, ingest: () => IngestResult | Promise<IngestResult>, summarize: (result: IngestResult) => Summary): Promise<CacheEntry<Summary>> {
    const key = `${this.version}-${createHash('sha256').update(file).update('\0').update(bytes).digest('hex')}`;
    const summaryPath = join(this.dir, `${key}.json`);
    const entityFile = (i: number) => join(this.dir, `${key}.${i}.json`);
    if (existsSync(summaryPath)) {
      this.hits++;
      const { summary, entities } = JSON.parse(readFileSync(summaryPath, 'utf8')) as { summary: Summary; entities: number };
      return { summary, entityFiles: Array.from({ length: entities }, (_, i) => entityFile(i)) };
    }
    this.misses++;
    const result = await ingest();
    const entityFiles = result.entities.map((entity, i) => {
      writeFileSync(entityFile(i), contentJson(entity));
      return entityFile(i);
    });
    const summary = summarize(result);
    writeFileSync(summaryPath, JSON.stringify({ summary, entities: entityFiles.length }));
    return { summary, entityFiles };
  }
}
