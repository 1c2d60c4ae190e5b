/**
 * Hostile and broken input through the whole build (ingest, astro, Pagefind)
 * next to a real seed: the build completes, the seed is unaffected, every
 * bad document is published with located diagnostics, and no markup from the
 * input runs or becomes an element. On every page kind of the real site and
 * of the hostile one: no request leaves 127.0.0.1 and the Content-Security-
 * Policy reports no violation.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP } from '../../src/lib/csp.ts';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { buildEnv } from '../support/env.ts';

interface Catalog {
  sources: { file: string; url: string; entities: string[]; diagnostics: { file: string; line: number; ruleId: string }[] }[];
  entities: { id: string; code: string | null; name: string; province: string | null; county: string | null; url: string; tables: { url: string | null }[]; projects: { url: string | null }[] }[];
}

/** Opens a page, records requests, CSP violations, dialogs and the page's own flag for injected code. */
async function inspect(site: Site, path: string) {
  const page: Page = await site.page();
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(site.url(path));
  await page.waitForLoadState('load');
  if (path.startsWith('search/')) await page.waitForSelector('#search-results[data-state]', { state: 'attached' });
  const state = await page.evaluate(() => {
    const w = window as unknown as { __csp: string[]; __pwned?: unknown };
    return {
      csp: w.__csp,
      pwned: w.__pwned ?? null,
      injected: document.querySelectorAll('img[onerror], svg[onload], iframe, a[href^="javascript:"], [onload], [onclick]').length,
      // JSON data blocks are not executable; any other script must come from a file of the site.
      scripts: [...document.scripts].filter((s) => (!s.src && s.type !== 'application/json') || s.textContent?.includes('__pwned')).map((s) => s.outerHTML.slice(0, 80)),
    };
  });
  await page.context().close();
  return { ...state, requests, dialogs, external: requests.filter((u) => new URL(u).hostname !== '127.0.0.1') };
}

