/**
 * The ingest cache: a second run takes every document from the cache, a changed
 * document alone is read again, and the cached content files are exactly what the
 * ingest of that document serializes.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestCache } from '../../src/ingest/cache.ts';
import { contentJson } from '../../src/ingest/corpus.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';
import { ingestAll } from '../../src/ingest/parallel.ts';

const dir = mkdtempSync(join(tmpdir(), 'budget-cache-'));
const seeds = join(dir, 'seeds');
const cache = join(dir, 'cache');
mkdirSync(seeds);
const files = ['000_254f1c56485b7ccb.txt', '002_3ef43c7689782125.txt', '004_b14cc660f2ed3abf.txt'];
for (const file of files) copyFileSync(join('seeds', file), join(seeds, file));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest cache', () => {
  it('reads every document once, then takes them all from the cache', async () => {
    const first = await ingestAll(seeds, files, cache);
    expect([first.hits, first.misses]).toEqual([0, 3]);
    const second = await ingestAll(seeds, files, cache);
    expect([second.hits, second.misses]).toEqual([3, 0]);
    expect(second.records.map((r) => r.source)).toEqual(first.records.map((r) => r.source));
  });

  it('keeps each entity as the exact text of its content file', async () => {
    const { records } = await ingestAll(seeds, files, cache);
    for (const [i, file] of files.entries()) {
      const fresh = ingestSource(file, readFileSync(join(seeds, file)));
      const record = records[i]!;
      expect(record.entities.map((e) => e.id)).toEqual(fresh.entities.map((e) => e.id));
      expect(record.entityFiles.map((f) => readFileSync(f, 'utf8'))).toEqual(fresh.entities.map(contentJson));
    }
  });

  it('reads only the changed document again', async () => {
    writeFileSync(join(seeds, files[1]!), `${readFileSync(join(seeds, files[1]!), 'utf8')}\n`);
    const again = await ingestAll(seeds, files, cache);
    expect([again.hits, again.misses]).toEqual([2, 1]);
  });

  it('drops the entries of other versions of the ingest code', () => {
    writeFileSync(join(cache, '0000000000000000-stale.json'), '{}');
    const current = new IngestCache(cache);
    const before = readdirSync(cache).length;
    expect(current.prune()).toBe(1);
    expect(readdirSync(cache)).toHaveLength(before - 1);
    expect(readdirSync(cache).every((name) => name.startsWith(`${current.version}-`))).toBe(true);
  });
});
