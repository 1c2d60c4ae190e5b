/**
 * The search indexer opens only the pages that may be indexed
 * (searchablePages): over the built site, every page marked for the index
 * must be among them, or it would silently drop out of search; pages named
 * here by hand must be in or out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchablePages } from '../../src/search/shards.ts';

const DIST = 'dist';
const Q3 = 'units/qinhuangdaoshi-2024-450003';

/** Every HTML file of the built site, none left out. */
function htmlFiles(dir = ''): string[] {
  return readdirSync(join(DIST, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return htmlFiles(rel);
    return entry.name.endsWith('.html') ? [rel] : [];
  });
}

describe('pages the search indexer reads', () => {
  const all = htmlFiles();
  const searchable = new Set(searchablePages(DIST));
  const marked = new Set(all.filter((file) => readFileSync(join(DIST, file), 'utf8').includes('data-pagefind-body')));

  it('include every page marked for the index', () => {
    expect([...marked].filter((file) => !searchable.has(file))).toEqual([]);
  });

  const marks = ['index.html', 'glossary/index.html', 'findings/index.html', 'subjects/2101501/index.html', `${Q3}/index.html`];
  it.each(marks)('read %s, a page marked for the index', (file) => {
    expect(marked.has(file)).toBe(true);
    expect(searchable.has(file)).toBe(true);
  });

  const unmarked = [`${Q3}/tables/income-summary/index.html`, `${Q3}/projects/13030024p00788510002d/index.html`];
  it.each(unmarked)('skip %s, a page of the site not marked for the index', (file) => {
    expect(all).toContain(file);
    expect(marked.has(file)).toBe(false);
    expect(searchable.has(file)).toBe(false);
  });

  it('skip every source page', () => {
    const sources = readdirSync(join(DIST, 'sources')).map((id) => `sources/${id}/index.html`);
    expect(sources).toHaveLength(5);
    expect(sources.filter((file) => searchable.has(file))).toEqual([]);
  });
});
