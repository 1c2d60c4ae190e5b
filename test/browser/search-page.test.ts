/**
 * The search page as a reader sees it, on a phone (360 px) and a desktop
 * (1280 px): one search box, a coherent message without JavaScript, and a
 * loose query's partial matches grouped under their unit instead of pushing
 * the close matches down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';

const Q3 = 'qinhuangdaoshi-2024-450003';
const JY = 'jiyuanchanchengrongheshifanqu-2024-036';
const WIDTHS = [360, 1280] as const;

describe('the search page', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  for (const width of WIDTHS) {
    it(`says only that search needs JavaScript when it is off (${width} px)`, async () => {
      const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
      try {
        const page = await context.newPage();
        await page.goto(site.url('search/?q=医保'));
        const text = await page.locator('main').innerText();
        expect(text).toContain('搜索需要 JavaScript，当前浏览器未启用。');
        expect(text).not.toContain('正在加载');
        // A box that cannot search is not offered, in the page or in the header.
        expect(await page.locator('input[type="search"]:visible').count()).toBe(0);
        const links = await page.locator('main .notice a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
        expect(links).toEqual(['/', '/subjects/']);
      } finally {
        await context.close();
      }
    });

    it(`has one search box, and the first result within the first screen (${width} px)`, async () => {
      const page = await site.page({ width, height: 740 });
      try {
        await page.goto(site.url(`search/?q=${encodeURIComponent('离休干部医药费')}`));
        await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
        expect(await page.locator('input[type="search"]').count()).toBe(1);
        expect(await page.inputValue('#search-q')).toBe('离休干部医药费');
        const box = await page.locator('#search-results > li').first().boundingBox();
        expect(box).not.toBeNull();
        // The phone's first screen is 740 px high; the result's title and meta must be in it.
        expect(box!.y).toBeLessThan(400);
      } finally {
        await page.context().close();
      }
    });

    it(`ranks the exact name first and the close name next, with partial matches listed under their unit (${width} px)`, async () => {
      const page = await site.page({ width, height: 800 });
      try {
        await page.goto(site.url(`search/?q=${encodeURIComponent('离休干部医药费')}`));
        await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
        const results = await page.locator('#search-results > li h2 a').evaluateAll((as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname)));
        expect(results[0]).toBe(`/units/${Q3}/projects/13030024p00788510002d/`);
        // 综合救助专项-离休干部医疗费 holds most of the query: right after the exact page and its unit.
        expect(results.slice(0, 3)).toContain(`/units/${JY}/projects/419001240000000004055/`);
        // The unit's other projects that share a word or two (费, 医) are not results of their own.
        expect(results.filter((p) => p.startsWith(`/units/${JY}/projects/`))).toEqual([`/units/${JY}/projects/419001240000000004055/`]);
        const unit = page.locator('#search-results > li').filter({ has: page.locator(`h2 a[href="/units/${JY}/"]`) });
        const grouped = unit.locator('.search-result__projects');
        expect(await grouped.innerText()).toMatch(/^部分匹配的项目（2\d 个）：.+ 等 2\d 个$/);
        const links = await grouped.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
        expect(links).toHaveLength(5);
        for (const link of links) expect(link).toMatch(new RegExp(`^/units/${JY}/projects/[0-9a-z]+/$`));
      } finally {
        await page.context().close();
      }
    });
  }
});
