/**
 * One Astro build of the pages with a given configuration: the whole site,
 * or one part of it (render-parts.ts). Run as a script, it builds the part a
 * job file describes: `node src/build/astro-build.ts <job.json>`, the way a
 * build in parts starts each of its Astro processes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import type { Config } from '../config.ts';
import { astroOptions, type PartRender } from './astro-options.ts';

/** What the build writes for each of its Astro processes. */
export interface PartJob {
  config: Config;
  run: PartRender;
}

export async function astroBuild(config: Config, run?: PartRender): Promise<void> {
  // Astro reads this variable only; the build never reports usage.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  await build({ root: process.cwd(), logLevel: config.logLevel, ...astroOptions(config, run) });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const job = process.argv[2];
  if (!job) {
    console.error('usage: node src/build/astro-build.ts <job.json> (written by the build for each of its Astro processes)');
    process.exit(2);
  }
  const { config, run } = JSON.parse(readFileSync(job, 'utf8')) as PartJob;
  await astroBuild(config, run);
}
