/**
 * npm run write-downloads: content/entities → dist/data/<entity>.json,
 * dist/data/<entity>/<table>.json, <entity>_<table>.csv and the Fiscal Data Package
 * (dist/data/datapackage.json, dist/data/fdp/) (part of `npm run build`).
 * CONTENT_DIR and DIST_DIR (optional) as for the build; `--jobs n` threads.
 */
import { parseArgs } from 'node:util';
import { writeAllDownloads } from '../src/downloads/write-all.ts';

const { values } = parseArgs({ options: { jobs: { type: 'string' } } });
const started = performance.now();
try {
  const written = await writeAllDownloads(process.env.CONTENT_DIR || 'content', process.env.DIST_DIR || 'dist', values.jobs ? Number(values.jobs) : undefined);
  console.log(`[downloads] ${written.files} files (${(written.bytes / 2 ** 20).toFixed(1)} MB) of ${written.entities} entities in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[downloads] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
