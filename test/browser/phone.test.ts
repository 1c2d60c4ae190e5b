/**
 * What a citizen sees on a 360 px phone and on a 1280 px screen: two-sided
 * tables (收入 | 支出) stacked as their sides on a phone, the full table on a
 * wide screen and on paper.
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
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => {
      d.open = true;
    }));
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

describe('every figure carries its doubts', () => {
  it('marks the 450003 “三公” card, which a finding disputes, with a link to that finding, and says what the text states', async () => {
    for (const width of [360, 1280]) {
      const page = await site.page({ width, height: 740 });
      await page.goto(site.server.origin + entityOf('-450003').url);
      const card = page.locator('.figure[data-figure="three-public"]');
      const mark = card.locator('.figure__value a.flag--finding').first();
      expect(await mark.innerText()).toBe('核对问题');
      expect(await mark.getAttribute('href')).toMatch(/#f-qinhuangdaoshi-2024-450003-\d+$/);
      expect(await card.locator('.figure__value .num').innerText()).toBe('2.23');
      // A part the table leaves blank shows what the text states, not a dash.
      expect((await card.locator('.figure__parts li').first().innerText()).replace(/\s+/g, '')).toBe('因公出国（境）费：0.00（据说明第961行；表中此栏空白）');
      expect(await card.locator('.figure__parts li a.flag--finding').count()).toBe(2);
      // The marked figures of the page: key figures, their parts and the rows of the charts' tables.
      expect(await page.locator('.key-figures a.flag').count()).toBeGreaterThan(0);
      await page.context().close();
    }
  });

  it('shows 362001’s “三公” amounts the text states where the table cannot place or lacks them, with both locations', async () => {
    for (const width of [360, 1280]) {
      const page = await site.page({ width, height: 740 });
      await page.goto(site.server.origin + entityOf('-362001').url);
      const card = page.locator('.figure[data-figure="three-public"]');
      expect(await card.locator('.figure__value .num').innerText()).toBe('3.00');
      expect((await card.locator('dd.figure__stated').innerText()).replace(/\s+/g, '')).toBe('据说明原文第340行；表中有数但位置未能确定');
      expect(await card.locator('dd.figure__stated a').nth(1).getAttribute('href')).toMatch(/\/tables\/three-public\/#r-291(-\d+)?$/);
      const parts = (await card.locator('.figure__parts li').allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
      expect(parts).toEqual(['因公出国（境）费：0.00（据说明第340行；表中未列此项）', '公务用车购置及运行费：3.00（据说明第340行；表中有数但位置未能确定）', '公务接待费：0.00（据说明第340行；表中未列此项）']);
      expect(await card.innerText()).not.toContain('未公开');
      await page.context().close();
    }
  });

  it('marks 450003’s 2101550 amount on the subject page, which a cross-table finding disputes', async () => {
    const subject = catalog.subjects.find((s) => s.code === '2101550')!;
    for (const width of [360, 1280]) {
      const page = await site.page({ width, height: 740 });
      await page.goto(site.server.origin + subject.url);
      const row = page.locator('table.subject-uses tbody tr', { hasText: '秦皇岛市医疗保险基金管理中心' });
      expect(await row.locator('td.num').innerText()).toContain('844.93');
      expect(await row.locator('td.num a.flag--finding').count()).toBeGreaterThan(0);
      await page.context().close();
    }
  });
});
