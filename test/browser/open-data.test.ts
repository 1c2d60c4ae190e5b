/**
 * The open-data page and the sources manifest on the source pages, in a
 * real Chromium against the built dist/, at 1280 and 360 px.
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
  base: string;
  dataPackage: string;
  page: string;
  sources: { file: string; url: string; download: string; publication: { publisher: string; title: string | null; url: string | null; date: string | null } | null }[];
};

describe('open-data page', () => {
  it('is what 开放数据 in the navigation opens, and lists every kind of download', async () => {
    const page = await site.page();
    await page.goto(site.url());
    await page.locator('nav.site-nav a', { hasText: '开放数据' }).click();
    await page.waitForURL(/\/data\/$/);
    expect(await page.locator('h1').innerText()).toBe('开放数据');
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings).toEqual([
      '来源与使用',
      '每张报表：CSV',
      '每张报表和每个单位：JSON',
      '单位历年数字：CSV',
      '科目编码：CSV',
      '全站目录：catalog.json',
      '财政数据包：datapackage.json',
      '原文文件',
      '各单位下载',
    ]);
    for (const href of [catalog.dataPackage, `${catalog.base}data/catalog.json`]) expect(await page.locator(`main a[href="${href}"]`).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows a sample of a real CSV, with unit, year, amounts in 万元 and the source line', async () => {
    const page = await site.page();
    await page.goto(site.url('data/'));
    const sample = page.locator('section[aria-labelledby="table-csv"] table');
    expect(await sample.locator('caption').innerText()).toContain('济源产城融合示范区医疗保障局 2024 年');
    const header = await sample.locator('thead th').allInnerTexts();
    expect(header.slice(0, 3)).toEqual(['单位', '单位代码', '年度']);
    expect(header).toContain('合计（万元）');
    expect(header.at(-1)).toBe('原文行');
    const first = await sample.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(first.slice(0, 3)).toEqual(['济源产城融合示范区医疗保障局', '036', '2024']);
    // The sample links the file it is taken from, and that file opens with the same header.
    const href = await sample.locator('caption a').getAttribute('href');
    expect(href).toBe(`${catalog.base}data/jiyuanchanchengrongheshifanqu-2024-036/jiyuanchanchengrongheshifanqu-2024-036_expenditure-summary.csv`);
    const bytes = new Uint8Array(await (await fetch(site.server.origin + href!)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).startsWith('单位,单位代码,年度,')).toBe(true);
    // The data package sample: amounts in 万元 beside the amount as printed.
    const fdp = await page.locator('section[aria-labelledby="fdp"] table').last().locator('tbody tr').first().locator('td').allInnerTexts();
    expect(fdp.slice(0, 3)).toEqual(['济源产城融合示范区医疗保障局', '2024', 'budget']);
    expect(fdp.slice(-4)).toEqual(['5497.60', '5,497.60', '万元', '183']);
    await page.context().close();
  });

  it('reads on a 360 px phone without the page scrolling sideways', async () => {
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(site.url('data/'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.context().close();
  });
});

describe('source pages with the sources manifest', () => {
  it('show publisher, title, official address and date, 未注明 where the manifest leaves them empty', async () => {
    const source = catalog.sources.find((s) => s.file === '001_b299b4fe3ca604a5.txt')!;
    expect(source.publication).toEqual({ publisher: '济源产城融合示范区医疗保障局', title: '2024年度济源产城融合示范区医疗保障局部门预算说明', url: null, date: '2024-05-26' });
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(site.server.origin + source.url);
    const facts = await page.locator('section.publication dl > div').evaluateAll((divs) => divs.map((d) => `${d.querySelector('dt')!.textContent}=${d.querySelector('dd')!.textContent}`));
    expect(facts).toEqual(['发布机构=济源产城融合示范区医疗保障局', '标题=2024年度济源产城融合示范区医疗保障局部门预算说明', '官方地址=未注明', '发布日期=2024-05-26']);
    expect(await page.locator('section.publication time').getAttribute('datetime')).toBe('2024-05-26');
    await page.context().close();
  });

  it('offer the file itself for download, byte for byte', async () => {
    const source = catalog.sources.find((s) => s.file === '004_b14cc660f2ed3abf.txt')!;
    const page = await site.page();
    await page.goto(site.server.origin + source.url);
    expect(await page.locator('section.publication dd').first().innerText()).toBe('廊坊市广阳区医疗保障局本级');
    const href = await page.locator('.download-original a').getAttribute('href');
    expect(href).toBe(source.download);
    const served = new Uint8Array(await (await fetch(site.server.origin + href!)).arrayBuffer());
    expect(Buffer.from(served).equals(readFileSync(`seeds/${source.file}`))).toBe(true);
    await page.context().close();
  });
});
