/**
 * Accessibility and hygiene of the main page types: axe-core (WCAG 2.x A/AA)
 * finds nothing, one <h1>, lang zh-CN, no request leaves the site, no inline
 * script or style attribute (a strict CSP needs none), charts only where
 * there is a chart, and every number table has a caption and scoped headers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { readCatalog } from '../support/model.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const catalog = readCatalog();
const entity = catalog.entities.find((e) => e.id === 'qinhuangdaoshi-2024-450001') ?? catalog.entities[0]!;
const partialEntity = catalog.entities.find((e) => e.id === 'xinglongxian-2025-362001') ?? entity;
const pages = [...new Set([
  catalog.base,
  entity.url,
  // A unit whose findings are grouped into causes, with folded symptom lists.
  ...catalog.entities.filter((e) => e.id.endsWith('-450003')).map((e) => e.url),
  entity.tables.find((t) => t.kind === 'income-summary')!.url!,
  partialEntity.tables.find((t) => t.kind === 'income-summary')!.url!,
  ...catalog.entities.filter((e) => e.id.includes('231002')).flatMap((e) => e.tables.filter((t) => t.kind === 'government-fund-expenditure').map((t) => t.url!)),
  `${catalog.base}subjects/`,
  catalog.subjects.find((s) => s.code === '2101501')?.url ?? catalog.subjects[0]!.url,
  `${catalog.base}findings/`,
  `${catalog.base}compare/three-public/`,
  `${catalog.base}glossary/`,
  `${catalog.base}data/`,
  catalog.sources[0]!.url,
  `${catalog.base}regions/qinhuangdaoshi/`,
  `${catalog.base}regions/`,
  `${catalog.base}years/2024/`,
  `${catalog.base}404.html`,
  entity.projects[0]!.url!,
  // One table page of every kind any document has.
  ...[...new Map(catalog.entities.flatMap((e) => e.tables.map((t) => [t.kind, t.url!] as const))).values()],
  `${catalog.base}search/?q=${encodeURIComponent('离休干部医药费')}`,
])];

describe('page quality', () => {
  it.each(pages)('%s', async (path) => {
    const page = await site.page();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.server.origin) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site.server.origin + path);
    await page.waitForLoadState('networkidle');
    if (path.includes('/search/')) {
      await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
      expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    }
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.title()).toContain('预算公开门户');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
    expect(await page.locator('meta[property="og:title"]').count()).toBe(1);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);

    const html = await (await fetch(site.server.origin + path)).text();
    expect(html).not.toMatch(/\sstyle="/);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs, body]) => !/type="application\/json"/.test(attrs!) && body!.trim() !== '');
    expect(inline.map((m) => m[0].slice(0, 80))).toEqual([]);

    for (const table of await page.locator('main table').all()) {
      expect(await table.locator('caption').count(), 'table caption').toBe(1);
      const unscoped = await table.locator('thead th:not([scope])').count();
      expect(unscoped).toBe(0);
    }

    // Evaluated through the DevTools protocol, which the page's CSP does not govern (a <script> tag would be refused).
    await page.evaluate(axeSource);
    const results = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    });
    expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.context().close();
  });

  it('loads Chart.js only on pages with a chart and draws the entity charts', async () => {
    const page = await site.page();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(site.url(entity.url.slice(catalog.base.length)));
    await page.waitForLoadState('networkidle');
    expect(await page.locator('figure.chart').count()).toBeGreaterThan(0);
    expect(await page.locator('figure.chart.chart--drawn canvas').count()).toBe(await page.locator('figure.chart').count());
    // The same numbers are in an accessible table.
    expect(await page.locator('figure.chart table td.num').count()).toBeGreaterThan(0);
    const withChart = scripts.length;
    expect(withChart).toBeGreaterThan(0);

    scripts.length = 0;
    await page.goto(site.server.origin + entity.tables[0]!.url!);
    await page.waitForLoadState('networkidle');
    const chartCode = await Promise.all(scripts.map(async (s) => (await (await fetch(s)).text()).includes('getContext')));
    expect(chartCode.some(Boolean)).toBe(false);
    await page.context().close();
  });
});

describe('table markup', () => {
  it('every headers= attribute of every table page points at a header cell of the same table', async () => {
    const bad: string[] = [];
    for (const e of catalog.entities) {
      for (const t of e.tables) {
        const html = await (await fetch(site.server.origin + t.url!)).text();
        const ids = new Set([...html.matchAll(/<th[^>]*\sid="([^"]+)"/g)].map((m) => m[1]!));
        for (const m of html.matchAll(/\sheaders="([^"]+)"/g)) for (const id of m[1]!.split(' ')) if (!ids.has(id)) bad.push(`${t.url} ${id}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe('HTML', () => {
  it('every built page is valid HTML (html-validate, recommended rules)', async () => {
    const validator = new HtmlValidate();
    const files = (readdirSync('dist', { recursive: true }) as string[])
      .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
      .map((f) => join('dist', f));
    expect(files.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
