/**
 * The search page: reads `?q=` (and filter parameters) from the URL, queries
 * the Pagefind index shipped with the site (no server; works from any base
 * path and offline once loaded) and renders the results, best first, as
 * links inside #search-results.
 *
 * Pagefind alone ranks loose matches above exact ones and, at scale, misses
 * short prefixes. So: a code query first asks for the pages filed under that
 * exact code (`code` filter); then the quoted query (pages containing the
 * whole string) comes before the loose query (pages containing its pieces);
 * within those, titles containing the query come first. A Chinese query
 * whose words found less than a page of results is also looked up one
 * character per word, among the names (tier 1 in search-rank.ts).
 */
import { spaced } from '../search/spaced.ts';
import { loadFromParts, type SubRange } from './search-fragments.ts';
import { expandProjects, marked, rankResults, queryVariants, yearHint, PROJECT_ANCHOR, type Candidate, type ResultData, type SubResult } from './search-rank.ts';
import { HAN, HAN_RE } from '../ingest/han.ts';

const CJK_RE = HAN_RE;
/** Excerpts taken from the spaced names read `离 休 干 部`: close the gaps again. */
const SPACED_RE = new RegExp(`([${HAN}])\\s*((?:</?mark>)*)\\s+(?=(?:</?mark>)*[${HAN}])`, 'g');

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
  sub_results?: SubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the page. */
  words: number[];
  data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
}
interface Pagefind {
  options(opts: Record<string, unknown>): Promise<void>;
  mergeIndex(indexPath: string, opts?: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, opts?: { filters?: Record<string, string | string[]> }): Promise<PagefindSearch | null>;
}

/**
 * Results loaded, ranked and shown at a time: each costs its fragment's head and a block or a few
 * of its text, so the first search loads ten and “显示更多结果” loads the next ten.
 */
const PAGE_SIZE = 10;
const FILTERS: { key: string; label: string }[] = [
  { key: 'kind', label: '类型' },
  { key: 'region', label: '地区' },
  { key: 'year', label: '年度' },
  { key: 'phase', label: '预算/决算' },
  { key: 'entity', label: '单位' },
  { key: 'class', label: '功能分类' },
];

/** A Pagefind bundle and the name prefixes of its fragments that were written in parts (search/fragment-parts.ts). */
interface Bundle {
  path: string;
  parts: string[];
}

interface ShardsFile {
  main?: { parts?: string[] };
  shards: { bundle: string; parts?: string[] }[];
}

/** The main bundle and the search shards built beside it (pagefind/shards.json; see src/search/shards.ts). */
async function bundles(bundlePath: string): Promise<Bundle[]> {
  let list: ShardsFile = { shards: [] };
  try {
    const response = await fetch(`${bundlePath}shards.json`);
    if (response.ok) list = (await response.json()) as ShardsFile;
  } catch {
    // No list: the main bundle alone, its fragments loaded whole.
  }
  return [
    { path: bundlePath, parts: list.main?.parts ?? [] },
    ...list.shards.map((s) => ({ path: new URL(s.bundle, new URL(bundlePath, location.href)).pathname, parts: s.parts ?? [] })),
  ];
}

async function loadPagefind(bundlePath: string, baseUrl: string): Promise<{ pagefind: Pagefind; bundles: Bundle[] }> {
  const [module, all] = await Promise.all([import(/* @vite-ignore */ `${bundlePath}pagefind.js`) as Promise<Pagefind>, bundles(bundlePath)]);
  // Searching on the page's own thread: the portal's queries read a few small chunks, and the
  // worker script would be one more download on every first search (docs/performance.md).
  await module.options({ bundlePath, baseUrl, noWorker: true });
  for (const shard of all.slice(1)) await module.mergeIndex(shard.path, { baseUrl, noWorker: true });
  await module.init();
  return { pagefind: module, bundles: all };
}

/**
 * Sections whose excerpt the page shows: each matched project (a result of its own) and the first
 * matched table (the result's excerpt; further tables are only linked).
 */
function shownSections(ranges: readonly SubRange[]): SubRange[] {
  const firstTable = ranges.find((r) => r.anchor?.id.startsWith('t-'));
  return ranges.filter((r) => r === firstTable || r.anchor?.id.startsWith(PROJECT_ANCHOR));
}

/**
 * A result's data: from its fragment's parts when its bundle has them (the head and the blocks
 * under its excerpts), else Pagefind's whole fragment.
 */
function resultLoader(all: readonly Bundle[], baseUrl: string): (result: PagefindResult) => Promise<ResultData> {
  const parts = typeof DecompressionStream === 'function';
  return async (result) => {
    const bundle = parts ? all.find((b) => b.parts.some((prefix) => result.id.startsWith(prefix))) : undefined;
    if (bundle) {
      try {
        return await loadFromParts(`${bundle.path}fragment/`, result.id, result.words, baseUrl, shownSections);
      } catch (error) {
        console.warn(`Search: parts of ${result.id} could not be read; loading the whole fragment`, error);
      }
    }
    return result.data();
  };
}

