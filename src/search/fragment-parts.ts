/**
 * Fragments in parts: each page's Pagefind fragment, split into a head and
 * blocks of text that the search page loads as it needs them.
 *
 * A Pagefind fragment holds the whole indexed text of its page (large for a
 * unit page), and Pagefind's `result.data()` loads it whole for
 * every result shown, though a result shows at most a few windows of 30
 * words: its excerpt and those of its matched tables and projects. Beside
 * each fragment `<name>.pf_fragment` this writes
 *
 *   <name>.pf_head   the page's url, meta and heading anchors, its word
 *                    count and block size (JSON, gzip)
 *   <name>.pf_<k>    its words k·block … (k+1)·block − 1 (JSON array, gzip)
 *
 * Word k of the page is the k-th word of Pagefind's own split of the text,
 * so the word positions a search reports index the blocks directly. The
 * search page (scripts/search-fragments.ts) loads the head and the blocks
 * under its excerpts; Pagefind's fragments stay as written.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FragmentHead } from '../scripts/search-fragments.ts';
import { readPagefindPayload } from './short-names.ts';

/**
 * Words per block. A window of 30 words falls in one or two blocks; smaller blocks mean fewer
 * bytes per excerpt but more files per page (docs/performance.md, "Fragments in parts").
 */
const BLOCK_WORDS = 400;

/** A Pagefind fragment as written: its page's text is `content`, words joined by U+200B (Chinese) or spaces. */
interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text?: string; location: number }[];
}

/** The words of a fragment's text, split as Pagefind's search script splits them. */
export function fragmentWords(content: string): string[] {
  return content.includes('\u200B') ? content.split('\u200B') : content.split(/[\r\n\s]+/g);
}

/** Head and blocks of one fragment. */
export function splitFragment(fragment: PagefindFragment, block = BLOCK_WORDS): { head: FragmentHead; blocks: string[][] } {
  const words = fragmentWords(fragment.content);
  const blocks: string[][] = [];
  for (let start = 0; start < words.length; start += block) blocks.push(words.slice(start, start + block));
  // Only headings with text start a sub-result in Pagefind (calculate_sub_results); the rest are dropped here.
  const anchors = fragment.anchors
    .filter((a) => /h\d/i.test(a.element) && a.text?.length && /\S/.test(a.text))
    .sort((a, b) => a.location - b.location)
    .map((a): [string, string, number] => [a.id, a.text!, a.location]);
  return {
    head: { url: fragment.url, meta: fragment.meta, anchors, words: words.length, block, zws: fragment.content.includes('\u200B') },
    blocks,
  };
}

function readFragment(path: string): PagefindFragment {
  const fragment = JSON.parse(readPagefindPayload(path).toString('utf8')) as PagefindFragment;
  if (typeof fragment.url !== 'string' || typeof fragment.content !== 'string' || !Array.isArray(fragment.anchors) || typeof fragment.meta !== 'object') {
    throw new Error('not a Pagefind 1.x fragment');
  }
  return fragment;
}

export interface PartsResult {
  fragments: number;
  files: number;
  /** Fragments left whole, with the reason (the search page then loads them through Pagefind). */
  skipped: string[];
}

/**
 * Writes the head and blocks of the fragments of the bundle at `bundleDir` whose names start with
 * one of `prefixes` (short-names.ts), and lists those prefixes as `parts` in its
 * pagefind-entry.json: the search page finds a result's bundle by its name's prefix.
 */
export function writeFragmentParts(bundleDir: string, prefixes: readonly string[], block = BLOCK_WORDS): PartsResult {
  const folder = join(bundleDir, 'fragment');
  const result: PartsResult = { fragments: 0, files: 0, skipped: [] };
  for (const file of readdirSync(folder)) {
    if (!file.endsWith('.pf_fragment') || !prefixes.some((p) => file.startsWith(p))) continue;
    const name = file.slice(0, -'.pf_fragment'.length);
    let parts: ReturnType<typeof splitFragment>;
    try {
      parts = splitFragment(readFragment(join(folder, file)), block);
    } catch (error) {
      result.skipped.push(`${join(folder, file)}: ${error instanceof Error ? error.message : String(error)}; left whole`);
      continue;
    }
    writeFileSync(join(folder, `${name}.pf_head`), gzipSync(JSON.stringify(parts.head), { level: 9 }));
    parts.blocks.forEach((words, k) => {
      writeFileSync(join(folder, `${name}.pf_${k}`), gzipSync(JSON.stringify(words), { level: 9 }));
    });
    result.fragments++;
    result.files += 1 + parts.blocks.length;
  }
  const entryPath = join(bundleDir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(entryPath, JSON.stringify({ ...entry, parts: prefixes }));
  return result;
}

/** The fragment name prefixes a bundle has in parts (empty for a bundle written without them). */
export function bundleParts(bundleDir: string): string[] {
  try {
    const entry = JSON.parse(readFileSync(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { parts?: unknown };
    return Array.isArray(entry.parts) ? entry.parts.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
