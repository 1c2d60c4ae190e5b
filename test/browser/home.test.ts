/**
 * The home page lists every document in seeds/ and the header search finds
 * a unit by name, in a real Chromium against the built dist/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const catalog = JSON.parse(readFileSync('dist/data/catalog.json', 'utf8')) as {
  sources: { file: string; entities: string[] }[];
  entities: { id: string; name: string; region: string; year: number; url: string }[];
};

describe('home page', () => {
  it('is Chinese and lists every seed document with unit name, region and year', async () => {
    const page = await site.page();
    await page.goto(site.url());
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    // One card per entity, plus one per document no entity could be read from.
    const cards = page.locator('#documents .card');
    const unparsed = catalog.sources.filter((s) => s.entities.length === 0).length;
    expect(await cards.count()).toBe(catalog.entities.length + unparsed);
    const text = await page.locator('#documents').innerText();
    for (const source of catalog.sources) {
      expect(text).toContain(source.file);
      for (const id of source.entities) {
        const entity = catalog.entities.find((e) => e.id === id)!;
        expect(text).toContain(entity.name);
        expect(text).toContain(entity.region);
        expect(text).toContain(`${entity.year} 年`);
      }
    }
  });

  it('finds 兴隆县医疗保障局 from the header search box and links to its page', async () => {
    const page = await site.page();
    await page.goto(site.url());
    await page.fill('#site-search-q', '兴隆县医疗保障局');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
    const hrefs = await page.locator('#search-results a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    const target = catalog.entities.find((e) => e.name === '兴隆县医疗保障局本级')!;
    expect(hrefs).toContain(target.url);
    await page.click(`#search-results a[href="${target.url}"]`);
    await expect(page.locator('h1').innerText()).resolves.toContain('兴隆县医疗保障局本级');
  });
});