/** The results of one query, best first by tier; their data is loaded a batch at a time. */
export interface SearchRun {
  total: number;
  /** Loads, expands and ranks the next PAGE_SIZE results (empty once all are shown). */
  next(): Promise<Candidate[]>;
}

export async function search(
  pagefind: Pagefind,
  query: string,
  filters: Record<string, string>,
  load: (result: PagefindResult) => Promise<ResultData> = (result) => result.data(),
): Promise<SearchRun> {
  // A query naming a year (and 预算/决算) looks for the rest of it under that year first, then anywhere.
  const hint = filters.year ? undefined : yearHint(query);
  const text = hint?.text ?? query;
  const variants = queryVariants(text);
  const runs: { tier: number; results: PagefindResult[]; preferred?: boolean }[] = [];
  const runAll = async (under: Record<string, string>, preferred: boolean) => {
    const mark = preferred ? { preferred } : {};
    for (const code of variants.codes.filter((c) => /^\d{3,7}$/.test(c))) {
      // Subject pages are filed under their code and its prefixes. Searching the code as a word within
      // that filter loads only the index chunk of that word (a filter-only search would load them all).
      const byCode = await pagefind.search(code, { filters: { ...under, code } });
      runs.push({ tier: 0, results: byCode?.results ?? [], ...mark });
    }
    const exact = await pagefind.search(`"${variants.text}"`, { filters: under });
    runs.push({ tier: 2, results: exact?.results ?? [], ...mark });
    if (CJK_RE.test(variants.text) && (exact?.results.length ?? 0) < PAGE_SIZE) {
      // Names and terms are also indexed one character per word: a quoted query written the same
      // way finds every page whose names contain the query, however the page text was segmented
      // (`疗保障` is no word of `医疗保障局`). It reads one index chunk per character from every
      // bundle, so it runs only when the query as words found less than a page of results;
      // otherwise those hold the names too.
      const keyed = await pagefind.search(`"${spaced(variants.text)}"`, { filters: under });
      runs.push({ tier: 1, results: keyed?.results ?? [], ...mark });
    }
    const loose = await pagefind.search(variants.text, { filters: under });
    runs.push({ tier: 3, results: loose?.results ?? [], ...mark });
  };
  if (hint) await runAll({ ...filters, year: hint.year, ...(hint.phase && !filters.phase ? { phase: hint.phase } : {}) }, true);
  await runAll(filters, false);

  const seen = new Map<string, { result: PagefindResult; tier: number; order: number; preferred: boolean }>();
  let order = 0;
  // A page found by several runs takes the best tier it was found in; one found under the query's year comes first.
  for (const run of runs.sort((a, b) => Number(Boolean(b.preferred)) - Number(Boolean(a.preferred)) || a.tier - b.tier)) {
    for (const result of run.results) {
      const known = seen.get(result.id);
      if (!known) seen.set(result.id, { result, tier: run.tier, order: order++, preferred: Boolean(run.preferred) });
      // A quoted search reports only a page's first match; the run that found the most words
      // marks every section that matched (a project, a table), so its data is the one loaded.
      else if (result.words.length > known.result.words.length) known.result = result;
    }
  }
  const queue = [...seen.values()].sort((a, b) => Number(b.preferred) - Number(a.preferred) || a.tier - b.tier || a.order - b.order);
  let shown = 0;
  return {
    total: seen.size,
    async next() {
      const batch = queue.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      const loaded = await Promise.all(batch.map(async (entry) => ({ tier: entry.tier, order: entry.order, data: await load(entry.result), ...(entry.preferred ? { preferred: true } : {}) })));
      // Projects are sections of their unit's page: each matching one is a result of its own.
      // Under another kind filter (单位) the unit stays a unit.
      return rankResults(text, filters.kind && filters.kind !== '项目' ? loaded : loaded.flatMap((entry) => expandProjects(entry, filters.kind === '项目')));
    },
  };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The tables of a unit page that matched: the page carries each table's rows
 * under a heading `#t-<table>` (search/table-digest.ts); link the table page.
 */
function matchedTables(item: Candidate): { title: string; href: string; excerpt: string }[] {
  return (item.data.sub_results ?? [])
    .filter((sub) => sub.anchor?.id?.startsWith('t-') && marked(sub))
    .map((sub) => ({ title: sub.title, href: sub.url.replace(/#t-([^#]+)$/, 'tables/$1/'), excerpt: sub.excerpt }));
}

function render(list: HTMLElement, items: Candidate[]): void {
  list.append(
    ...items.map((item) => {
      const li = el('li', 'search-result');
      const heading = el('h2', 'search-result__title');
      const link = el('a', undefined, item.data.meta.title ?? item.data.url);
      link.href = item.data.url;
      heading.append(link);
      const meta = el('p', 'search-result__meta');
      for (const part of [item.data.meta.kind, item.data.meta.entity, item.data.meta.year ? `${item.data.meta.year} 年` : '', item.data.meta.amount]) {
        if (part) meta.append(el('span', undefined, part));
      }
      if (item.data.meta.entity && !new URLSearchParams(location.search).get('entity')) {
        const only = el('a', 'search-result__only', '只看该单位');
        const params = new URLSearchParams(location.search);
        params.set('entity', item.data.meta.entity);
        only.href = `?${params.toString()}`;
        meta.append(only);
      }
      const excerpt = el('p', 'search-result__excerpt');
      const tables = matchedTables(item);
      // Pagefind escapes page text in excerpts and adds only <mark> around matches.
      // A match in a table's rows shows those rows.
      excerpt.innerHTML = (tables[0]?.excerpt ?? item.data.excerpt).replace(SPACED_RE, '$1$2');
      li.append(heading, meta, excerpt);
      if (tables.length) {
        const found = el('p', 'search-result__tables', '见报表：');
        tables.slice(0, 3).forEach((table, i) => {
          if (i > 0) found.append('、');
          const link = el('a', undefined, table.title);
          link.href = table.href;
          found.append(link);
        });
        li.append(found);
      }
      return li;
    }),
  );
}

/**
 * Filter choices come from a small file written at build time: asking
 * Pagefind for its filters would download every filter index, which grows
 * with the corpus. Units are too many to list; a unit filter comes from a
 * result's “只看该单位” link and shows as a removable choice.
 */
async function renderFilters(facetsUrl: string, form: HTMLFormElement, current: Record<string, string>): Promise<void> {
  const container = form.querySelector<HTMLElement>('[data-filters]');
  if (!container) return;
  const available = (await (await fetch(facetsUrl)).json()) as Record<string, Record<string, number>>;
  if (current.entity) available.entity = { [current.entity]: 0 };
  // Past a few hundred regions the file lists none; a region chosen elsewhere still shows.
  if (current.region && !available.region?.[current.region]) available.region = { ...available.region, [current.region]: 0 };
  container.replaceChildren(
    ...FILTERS.filter(({ key }) => Object.keys(available[key] ?? {}).length > 1 || current[key]).map(({ key, label }) => {
      const wrapper = el('label', 'search-filter');
      wrapper.append(el('span', undefined, label));
      const select = el('select');
      select.name = key;
      const any = el('option', undefined, '全部');
      any.value = '';
      select.append(any);
      for (const value of Object.keys(available[key] ?? {}).sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
        const count = available[key]![value]!;
        const option = el('option', undefined, count ? `${value}（${count}）` : value);
        option.value = value;
        option.selected = current[key] === value;
        select.append(option);
      }
      select.addEventListener('change', () => form.requestSubmit());
      wrapper.append(select);
      return wrapper;
    }),
  );
}

/** The service worker written by the build keeps the search usable offline once it was loaded. */
function registerOffline(base: string): void {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => undefined);
}

export async function runSearchPage(): Promise<void> {
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  if (!list || !status || !input || !form) return;
  const params = new URLSearchParams(location.search);
  const query = params.get('q')?.trim() ?? '';
  const filters: Record<string, string> = {};
  for (const { key } of FILTERS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  input.value = query;
  registerOffline(list.dataset.base ?? '/');
  try {
    const base = list.dataset.base ?? '/';
    const { pagefind, bundles: all } = await loadPagefind(list.dataset.bundle ?? '/pagefind/', base);
    await renderFilters(list.dataset.facets ?? '/data/search-facets.json', form, filters);
    if (!query) {
      status.textContent = '输入项目名称、科目编码、项目编码或单位名称后搜索。';
      list.dataset.state = 'done';
      return;
    }
    status.textContent = '正在搜索…';
    const run = await search(pagefind, query, filters, resultLoader(all, base));
    let pages = 0;
    const more = document.getElementById('search-more') as HTMLButtonElement | null;
    const showNext = async () => {
      if (more) more.disabled = true;
      const before = list.children.length;
      let left: number;
      do {
        render(list, await run.next());
        pages++;
        left = run.total - Math.min(run.total, pages * PAGE_SIZE);
        // Under the kind 项目 a batch of units may hold no matching project: go on to the next.
      } while (list.children.length === before && left > 0);
      status.textContent = list.children.length
        ? `找到 ${run.total} 个页面，显示 ${list.children.length} 条结果${left > 0 ? `，另有 ${left} 个页面未显示` : ''}。`
        : `没有找到与“${query}”相关的结果。`;
      if (more) {
        more.hidden = left <= 0;
        more.disabled = false;
        more.textContent = `显示更多结果（还有 ${left} 个页面）`;
      }
    };
    more?.addEventListener('click', () => void showNext());
    await showNext();
    list.dataset.state = 'done';
  } catch (error) {
    status.textContent = '搜索索引加载失败，请稍后重试。';
    list.dataset.state = 'error';
    console.error(error);
  }
}
