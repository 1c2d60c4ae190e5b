/**
 * npm run bench [-- --sizes 100,1000,10000] [--dir .bench] [--plant 0.05] [--search-shards year] [--originals 200] [--originals-pdf 20] (`--help`: all options)
 *
 * Builds synthetic corpora made from the seeds (see src/bench/synthesize.ts)
 * in a scratch folder and prints, per size: ingest, astro and Pagefind time,
 * total wall time, peak memory, pages written, dist/ and index bytes, bytes
 * fetched for a first search (six kinds of query) and for a result page, cost per document, the
 * planted inconsistencies found, and (at 1,000 documents and up) the time of
 * an ingest after changing one document; and an originals corpus: the first
 * `--originals` documents (default 200) written as XLSX workbooks and the
 * first `--originals-pdf` (default 20; writing PDFs is slow) printed as PDFs,
 * each ingested beside the same documents as text, with time per sheet or
 * page and the tables recognized in each. Peak memory is the most the machine
 * had in use at once during a step (MemAvailable in /proc/meminfo, sampled),
 * so parallel processes count together.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { synthesize, type Planted } from '../src/bench/synthesize.ts';
import { corpusModel, workbookName } from '../src/bench/originals.ts';
import { documentOf, writeXlsx } from '../src/bench/write-originals.ts';
import { tablesAsPdf } from '../src/bench/pdf-from-model.ts';
import { writePdf } from '../src/bench/pdf-writer.ts';
import { ingestSource } from '../src/ingest/ingest.ts';
import type { Entity } from '../src/ingest/model/schema.ts';
import { openSite } from '../src/bench/browser.ts';
import { seedFiles } from '../src/ingest/corpus.ts';
import { cli } from './lib/cli.ts';

const { values } = cli({
  usage: 'npm run bench -- [options]',
  summary: `Builds synthetic corpora made from the seeds in a scratch folder and prints, per size,
the time, memory and bytes of each step of the build and of a first search.`,
  options: {
    sizes: { type: 'string', value: '<n,n,…>', default: '100,1000,10000', description: 'documents in each corpus' },
    dir: { type: 'string', value: '<dir>', default: '.bench', description: 'scratch folder (emptied for each size)' },
    plant: { type: 'string', value: '<share>', default: '0.05', description: 'share of documents given a planted inconsistency' },
    'search-shards': { type: 'string', value: '<none|year|region>', default: 'none', description: 'build the search index in shards (as npm run build)' },
    originals: { type: 'string', value: '<n>', default: '200', description: 'documents also written as workbooks and ingested beside their text (0: none)' },
    'originals-pdf': { type: 'string', value: '<n>', default: '20', description: 'of those, documents also printed as PDFs' },
  },
});
/** Documents of each corpus also written as workbooks and ingested side by side with their text (0: none). */
const ORIGINALS = Number(values.originals);
/** Of those, how many are also printed as PDFs. */
const ORIGINALS_PDF = Number(values['originals-pdf']);
const originalRows: string[][] = [];
const shardArgs = ['--search-shards', values['search-shards']];

