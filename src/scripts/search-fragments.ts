/**
 * A search result's data from its fragment's parts (search/fragment-parts.ts):
 * the head, then only the blocks of text under the excerpts shown.
 *
 * The excerpt and sub-results are worked out as Pagefind's own search script
 * does (calculate_excerpt_region, build_excerpt, calculate_sub_results in
 * pagefind.js 1.x), from the word positions the search reported: a result
 * has the same sections and links (its excerpt may start elsewhere: see
 * excerptStart), but a large unit page costs its head and a block or two
 * instead of its whole text. Every match still
 * counts: a sub-result whose text is not needed is marked `matched` without
 * an excerpt.
 */
import type { ResultData, SubResult } from './search-rank.ts';

/** What `<name>.pf_head` holds. */
export interface FragmentHead {
  url: string;
  meta: Record<string, string>;
  /** Headings with an id and text, by position: `[id, text, word position]`. */
  anchors: [string, string, number][];
  /** Words in the page's text, and per block. */
  words: number;
  block: number;
  /** Words are joined without spaces (Chinese text, segmented by Pagefind). */
  zws: boolean;
}

/** Words of an excerpt, as Pagefind's default. */
export const EXCERPT_WORDS = 30;

/** Start of the densest run of `length` words over the matched positions (Pagefind's calculate_excerpt_region). */
export function excerptStart(positions: readonly number[], length = EXCERPT_WORDS): number {
  if (!positions.length) return 0;
  // Pagefind weighs each position by its match score, which a search result does not expose: each counts one here.
  const words: number[] = [];
  for (const p of positions) words[p] = (words[p] ?? 0) + 1;
  if (words.length <= length) return 0;
  let working = 0;
  for (let i = 0; i < length; i++) working += words[i] ?? 0;
  let densest = working;
  let densestAt = [0];
  for (let i = 0; i < words.length; i++) {
    working += (words[i + length] ?? 0) - (words[i] ?? 0);
    if (working > densest) {
      densest = working;
      densestAt = [i];
    } else if (working === densest && densestAt[densestAt.length - 1] === i - 1) {
      densestAt.push(i);
    }
  }
  return densestAt[Math.floor(densestAt.length / 2)]!;
}

/** The words `[from, to)` an excerpt shows, kept within `[notBefore, notFrom)` (Pagefind's build_excerpt). */
export function excerptWindow(start: number, length: number, total: number, notBefore = 0, notFrom = total): [number, number] {
  let len = length;
  if (notFrom - notBefore < len) len = notFrom - notBefore;
  let from = start;
  if (from + len > notFrom) from = notFrom - len;
  if (from < notBefore) from = notBefore;
  return [from, from + len];
}

/** A sub-result before its text is read. */
export interface SubRange {
  title: string;
  url: string;
  anchor?: { id: string };
  positions: number[];
  window: [number, number];
}

function anchoredUrl(url: string, id: string): string {
  if (/^((https?:)?\/\/)/.test(url)) {
    const full = new URL(url);
    full.hash = id;
    return full.toString();
  }
  const local = new URL(`https://example.com${url.startsWith('/') ? url : `/${url}`}`);
  local.hash = id;
  return local.toString().replace(/^https:\/\/example\.com/, '');
}

/**
 * The page's sections that hold matches (Pagefind's calculate_sub_results): the text before the
 * first heading, then each heading up to the next, with the window each one's excerpt shows.
 */
export function subRanges(head: FragmentHead, url: string, positions: readonly number[], length = EXCERPT_WORDS): SubRange[] {
  const anchors = [...head.anchors];
  const ranges: SubRange[] = [];
  let offset = 0;
  let current: Omit<SubRange, 'window'> = { title: head.meta.title ?? '', url: head.meta.url || url, positions: [] };
  const close = (end: number | undefined) => {
    if (!current.positions.length) return;
    const start = excerptStart(current.positions.map((p) => p - offset), length) + offset;
    const len = end ? Math.min(end - start, length) : length;
    ranges.push({ ...current, window: excerptWindow(start, len, head.words, offset, end) });
  };
  for (const position of positions) {
    if (!anchors.length || position < anchors[0]![2]) {
      current.positions.push(position);
      continue;
    }
    let next = anchors.shift()!;
    close(next[2]);
    while (anchors.length && position >= anchors[0]![2]) next = anchors.shift()!;
    offset = next[2];
    current = { title: next[1], url: anchoredUrl(head.meta.url || url, next[0]), anchor: { id: next[0] }, positions: [position] };
  }
  close(anchors[0]?.[2]);
  return ranges;
}

/** Blocks holding the words of the given windows. */
export function blocksOf(windows: readonly [number, number][], block: number): number[] {
  const needed = new Set<number>();
  for (const [from, to] of windows) for (let k = Math.floor(from / block); to > from && k <= Math.floor((to - 1) / block); k++) needed.add(k);
  return [...needed].sort((a, b) => a - b);
}

/** Page text as Pagefind shows it: `<` and `>` escaped, matched words in <mark>. */
export function excerptText(words: (k: number) => string, [from, to]: [number, number], positions: ReadonlySet<number>, zws: boolean): string {
  const out: string[] = [];
  for (let k = from; k < to; k++) {
    const word = words(k).replace(/</g, '&lt;').replace(/>/g, '&gt;');
    out.push(positions.has(k) ? `<mark>${word}</mark>` : word);
  }
  return out.join(zws ? '' : ' ').trim();
}

/** A part file: gzip, unless the server already took it off (Content-Encoding). */
async function readPart<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes)) as T;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as T;
}

/** Prefixes `fullUrl` in pagefind.js adds: the site's base, no doubled slashes. */
function fullUrl(raw: string, baseUrl: string): string {
  if (/^(https?:)?\/\//.test(raw)) return raw;
  return `${baseUrl}/${raw}`.replace(/\/+/g, '/').replace(/^(https?:\/)/, '$1/');
}

/**
 * The data of the result whose fragment is `<fragmentDir><name>`, found at `positions`.
 * `shown` picks the sub-results whose excerpt the page shows; the others are only `matched`.
 */
export async function loadFromParts(
  fragmentDir: string,
  name: string,
  positions: readonly number[],
  baseUrl: string,
  shown: (ranges: readonly SubRange[]) => readonly SubRange[],
): Promise<ResultData> {
  const head = await readPart<FragmentHead>(`${fragmentDir}${name}.pf_head`);
  const url = fullUrl(head.url, baseUrl);
  const sorted = [...positions].sort((a, b) => a - b);
  const main = excerptWindow(excerptStart(sorted), EXCERPT_WORDS, head.words);
  const ranges = subRanges(head, url, sorted);
  const read = new Set(shown(ranges));
  const blocks = new Map<number, string[]>();
  await Promise.all(
    blocksOf([main, ...[...read].map((r) => r.window)], head.block).map(async (k) => blocks.set(k, await readPart<string[]>(`${fragmentDir}${name}.pf_${k}`))),
  );
  const word = (k: number) => blocks.get(Math.floor(k / head.block))?.[k % head.block] ?? '';
  const marked = new Set(sorted);
  const subResults: SubResult[] = ranges.map((r) => ({
    title: r.title,
    url: r.url,
    ...(r.anchor ? { anchor: r.anchor } : {}),
    excerpt: read.has(r) ? excerptText(word, r.window, marked, head.zws) : '',
    matched: true,
  }));
  return { url, meta: head.meta, excerpt: excerptText(word, main, marked, head.zws), sub_results: subResults };
}
