/**
 * The site index built once for a build in parts (src/build/site-index-file.ts):
 * read back from its file it is the same index, with the same objects shared
 * (a subject's use points at the very entity head the index lists), and the
 * parts share the build's heap.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { partHeapMb } from '../../src/build/render-parts.ts';
import { contentFolderReader, writeSiteIndex } from '../../src/build/site-index-file.ts';
import { buildIndex, type SiteIndex } from '../../src/lib/site/build-index.ts';

const dir = mkdtempSync(join(tmpdir(), 'budget-site-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('site index file', () => {
  it('reads back the index built from content/, with its shared objects', async () => {
    const file = join(dir, 'site-index.bin');
    const bytes = await writeSiteIndex('content', file);
    expect(bytes).toBeGreaterThan(1000);
    const read = deserialize(readFileSync(file)) as SiteIndex;
    const built = await buildIndex(contentFolderReader('content'));
    expect(read).toEqual(built);
    expect(read.entities).toHaveLength(6);
    expect(read.subjects.size).toBe(built.subjects.size);
    const use = read.subjects.get('2101501')!.uses[0]!;
    expect(use.entity).toBe(read.entityById.get(use.entity.id));
    expect(use.main.entity).toBe(use.entity);
    expect(read.findings[0]!.entity).toBe(read.entityById.get(read.findings[0]!.entity.id));
  });

  it('fails on an invalid entity, naming its file', async () => {
    const content = join(dir, 'bad-content');
    mkdirSync(join(content, 'entities'), { recursive: true });
    writeFileSync(join(content, 'entities', 'broken.json'), JSON.stringify({ id: 'broken', name: 42 }));
    await expect(contentFolderReader(content).entity('broken')).rejects.toThrow(/entities\/broken\.json: not a valid entry/);
  });

  it('gives each of n parts 2/(n+1) of the build heap', () => {
    expect(partHeapMb(6144, 2)).toBe(4096);
    expect(partHeapMb(6144, 3)).toBe(3072);
    expect(partHeapMb(6144, 1)).toBe(6144);
  });
});
