/**
 * Build the Pagefind index of a built site through Pagefind's Node API.
 * Any error Pagefind reports fails the build.
 */
import * as pagefind from 'pagefind';

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
    const written = await index.writeFiles({ outputPath: `${distDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind failed to write: ${written.errors.join('; ')}`);
    return { pages: added.page_count, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pagefind.close();
  }
}
