/**
 * npm run build [-- options]: seeds/ → content/ (ingest) → dist/ (astro build:
 * pages) → dist/data/ (downloads, written outside Astro) → dist/pagefind
 * (search index). On a large corpus the pages render in two Astro processes
 * (partsFor), and the downloads are written while their shared site index is
 * built. Exits non-zero on any fatal error; `--help` lists every option.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { astroBuild } from '../src/build/astro-build.ts';
import { mergeInto, renderInParts, type PartRun } from '../src/build/render-parts.ts';
import type { Config } from '../src/config.ts';
import { writeAllDownloads, type Written } from '../src/downloads/write-all.ts';
import { indexSite } from '../src/search/index-site.ts';
import { shardsList } from '../src/search/shards.ts';
import { writeServiceWorker } from '../src/search/service-worker.ts';
import { cli, settingArgs } from './lib/cli.ts';

const STEPS = ['ingest', 'astro', 'downloads', 'pagefind'] as const;

const { config, values } = cli({
  usage: 'npm run build -- [options]',
  summary: `Builds the site: seeds/ → content/ (ingest) → dist/ (pages, downloads, search index).
With no options it builds the documents in seeds/ into dist/.`,
  options: {
    only: { type: 'string', value: '<steps>', description: `run only these steps, comma-separated (${STEPS.join(', ')})` },
  },
  settings: ['seeds', 'content', 'dist', 'ingest-cache', 'astro-cache', 'concurrency', 'parts', 'entity-cache-mb', 'search-shards', 'search-shard-pages', 'log-level'],
  host: true,
});

/** `--only astro,pagefind` runs some steps (the benchmark times each on its own). */
const only = values.only ? new Set(values.only.split(',')) : null;
const unknown = [...(only ?? [])].filter((s) => !(STEPS as readonly string[]).includes(s));
if (unknown.length) {
  console.error(`npm run build: --only takes ${STEPS.join(', ')}, not ${unknown.join(', ')}\nRun with --help to see every option.`);
  process.exit(2);
}

/** Below this many entities a second Astro process saves little (docs/performance.md) for its own Vite build and copy of the site index. */
const PARTS_FROM = 500;
/**
 * Astro renders on one thread: on a large corpus the pages render in one Astro process per
 * core, at most two (src/build/), each reading the site index built once and rendering a
 * share of the units. More parts need more memory (each holds the whole site index);
 * `--parts n` sets the number.
 */
function partsFor(settings: Config): number {
  if (settings.parts > 0) return settings.parts;
  const entities = existsSync(join(settings.content, 'entities')) ? readdirSync(join(settings.content, 'entities')).length : 0;
  return entities >= PARTS_FROM ? Math.min(availableParallelism(), 2) : 1;
}

const timings: Record<string, number> = {};
async function step(name: string, run: () => Promise<void> | void, selected = !only || only.has(name)): Promise<void> {
  if (!selected) return;
  const started = performance.now();
  await run();
  timings[name] = (performance.now() - started) / 1000;
  console.log(`[build] ${name} done in ${timings[name]!.toFixed(1)} s`);
}

/** This script's Node command line, which each Astro process of a build in parts runs with. */
const node = [process.execPath, ...process.execArgv];

try {
  await step('ingest', () => {
    const result = spawnSync(node[0]!, [...node.slice(1), 'scripts/ingest.ts', ...settingArgs(config, ['seeds', 'content', 'ingest-cache'])], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`ingest failed with exit code ${result.status}`);
  });
  const { dist, content } = config;
  const parts = partsFor(config);
  const reportParts = (runs: PartRun[]) => console.log(`[build] astro rendered in ${parts} parts (${runs.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')})`);
  const reportDownloads = (written: Written) => console.log(`[build] downloads: ${written.files} files of ${written.entities} entities`);
  if (parts >= 2 && (!only || (only.has('astro') && only.has('downloads')))) {
    // The downloads are written while the site index is built, into a folder beside dist/ (the parts empty dist/ when merged).
    await step('astro and downloads', async () => {
      const staging = `${dist}.downloads`;
      rmSync(staging, { recursive: true, force: true });
      let written: Written | undefined;
      reportParts(await renderInParts(config, parts, node, async () => {
        written = await writeAllDownloads(content, staging, config.created);
      }));
      mergeInto(staging, dist);
      rmSync(staging, { recursive: true, force: true });
      reportDownloads(written!);
    }, true);
  } else {
    await step('astro', async () => {
      if (parts < 2) await astroBuild(config);
      else reportParts(await renderInParts(config, parts, node));
    });
    await step('downloads', async () => reportDownloads(await writeAllDownloads(content, dist, config.created)));
  }
  await step('pagefind', async () => {
    if (config.searchShards !== 'none') {
      const result = spawnSync(node[0]!, [...node.slice(1), 'scripts/index-search.ts', '--by', config.searchShards, ...settingArgs(config, ['dist', 'search-shard-pages'])], { stdio: 'inherit' });
      if (result.status !== 0) throw new Error(`search shards failed with exit code ${result.status}`);
    } else {
      rmSync(join(dist, 'pagefind-shards'), { recursive: true, force: true });
      const stats = await indexSite(dist);
      writeFileSync(join(dist, 'pagefind', 'shards.json'), shardsList(null, []));
      console.log(`[build] pagefind indexed ${stats.pages} pages`);
    }
    const offline = writeServiceWorker(dist, config.base);
    console.log(`[build] sw.js keeps ${offline.files} files (${(offline.bytes / 1024).toFixed(0)} KB of index) for offline search`);
  });
  const total = Object.values(timings).reduce((a, b) => a + b, 0);
  console.log(`[build] total ${total.toFixed(1)} s (${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')})`);
} catch (error) {
  console.error(`[build] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
