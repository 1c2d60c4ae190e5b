/**
 * What a reader sees on the built site: findings as causes (the 支出总表
 * block of 秦皇岛市医疗保险基金管理中心 is one cause, not thirty cards),
 * recognition noise in headers named as such on the page and in the CSV,
 * and tables that read on a 360 px phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { parseCsv, readCatalog } from '../support/model.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const catalog = readCatalog();
const fund = catalog.entities.find((e) => e.id === 'qinhuangdaoshi-2024-450003')!;
const county = catalog.entities.find((e) => e.id === 'xinglongxian-2025-362001')!;

describe('findings as a diagnosis', () => {
  it('groups the 30 findings of one unit into 3 causes, the largest naming its rows', async () => {
    const page = await site.page();
    await page.goto(site.server.origin + fund.url);
    // The findings are folded under their count; a reader opens them.
    await page.locator('#findings ~ details > summary').click();
    expect(await page.locator('#findings ~ details .diagnosis .diagnosis__summary').innerText()).toBe('共 30 处不符，归为 3 个原因。');
    const titles = await page.locator('.cause__title').allInnerTexts();
    expect(titles).toContain('原表数字不一致 27 处不符，同一原因：支出总表第 700–715 行');
    expect(await page.locator('li.finding').count()).toBe(30);
    await page.context().close();
  });

  it('sets 0.01 gaps apart as 尾差', async () => {
    const page = await site.page();
    await page.goto(site.server.origin + county.url);
    await page.locator('#findings ~ details > summary').click();
    expect(await page.locator('.diagnosis__summary').innerText()).toBe('6 处是四舍五入造成的尾差。');
    await page.context().close();
  });
});

describe('recognition noise in headers', () => {
  const table = county.tables.find((t) => t.kind === 'general-budget-expenditure')!;
  it('shows an unreadable header as 表头识别不全 with what was printed, on the page and in the CSV', async () => {
    const page = await site.page();
    await page.goto(site.server.origin + table.url!);
    const unread = await page.locator('thead .header-unread').allInnerTexts();
    expect(unread.length).toBe(4);
    expect(unread.map((t) => t.replace(/\s+/g, ''))).toContain('表头识别不全原文印作“日月”');
    expect(await page.locator('.notice', { hasText: '表头有 4 处文字识别不全' }).innerText()).toContain('（“17.2”、“日月”、“举个人山”、“次日文田”）');
    await page.context().close();
    const response = await fetch(`${site.server.origin}${catalog.base}data/${county.id}/${county.id}_${table.id}.csv`);
    const csv = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
    expect(csv[0]).toContain('合计 / 表头识别不全（原文印作“日月”）（万元）');
    expect(csv[0]!.join(',')).not.toMatch(/(?<!“)举个人山(?!”)/);
  });
});

describe('tables on a 360 px phone', () => {
  it('lets the page scroll, keeps the row name in view and leaves out 序号 and empty columns', async () => {
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(site.server.origin + fund.tables.find((t) => t.kind === 'expenditure-summary')!.url!);
    const box = page.locator('.table-scroll').first();
    expect(await box.evaluate((el) => getComputedStyle(el).maxHeight)).toBe('none');
    expect(await page.locator('tbody th.name').first().evaluate((el) => getComputedStyle(el).position)).toBe('sticky');
    const headers = await page.locator('thead th:visible').allInnerTexts();
    for (const hidden of ['序号', '经营支出', '上解上级支出']) expect(headers.map((h) => h.trim())).not.toContain(hidden);
    expect(headers.map((h) => h.trim())).toContain('项目支出');
    await page.context().close();
  });
});

describe('a reader question', () => {
  // “How much does 兴隆县医疗保障局 spend on 三公经费 in 2025, and is that figure reliable?”
  it('is answered one click from the home page: the 三公 key figure and the verdict of the checks', async () => {
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(site.url());
    let clicks = 0;
    await page.locator(`a[href$="${county.url}"]`).first().click();
    clicks++;
    await page.waitForURL(`**${county.url}`);
    expect(clicks).toBe(1);
    expect(await page.locator('section.key-figures').innerText()).toContain('“三公”经费');
    const verdict = page.locator('.identity a[href="#findings"]');
    expect(await verdict.innerText()).toBe('各表数字相互印证，仅有 6 处四舍五入尾差');
    // The verdict is on the first screens, above the table of contents.
    const y = await verdict.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    const toc = await page.locator('nav.toc[aria-labelledby="toc-title"]').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(y).toBeLessThan(toc);
    await page.context().close();
  });
});

describe('one measure across units', () => {
  it('lists units by “三公” total per year, linked from the home page, sortable by its headers', async () => {
    const page = await site.page();
    await page.goto(site.url());
    await page.locator('a', { hasText: '各单位比较' }).first().click();
    await page.locator('a', { hasText: '“三公”经费' }).first().click();
    expect(await page.locator('h1').innerText()).toBe('各单位“三公”经费');
    expect(await page.locator('section[aria-labelledby="y-2025"] tbody tr').count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="y-2024"] tbody tr').count()).toBe(4);
    const head = page.locator('section[aria-labelledby="y-2024"] thead th').nth(0);
    await head.locator('button').click();
    expect(await head.getAttribute('aria-sort')).toBe('descending');
    await head.locator('button').click();
    expect(await head.getAttribute('aria-sort')).toBe('ascending');
    await page.context().close();
  });
});
