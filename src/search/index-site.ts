/**
 * Build a Pagefind index through Pagefind's Node API: of a whole built site
 * (indexSite) or of a list of its pages (indexFiles, for search shards).
 * Any error Pagefind reports fails the build. Each written bundle is then
 * adapted (pagefind-bundle.ts: version check, shorter file names), which
 * also fails the build when the bundle is not what it expects.
 */
import { closeSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { adaptBundle, BundleIncompleteError } from './pagefind-bundle.ts';

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Pages in a written index (from its entry file), or undefined while the entry file is incomplete. */
function indexedPages(path: string): number | undefined {
  try {
    const entry = JSON.parse(readFileSync(path, 'utf8')) as { languages?: Record<string, { page_count: number }> };
    const languages = Object.values(entry.languages ?? {});
    return languages.length ? languages.reduce((n, l) => n + l.page_count, 0) : undefined;
  } catch {
    return undefined;
  }
}

export interface IndexStats {
  pages: number;
  seconds: number;
}

async function withIndex(outputPath: string, add: (index: PagefindIndex) => Promise<void>): Promise<IndexStats> {
  const started = performance.now();
  // Pagefind writes over an old bundle without removing its files, and renamed files of an
  // earlier build would stay beside the new ones.
  rmSync(outputPath, { recursive: true, force: true });
  let pages: number | undefined;
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    await add(index);
    // The service answers before every file is flushed; make sure the entry file is whole before closing it.
    for (let attempt = 1; pages === undefined; attempt++) {
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(`Pagefind failed to write: ${written.errors.join('; ')}`);
      pages = indexedPages(`${outputPath}/pagefind-entry.json`);
      if (pages !== undefined) break;
      if (attempt === 3) throw new Error(`Pagefind wrote an incomplete ${outputPath}/pagefind-entry.json three times`);
      await new Promise((done) => setTimeout(done, 200 * attempt));
    }
  } finally {
    await pagefind.close();
  }
  // The service may still be flushing a fragment when writeFiles answers: adapting checks every
  // file before renaming any, so a bundle found incomplete is tried again as it was.
  for (let attempt = 1; ; attempt++) {
    try {
      adaptBundle(outputPath);
      break;
    } catch (error) {
      if (!(error instanceof BundleIncompleteError) || attempt === 5) throw error;
      await new Promise((done) => setTimeout(done, 200 * attempt));
    }
  }
  return { pages, seconds: (performance.now() - started) / 1000 };
}

/** Index every page of a built site into dist/pagefind. */
export function indexSite(distDir: string): Promise<IndexStats> {
  return withIndex(`${distDir}/pagefind`, async (index) => {
    const added = await index.addDirectory({ path: distDir });
    if (added.errors.length) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
  });
}

const HEAD_BYTES = 16 * 1024;
const head = Buffer.alloc(HEAD_BYTES);

/**
 * The page's HTML when it is to be indexed (it has `data-pagefind-body`),
 * else undefined. The layout marks <main>, so a page whose <main> opens
 * within its first bytes without the mark is skipped unread: most pages of
 * a large portal (tables, projects, sources) are not indexed, and reading
 * them whole was gigabytes.
 */
export function indexedHtml(path: string): string | undefined {
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const start = head.toString('latin1', 0, read);
  const main = /<main\b[^>]*>/.exec(start);
  if (main && !main[0].includes('data-pagefind-body') && !start.includes('data-pagefind-body')) return undefined;
  const content = readFileSync(path, 'utf8');
  return content.includes('data-pagefind-body') ? content : undefined;
}

/** Pages sent to Pagefind at once: it parses them in parallel, so one at a time leaves cores idle. */
const IN_FLIGHT = 32;

/**
 * Index some pages of a built site (paths relative to it) into `outputPath`.
 * Pages without `data-pagefind-body` are not sent: Pagefind would parse them
 * only to skip them (the line-numbered sources are the largest pages).
 */
export function indexFiles(distDir: string, files: readonly string[], outputPath: string): Promise<IndexStats> {
  return withIndex(outputPath, async (index) => {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < files.length) {
        const file = files[next++]!;
        const content = indexedHtml(join(distDir, file));
        if (content === undefined) continue;
        const added = await index.addHTMLFile({ sourcePath: file, content });
        if (added.errors.length) throw new Error(`Pagefind failed to index ${file}: ${added.errors.join('; ')}`);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  });
}
