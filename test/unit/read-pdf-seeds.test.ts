/**
 * Round trip: a seed's tables printed as a PDF (ruled cells, merged header
 * cells, tables running over pages, page footers) and read back through the
 * PDF reader give the same model as the text seed, table by table and cell by
 * cell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';
import type { Table } from '../../src/ingest/model/schema.ts';
import { readPdf } from '../../src/ingest/read/originals/pdf.ts';
import { recognize } from '../../src/ingest/recognize/index.ts';
import { tablesAsPdf } from '../../src/bench/pdf-from-model.ts';
import { writePdf } from '../../src/bench/pdf-writer.ts';

/** What a reader of the table sees: kind, column labels, and each row's code, name and cells (text without spaces, value). */
function digest(table: Table) {
  return {
    kind: table.kind,
    title: table.title,
    unit: table.unit,
    columns: table.columns.map((c) => c.label),
    rows: table.rows.map((r) => ({ code: r.code, name: r.name, cells: r.cells.map((c) => [c.text.replace(/\s+/g, ''), c.value ?? null]) })),
  };
}

async function roundTrip(file: string) {
  const seed = ingestSource(file, readFileSync(new URL(`../../seeds/${file}`, import.meta.url)));
  const entity = seed.entities[0]!;
  const bytes = await writePdf(tablesAsPdf(entity.tables), { landscape: true, footer: true });
  const reporter = new Reporter(file.replace(/\.txt$/, '.pdf'));
  const reading = (await readPdf(bytes, reporter))!;
  const recognized = recognize(reading.blocks, reporter, reading.lines.length);
  return { entity, reading, reporter, recognized };
}

describe('seed tables printed as a PDF and read back', () => {
  it('000: the same 17 tables, rows, codes and amounts as the text seed', async () => {
    const { entity, reading, reporter, recognized } = await roundTrip('000_254f1c56485b7ccb.txt');
    expect(reporter.messages.filter((m) => m.stage === 'decode' || m.stage === 'read')).toEqual([]);
    expect(reading.lines.some((l) => /第\s*\d+\s*页/.test(l))).toBe(false);
    expect(recognized.year).toBe(2024);
    expect(recognized.entities.map((e) => [e.identity.code, e.identity.name])).toEqual([['450001', '秦皇岛市医疗保障局本级']]);
    const tables = recognized.entities[0]!.tables;
    expect(tables).toHaveLength(17);
    expect(tables[0]!.kind).toBe('income-expenditure-summary');
    expect(tables[0]!.rows.find((r) => r.name === '收入总计')!.cells.filter((c) => c.value).map((c) => c.value)).toEqual(['724.39', '724.39']);
    expect(tables.map(digest)).toEqual(entity.tables.map(digest));
  }, 300_000);

  it('004: the same tables, rows, codes and amounts as the text seed, a performance sheet over a page break included', async () => {
    const { entity, reporter, recognized } = await roundTrip('004_b14cc660f2ed3abf.txt');
    expect(reporter.messages.filter((m) => m.stage === 'decode' || m.stage === 'read')).toEqual([]);
    expect(recognized.entities.map((e) => [e.identity.code, e.identity.name])).toEqual([['571001', '廊坊市广阳区医疗保障局本级']]);
    const tables = recognized.entities[0]!.tables;
    expect(tables).toHaveLength(17);
    expect(tables.filter((t) => t.kind === 'unit-performance')[0]!.rows).toHaveLength(20);
    expect(tables.map(digest)).toEqual(entity.tables.map(digest));
  }, 300_000);
});