// As `npm run build` runs (package.json): a larger young generation cuts the garbage collector's time (docs/performance.md).
const NODE = [process.execPath, '--max-old-space-size=6144', '--max-semi-space-size=64', '--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

interface Timed {
  seconds: number;
  /** Most memory in use at once on the machine during the run, above what was in use before it. */
  peakMb: number;
  output: string;
}

function availableKb(): number {
  return Number(/MemAvailable:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
}

/** Run a command, timing it and sampling the machine's memory in use. */
async function timed(args: string[]): Promise<Timed> {
  const before = availableKb();
  let lowest = before;
  const sampler = setInterval(() => (lowest = Math.min(lowest, availableKb())), 200);
  const started = performance.now();
  const run = spawn(args[0]!, args.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  run.stdout.on('data', (d: Buffer) => (output += d.toString()));
  run.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  const code = await new Promise<number | null>((done) => run.on('close', done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${args.join(' ')} failed:\n${output}\n${errors}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: (before - lowest) / 1024, output };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function bytesOf(files: string[]): number {
  return files.reduce((n, f) => n + statSync(f).size, 0);
}

/** Raw and gzip bytes of the files a browser fetched from the site. */
async function fetchedBytes(dist: string, visit: (site: Awaited<ReturnType<typeof openSite>>, record: (url: string) => void) => Promise<void>) {
  const site = await openSite(dist);
  const urls = new Set<string>();
  try {
    await visit(site, (url) => urls.add(url));
  } finally {
    await site.close();
  }
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    let path = decodeURIComponent(new URL(url).pathname);
    if (path.endsWith('/')) path += 'index.html';
    try {
      const data = readFileSync(join(dist, path));
      raw += data.length;
      gzip += gzipSync(data).length;
    } catch {
      /* not a file of the site */
    }
  }
  return { requests: urls.size, raw, gzip };
}

/** The entity page with the most gzip bytes of HTML, with its stylesheets (what loads before any script). */
function heaviestEntityPage(dist: string): { id: string; kb: number } {
  let best = { id: '', kb: 0 };
  const css = new Map<string, number>();
  for (const id of readdirSync(join(dist, 'units'))) {
    const html = readFileSync(join(dist, 'units', id, 'index.html'));
    let bytes = gzipSync(html).length;
    for (const m of html.toString().matchAll(/<link rel="stylesheet" href="[^"]*?(_assets\/[^"]+\.css)"/g)) {
      const file = m[1]!;
      if (!css.has(file)) css.set(file, gzipSync(readFileSync(join(dist, file))).length);
      bytes += css.get(file)!;
    }
    if (bytes / 1024 > best.kb) best = { id, kb: bytes / 1024 };
  }
  return best;
}

function plantedFound(content: string, planted: Planted[]): { found: number; missing: Planted[] } {
  // Only the findings are kept: holding 10,000 whole entities would not fit in the heap.
  const bySource = new Map<string, Pick<Entity, 'findings'>[]>();
  for (const file of readdirSync(join(content, 'entities'))) {
    const { source, findings } = JSON.parse(readFileSync(join(content, 'entities', file), 'utf8')) as Entity;
    const list = bySource.get(source) ?? [];
    list.push({ findings });
    bySource.set(source, list);
  }
  const missing = planted.filter((p) => {
    const entities = bySource.get(p.file) ?? [];
    return !entities.some((e) => e.findings.some((f) => f.severity === 'error' && f.cells.some((c) => c.line === p.line)));
  });
  return { found: planted.length - missing.length, missing };
}

/**
 * First searches measured at each size, one per kind of query people type; the names are
 * in every synthetic corpus (they come from the seeds). The first is the main table's.
 */
const FIRST_SEARCHES: [kind: string, query: string][] = [
  ['subject code', '2101501'],
  ['economic code', '30201'],
  ['project code', '419001240000000004001'],
  ['project name', '医疗保障工作经费'],
  ['unit name', '医疗保障局'],
  ['term', '三公经费'],
];
const searchRows: string[][] = [];

const seeds = seedFiles('seeds').map((file) => ({ file, text: readFileSync(join('seeds', file), 'utf8') }));
const rows: string[][] = [];
const root = resolve(values.dir!);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`);

for (const size of values.sizes!.split(',').map(Number)) {
  const dir = join(root, String(size));
  rmSync(dir, { recursive: true, force: true });
  const seedsDir = join(dir, 'seeds');
  mkdirSync(seedsDir, { recursive: true });
  const corpus = synthesize(seeds, size, { plantShare: Number(values.plant) });
  for (const doc of corpus) writeFileSync(join(seedsDir, doc.file), doc.text);
  const planted = corpus.flatMap((d) => (d.planted ? [d.planted] : []));
  const out = { content: join(dir, 'content'), dist: join(dir, 'dist') };
  const corpusArgs = ['--seeds', seedsDir, '--content', out.content, '--ingest-cache', join(dir, 'cache')];
  console.log(`\n[bench] ${size} documents in ${dir}`);
  const ingest = await timed([...NODE, 'scripts/ingest.ts', ...corpusArgs, '--quiet']);
  console.log(`[bench] ingest ${ingest.seconds} s`);
  const render = await timed([...NODE, 'scripts/build.ts', '--only', 'astro,downloads', ...corpusArgs, '--dist', out.dist]);
  console.log(`[bench] pages and downloads ${render.seconds} s`);
  const pagefind = await timed([...NODE, 'scripts/build.ts', '--only', 'pagefind', ...shardArgs, ...corpusArgs, '--dist', out.dist]);
  console.log(`[bench] pagefind ${pagefind.seconds} s`);
  const distFiles = walk(out.dist);
  const pages = distFiles.filter((f) => f.endsWith('.html')).length;
  const indexBytes = bytesOf(distFiles.filter((f) => f.startsWith(`${join(out.dist, 'pagefind')}`)));
  const heaviest = heaviestEntityPage(out.dist);
  const searches = new Map<string, Awaited<ReturnType<typeof fetchedBytes>>>();
  for (const [, query] of FIRST_SEARCHES) {
    searches.set(
      query,
      await fetchedBytes(out.dist, async (site, record) => {
        const page = await site.page();
        page.on('request', (r) => record(r.url()));
        await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
        await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached', timeout: 120_000 });
      }),
    );
  }
  const search = searches.get(FIRST_SEARCHES[0]![1])!;
  searchRows.push([String(size), ...FIRST_SEARCHES.map(([, query]) => `${(searches.get(query)!.gzip / 1024).toFixed(0)} (${searches.get(query)!.requests})`)]);
  const result = await fetchedBytes(out.dist, async (site, record) => {
    const page = await site.page();
    await page.goto(site.url('search/?q=2101501'));
    await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached', timeout: 120_000 });
    const href = await page.locator('#search-results a').first().getAttribute('href');
    const next = await site.page();
    next.on('request', (r) => record(r.url()));
    await next.goto(new URL(href ?? '/', site.url()).href);
    await next.waitForLoadState('networkidle');
  });
  const plants = plantedFound(out.content, planted);
  let incremental = '';
  if (size >= 1000) {
    appendFileSync(join(seedsDir, corpus[Math.floor(size / 2)]!.file), '\n补充说明：本文件在发布后更正了一处文字。\n');
    const again = await timed([...NODE, 'scripts/ingest.ts', ...corpusArgs, '--quiet']);
    incremental = `${again.seconds.toFixed(1)} s (${/(\d+) from cache, (\d+) read/.exec(again.output)?.slice(1).join(' cached, ') ?? '?'} read)`;
  }
  const total = ingest.seconds + render.seconds + pagefind.seconds;
  rows.push([
    String(size),
    ingest.seconds.toFixed(1),
    render.seconds.toFixed(1),
    pagefind.seconds.toFixed(1),
    total.toFixed(1),
    `${Math.max(ingest.peakMb, render.peakMb, pagefind.peakMb).toFixed(0)} (${[ingest, render, pagefind].map((t) => t.peakMb.toFixed(0)).join(' / ')})`,
    String(pages),
    (bytesOf(distFiles) / 2 ** 20).toFixed(1),
    (indexBytes / 2 ** 20).toFixed(1),
    `${(search.gzip / 1024).toFixed(0)} (${(search.raw / 1024).toFixed(0)})`,
    `${(result.gzip / 1024).toFixed(0)} (${(result.raw / 1024).toFixed(0)})`,
    `${heaviest.kb.toFixed(1)} (${heaviest.id})`,
    ((total / size) * 1000).toFixed(1),
    `${plants.found}/${planted.length}`,
    incremental || '—',
  ]);
  if (plants.missing.length) console.log(`[bench] planted inconsistencies not found: ${plants.missing.map((p) => `${p.file}:${p.line}`).join(', ')}`);
  if (ORIGINALS > 0) originalRows.push(...(await originalsSideBySide(dir, corpus.slice(0, ORIGINALS))));
}

/** The name of a text document's original in another format. */
function originalName(file: string, ext: string): string {
  return ext === 'xlsx' ? workbookName(file) : `${file.replace(/\.[^.]+$/, '')}.${ext}`;
}

/** A text document printed as a PDF: its recognized tables, each from a new page, with merged header cells and ruling lines. */
async function pdfOf(doc: { file: string; text: string }): Promise<Uint8Array> {
  const tables = ingestSource(doc.file, new TextEncoder().encode(doc.text)).entities.flatMap((e) => e.tables);
  return writePdf(tablesAsPdf(tables), { landscape: true });
}

/** The same documents as text, as workbooks and as PDFs, each ingested without cache, and what each gave. */
async function originalsSideBySide(dir: string, docs: { file: string; text: string }[]): Promise<string[][]> {
  const formats = [
    { ext: 'xlsx', docs, write: async (doc: { file: string; text: string }) => writeXlsx(documentOf(doc.text)) },
    { ext: 'pdf', docs: docs.slice(0, ORIGINALS_PDF), write: pdfOf },
  ].filter((f) => f.docs.length > 0);
  const run = (seeds: string, out: string) => timed([...NODE, 'scripts/ingest.ts', '--seeds', seeds, '--content', out, '--quiet', '--no-cache']);
  const rows: string[][] = [];
  for (const format of formats) {
    const textDir = join(dir, 'originals', `text-${format.ext}`);
    const fileDir = join(dir, 'originals', format.ext);
    for (const d of [textDir, fileDir]) mkdirSync(d, { recursive: true });
    const written = performance.now();
    for (const doc of format.docs) {
      writeFileSync(join(textDir, doc.file), doc.text);
      writeFileSync(join(fileDir, originalName(doc.file, format.ext)), await format.write(doc));
    }
    const writeSeconds = (performance.now() - written) / 1000;
    const text = await run(textDir, join(dir, 'originals', `text-${format.ext}-content`));
    const files = await run(fileDir, join(dir, 'originals', `${format.ext}-content`));
    const textModel = corpusModel(join(dir, 'originals', `text-${format.ext}-content`), new Set(format.docs.map((d) => d.file)));
    const fileModel = corpusModel(join(dir, 'originals', `${format.ext}-content`), new Set(format.docs.map((d) => originalName(d.file, format.ext))));
    const label = format.ext.toUpperCase();
    console.log(`[bench] originals: ${format.docs.length} documents as text ${text.seconds.toFixed(1)} s, as ${label} ${files.seconds.toFixed(1)} s (${fileModel.parts} sheets or pages; writing them took ${writeSeconds.toFixed(1)} s)`);
    rows.push([
      label,
      String(format.docs.length),
      `${text.seconds.toFixed(1)} / ${files.seconds.toFixed(1)}`,
      ((text.seconds / format.docs.length) * 1000).toFixed(1),
      ((files.seconds / Math.max(1, fileModel.parts)) * 1000).toFixed(1),
      `${text.peakMb.toFixed(0)} / ${files.peakMb.toFixed(0)}`,
      `${textModel.tables} / ${fileModel.tables}`,
      `${textModel.rows} / ${fileModel.rows}`,
      `${textModel.entities} / ${fileModel.entities}`,
    ]);
  }
  return rows;
}

const header = ['documents', 'ingest s', 'pages s (Astro + downloads)', 'pagefind s', 'total s', 'peak memory MB (ingest / pages / pagefind)', 'pages', 'dist MB', 'index MB', 'first search 2101501 KB gzip (raw)', 'result page KB gzip (raw)', 'heaviest entity page KB gzip, HTML + CSS', 'ms per document', 'planted found', 'ingest after 1 change'];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
console.log(`\n${table}`);
if (originalRows.length) {
  const head = ['format', 'documents', 'ingest s, text / original', 'ms per text document', 'ms per sheet or page', 'peak memory MB, text / original', 'tables, text / original', 'rows, text / original', 'entities, text / original'];
  console.log(`\nOriginals: the same documents as text and as XLSX workbooks or PDFs (ingest without cache):\n`);
  console.log([head, head.map(() => '---'), ...originalRows].map((r) => `| ${r.join(' | ')} |`).join('\n'));
}
const searchHeader = ['documents', ...FIRST_SEARCHES.map(([kind, query]) => `${kind} ${query}`)];
console.log(`\nFirst search, KB gzip (requests), by query:\n`);
console.log([searchHeader, searchHeader.map(() => '---'), ...searchRows].map((r) => `| ${r.join(' | ')} |`).join('\n'));
