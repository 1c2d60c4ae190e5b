/**
 * Ranking of search results, kept apart from the page script so it can be
 * unit-tested. Tiers, best first:
 *   0  the page filed under exactly the code searched for (subject 2101501,
 *      project 13082225P00018210001N, unit 450001), then pages under it;
 *   1  pages whose title or one of their exact keys (names, terms) contains
 *      or equals the whole query;
 *   2  pages that contain the whole query string (Pagefind's quoted search);
 *   3  pages that contain its pieces (the loose search).
 * Within a tier, kinds people usually look for come first, then Pagefind's order.
 */

export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id?: string };
}

export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results?: SubResult[];
}

export interface Loaded {
  tier: number;
  order: number;
  data: ResultData;
}

export type Candidate = Loaded;

const KIND_ORDER = ['项目', '单位', '部门', '科目', '名词解释', '核对发现', '原文'];

/** Full-width to half-width, no spaces: the form codes and names are compared in. */
export function normalizeQuery(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .trim();
}

const SUBJECT_CODE_RE = /^\d{3,9}$/;
const PROJECT_CODE_RE = /^(?=.*\d{4})[0-9A-Za-z]{6,30}$/;

/** The text to search for, and the codes (if the query is one) to look up by filter. */
export function queryVariants(query: string): { text: string; codes: string[] } {
  const compact = normalizeQuery(query);
  const codes: string[] = [];
  if (SUBJECT_CODE_RE.test(compact)) codes.push(compact);
  else if (PROJECT_CODE_RE.test(compact)) codes.push(compact.toUpperCase());
  // Codes are looked up as typed; the text search keeps the user's spacing for Chinese phrases.
  return { text: codes.length ? compact : query.trim().replace(/\s+/g, ' '), codes };
}

function kindRank(kind: string | undefined): number {
  const index = KIND_ORDER.indexOf(kind ?? '');
  return index < 0 ? KIND_ORDER.length : index;
}

export function rankResults(query: string, loaded: readonly Loaded[]): Candidate[] {
  const q = normalizeQuery(query).toUpperCase();
  const scored = loaded.map((entry) => {
    const meta = entry.data.meta;
    let tier = entry.tier;
    let exact = false;
    if (tier === 0) exact = (meta.code ?? '').toUpperCase() === q;
    const keys = [meta.title ?? '', ...(meta.keys ?? '').split('|')].map((k) => normalizeQuery(k).toUpperCase()).filter(Boolean);
    if (tier > 1 && q && keys.some((k) => k.includes(q))) tier = 1;
    if (keys.some((k) => k === q)) exact = true;
    return { entry: { ...entry, tier }, exact };
  });
  scored.sort(
    (a, b) =>
      a.entry.tier - b.entry.tier ||
      Number(b.exact) - Number(a.exact) ||
      kindRank(a.entry.data.meta.kind) - kindRank(b.entry.data.meta.kind) ||
      a.entry.order - b.entry.order,
  );
  return scored.map((s) => s.entry);
}
