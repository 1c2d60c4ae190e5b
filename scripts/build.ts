/**
 * npm run build: seeds/ → content/ (ingest) → dist/ (astro build) → dist/pagefind (search index).
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
import { indexSite } from '../src/search/index-site.ts';
import { writeServiceWorker } from '../src/search/service-worker.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, 'search-shards': { type: 'string' } } });
const shardBy = values['search-shards'] ?? process.env.SEARCH_SHARDS;
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
  await step('astro', async () => {
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    await build({ root: process.cwd(), logLevel: process.env.ASTRO_LOG_LEVEL === 'info' ? 'info' : 'warn' });
  });
  await step('pagefind', async () => {
    const dist = process.env.DIST_DIR || 'dist';
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
