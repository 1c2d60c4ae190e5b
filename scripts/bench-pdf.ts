/**
 * npm run bench:pdf [-- --pages 2400] [--images 0] [--file .bench/large.pdf] [--read-only]
 *
 * Writes a long budget PDF with pdfkit (ruled tables of subject rows, a
 * header repeated on every page, page footers; content streams left
 * uncompressed, and optionally a scanned-looking picture on every n-th page,
 * so that the file is as large as the longest documents bureaus publish),
 * then reads it with the PDF reader in a process of its own and prints the
 * file size, pages, milliseconds per page, peak memory (the reading
 * process's maximum resident set) and what was read.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { greyPng } from '../src/bench/png.ts';
import { Reporter } from '../src/ingest/diagnostics.ts';
import { readPdf } from '../src/ingest/read/originals/pdf.ts';
import { writePdf, type DrawTable, type PdfPart } from '../src/bench/pdf-writer.ts';
import { cli } from './lib/cli.ts';

const { values } = cli({
  usage: 'npm run bench:pdf -- [options]',
  summary: `Writes a long budget PDF, reads it with the PDF reader in a process of its own, and prints
the file size, pages, milliseconds per page, peak memory and what was read.`,
  options: {
    pages: { type: 'string', value: '<n>', default: '2400', description: 'pages of the PDF' },
    images: { type: 'string', value: '<n>', default: '0', description: 'a scanned-looking picture on every n-th page (0: none)' },
    file: { type: 'string', value: '<file>', default: '.bench/large.pdf', description: 'where the PDF is written' },
    'read-only': { type: 'boolean', description: 'read the PDF already at --file without writing it' },
    read: { type: 'boolean', description: 'only read --file and print the figures as JSON (the process the script starts)' },
  },
});

const ROWS_PER_PAGE = 34;

function document(pages: number): PdfPart[] {
  const rows: string[][] = [];
  for (let i = 0; i < pages * ROWS_PER_PAGE; i++) {
    const cents = 100_000 + ((i * 7_919) % 9_000_000);
    const amount = `${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
    rows.push([`2${String(1_010_000 + i).slice(-6)}`, `第${i + 1}项 行政运行及专项业务经费`, amount, i % 2 ? amount : '', i % 2 ? '' : amount]);
  }
  const table: DrawTable = {
    widths: [70, 185, 80, 80, 80],
    amountColumns: [2, 3, 4],
    repeatCaptions: ['单位：万元'],
    header: [
      [{ text: '功能分类科目', colSpan: 2 }, { text: '合计', rowSpan: 2 }, { text: '基本支出', rowSpan: 2 }, { text: '项目支出', rowSpan: 2 }],
      ['科目编码', '科目名称'],
    ],
    rows,
  };
  return [{ heading: '部门支出总表', size: 14 }, { captions: ['880101 临川市综合行政执法局', '预算年度：2026'], right: '单位：万元' }, { table }];
}

async function read(file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const reporter = new Reporter(file);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const reading = await readPdf(bytes, reporter);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const tables = reading?.blocks.filter((b) => b.type === 'table') ?? [];
  const cells = tables.reduce((n, t) => n + (t.type === 'table' ? t.rows.reduce((m, r) => m + r.cells.length, 0) : 0), 0);
  const result = {
    pages: reading?.parts ?? 0,
    ms: Math.round(ms),
    msPerPage: reading?.parts ? Math.round((ms / reading.parts) * 10) / 10 : null,
    cpuMsPerPage: reading?.parts ? Math.round((cpuMs / reading.parts) * 10) / 10 : null,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    lines: reading?.lines.length ?? 0,
    tableParts: tables.length,
    cells,
    diagnostics: reporter.messages.map((m) => m.ruleId),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (values.read) {
  await read(values.file);
} else if (values['read-only']) {
  // Read a PDF written before (or any PDF) without writing one.
  const child = spawnSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, '--read', '--file', resolve(values.file)], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  process.exit(child.status ?? 1);
} else {
  const file = resolve(values.file);
  const pages = Number(values.pages);
  const every = Number(values.images);
  const started = performance.now();
  const parts = document(pages);
  const bytes = await writePdf(parts, { footer: true, compress: false, ...(every > 0 ? { picture: { every, png: (n: number) => greyPng(400, 300, n + 1) } } : {}) });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`wrote ${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const child = spawnSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, '--read', '--file', file], { encoding: 'utf8' });
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  console.log(`read ${result.pages} pages in ${result.ms} ms: ${result.msPerPage} ms per page (${result.cpuMsPerPage} ms of CPU), peak RSS ${result.peakRssMB} MB`);
  console.log(`lines ${result.lines}, table parts ${result.tableParts}, cells ${result.cells}, diagnostics ${JSON.stringify(result.diagnostics)}`);
}
