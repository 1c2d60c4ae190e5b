/**
 * Build the Pagefind index of a built site through Pagefind's Node API.
 * Any error Pagefind reports fails the build.
 */
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';

function entryIsWhole(path: string): boolean {
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as { languages?: Record<string, unknown> };
    return Object.keys(entry.languages ?? {}).length > 0;
  } catch {
    return false;
  }
}

export interface IndexStats {
  pages: number;
  seconds: number;
}

export async function indexSite(distDir: string): Promise<IndexStats> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: distDir });
    if (added.errors.length) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
    // The service answers before every file is flushed; make sure the entry file is whole before closing it.
    for (let attempt = 1; ; attempt++) {
      const written = await index.writeFiles({ outputPath: `${distDir}/pagefind` });
      if (written.errors.length) throw new Error(`Pagefind failed to write: ${written.errors.join('; ')}`);
      if (entryIsWhole(`${distDir}/pagefind/pagefind-entry.json`)) break;
      if (attempt === 3) throw new Error('Pagefind wrote an incomplete pagefind-entry.json three times');
      await new Promise((done) => setTimeout(done, 200 * attempt));
    }
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}
