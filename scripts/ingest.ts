/**
 * npm run ingest [-- --seeds <dir>] [--out <dir>] [--check] [--quiet] [--no-cache]
 *
 * Reads every document in the seeds folder into the content collections
 * (one JSON file per entity and per source), prints a summary per source,
 * and with --check fails when the committed content is stale. Results are
 * cached by content hash in .cache/ingest (INGEST_CACHE_DIR), so a rebuild
 * after changing one document re-reads only that document.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { contentFiles, seedFiles, settleDuplicates } from '../src/ingest/corpus.ts';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { ingestAll } from '../src/ingest/parallel.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: 'seeds' },
    out: { type: 'string', default: 'content' },
    check: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
  },
});
const seedsDir = values.seeds!;
const outDir = values.out!;

const started = performance.now();
const cacheDir = values['no-cache'] ? null : process.env.INGEST_CACHE_DIR || '.cache/ingest';
const { results, hits, misses } = await ingestAll(seedsDir, seedFiles(seedsDir), cacheDir);
const corpus = settleDuplicates(results);
const files = contentFiles(corpus);

function existingFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return ['sources', 'entities'].flatMap((sub) => {
    const path = join(dir, sub);
    return existsSync(path) ? readdirSync(path).filter((f) => f.endsWith('.json')).map((f) => `${sub}/${f}`) : [];
  });
}

if (values.check) {
  const stale: string[] = [];
  for (const [path, text] of files) {
    const full = join(outDir, path);
    if (!existsSync(full) || readFileSync(full, 'utf8') !== text) stale.push(path);
  }
  for (const path of existingFiles(outDir)) if (!files.has(path)) stale.push(`${path} (no longer produced)`);
  if (stale.length) {
    console.error(`content/ is stale: ${stale.length} file(s) differ from what the seeds produce. Run \`npm run ingest\` and commit.\n  ${stale.slice(0, 20).join('\n  ')}`);
    process.exit(1);
  }
  console.log(`content/ is up to date (${files.size} files).`);
  process.exit(0);
}

for (const path of existingFiles(outDir)) if (!files.has(path)) rmSync(join(outDir, path));
for (const [path, text] of files) {
  const full = join(outDir, path);
  mkdirSync(dirname(full), { recursive: true });
  if (!existsSync(full) || readFileSync(full, 'utf8') !== text) writeFileSync(full, text);
}

if (!values.quiet) {
  for (const source of corpus.sources) {
    const entities = corpus.entities.filter((e) => source.entities.includes(e.id));
    const counts = { error: 0, warning: 0, info: 0 };
    for (const d of source.diagnostics) counts[d.severity]++;
    console.log(`${source.file}  ${source.layout}, ${source.encoding ?? 'not text'}, ${source.lines} lines`);
    for (const e of entities) {
      const kinds = new Map<string, number>();
      for (const t of e.tables) kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1);
      const rows = e.tables.reduce((n, t) => n + t.rows.length, 0);
      const indicators = e.projects.reduce((n, p) => n + (p.performance?.indicators.length ?? 0), 0) + e.unitPerformance.reduce((n, u) => n + u.indicators.length, 0);
      console.log(`  ${e.id}  ${e.code} ${e.name} (${e.region}, ${e.year})`);
      console.log(`    tables ${e.tables.length} [${[...kinds].map(([k, n]) => (n > 1 ? `${k}×${n}` : k)).join(', ')}], rows ${rows}, projects ${e.projects.length}, indicators ${indicators}, sections ${e.sections.length}, findings ${e.findings.length}`);
    }
    console.log(`  diagnostics: ${counts.error} error, ${counts.warning} warning, ${counts.info} info`);
    for (const d of source.diagnostics.filter((d) => d.severity === 'error')) console.log(`    ${formatDiagnostic(d)}`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const rss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
const cached = cacheDir ? `, ${hits} from cache, ${misses} read` : '';
console.log(`ingested ${corpus.sources.length} sources → ${corpus.entities.length} entities in ${seconds} s${cached}, peak RSS ${rss} MB`);
