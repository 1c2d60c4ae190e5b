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
 *
 * Projects are found through their unit's page (search/project-digest.ts):
 * expandProjects turns each matching project section into a result of its own.
 */
import { PROJECT_ANCHOR } from '../search/anchors.ts';
import { projectCodeKeys } from '../search/codes.ts';

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
  /** Found under the year (and phase) the query names: shown before the other results. */
  preferred?: boolean;
  /** Projects of this unit that matched only some words of the query, listed under it (best first). */
  grouped?: { title: string; url: string }[];
}

export type Candidate = Loaded;

/** One project as the unit page's `projects` metadata lists it. */
export interface ProjectMeta {
  id: string;
  name: string;
  amount?: string;
  code?: string;
}

/** Reads a unit page's `projects` metadata (`[id, name, amount, code]` per project); anything malformed reads as none. */
export function parseProjectsMeta(text: string | undefined): Map<string, ProjectMeta> {
  const projects = new Map<string, ProjectMeta>();
  if (!text) return projects;
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return projects;
  }
  if (!Array.isArray(rows)) return projects;
  for (const row of rows) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') continue;
    const [id, name, amount, code] = row as [string, string, unknown, unknown];
    projects.set(id, { id, name, ...(typeof amount === 'string' && amount ? { amount } : {}), ...(typeof code === 'string' && code ? { code } : {}) });
  }
  return projects;
}

export const marked = (sub: SubResult): boolean => sub.excerpt.includes('<mark>');
/** The unit page's project section (`#projects`, headed 项目) is about its projects: a match there is a project match. */
const aboutProjects = (sub: SubResult) => sub.anchor?.id === 'projects' || Boolean(sub.anchor?.id?.startsWith(PROJECT_ANCHOR));

/** Pairs of neighbouring characters (single characters for a one-character text): what similarity compares. */
function pairs(text: string): string[] {
  const chars = [...text];
  return chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i]! + c);
}

/**
 * How much of the query a name holds: the share of the query's character pairs found in the
 * name or one of its keys (0 to 1). `离休干部医疗费` holds 4 of the 6 pairs of `离休干部医药费`;
 * `医疗保障工作经费` none.
 */
export function similarity(query: string, names: readonly string[]): number {
  const q = pairs(normalizeQuery(query).toUpperCase());
  if (!q.length) return 0;
  const texts = names.map((n) => normalizeQuery(n).toUpperCase());
  return q.filter((pair) => texts.some((t) => t.includes(pair))).length / q.length;
}

/** A project whose name holds at least this share of the query is a result of its own even when its text holds only some of the query's words. */
const OWN_RESULT_SIMILARITY = 0.5;

const plain = (html: string) => normalizeQuery(html.replace(/<[^>]*>/g, '')).toUpperCase();

/**
 * A unit result whose project sections matched becomes one result per such
 * project (linked to the project page, with the project's name, amount and
 * code), followed by the unit itself unless only project sections matched.
 * `onlyProjects` (the kind filter 项目) keeps the projects alone.
 *
 * A loose query matches a word or two in many projects of a large unit
 * (`离休干部医药费` finds 费 in every 工作经费): a project is a result of its
 * own only when its section holds the whole query or its name most of it
 * (similarity); the others are listed under their unit (`grouped`), so they
 * do not push other pages down.
 */
export function expandProjects(entry: Loaded, onlyProjects = false, query = ''): Loaded[] {
  const subs = entry.data.sub_results ?? [];
  const hits = subs.filter((sub) => sub.anchor?.id?.startsWith(PROJECT_ANCHOR) && marked(sub));
  if (!hits.length) return onlyProjects ? [] : [entry];
  const known = parseProjectsMeta(entry.data.meta.projects);
  const whole = plain(query);
  const projects: Loaded[] = [];
  const grouped: { title: string; url: string; score: number }[] = [];
  for (const sub of hits) {
    const id = sub.anchor!.id!.slice(PROJECT_ANCHOR.length);
    const info = known.get(id);
    const name = info?.name ?? sub.title;
    const codeKeys = info?.code ? projectCodeKeys(info.code) : [];
    const url = sub.url.replace(/#[^#]*$/, `projects/${id}/`);
    const score = whole ? similarity(whole, [name, ...codeKeys]) : 1;
    if (!onlyProjects && whole && !plain(sub.excerpt).includes(whole) && score < OWN_RESULT_SIMILARITY) {
      grouped.push({ title: name, url, score });
      continue;
    }
    const meta: Record<string, string> = { kind: '项目', title: name, keys: [name, ...codeKeys].join('|') };
    for (const key of ['entity', 'year'] as const) if (entry.data.meta[key]) meta[key] = entry.data.meta[key]!;
    if (info?.amount) meta.amount = info.amount;
    if (info?.code) meta.code = info.code;
    // The unit's tier says how well the unit matched; the project earns tier 1 only by its own name or code (rankResults).
    const project: Loaded = { tier: Math.max(entry.tier, 2), order: entry.order, data: { url, excerpt: sub.excerpt, meta } };
    if (entry.preferred) project.preferred = true;
    projects.push(project);
  }
  const unitMatched = grouped.length > 0 || subs.some((sub) => marked(sub) && !aboutProjects(sub)) || (!subs.length && entry.data.excerpt.includes('<mark>'));
  if (onlyProjects || !unitMatched) return projects;
  // Stable sort: equally similar projects keep the page's order.
  const unit: Loaded = grouped.length ? { ...entry, grouped: grouped.sort((a, b) => b.score - a.score).map(({ title, url }) => ({ title, url })) } : entry;
  return [...projects, unit];
}

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

/** `2024年`, `2024`, `2024年度`: a budget year written in a query. */
const QUERY_YEAR_RE = /(?:^|(?<=\D))(20\d\d)\s*(?:年度?)?(?=\D|$)/;
/** 预算/决算 as a query says it, with what usually stands before and after (`部门决算公开`). */
const QUERY_PHASE_RE = /(?:部门|单位)?(决算|決算|预算|預算)(?:公开|信息公开)?/;

/**
 * A query that names a year (`莲都区农业农村局 2024`, `农业农村局2024年部门决算`):
 * the text without the year (and without 预算/决算 when it says one), the
 * year, and the phase as the search filter spells it (预算/决算). Undefined
 * when the query names no year or is nothing but one.
 */
export function yearHint(query: string): { text: string; year: string; phase?: '预算' | '决算' } | undefined {
  const match = QUERY_YEAR_RE.exec(query);
  if (!match) return undefined;
  let text = `${query.slice(0, match.index)} ${query.slice(match.index + match[0].length)}`;
  const phaseWord = QUERY_PHASE_RE.exec(text);
  if (phaseWord) text = text.replace(phaseWord[0], ' ');
  text = text.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const year = match[1]!;
  if (!phaseWord) return { text, year };
  return { text, year, phase: /[决決]/.test(phaseWord[1]!) ? '决算' : '预算' };
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
    // Among pages that hold only some of the query's words, those whose names hold more of it come first.
    const close = tier >= 3 ? similarity(q, keys) : 0;
    return { entry: { ...entry, tier }, exact, close };
  });
  scored.sort(
    (a, b) =>
      Number(Boolean(b.entry.preferred)) - Number(Boolean(a.entry.preferred)) ||
      a.entry.tier - b.entry.tier ||
      Number(b.exact) - Number(a.exact) ||
      b.close - a.close ||
      kindRank(a.entry.data.meta.kind) - kindRank(b.entry.data.meta.kind) ||
      a.entry.order - b.entry.order,
  );
  return scored.map((s) => s.entry);
}