/** Every page kind: the portal pages, each source, and per entity its page, tables and projects (up to `limit` of each). */
function pagesOf(catalog: Catalog, limit = Infinity): string[] {
  const strip = (u: string) => u.replace(/^\//, '');
  const pages = new Set<string>(['', 'subjects/', 'subjects/2101501/', 'findings/', 'glossary/', 'search/?q=%E5%8C%BB%E7%96%97', 'no-such-page/']);
  for (const source of catalog.sources) pages.add(strip(source.url));
  for (const entity of catalog.entities) {
    pages.add(strip(entity.url));
    for (const t of entity.tables.slice(0, limit)) if (t.url) pages.add(strip(t.url.split('#')[0]!));
    for (const p of entity.projects.slice(0, limit)) if (p.url) pages.add(strip(p.url));
  }
  return [...pages];
}

describe('hostile input through the whole build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-hostile-'));
  const seeds = join(dir, 'seeds');
  const dist = join(dir, 'dist');
  let site: Site;
  let catalog: Catalog;
  beforeAll(async () => {
    mkdirSync(seeds, { recursive: true });
    cpSync('test/fixtures/bad', seeds, { recursive: true });
    copyFileSync('seeds/003_2bc1f60d8e8166ed.txt', join(seeds, '003_2bc1f60d8e8166ed.txt'));
    copyFileSync('test/fixtures/identity/markup-name.txt', join(seeds, 'markup-name.txt'));
    const result = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/build.ts', '--seeds', seeds, '--content', join(dir, 'content'), '--dist', dist, '--ingest-cache', join(dir, 'cache')], {
      env: buildEnv(),
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`hostile build failed:\n${result.stdout}\n${result.stderr}`);
    catalog = JSON.parse(readFileSync(join(dist, 'data/catalog.json'), 'utf8')) as Catalog;
    site = await openSite(dist);
  }, 900_000);
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes every document, bad ones with located diagnostics, and leaves the real seed intact', () => {
    expect(catalog.sources.map((s) => s.file).sort()).toEqual([...readdirSync('test/fixtures/bad'), '003_2bc1f60d8e8166ed.txt', 'markup-name.txt'].sort());
    for (const file of ['empty.txt', 'binary.bin', 'no-table.txt', 'truncated.txt', 'header-only.txt', 'gb18030.txt', 'duplicate-b.txt']) {
      const source = catalog.sources.find((s) => s.file === file)!;
      expect(source.diagnostics.length, file).toBeGreaterThan(0);
      for (const d of source.diagnostics) expect(d.file).toBe(file);
    }
    const real = catalog.entities.find((e) => e.code === '362001')!;
    expect(real.tables.length).toBe(21);
    expect(real.projects.length).toBe(9);
  });

  it('runs no script and creates no element from the input, on every page', async () => {
    const problems: string[] = [];
    for (const path of pagesOf(catalog)) {
      const seen = await inspect(site, path);
      if (seen.pwned !== null) problems.push(`${path}: window.__pwned = ${JSON.stringify(seen.pwned)}`);
      if (seen.dialogs.length) problems.push(`${path}: dialog ${seen.dialogs.join(', ')}`);
      if (seen.injected) problems.push(`${path}: ${seen.injected} injected element(s)`);
      if (seen.scripts.length) problems.push(`${path}: inline script ${seen.scripts.join(', ')}`);
      if (seen.external.length) problems.push(`${path}: external request ${seen.external.join(', ')}`);
      if (seen.csp.length) problems.push(`${path}: CSP violation ${seen.csp.join(', ')}`);
    }
    expect(problems).toEqual([]);
  }, 900_000);

  it('shows the markup as text on the source page and in the table cell', async () => {
    const markup = catalog.sources.find((s) => s.file === 'markup.txt')!;
    const page = await site.page();
    await page.goto(site.url(markup.url.replace(/^\//, '')));
    expect(await page.locator('#L81').innerText()).toContain('<script>window.__pwned="text"</script>');
    const entity = catalog.entities.find((e) => e.id === markup.entities[0])!;
    await page.goto(site.url(entity.tables.find((t) => t.url?.endsWith('/tables/expenditure-summary/'))!.url!.replace(/^\//, '')));
    expect(await page.locator('main').innerText()).toContain('合计<img src=x onerror="window.__pwned=\'img\'">');
  });

  it('publishes a unit whose printed name carries a script tag, showing that name as text', async () => {
    const source = catalog.sources.find((s) => s.file === 'markup-name.txt')!;
    const entity = catalog.entities.find((e) => e.id === source.entities[0])!;
    expect(entity).toMatchObject({ name: '海口市龙华区园林局', code: null, province: '海南省', county: '龙华区' });
    const page = await site.page();
    await page.goto(site.url(entity.url.replace(/^\//, '')));
    expect(await page.locator('.printed-name').innerText()).toBe('<script>alert("x")</script>海口市龙华区园林局');
    expect(await page.locator('#not-in-document + p + ul li').allInnerTexts()).toHaveLength(8);
  });
});

describe('the real site', () => {
  let site: Site;
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = JSON.parse(readFileSync('dist/data/catalog.json', 'utf8')) as Catalog;
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('sends no request beyond 127.0.0.1 and violates no CSP on any page kind, searching included', async () => {
    const problems: string[] = [];
    const pages = pagesOf(catalog, 3);
    for (const path of pages) {
      const seen = await inspect(site, path);
      if (seen.external.length) problems.push(`${path}: ${seen.external.join(', ')}`);
      if (seen.csp.length) problems.push(`${path}: CSP ${seen.csp.join(', ')}`);
    }
    console.log(`security: ${pages.length} pages, external requests ${problems.filter((p) => !p.includes('CSP')).length}, CSP violations ${problems.filter((p) => p.includes('CSP')).length}`);
    expect(problems).toEqual([]);
  }, 900_000);

  it('delivers the same policy in <meta> and in _headers', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}"`);
    expect(readFileSync('dist/_headers', 'utf8')).toContain(`Content-Security-Policy: ${CSP}; frame-ancestors 'none'`);
  });
});
