/**
 * node --experimental-strip-types scripts/pdf-roundtrip.ts [SEED_FILE …]
 *
 * Prints each seed's recognized tables as a PDF (pdfkit, CJK font, ruled
 * cells, merged header cells, page footers), reads it back with the PDF
 * reader and recognizes it, then compares with the text seed's model: tables
 * of the same kind and columns, rows with the same code and name, cells with
 * the same text (spaces aside) and value. Prints the tables and cells that
 * match out of those present.
 */
import { readFileSync } from 'node:fs';
import { Reporter } from '../src/ingest/diagnostics.ts';
import { seedFiles } from '../src/ingest/corpus.ts';
import { ingestSource } from '../src/ingest/ingest.ts';
import type { Table } from '../src/ingest/model/schema.ts';
import { readPdf } from '../src/ingest/read/originals/pdf.ts';
import { recognize } from '../src/ingest/recognize/index.ts';
import { tablesAsPdf } from '../src/bench/pdf-from-model.ts';
import { writePdf } from '../src/bench/pdf-writer.ts';
import { cli } from './lib/cli.ts';

const { positionals } = cli({
  usage: 'node --experimental-strip-types scripts/pdf-roundtrip.ts [seed file …]',
  summary: `Prints each seed's recognized tables as a PDF, reads it back with the PDF reader and prints
the tables and cells that match the text seed's model (every seed when none is named).`,
  positionals: '[seed file …]',
});

const compact = (text: string) => text.replace(/\s+/g, '');

function compare(a: Table, b: Table | undefined): { cells: number; same: number; table: boolean } {
  let cells = 0;
  let same = 0;
  let rowsMatch = b !== undefined && a.kind === b.kind && a.rows.length === b.rows.length && a.columns.map((c) => c.label).join('|') === b.columns.map((c) => c.label).join('|');
  a.rows.forEach((ra, k) => {
    const rb = b?.rows[k];
    if (ra.code !== rb?.code || ra.name !== rb?.name) rowsMatch = false;
    ra.cells.forEach((ca, j) => {
      cells++;
      const cb = rb?.cells[j];
      if (cb && compact(cb.text) === compact(ca.text) && cb.value === ca.value) same++;
      else rowsMatch = false;
    });
  });
  return { cells, same, table: rowsMatch };
}

const dir = new URL('../seeds/', import.meta.url);
const files = positionals.length ? positionals : seedFiles(dir.pathname);
for (const file of files) {
  const seed = ingestSource(file, readFileSync(new URL(file, dir)));
  const entity = seed.entities[0];
  if (!entity) {
    console.log(`${file}: no entity in the text seed`);
    continue;
  }
  const bytes = await writePdf(tablesAsPdf(entity.tables), { landscape: true, footer: true });
  const reporter = new Reporter(file);
  const reading = await readPdf(bytes, reporter);
  const tables = reading ? (recognize(reading.blocks, reporter, reading.lines.length).entities[0]?.tables ?? []) : [];
  let cells = 0;
  let same = 0;
  let matching = 0;
  const differing: string[] = [];
  entity.tables.forEach((table, i) => {
    const result = compare(table, tables[i]);
    cells += result.cells;
    same += result.same;
    if (result.table) matching++;
    else differing.push(table.id);
  });
  console.log(`${file}: ${reading?.parts ?? 0} pages, tables ${matching}/${entity.tables.length} identical, cells ${same}/${cells}${differing.length ? `; differing: ${differing.join(', ')}` : ''}`);
}
