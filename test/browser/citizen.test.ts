/**
 * Smaller things a citizen meets, at 360 and 1280 px: the home page's totals
 * one per year (never three years added up), project addresses that do not
 * change when a project is added (old numbered ones sending the reader on),
 * one canonical address per page, and descriptions that say the county once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { readCatalog } from '../support/model.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const catalog = readCatalog();
const WIDTHS = [360, 1280];

describe('home page totals', () => {
  it('gives one spending total per year, each the sum of that year’s budgets only', async () => {
    for (const width of WIDTHS) {
      const page = await site.page({ width, height: 740 });
      await page.goto(site.url());
      const stats = await page.locator('.stat').evaluateAll((ds) => ds.map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd.num')!.textContent!.trim()]));
      // 2025: 兴隆县 3,912.31; 2024: 济源 6,465.30 + 秦皇岛 724.39 + 1,704.62 + 碑林区 1,275.317162 (printed in 元, so the sum is rounded: 约); 2023: 广阳区 3,698.72.
      expect(stats.filter(([label]) => label!.includes('支出合计'))).toEqual([
        ['2025 年预算支出合计（万元）', '3,912.31'],
        ['2024 年预算支出合计（万元）', '约 10,169.63'],
        ['2023 年预算支出合计（万元）', '3,698.72'],
      ]);
      expect(await page.locator('.stat', { hasText: '2024 年预算支出合计' }).locator('.stat__note').innerText()).toBe('4 个单位和部门的预算之和，不与其他年度相加');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.context().close();
    }
  });
});

describe('project addresses', () => {
  const beilin = catalog.entities.find((e) => e.id === 'xianshi-beilinqu-2024-231002')!;

  it('name a project without a code after its name, not its position', () => {
    expect(beilin.projects.find((p) => p.name === '医保专网建设')!.url).toBe('/units/xianshi-beilinqu-2024-231002/projects/yibaozhuanwangjianshe/');
    expect(beilin.projects.every((p) => !/\/projects\/p\d+\/$/.test(p.url!))).toBe(true);
  });

  it('keep the old numbered address, which sends the reader to the project', async () => {
    for (const width of WIDTHS) {
      const page = await site.page({ width, height: 740 });
      await page.goto(site.url('units/xianshi-beilinqu-2024-231002/projects/p7/'));
      await page.waitForURL('**/projects/yibaozhuanwangjianshe/');
      expect(await page.locator('h1').innerText()).toBe('医保专网建设');
      await page.context().close();
    }
  });
});

describe('one address per page', () => {
  const entity = catalog.entities.find((e) => e.id === 'xinglongxian-2025-362001')!;
  const pages = [
    catalog.base,
    entity.url,
    entity.tables[0]!.url!,
    entity.projects[0]!.url!,
    `${catalog.base}subjects/`,
    catalog.subjects[0]!.url,
    `${catalog.base}findings/`,
    catalog.sources[0]!.url,
    `${catalog.base}search/`,
    `${catalog.base}compare/three-public/`,
    `${catalog.base}regions/`,
    `${catalog.base}years/2025/`,
    `${catalog.base}glossary/`,
  ];
  it.each(pages)('%s names itself as canonical and og:url', async (path) => {
    const html = await (await fetch(site.server.origin + path)).text();
    expect(html).toContain(`<link rel="canonical" href="${path}">`);
    expect(html).toContain(`<meta property="og:url" content="${path}">`);
  });

  it('the 404 page, served at any address, names none', async () => {
    const html = await (await fetch(`${site.server.origin}${catalog.base}404.html`)).text();
    expect(html).not.toContain('rel="canonical"');
  });
});

describe('descriptions', () => {
  it('say the county once', async () => {
    const county = catalog.entities.find((e) => e.id === 'xinglongxian-2025-362001')!;
    for (const path of [county.url, county.tables[0]!.url!]) {
      const html = await (await fetch(site.server.origin + path)).text();
      const description = html.match(/<meta name="description" content="([^"]*)"/)![1]!;
      expect(description).toContain('兴隆县医疗保障局本级');
      expect(description).not.toContain('兴隆县兴隆县');
    }
    const html = await (await fetch(site.server.origin + county.url)).text();
    expect(html).toContain('<meta name="description" content="河北省兴隆县医疗保障局本级（362001）2025 年单位预算');
  });
});
