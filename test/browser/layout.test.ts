/**
 * Phones: at 360 px nothing but the table scrollers scrolls sideways, on
 * entity pages and table pages. The 收入总表 CSV matches its page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../support/browser.ts';
import { parseCsv, readCatalog, readEntity, shown } from '../support/model.ts';

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
    // And both are the model's printed cells.
    expect(body).toEqual(table.rows.map((r) => r.cells.map((c) => shown(c.text))));
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
