/**
 * npm run index-search -- --by year|region [--shard <key> | --list-only] [--jobs n]
 *
 * Indexes a built site (`--dist`, default dist/) for search in shards (see
 * src/search/shards.ts). By default every shard is indexed, `--jobs` at a
 * time (default: one per core), each in its own process, and the list of
 * shards is written to pagefind/shards.json.
 *
 * On several machines: each runs `--shard <key>` (`main` is the main index)
 * on its copy of dist/, the pagefind/ and pagefind-shards/<key>/ folders are
 * copied into one dist/, and `--list-only` there writes pagefind/shards.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexFiles } from '../src/search/index-site.ts';
import { planShards, shardBundle, shardsList, type ShardBy } from '../src/search/shards.ts';
import { cli } from './lib/cli.ts';

const { config, values } = cli({
  usage: 'npm run index-search -- [options]',
  summary: `Indexes the built site for search in shards, one Pagefind index per year or region,
several at a time, and writes the list the search page merges (pagefind/shards.json).`,
  options: {
    by: { type: 'string', value: '<year|region>', default: 'year', description: 'what each shard holds' },
    jobs: { type: 'string', value: '<n>', description: 'shards indexed at once (default: one per core)' },
    'list-only': { type: 'boolean', description: 'write the list of shards without indexing them' },
    shard: { type: 'string', value: '<key>', description: 'index only this shard (the script runs itself so for each shard)' },
    files: { type: 'string', value: '<file>', description: 'JSON list of the pages of --shard (written by the script for its own processes)' },
  },
  settings: ['dist', 'search-shard-pages'],
});
const by = values.by as ShardBy;
if (by !== 'year' && by !== 'region') {
  console.error(`npm run index-search: --by must be year or region, not ${values.by}\nRun with --help to see every option.`);
  process.exit(2);
}
const { dist } = config;

async function indexOne(key: string, listed?: string): Promise<void> {
  // A shard run by this script gets its pages listed (`--files`): planning walks every page of the site.
  const plan = listed ? undefined : planShards(dist, by, config.searchShardPages);
  const files = listed ? (JSON.parse(readFileSync(listed, 'utf8')) as string[]) : plan!.get(key);
  if (!files) throw new Error(`no shard ${key} (shards: ${[...plan!.keys()].join(', ')})`);
  const out = join(dist, shardBundle(key));
  rmSync(out, { recursive: true, force: true });
  const stats = await indexFiles(dist, files, out);
  console.log(`[index-search] shard ${key}: ${stats.pages} of ${files.length} pages indexed in ${stats.seconds.toFixed(1)} s`);
}

function child(key: string, files: readonly string[], scratch: string): Promise<void> {
  const listed = join(scratch, `${key}.json`);
  writeFileSync(listed, JSON.stringify(files));
  return new Promise((done, fail) => {
    const run = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--by', by, '--shard', key, '--files', listed, '--dist', dist], { stdio: 'inherit' });
    run.on('exit', (code) => (code === 0 ? done() : fail(new Error(`shard ${key} failed with exit code ${code}`))));
  });
}

try {
  if (values.shard) {
    await indexOne(values.shard, values.files);
  } else {
    const plan = planShards(dist, by, config.searchShardPages);
    const keys = [...plan.keys()];
    if (!values['list-only']) {
      rmSync(join(dist, 'pagefind-shards'), { recursive: true, force: true });
      // Largest first, so the last job to start is a short one.
      const order = [...keys].sort((a, b) => plan.get(b)!.length - plan.get(a)!.length);
      const jobs = Number(values.jobs) || availableParallelism();
      const scratch = mkdtempSync(join(tmpdir(), 'budget-shards-'));
      let next = 0;
      try {
        await Promise.all(Array.from({ length: Math.min(jobs, order.length) }, async () => {
          while (next < order.length) {
            const key = order[next++]!;
            await child(key, plan.get(key)!, scratch);
          }
        }));
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      console.log(`[index-search] ${keys.length - 1} shards by ${by} and the main index, ${jobs} at a time`);
    }
    mkdirSync(join(dist, 'pagefind'), { recursive: true });
    writeFileSync(join(dist, 'pagefind', 'shards.json'), shardsList(by, keys));
  }
} catch (error) {
  console.error(`[index-search] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
