/**
 * For each seed (entity) and each kind of table it has, one rendered row is
 * compared with the model: code, name and every cell exactly as printed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../support/browser.ts';
import { anchors, readCatalog, readEntity, shown } from '../support/model.ts';
import type { Table } from '../../src/ingest/model/schema.ts';

let site: Site;
let page: Page;
beforeAll(async () => {
  site = await openSite();
  page = await site.page();
});
afterAll(async () => {
  await site?.close();
});

const catalog = readCatalog();

/** The most telling row: coded, not a total, not partial, with the most printed cells. */
function pickRow(table: Table): number {
  const score = (r: Table['rows'][number]) => (r.partial ? -100 : 0) + (r.code ? 10 : 0) + (r.total ? -5 : 0) + r.cells.filter((c) => shown(c.text) !== '').length;
  let best = -1;
  table.rows.forEach((r, i) => {
    if (best < 0 || score(r) > score(table.rows[best]!)) best = i;
  });
  return best;
}

const cases = catalog.entities.flatMap((e) => {
  const entity = readEntity(e.id);
  const kinds = [...new Set(entity.tables.map((t) => t.kind))];
  return kinds.map((kind) => ({ entity, table: entity.tables.find((t) => t.kind === kind && t.rows.some((r) => !r.partial)) ?? entity.tables.find((t) => t.kind === kind)! }));
});

describe('table pages show the rows of the model as printed', () => {
  it.each(cases.map((c) => [`${c.entity.id} ${c.table.kind}`, c] as const))('%s', async (_name, { entity, table }) => {
    await page.goto(site.url(`units/${entity.id}/tables/${table.id}/`));
    expect(await page.locator('h1').count()).toBe(1);
    if (table.columns.length === 0 || table.rows.length === 0) {
      expect(await page.locator('.notice--empty').innerText()).toContain('空表');
      return;
    }
    const index = pickRow(table);
    const row = table.rows[index]!;
    const anchor = anchors(table.rows)[index]!;
    const cells = await page.locator(`tr#${anchor} > *`).evaluateAll((els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const flag of copy.querySelectorAll('.flag')) flag.remove();
        return { tag: el.tagName, text: (copy.textContent ?? '').trim(), href: el.querySelector('a')?.getAttribute('href') ?? null };
      }),
    );
    expect(cells.length).toBe(table.columns.length);
    table.columns.forEach((column, i) => {
      expect(cells[i]!.text, `${column.label}`).toBe(shown(row.cells[i]?.text ?? ''));
      if (column.role === 'name' && i === table.columns.findIndex((c) => c.role === 'name')) expect(cells[i]!.tag).toBe('TH');
    });
    if (row.code) {
      const codeCol = table.columns.findIndex((c) => c.role === 'code');
      if (codeCol >= 0 && shown(row.cells[codeCol]!.text) === row.code) expect(cells[codeCol]!.href).toBe(`/subjects/${row.code}/`);
      expect(cells.map((c) => c.text).join('')).toContain(row.code.slice(-2));
    }
    if (row.name) expect(cells.map((c) => c.text).join('|').replace(/\s+/g, '')).toContain(row.name.replace(/\s+/g, '').slice(0, 2));
    // Every amount of the model is on the row exactly as printed.
    for (const cell of row.cells.filter((c) => c.value !== undefined)) expect(cells.map((c) => c.text)).toContain(shown(cell.text));
  });
});
