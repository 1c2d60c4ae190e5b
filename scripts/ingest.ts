/**
 * npm run ingest [-- --seeds <dir>] [--content <dir>] [--check] [--quiet] [--no-cache]
 *
 * Reads every document in the seeds folder into the content collections
 * (one JSON file per entity and per source), prints a summary per source,
 * and with --check fails when the committed content is stale. Results are
 * cached by content hash in .cache/ingest (`--ingest-cache`), so a rebuild
 * after changing one document re-reads only that document.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { contentJson, entityPath, seedFiles, settleDuplicates, sourcePath } from '../src/ingest/corpus.ts';
import { formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { ingestAll } from '../src/ingest/parallel.ts';
import { cli } from './lib/cli.ts';
import { applyManifest, readManifest } from '../src/ingest/manifest.ts';

const { config, values } = cli({
  usage: 'npm run ingest -- [options]',
  summary: `Reads every document in the seeds folder into the content collections (one JSON file
per entity and per source) and prints a summary per source.`,
  options: {
    check: { type: 'boolean', description: 'write nothing; fail when the content folder is stale' },
    quiet: { type: 'boolean', description: 'print no summary per source' },
    'no-cache': { type: 'boolean', description: 'read every document again (results kept for this run only)' },
  },
  settings: ['seeds', 'content', 'ingest-cache'],
});
const seedsDir = config.seeds;
const outDir = config.content;

const started = performance.now();
// Without the cache, results are stored in a scratch folder for this run only.
const scratch = values['no-cache'] ? mkdtempSync(join(tmpdir(), 'budget-ingest-')) : null;
const cacheDir = scratch ?? config.ingestCache;
const { records, hits, misses } = await ingestAll(seedsDir, seedFiles(seedsDir), cacheDir);
const corpus = settleDuplicates(records, (e) => e.weight);
// The manifest is applied after the cache: editing it never makes a document be read again.
const manifestProblems = applyManifest(corpus.sources, readManifest(seedsDir));
const published = new Set(corpus.entities);

function existingFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return ['sources', 'entities'].flatMap((sub) => {
    const path = join(dir, sub);
    return existsSync(path) ? readdirSync(path).filter((f) => f.endsWith('.json')).map((f) => `${sub}/${f}`) : [];
  });
}

/**
 * Every content file: a source's JSON text, or the cache file holding an entity's (copied,
 * never parsed again, so the whole corpus is never in memory).
 */
function* contentFiles(): Generator<[string, { text: string } | { copyOf: string }]> {
  for (const source of corpus.sources) yield [sourcePath(source), { text: contentJson(source) }];
  for (const record of records) {
    for (const [i, stand] of record.entities.entries()) if (published.has(stand)) yield [entityPath(stand), { copyOf: record.entityFiles[i]! }];
  }
}

/** Whether the file at `path` already holds exactly this content. */
function holds(path: string, content: { text: string } | { copyOf: string }): boolean {
  if (!existsSync(path)) return false;
  if ('text' in content) return readFileSync(path, 'utf8') === content.text;
  return statSync(path).size === statSync(content.copyOf).size && readFileSync(path).equals(readFileSync(content.copyOf));
}
const expected = new Set([...corpus.sources.map(sourcePath), ...corpus.entities.map(entityPath)]);

try {
  if (values.check) {
    const stale: string[] = [];
    for (const [path, content] of contentFiles()) if (!holds(join(outDir, path), content)) stale.push(path);
    for (const path of existingFiles(outDir)) if (!expected.has(path)) stale.push(`${path} (no longer produced)`);
    if (stale.length) {
      console.error(`content/ is stale: ${stale.length} file(s) differ from what the seeds produce. Run \`npm run ingest\` and commit.\n  ${stale.slice(0, 20).join('\n  ')}`);
      process.exitCode = 1;
    } else {
      console.log(`content/ is up to date (${expected.size} files).`);
    }
  } else {
    for (const path of existingFiles(outDir)) if (!expected.has(path)) rmSync(join(outDir, path));
    for (const [path, content] of contentFiles()) {
      const full = join(outDir, path);
      if (holds(full, content)) continue;
      mkdirSync(dirname(full), { recursive: true });
      if ('text' in content) writeFileSync(full, content.text);
      else copyFileSync(content.copyOf, full);
    }
    report();
  }
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

function report(): void {
  if (!values.quiet) {
    for (const source of corpus.sources) {
      const counts = { error: 0, warning: 0, info: 0 };
      for (const d of source.diagnostics) counts[d.severity]++;
      const kind = source.original ? `${source.format} original, ${source.original.parts} ${source.format === 'pdf' ? 'pages' : source.format?.startsWith('xls') ? 'sheets' : 'parts'} read` : `${source.layout}, ${source.encoding ?? 'not text'}`;
      console.log(`${source.file}  ${kind}, ${source.lines} lines`);
      for (const e of corpus.entities.filter((e) => source.entities.includes(e.id))) console.log(e.report.join('\n'));
      console.log(`  diagnostics: ${counts.error} error, ${counts.warning} warning, ${counts.info} info`);
      for (const d of source.diagnostics.filter((d) => d.severity === 'error')) console.log(`    ${formatDiagnostic(d)}`);
    }
  }
  for (const d of manifestProblems) console.error(`  ${formatDiagnostic({ ...d, file: join(seedsDir, d.file) })}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const rss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  const cached = scratch ? '' : `, ${hits} from cache, ${misses} read`;
  console.log(`ingested ${corpus.sources.length} sources → ${corpus.entities.length} entities in ${seconds} s${cached}, peak RSS ${rss} MB`);
}
