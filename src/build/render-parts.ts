/**
 * Render the site in n Astro processes side by side (render-part.ts decides
 * which pages each renders) and merge their output into one dist/.
 *
 * Each part builds into its own folder inside the project: Astro keeps its
 * prerender bundle inside the output folder when that is under the working
 * directory (and in a shared .astro/ folder when not), so parts must not
 * share an output folder. The merge moves whole folders where it can (a
 * unit's pages are all in one part) and keeps the first copy of files every
 * part writes (assets and public/ files, identical by construction).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.ts';
import type { PartJob } from './astro-build.ts';
import { writeSiteIndexApart } from './site-index-file.ts';

export interface PartRun {
  index: number;
  seconds: number;
}

/** Move everything in `from` into `to`, folder by folder; files already in `to` win. */
export function mergeInto(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    if (!existsSync(target)) {
      try {
        renameSync(source, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        cpSync(source, target, { recursive: true });
      }
    } else if (statSync(source).isDirectory() && statSync(target).isDirectory()) {
      mergeInto(source, target);
    }
  }
}

/**
 * The heap limit of each part, from the limit the build was given: the parts share it,
 * each taking 2/(n+1) of it (two thirds each for two). V8 fills the heap it may use before it
 * collects hard, so parts given the whole limit each together hold more than the machine has;
 * an even split collects more often and is slower (docs/performance.md, “Figures behind the design”).
 */
export function partHeapMb(buildMb: number, count: number): number {
  return Math.floor((buildMb * 2) / (count + 1));
}

/** Where the parts of a build into `dist` are written (inside the project, one set per dist). */
function partsFolder(dist: string): string {
  const key = createHash('sha256').update(resolve(dist)).digest('hex').slice(0, 12);
  return resolve('node_modules', '.astro', 'parts', key);
}

/** The script that renders one part, given its job file (astro-build.ts). */
const PART_SCRIPT = fileURLToPath(new URL('./astro-build.ts', import.meta.url));

/**
 * Build the site index once (site-index-file.ts), then run one Astro process
 * per part, all at once, each told by a job file (astro-build.ts) which part
 * it renders, into which folder, and where the site index is; then merge the
 * parts into `config.dist` (emptied first). `node` is the Node command line
 * of the build (its heap limit is shared between the parts).
 *
 * `alongside` runs while the index is built (on one thread, leaving a core
 * free); the parts start when both are done, since they keep every core busy.
 */
export async function renderInParts(config: Config, count: number, node: readonly string[], alongside?: () => Promise<void>): Promise<PartRun[]> {
  const dist = config.dist;
  const root = partsFolder(dist);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const siteIndexFile = join(root, 'site-index.bin');
  await Promise.all([writeSiteIndexApart(config.content, siteIndexFile), alongside?.()]);
  const runs = await Promise.all(
    Array.from({ length: count }, (_, index) => {
      const started = performance.now();
      const job: PartJob = {
        // The entity cache is per process: the parts share its budget.
        config: { ...config, dist: join(root, String(index)), entityCacheMb: Math.floor(config.entityCacheMb / count), astroCache: `${join(root, String(index))}.astro-cache` },
        run: { part: { index, count }, siteIndexFile },
      };
      const jobFile = join(root, `job-${index}.json`);
      writeFileSync(jobFile, JSON.stringify(job));
      const args = node.slice(1).map((arg) => arg.replace(/^--max-old-space-size=(\d+)$/, (_, mb: string) => `--max-old-space-size=${partHeapMb(Number(mb), count)}`));
      const child = spawn(node[0]!, [...args, PART_SCRIPT, jobFile], { stdio: 'inherit' });
      return new Promise<PartRun>((done, fail) => {
        child.once('error', fail);
        child.once('exit', (code) => (code === 0 ? done({ index, seconds: (performance.now() - started) / 1000 }) : fail(new Error(`part ${index}/${count} of the Astro build failed (exit code ${code})`))));
      });
    }),
  );
  rmSync(dist, { recursive: true, force: true });
  for (let index = 0; index < count; index++) {
    const part = join(root, String(index));
    mergeInto(part, dist);
  }
  rmSync(root, { recursive: true, force: true });
  return runs;
}
