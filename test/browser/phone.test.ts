/**
 * What a citizen sees on a 360 px phone and on a 1280 px screen: two-sided
 * tables (收入 | 支出) stacked as their sides on a phone, the full table on a
 * wide screen and on paper.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../support/browser.ts';
import { readCatalog } from '../support/model.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const catalog = readCatalog();
const entityOf = (suffix: string) => catalog.entities.find((e) => e.id.endsWith(suffix))!;
const tableUrl = (suffix: string, kind: string) => site.server.origin + entityOf(suffix).tables.find((t) => t.kind === kind)!.url!;

/** Captions and the header texts of the tables shown, in page order. */
async function shownTables(page: import('playwright-core').Page) {
  return page.locator('main table:visible').evaluateAll((tables) =>
    tables.map((t) => ({
      caption: t.querySelector('caption')!.textContent!.replace(/\s+/g, ' ').trim(),
      headers: [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
      rows: t.querySelectorAll('tbody tr').length,
    })),
  );
}

describe('two-sided tables', () => {
  it('stack as a 收入 table then a 支出 table at 360 px, each with its headers and every printed row', async () => {
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(tableUrl('-450003', 'income-expenditure-summary'));
    const tables = await shownTables(page);
    expect(tables.map((t) => t.caption)).toEqual(['单位预算收支总表 · 收入部分（万元）', '单位预算收支总表 · 支出部分（万元）']);
    expect(tables.map((t) => t.headers)).toEqual([['项目', '预算数'], ['项目', '预算数']]);
    // Each side's own lines, not padding rows of the other side.
    const names = (n: number) => page.locator('main table:visible').nth(n).locator('tbody th').evaluateAll((ths) => ths.map((th) => th.firstChild?.textContent ?? ''));
    const income = await names(0);
    const expenditure = await names(1);
    expect(income.map((t) => t.trim())).toEqual(['一、一般公共预算拨款收入', '二、政府性基金预算拨款收入', '三、国有资本经营预算拨款收入', '四、财政专户管理资金收入', '五、单位资金', '本年收入合计', '上年结转结余', '收入总计']);
    expect(expenditure.length).toBe(34);
    expect(expenditure.map((t) => t.trim())).toContain('十、卫生健康支出');
    expect(income.map((t) => t.trim())).not.toContain('十、卫生健康支出');
    // The 核对问题 mark of the 卫生健康支出 row comes with it.
    expect(await page.locator('main table:visible').nth(1).locator('tbody tr', { hasText: '十、卫生健康支出' }).locator('a.flag--finding').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it('splits a table with three 支出 classifications into four tables, named by their classification', async () => {
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(tableUrl('-231002', 'income-expenditure-summary'));
    const captions = (await shownTables(page)).map((t) => t.caption.replace(/^.* · /, ''));
    expect(captions).toEqual(['收入部分（元）', '支出（支出功能分类科目(按大类)）部分（元）', '支出（部门预算支出经济分类科目(按大类)）部分（元）', '支出（政府预算支出经济分类科目(按大类)）部分（元）']);
    await page.context().close();
  });

  it('shows the full table side by side at 1280 px and in print', async () => {
    for (const media of ['screen', 'print'] as const) {
      const page = await site.page({ width: media === 'print' ? 360 : 1280, height: 900 });
      await page.emulateMedia({ media });
      await page.goto(tableUrl('-450003', 'income-expenditure-summary'));
      const tables = await shownTables(page);
      expect(tables.length, media).toBe(1);
      expect(tables[0]!.headers, media).toEqual(['序号', '收入', '支出', '项目', '预算数', '项目', '预算数']);
      await page.context().close();
    }
  });
});

describe('the unit page on a phone', () => {
  const fund = () => entityOf('-450003');

  it('opens with the summary, key figures and table list; explanations, projects and findings are folded with their count', async () => {
    for (const width of [360, 1280]) {
      const page = await site.page({ width, height: 740 });
      await page.goto(site.server.origin + fund().url);
      const order = await page.locator('main h2').evaluateAll((hs) => hs.map((h) => h.id));
      expect(order.slice(0, 4), `${width}`).toEqual(['toc-title', 'key-figures', 'tables', 'charts']);
      const folds = await page.locator('details.fold > summary').allInnerTexts();
      expect(folds, `${width}`).toEqual(['展开预算说明（16 节）', '展开 2 个项目', '展开全部核对问题（30 处）']);
      expect(await page.locator('details.fold[open]').count()).toBe(0);
      expect(await page.locator('#findings ~ details li.finding').first().isVisible()).toBe(false);
      // Each summary is a target a finger can hit (WCAG 2.2 target size: at least 24 × 24 px).
      for (const box of await page.locator('details.fold > summary').evaluateAll((ss) => ss.map((s) => s.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(24);
      await page.context().close();
    }
  });

  it('is far shorter on a 360 px phone than with every part open', async () => {
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(site.server.origin + fund().url);
    const folded = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const open = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(folded * 2).toBeLessThan(open);
    await page.context().close();
  });

  it('opens the fold around a finding a link points at', async () => {
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(site.server.origin + fund().url);
    const id = await page.locator('li.finding').first().getAttribute('id');
    await page.goto(`${site.server.origin}${fund().url}#${id}`);
    await expect.poll(() => page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    await page.context().close();
  });

  it('prints every folded part open', async () => {
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(site.server.origin + fund().url);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('details.fold:not([open])').count()).toBe(0);
    expect(await page.locator('#findings ~ details li.finding').first().isVisible()).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('details.fold[open]').count()).toBe(0);
    await page.context().close();
  });
});
