/**
 * npm run write-downloads: content/entities → dist/data/<entity>.json,
 * dist/data/<entity>/<table>.json, <entity>_<table>.csv and the Fiscal Data Package
 * (dist/data/datapackage.json, dist/data/fdp/) (part of `npm run build`).
 */
import { writeAllDownloads } from '../src/downloads/write-all.ts';
import { cli } from './lib/cli.ts';

const { config, values } = cli({
  usage: 'npm run write-downloads -- [options]',
  summary: 'Writes the downloads of every entity (JSON, CSV of each table) into the built site, on worker threads.',
  options: { jobs: { type: 'string', value: '<n>', description: 'worker threads (default: one per core)' } },
  settings: ['content', 'dist'],
  host: true,
});
const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
  console.error(`npm run write-downloads: --jobs must be a whole number of at least 1, not “${values.jobs}”\nRun with --help to see every option.`);
  process.exit(2);
}
const started = performance.now();
try {
  const written = await writeAllDownloads(config.content, config.dist, config.created, jobs);
  console.log(`[downloads] ${written.files} files (${(written.bytes / 2 ** 20).toFixed(1)} MB) of ${written.entities} entities in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[downloads] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
