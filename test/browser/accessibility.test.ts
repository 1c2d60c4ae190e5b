/**
 * WCAG 2.2 AA, target size included, on every kind of page at 360 and
 * 1280 px: axe-core with the wcag2a, wcag2aa, wcag21aa and wcag22aa tags
 * finds nothing, with folded parts closed as a reader first meets them.
 */
import { readFileSync } from 'node:fs';
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
const unit = catalog.entities.find((e) => e.id.endsWith('-450003')) ?? catalog.entities[0]!;
const kinds: [string, string][] = [
  ['home', catalog.base],
  ['unit', unit.url],
  ['two-sided table', unit.tables.find((t) => t.kind === 'income-expenditure-summary')!.url!],
  ['table', unit.tables.find((t) => t.kind === 'three-public')!.url!],
  ['project', unit.projects[0]!.url!],
  ['subject', catalog.subjects.find((s) => s.code === '2101550')?.url ?? catalog.subjects[0]!.url],
  ['findings', `${catalog.base}findings/`],
  ['source', catalog.sources.find((s) => s.entities.includes(unit.id))!.url],
  ['search', `${catalog.base}search/?q=${encodeURIComponent('离休干部医药费')}`],
  ['compare', `${catalog.base}compare/three-public/`],
  ['region', `${catalog.base}regions/qinhuangdaoshi/`],
  ['year', `${catalog.base}years/2024/`],
  ['glossary', `${catalog.base}glossary/`],
  ['404', `${catalog.base}404.html`],
];
const cases = kinds.flatMap(([kind, path]) => [360, 1280].map((width) => [kind, width, path] as const));

describe('WCAG 2.2 AA on every page kind', () => {
  it.each(cases)('%s at %i px (%s)', async (_kind, width, path) => {
    const page = await site.page({ width, height: 740 });
    await page.goto(site.server.origin + path);
    await page.waitForLoadState('networkidle');
    if (path.includes('/search/')) await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(axeSource);
    const results = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.context().close();
  });

  it('the unit page at 360 px with every folded part opened', async () => {
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(site.server.origin + unit.url);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => {
      d.open = true;
    }));
    await page.evaluate(axeSource);
    const results = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.context().close();
  });
});
