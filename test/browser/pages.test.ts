/**
 * Every entity, table, project, subject code and source line the open-data
 * catalog references has a page that answers 200, and the catalog's page
 * and download URLs are filled in. The sitemap lists every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { readCatalog, readEntity } from '../support/model.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const catalog = readCatalog();
const origin = () => site.server.origin;
async function get(path: string): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(origin() + path);
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
}

describe('catalog URLs', () => {
  it('fills url and csv for every table and url for every project', () => {
    for (const e of catalog.entities) {
      for (const t of e.tables) {
        expect(t.url, `${e.id}/${t.id}`).toBe(`${catalog.base}units/${e.id}/tables/${t.id}/`);
        expect(t.csv, `${e.id}/${t.id}`).toBe(`${catalog.base}data/${e.id}/${e.id}_${t.id}.csv`);
      }
      for (const p of e.projects) expect(p.url, `${e.id}/${p.id}`).toBe(`${catalog.base}units/${e.id}/projects/${p.id}/`);
    }
    expect(catalog.subjects.length).toBeGreaterThan(0);
  });

  it('every entity, table (page, CSV, JSON), project and subject page answers 200', async () => {
    const urls = [
      ...catalog.entities.map((e) => e.url),
      ...catalog.entities.flatMap((e) => e.tables.flatMap((t) => [t.url!, t.csv!, t.json])),
      ...catalog.entities.flatMap((e) => e.projects.map((p) => p.url!)),
      ...catalog.subjects.map((s) => s.url),
    ];
    const failed: string[] = [];
    for (const url of urls) {
      const { status } = await get(url);
      if (status !== 200) failed.push(`${status} ${url}`);
    }
    expect(failed).toEqual([]);
  });

  it('every source line referenced by a diagnostic, a table or a finding has its #L anchor', async () => {
    for (const source of catalog.sources) {
      const { status, text } = await get(source.url);
      expect(status, source.url).toBe(200);
      const lines = new Set<number>(source.diagnostics.map((d) => d.line).filter((l) => l > 0));
      for (const e of catalog.entities.filter((x) => x.source === source.file)) {
        const { findings } = readEntity(e.id);
        // The catalog counts the findings its entity file lists.
        expect(e.findings, e.id).toEqual({ errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length });
        for (const f of findings) for (const c of f.cells) lines.add(c.line);
      }
      for (const line of lines) expect(text, `${source.url}#L${line}`).toContain(`id="L${line}"`);
    }
  });

  it('the site-wide pages answer 200 and the sitemap lists every catalog page', async () => {
    for (const path of ['', 'subjects/', 'findings/', 'glossary/', 'search/', 'sitemap.xml', 'data/catalog.json']) {
      expect((await get(catalog.base + path)).status, path).toBe(200);
    }
    const sitemap = (await get(`${catalog.base}sitemap.xml`)).text;
    const locs = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!, 'http://x').pathname));
    const expected = [
      ...catalog.entities.map((e) => e.url),
      ...catalog.entities.flatMap((e) => e.tables.map((t) => t.url!)),
      ...catalog.entities.flatMap((e) => e.projects.map((p) => p.url!)),
      ...catalog.subjects.map((s) => s.url),
      ...catalog.sources.map((s) => s.url),
    ];
    for (const url of expected) expect(locs.has(url), url).toBe(true);
    for (const loc of locs) expect((await get(loc)).status, loc).toBe(200);
  });

  it('every link from a finding to a table row lands on a row of that table', async () => {
    const findings = (await get(`${catalog.base}findings/`)).text;
    const links = [...new Set([...findings.matchAll(/href="([^"#]+\/tables\/[^"#]+\/)#([^"]+)"/g)].map((m) => `${m[1]}#${m[2]}`))];
    const pages = new Map<string, string>();
    for (const link of links) {
      const [path, anchor] = link.split('#') as [string, string];
      if (!pages.has(path)) pages.set(path, (await get(path)).text);
      expect(pages.get(path), link).toContain(`<tr id="${anchor}"`);
    }
  });

  it('answers 404 with the 404 page for a missing page', async () => {
    const { status, text } = await get(`${catalog.base}units/no-such-unit/`);
    expect(status).toBe(404);
    expect(text).toContain('页面不存在');
  });
});
