/**
 * The search indexer opens only the pages that may be indexed
 * (searchablePages): over the built site, every page marked for the index
 * must be among them, or it would silently drop out of search.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchablePages } from '../../src/search/shards.ts';

const DIST = 'dist';

function htmlFiles(dir = ''): string[] {
  return readdirSync(join(DIST, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name.startsWith('pagefind') ? [] : htmlFiles(rel);
    return entry.name.endsWith('.html') ? [rel] : [];
  });
}

describe('pages the search indexer reads', () => {
  it('include every page marked for the index, and skip the tables, projects and sources', () => {
    const all = htmlFiles();
    const marked = all.filter((file) => readFileSync(join(DIST, file), 'utf8').includes('data-pagefind-body'));
    const searchable = new Set(searchablePages(DIST));
    expect(marked.filter((file) => !searchable.has(file))).toEqual([]);
    expect(marked.length).toBeGreaterThan(10);
    expect(all.some((file) => /^units\/[^/]+\/tables\//.test(file))).toBe(true);
    expect([...searchable].filter((file) => /^(?:sources|data)\/|^units\/[^/]+\/(?:tables|projects)\//.test(file))).toEqual([]);
  });
});
