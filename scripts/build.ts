/**
 * npm run build: seeds/ → content/ (ingest) → dist/ (astro build: pages) →
 * dist/data/ (downloads, written outside Astro) → dist/pagefind (search index).
 * Exits non-zero on any fatal error. SEEDS_DIR, CONTENT_DIR and DIST_DIR
 * (optional) build another corpus into another folder.
 *
 * `--search-shards year|region` (or SEARCH_SHARDS) splits the search index
 * into shards indexed in parallel processes and merged by the search page
 * (scripts/index-search.ts).
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { renderInParts } from '../src/build/render-parts.ts';
import { writeAllDownloads } from '../src/downloads/write-all.ts';
import { indexSite } from '../src/search/index-site.ts';
import { writeServiceWorker } from '../src/search/service-worker.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, 'search-shards': { type: 'string' } } });
const shardBy = values['search-shards'] ?? process.env.SEARCH_SHARDS;
/**
 * Astro renders on one thread: BUILD_PARTS=n Astro processes render the pages side by side
 * (src/build/). Off by default: on 2 cores one Astro process already keeps both busy enough
 * that two were no faster (docs/performance.md); machines with more cores can try it.
 */
const parts = Number(process.env.BUILD_PARTS || 1);
/** `--only astro,pagefind` runs some steps (the benchmark times each on its own). */
const only = values.only ? new Set(values.only.split(',')) : null;

const timings: Record<string, number> = {};
async function step(name: string, run: () => Promise<void> | void): Promise<void> {
  if (only && !only.has(name)) return;
  const started = performance.now();
  await run();
  timings[name] = (performance.now() - started) / 1000;
  console.log(`[build] ${name} done in ${timings[name]!.toFixed(1)} s`);
}

try {
  await step('ingest', () => {
    const result = spawnSync(process.execPath, [...process.execArgv, 'scripts/ingest.ts', ...(process.env.SEEDS_DIR ? ['--seeds', process.env.SEEDS_DIR] : []), ...(process.env.CONTENT_DIR ? ['--out', process.env.CONTENT_DIR] : [])], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`ingest failed with exit code ${result.status}`);
  });
  const dist = process.env.DIST_DIR || 'dist';
  await step('astro', async () => {
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    if (process.env.BUILD_PART || parts < 2) {
      await build({ root: process.cwd(), logLevel: process.env.ASTRO_LOG_LEVEL === 'info' ? 'info' : 'warn' });
      return;
    }
    const runs = await renderInParts(dist, parts, [process.execPath, ...process.execArgv, 'scripts/build.ts', '--only', 'astro'], process.env);
    console.log(`[build] astro rendered in ${parts} parts (${runs.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')})`);
  });
  await step('downloads', async () => {
    const written = await writeAllDownloads(process.env.CONTENT_DIR || 'content', dist);
    console.log(`[build] downloads: ${written.files} files of ${written.entities} entities`);
  });
  await step('pagefind', async () => {
    if (shardBy) {
      const result = spawnSync(process.execPath, [...process.execArgv, 'scripts/index-search.ts', '--by', shardBy], { stdio: 'inherit' });
      if (result.status !== 0) throw new Error(`search shards failed with exit code ${result.status}`);
    } else {
      rmSync(join(dist, 'pagefind-shards'), { recursive: true, force: true });
      const stats = await indexSite(dist);
      writeFileSync(join(dist, 'pagefind', 'shards.json'), JSON.stringify({ by: null, shards: [] }) + '\n');
      console.log(`[build] pagefind indexed ${stats.pages} pages`);
    }
    const offline = writeServiceWorker(dist, process.env.BASE_PATH || '/');
    console.log(`[build] sw.js keeps ${offline.files} files (${(offline.bytes / 1024).toFixed(0)} KB of index) for offline search`);
  });
  const total = Object.values(timings).reduce((a, b) => a + b, 0);
  console.log(`[build] total ${total.toFixed(1)} s (${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')})`);
} catch (error) {
  console.error(`[build] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
