/**
 * Round trip: a seed's tables written out as a Word file, a workbook (.xlsx
 * and old binary .xls) and a web page by real writers, then read back, give the same model as the text
 * seed: the same entities and tables, and in each table the same rows with
 * the same codes, names and cells (text and exact amount), cell by cell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestFile, ingestSource, type IngestResult } from '../../src/ingest/ingest.ts';
import { documentOf, writeDocx, writeHtml, writeXls, writeXlsx } from '../../src/bench/write-originals.ts';

/** What a table holds, without the lines it was printed on (they differ between a text and its original). */
function tablesOf(result: IngestResult) {
  return result.entities.map((e) => ({
    id: e.id,
    tables: e.tables.map((t) => ({
      kind: t.kind,
      title: t.title,
      unit: t.unit,
      columns: t.columns.map((c) => c.label),
      rows: t.rows.map((r) => ({ code: r.code, name: r.name, total: r.total, cells: r.cells.map((c) => [c.text, c.value]) })),
    })),
  }));
}

const SEEDS = ['000_254f1c56485b7ccb.txt', '001_b299b4fe3ca604a5.txt'];

describe.each(SEEDS)('%s written as originals', (file) => {
  const bytes = readFileSync(`seeds/${file}`);
  const expected = tablesOf(ingestSource(file, bytes));
  const items = documentOf(bytes.toString('utf8'));

  it('has tables with rows to compare', () => {
    expect(expected.flatMap((e) => e.tables).length).toBeGreaterThan(10);
  });

  it.each([
    ['docx', async () => writeDocx(items)],
    ['xlsx', async () => writeXlsx(items)],
    ['xls', async () => writeXls(items)],
    ['html', async () => new TextEncoder().encode(writeHtml(items))],
  ] as const)('%s reads back to the same tables, cell by cell', async (format, write) => {
    const result = await ingestFile(`original.${format}`, await write());
    expect(result.source.format).toBe(format);
    const actual = tablesOf(result);
    expect(actual.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    for (const [i, entity] of expected.entries()) {
      expect(actual[i]!.tables.map((t) => `${t.kind} ${t.title}`)).toEqual(entity.tables.map((t) => `${t.kind} ${t.title}`));
      for (const [j, table] of entity.tables.entries()) expect(actual[i]!.tables[j], `${entity.id} ${table.title}`).toEqual(table);
    }
  }, 300_000);
});
