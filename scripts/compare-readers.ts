/**
 * npm run compare-readers
 *
 * Reads Word originals written from seeds (src/bench/write-originals.ts) two
 * ways and prints, per document, time and fidelity: the portal's reader
 * (OOXML through a zip library, src/ingest/read/originals/docx.ts) against
 * mammoth's HTML conversion read by the portal's HTML reader. Fidelity is
 * tables and cells of the model equal to those of the text seed, cell by cell.
 * Also prints the same figures for each format the portal reads (DOCX, XLSX,
 * XLS, HTML).
 */
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { Reporter } from '../src/ingest/diagnostics.ts';
import { ingestFile, ingestSource, type IngestResult } from '../src/ingest/ingest.ts';
import { readHtml } from '../src/ingest/read/originals/html.ts';
import { readDocx } from '../src/ingest/read/originals/docx.ts';
import { documentOf, writeDocx, writeHtml, writeXls, writeXlsx, type Item } from '../src/bench/write-originals.ts';
import { cli } from './lib/cli.ts';

cli({
  usage: 'npm run compare-readers',
  summary: `Reads Word originals written from two seeds two ways (the portal's reader, and mammoth's HTML
read by the portal's HTML reader) and prints time and fidelity per document and per format.`,
});

const SEEDS = ['000_254f1c56485b7ccb.txt', '001_b299b4fe3ca604a5.txt'];
const RUNS = 5;

type Tables = { key: string; cells: string[] }[];

function tablesOf(result: IngestResult): Tables {
  return result.entities.flatMap((e) =>
    e.tables.map((t) => ({ key: `${e.id} ${t.kind} ${t.title}`, cells: t.rows.flatMap((r) => r.cells.map((c, i) => `${r.code ?? ''}|${r.name ?? ''}|${i}|${c.text}|${c.value ?? ''}`)) })),
  );
}

/** Tables equal to the text's, and cells of the text's tables found at the same place. */
function fidelity(expected: Tables, actual: Tables) {
  let tables = 0;
  let cells = 0;
  const byKey = new Map(actual.map((t) => [t.key, t]));
  for (const t of expected) {
    const other = byKey.get(t.key);
    if (!other) continue;
    if (JSON.stringify(other.cells) === JSON.stringify(t.cells)) tables++;
    cells += t.cells.filter((c, i) => other.cells[i] === c).length;
  }
  return { tables, cells, totalTables: expected.length, totalCells: expected.reduce((n, t) => n + t.cells.length, 0) };
}

/** Median time of RUNS runs after one to warm up. */
async function median<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result: T = await run();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, result: result! };
}

async function mammothReading(bytes: Uint8Array, reporter: Reporter) {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const reading = await readHtml(new TextEncoder().encode(`<!DOCTYPE html><html><body>${value}</body></html>`), reporter);
  return reading && { ...reading, format: 'docx' as const };
}

async function viaMammoth(file: string, bytes: Uint8Array): Promise<IngestResult> {
  const reporter = new Reporter(file);
  return ingestSource(file, bytes, { reporter, reading: await mammothReading(bytes, reporter) });
}

/** A table with a label merged down two rows and one across two columns, as budget headers print them. */
const MERGED: Item[] = [
  { kind: 'heading', depth: 2, text: '单位预算支出总表' },
  { kind: 'paragraph', text: '620301 示例县文化旅游局本级' },
  { kind: 'paragraph', text: '预算年度：2024' },
  { kind: 'paragraph', text: '单位：元' },
  {
    kind: 'table',
    rows: [
      ['序号', '功能分类科目', '', '合计', '基本支出', '项目支出'],
      ['', '科目编码', '科目名称', '', '', ''],
      ['1', '', '合计', '1,234,567.50', '1,234,579.50', '(12.00)'],
      ['2', '208', '社会保障和就业支出', '-12.00', '—', '-12.00'],
      ['3', '210', '卫生健康支出', '1,234,579.50', '1,234,579.50', '0.00'],
    ],
    merges: [
      { r: 0, c: 0, rowSpan: 2, colSpan: 1 },
      { r: 0, c: 1, rowSpan: 1, colSpan: 2 },
      { r: 0, c: 3, rowSpan: 2, colSpan: 1 },
      { r: 0, c: 4, rowSpan: 2, colSpan: 1 },
      { r: 0, c: 5, rowSpan: 2, colSpan: 1 },
    ],
  },
];

const row = (name: string, ms: number, f: ReturnType<typeof fidelity>, parts: number) =>
  console.log(`  ${name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms (${(ms / Math.max(1, parts)).toFixed(1)} ms per ${parts > 1 ? 'sheet' : 'file'})  tables ${f.tables}/${f.totalTables}  cells ${f.cells}/${f.totalCells}`);

const documents: [string, Item[], Tables][] = SEEDS.map((seed) => {
  const bytes = readFileSync(`seeds/${seed}`);
  return [seed, documentOf(bytes.toString('utf8')), tablesOf(ingestSource(seed, bytes))];
});
const merged = new TextEncoder().encode(MERGED.map((i) => (i.kind === 'table' ? i.rows.map((r) => r.join('\t')).join('\n') : i.text)).join('\n\n'));
documents.push(['merged header (元)', MERGED, tablesOf(ingestSource('merged.txt', merged))]);

for (const [name, items, expected] of documents) {
  const docx = await writeDocx(items);
  console.log(name);
  const readOurs = await median(() => readDocx(docx, new Reporter('a.docx')));
  const readTheirs = await median(() => mammothReading(docx, new Reporter('a.docx')));
  console.log(`  reading the DOCX alone: zip + OOXML ${readOurs.ms.toFixed(1)} ms, mammoth → HTML ${readTheirs.ms.toFixed(1)} ms`);
  const ours = await median(() => ingestFile('a.docx', docx));
  row('docx: zip + OOXML', ours.ms, fidelity(expected, tablesOf(ours.result)), 1);
  const theirs = await median(() => viaMammoth('a.docx', docx));
  row('docx: mammoth → HTML', theirs.ms, fidelity(expected, tablesOf(theirs.result)), 1);
  for (const [format, data] of [['xlsx', writeXlsx(items)], ['xls', writeXls(items)], ['html', new TextEncoder().encode(writeHtml(items))]] as const) {
    const r = await median(() => ingestFile(`a.${format}`, data));
    row(`${format}`, r.ms, fidelity(expected, tablesOf(r.result)), r.result.source.original?.parts ?? 1);
  }
}
