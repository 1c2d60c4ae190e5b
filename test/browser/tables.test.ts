/**
 * For each seed (entity) and each kind of table it has, one rendered row is
 * compared with the row as printed in the seed, written out in
 * test/fixtures/golden/table-rows.json (its anchor, its code and every cell;
 * `row: null` for a table printed empty). A change to reading or rendering
 * that alters a printed cell fails here until the golden row is updated.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { readCatalog, readEntity } from '../support/model.ts';

interface GoldenRow {
  entity: string;
  table: string;
  row: { anchor: string; code: string | null; cells: string[] } | null;
}

const GOLDEN = JSON.parse(readFileSync('test/fixtures/golden/table-rows.json', 'utf8')) as GoldenRow[];

let site: Site;
let page: Page;
beforeAll(async () => {
  site = await openSite();
  page = await site.page();
});
afterAll(async () => {
  await site?.close();
});

describe('table pages show the rows as printed', () => {
  it('have a golden row for every kind of table of every entity', () => {
    const kinds = readCatalog().entities.flatMap((e) => [...new Set(readEntity(e.id).tables.map((t) => `${e.id} ${t.kind}`))]);
    const golden = GOLDEN.map((g) => `${g.entity} ${readEntity(g.entity).tables.find((t) => t.id === g.table)?.kind}`);
    expect(golden.sort()).toEqual(kinds.sort());
  });

  it.each(GOLDEN.map((g) => [`${g.entity} ${g.table}`, g] as const))('%s', async (_name, { entity, table: id, row }) => {
    await page.goto(site.url(`units/${entity}/tables/${id}/`));
    expect(await page.locator('h1').count()).toBe(1);
    if (!row) {
      expect(await page.locator('.notice--empty').innerText()).toContain('空表');
      return;
    }
    const cells = await page.locator(`tr#${row.anchor} > *`).evaluateAll((els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        for (const flag of copy.querySelectorAll('.flag')) flag.remove();
        return { tag: el.tagName, text: (copy.textContent ?? '').trim(), href: el.querySelector('a')?.getAttribute('href') ?? null };
      }),
    );
    expect(cells.map((c) => c.text)).toEqual(row.cells);
    const columns = readEntity(entity).tables.find((t) => t.id === id)!.columns;
    const name = columns.findIndex((c) => c.role === 'name');
    if (name >= 0) expect(cells[name]!.tag).toBe('TH');
    const code = columns.findIndex((c) => c.role === 'code');
    if (row.code && code >= 0 && row.cells[code] === row.code) expect(cells[code]!.href).toBe(`/subjects/${row.code}/`);
  });
});
