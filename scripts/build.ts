/**
 * npm run build: seeds/ → content/ (ingest) → dist/ (astro build: pages) →
 * dist/data/ (downloads, written outside Astro) → dist/pagefind (search index).
 * On a large corpus the pages render in two Astro processes (partsFor), and the
 * downloads are written while their shared site index is built.
 * Exits non-zero on any fatal error. SEEDS_DIR, CONTENT_DIR and DIST_DIR
 * (optional) build another corpus into another folder.
 *
 * `--search-shards year|region` (or SEARCH_SHARDS) splits the search index
 * into shards indexed in parallel processes and merged by the search page
 * (scripts/index-search.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { mergeInto, renderInParts, type PartRun } from '../src/build/render-parts.ts';
import { writeAllDownloads, type Written } from '../src/downloads/write-all.ts';
import { indexSite } from '../src/search/index-site.ts';
import { shardsList } from '../src/search/shards.ts';
import { writeServiceWorker } from '../src/search/service-worker.ts';

const { values } = parseArgs({ options: { only: { type: 'string' }, 'search-shards': { type: 'string' } } });
const shardBy = values['search-shards'] ?? process.env.SEARCH_SHARDS;
/** Below this many entities a second Astro process saves little (docs/performance.md) for its own Vite build and copy of the site index. */
const PARTS_FROM = 500;
/**
 * Astro renders on one thread: on a large corpus the pages render in one Astro process per
 * core, at most two (src/build/), each reading the site index built once and rendering a
 * share of the units. More parts need more memory (each holds the whole site index);
 * BUILD_PARTS=n sets the number.
 */
function partsFor(contentDir: string): number {
  if (process.env.BUILD_PARTS) return Math.max(1, Number(process.env.BUILD_PARTS) || 1);
  const entities = existsSync(join(contentDir, 'entities')) ? readdirSync(join(contentDir, 'entities')).length : 0;
  return entities >= PARTS_FROM ? Math.min(availableParallelism(), 2) : 1;
}
/** `--only astro,pagefind` runs some steps (the benchmark times each on its own). */
const only = values.only ? new Set(values.only.split(',')) : null;

const timings: Record<string, number> = {};
async function step(name: string, run: () => Promise<void> | void, selected = !only || only.has(name)): Promise<void> {
  if (!selected) return;
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
  const content = process.env.CONTENT_DIR || 'content';
  const parts = process.env.BUILD_PART ? 1 : partsFor(content);
  const partsCommand = [process.execPath, ...process.execArgv, 'scripts/build.ts', '--only', 'astro'];
  const reportParts = (runs: PartRun[]) => console.log(`[build] astro rendered in ${parts} parts (${runs.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')})`);
  const reportDownloads = (written: Written) => console.log(`[build] downloads: ${written.files} files of ${written.entities} entities`);
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const astroBuild = () => build({ root: process.cwd(), logLevel: process.env.ASTRO_LOG_LEVEL === 'info' ? 'info' : 'warn' });
  if (parts >= 2 && (!only || (only.has('astro') && only.has('downloads')))) {
    // The downloads are written while the site index is built, into a folder beside dist/ (the parts empty dist/ when merged).
    await step('astro and downloads', async () => {
      const staging = `${dist}.downloads`;
      rmSync(staging, { recursive: true, force: true });
      let written: Written | undefined;
      reportParts(await renderInParts(dist, parts, partsCommand, process.env, async () => {
        written = await writeAllDownloads(content, staging);
      }));
      mergeInto(staging, dist);
      rmSync(staging, { recursive: true, force: true });
      reportDownloads(written!);
    }, true);
  } else {
    await step('astro', async () => {
      if (parts < 2) await astroBuild();
      else reportParts(await renderInParts(dist, parts, partsCommand, process.env));
    });
    await step('downloads', async () => reportDownloads(await writeAllDownloads(content, dist)));
  }
  await step('pagefind', async () => {
    if (shardBy) {
      const result = spawnSync(process.execPath, [...process.execArgv, 'scripts/index-search.ts', '--by', shardBy], { stdio: 'inherit' });
      if (result.status !== 0) throw new Error(`search shards failed with exit code ${result.status}`);
    } else {
      rmSync(join(dist, 'pagefind-shards'), { recursive: true, force: true });
      const stats = await indexSite(dist);
      writeFileSync(join(dist, 'pagefind', 'shards.json'), shardsList(dist, null, []));
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
