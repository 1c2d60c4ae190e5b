/**
 * Phones: at 360 px nothing but the table scrollers scrolls sideways, on
 * entity pages and table pages. The 收入总表 CSV matches its page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { parseCsv, readCatalog, readEntity } from '../support/model.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const catalog = readCatalog();

describe('360 px phone layout', () => {
  const pages = [
    ...catalog.entities.map((e) => e.url),
    ...catalog.entities.flatMap((e) => e.tables.filter((t) => ['income-summary', 'economic-summary', 'procurement', 'project-performance'].includes(t.kind)).map((t) => t.url!)),
    catalog.base,
    `${catalog.base}subjects/`,
    ...catalog.subjects.filter((s) => s.code === '2101501').map((s) => s.url),
    ...catalog.sources.slice(0, 1).map((s) => s.url),
  ];
  it.each(pages)('%s has no horizontal overflow outside the table scrollers', async (path) => {
    const page = await site.page({ width: 360, height: 740 });
    await page.goto(site.server.origin + path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Wide tables scroll inside a focusable, named region.
    for (const scroller of await page.locator('.table-scroll').all()) {
      expect(await scroller.getAttribute('tabindex')).toBe('0');
      expect((await scroller.getAttribute('aria-label')) ?? (await scroller.getAttribute('aria-labelledby'))).toBeTruthy();
    }
    await page.context().close();
  });
});

describe('print', () => {
  it('prints every table on an A4 landscape page without cut-off columns', async () => {
    const page = await site.page({ width: 1047, height: 700 }); // 297 mm − 2 × 10 mm at 96 dpi
    await page.emulateMedia({ media: 'print' });
    const cut: string[] = [];
    for (const e of catalog.entities) {
      for (const t of e.tables) {
        await page.goto(site.server.origin + t.url);
        const overflow = await page.evaluate(() => {
          const table = document.querySelector('table.money-table');
          return table ? table.scrollWidth - document.documentElement.clientWidth : 0;
        });
        if (overflow > 0) cut.push(`${t.url} (${overflow}px)`);
      }
    }
    expect(cut).toEqual([]);
    await page.context().close();
  });
});

describe('CSV downloads', () => {
  it('the CSV of 450001 收入总表 has the rows and amounts of the page', async () => {
    const entity = readEntity('qinhuangdaoshi-2024-450001');
    const table = entity.tables.find((t) => t.id === 'income-summary')!;
    const response = await fetch(`${site.server.origin}${catalog.base}data/${entity.id}/${entity.id}_income-summary.csv`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(new TextDecoder().decode(bytes.slice(3)));
    // Unit, code and year lead every row, the source line closes it, amounts say their unit.
    expect(csv[0]).toEqual(['单位', '单位代码', '年度', ...table.columns.map((c) => (c.role === 'amount' ? `${c.label}（万元）` : c.label)), '原文行']);
    expect(csv[1]!.slice(0, 3)).toEqual(['秦皇岛市医疗保障局本级', '450001', '2024']);
    expect(csv.slice(1).map((r) => r.at(-1))).toEqual(table.rows.map((r) => String(r.line)));
    const body = csv.slice(1).map((r) => r.slice(3, -1));

    const page = await site.page();
    await page.goto(site.url(`units/${entity.id}/tables/income-summary/`));
    const shownRows = await page.locator('table.money-table:not(.money-table--half) tbody tr').evaluateAll((rows) =>
      rows.map((tr) =>
        [...tr.children].map((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          for (const flag of copy.querySelectorAll('.flag')) flag.remove();
          return (copy.textContent ?? '').trim();
        }),
      ),
    );
    expect(body).toEqual(shownRows);
    // And both are the printed table (seeds/000_…txt, lines 126–141), its bold total without the markup.
    const e = ['', '', '', '', '', ''];
    expect(body).toEqual([
      ['1', '', '合计', '724.39', '472.10', '472.10', ...e, '252.29'],
      ['2', '208', '社会保障和就业支出', '59.14', '59.14', '59.14', ...e, ''],
      ['3', '20805', '行政事业单位养老支出', '59.14', '59.14', '59.14', ...e, ''],
      ['4', '2080501', '行政单位离退休', '22.38', '22.38', '22.38', ...e, ''],
      ['5', '2080505', '机关事业单位基本养老保险缴费支出', '36.76', '36.76', '36.76', ...e, ''],
      ['6', '210', '卫生健康支出', '635.16', '382.87', '382.87', ...e, '252.29'],
      ['7', '21011', '行政事业单位医疗', '21.37', '21.37', '21.37', ...e, ''],
      ['8', '2101101', '行政单位医疗', '12.44', '12.44', '12.44', ...e, ''],
      ['9', '2101103', '公务员医疗补助', '8.93', '8.93', '8.93', ...e, ''],
      ['10', '21015', '医疗保障管理事务', '613.79', '361.50', '361.50', ...e, '252.29'],
      ['11', '2101501', '行政运行', '324.50', '324.50', '324.50', ...e, ''],
      ['12', '2101505', '医疗保障政策管理', '232.00', '30.00', '30.00', ...e, '202.00'],
      ['13', '2101599', '其他医疗保障管理事务支出', '57.29', '7.00', '7.00', ...e, '50.29'],
      ['14', '221', '住房保障支出', '30.09', '30.09', '30.09', ...e, ''],
      ['15', '22102', '住房改革支出', '30.09', '30.09', '30.09', ...e, ''],
      ['16', '2210201', '住房公积金', '30.09', '30.09', '30.09', ...e, ''],
    ]);
    await page.context().close();
  });

  it('every table has a CSV whose header row has one label per column', async () => {
    for (const e of catalog.entities) {
      const entity = readEntity(e.id);
      for (const t of entity.tables.filter((x) => x.columns.length > 0)) {
        const text = await (await fetch(site.server.origin + e.tables.find((x) => x.id === t.id)!.csv!)).text();
        const rows = parseCsv(text.replace(/^\uFEFF/, ''));
        expect(rows.length, `${e.id}/${t.id}`).toBe(t.rows.length + 1);
        const hasUnplaced = t.rows.some((r) => r.unplaced?.length);
        expect(rows[0]!.length, `${e.id}/${t.id}`).toBe(3 + t.columns.length + (hasUnplaced ? 1 : 0) + 1);
      }
    }
  });
});
