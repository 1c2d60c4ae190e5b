/**
 * Build-wide audit of the figures the portal derives: every subject-page
 * amount, every chart value (支出按功能/经济分类) and every key figure of the
 * built content is recomputed here from the printed cells of the unit's
 * tables and compared. The recomputation is written independently of the
 * site's code: all rows printing a code are added up, except a row whose
 * amount is the sum of the other rows of that code (their subtotal) unless
 * each row carries its own 政府经济分类 code.
 *
 * The counts are written to stdout (and to DERIVED_FIGURES_REPORT when set)
 * so the size of the audit is visible.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentFolderReader } from '../../src/build/site-index-file.ts';
import { add, compare, dec, toString, ZERO, type Decimal } from '../../src/ingest/model/decimal.ts';
import type { Entity, Table } from '../../src/ingest/model/schema.ts';
import { entitySummary, type Figure } from '../../src/lib/figures.ts';
import { toWan } from '../../src/lib/format.ts';
import { buildIndex } from '../../src/lib/site/build-index.ts';
import { switches } from '../../src/bench/switches.ts';

type Row = Table['rows'][number];

const amountCol = (t: Table) => t.columns.findIndex((c) => c.role === 'amount');
const cellWan = (t: Table, r: Row, col: number): Decimal | undefined => {
  const v = r.cells[col]?.value;
  return v === undefined ? undefined : dec(toWan(v, t.unit));
};
const total = (ds: Decimal[]) => ds.reduce((a, b) => add(a, b), ZERO);

/** What the printed rows of `code` add up to in `t` (10^-k exact), or undefined when none prints an amount. */
function printedSum(t: Table, rows: Row[]): string | undefined {
  const col = amountCol(t);
  const values = rows.map((r) => cellWan(t, r, col));
  if (values.every((v) => v === undefined)) return undefined;
  const ds = values.map((v) => v ?? ZERO);
  // Rows told apart by a second code (政府经济分类) are all parts.
  const parts = new Set(rows.map((r) => r.govCode)).size === rows.length && rows.every((r) => r.govCode);
  if (ds.length > 1 && !parts) {
    const all = total(ds);
    for (const d of ds) {
      // A row printing the sum of all the others is their subtotal: 2·d = Σ.
      if (compare(add(d, d), all) === 0) return toString(d);
    }
  }
  return toString(total(ds));
}

const sameAmount = (a: string | undefined, b: string | undefined) => (a === undefined || b === undefined ? a === b : compare(dec(a), dec(b)) === 0);

interface Audit {
  checked: number;
  differing: { what: string; shown?: string; printed?: string }[];
}

async function audit(): Promise<{ subjects: Audit; charts: Audit; keyFigures: Audit }> {
  const reader = contentFolderReader('content');
  const site = await buildIndex(reader);
  const entities = new Map<string, Entity>();
  for (const id of await reader.entityIds()) entities.set(id, await reader.entity(id));

  const subjects: Audit = { checked: 0, differing: [] };
  for (const s of site.subjects.values()) {
    for (const use of s.uses) {
      const entity = entities.get(use.entity.id)!;
      for (const entry of [use.main, ...use.others]) {
        const table = entity.tables.find((t) => t.id === entry.table.id)!;
        const rows = table.rows.filter((r) => r.code === s.code);
        if (!rows.length) continue; // listed under its 政府经济分类 code: no amount
        const printed = printedSum(table, rows);
        subjects.checked++;
        if (!sameAmount(entry.value, printed)) subjects.differing.push({ what: `${entity.id} ${table.id} ${s.code}`, ...(entry.value ? { shown: entry.value } : {}), ...(printed ? { printed } : {}) });
      }
    }
  }

  const charts: Audit = { checked: 0, differing: [] };
  const keyFigures: Audit = { checked: 0, differing: [] };
  for (const entity of entities.values()) {
    const summary = entitySummary(entity, (code) => site.subjects.get(code)?.name || undefined);
    for (const b of [summary.byFunction, summary.byEconomic]) {
      if (!b) continue;
      const coded = b.table.rows.filter((r) => r.code);
      const codes = new Set(coded.map((r) => r.code!));
      for (const item of b.items) {
        const own = coded.filter((r) => r.code === item.code);
        // The class row when printed, else every lowest-level row under it.
        const rows = own.length ? own : coded.filter((r) => r.code!.startsWith(item.code!) && ![...codes].some((c) => c !== r.code && c.startsWith(r.code!)));
        const printed = own.length ? printedSum(b.table, rows) : toString(total(rows.map((r) => cellWan(b.table, r, amountCol(b.table)) ?? ZERO)));
        charts.checked++;
        if (!sameAmount(item.value, printed)) charts.differing.push({ what: `${entity.id} ${b.key} ${item.code}`, shown: item.value, ...(printed ? { printed } : {}) });
      }
    }
    const figures: Figure[] = [summary.income, summary.expenditure, summary.basic, summary.project, summary.personnel, summary.office, summary.threePublic, ...summary.threePublicParts, summary.running];
    for (const f of figures) {
      if (f.status !== 'ok' || !f.href?.includes('/tables/')) continue;
      const [, tableId, anchor] = /\/tables\/([^/]+)\/#(.*)$/.exec(f.href) ?? [];
      const table = entity.tables.find((t) => t.id === tableId);
      if (!table || !anchor) continue;
      keyFigures.checked++;
      // The figure is a printed amount of the row it links to …
      const line = Number(/^r-(\d+)/.exec(anchor)?.[1]);
      const row = table.rows.find((r) => r.line === line);
      const inRow = row?.cells.some((c) => c.value !== undefined && sameAmount(toWan(c.value, table.unit), f.value));
      // … and when the table prints the same item with another amount elsewhere, the figure shows both.
      const rival = row && rivalTotal(table, row, f);
      if (!inRow || (rival !== undefined && !(f.conflict?.printed ?? []).some((a) => sameAmount(a.value, rival)))) {
        keyFigures.differing.push({ what: `${entity.id} ${f.key}`, ...(f.value ? { shown: f.value } : {}), ...(rival ? { printed: rival } : {}) });
      }
    }
  }
  return { subjects, charts, keyFigures };
}

/** Another total row of the same 三公 table printing a different amount in the first amount column. */
function rivalTotal(table: Table, row: Row, f: Figure): string | undefined {
  if (f.key !== 'three-public' || table.kind !== 'three-public') return undefined;
  const col = amountCol(table);
  const mine = cellWan(table, row, col);
  for (const r of table.rows) {
    if (r === row || !/(?:合计|小计|总计)/.test(r.name ?? '') || /其中/.test(r.name ?? '')) continue;
    const v = cellWan(table, r, col);
    if (v && mine && compare(v, mine) !== 0) return toString(v);
  }
  return undefined;
}

describe('figures derived across the whole built content', () => {
  it('equal what the printed cells of the unit add up to', async () => {
    const result = await audit();
    const report = Object.fromEntries(Object.entries(result).map(([k, a]) => [k, { checked: a.checked, differing: a.differing.length, examples: a.differing.slice(0, 12) }]));
    console.log(JSON.stringify(report, null, 1));
    if (switches.derivedFiguresReport) writeFileSync(switches.derivedFiguresReport, JSON.stringify({ ...result }, null, 1));
    expect(result.subjects.checked).toBeGreaterThan(100);
    expect(result.charts.checked).toBeGreaterThan(10);
    expect(result.keyFigures.checked).toBeGreaterThan(10);
    expect(result.subjects.differing).toEqual([]);
    expect(result.charts.differing).toEqual([]);
    expect(result.keyFigures.differing).toEqual([]);
  });
});
