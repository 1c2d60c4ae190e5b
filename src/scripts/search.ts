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
import { HAN, HAN_RE } from '../ingest/han.ts';
import { expandProjects, marked, rankResults, queryVariants, yearHint, type Candidate, type ResultData, } from './search-rank.ts';

const CJK_RE = HAN_RE;
/** Excerpts taken from the spaced names read `离 休 干 部`: close the gaps again. */
const SPACED_RE = new RegExp(`([${HAN}])\\s*((?:</?mark>)*)\\s+(?=(?:</?mark>)*[${HAN}])`, 'g');

interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the page. */
  words: number[];
  data(): Promise<ResultData>;
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
 * Results loaded, ranked and shown at a time: each costs its page's whole fragment (Pagefind's
 * result.data()), so the first search loads ten and “显示更多结果” loads the next ten.
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

interface ShardsFile {
  shards: { bundle: string }[];
}

/** Paths of the search shards built beside the main bundle (pagefind/shards.json; see src/search/shards.ts). */
async function shardPaths(bundlePath: string): Promise<string[]> {
  try {
    const response = await fetch(`${bundlePath}shards.json`);
    if (!response.ok) return [];
    const list = (await response.json()) as ShardsFile;
    return list.shards.map((s) => new URL(s.bundle, new URL(bundlePath, location.href)).pathname);
  } catch {
    // No list: the main bundle alone.
    return [];
  }
}

async function loadPagefind(bundlePath: string, baseUrl: string): Promise<Pagefind> {
  const [module, shards] = await Promise.all([import(/* @vite-ignore */ `${bundlePath}pagefind.js`) as Promise<Pagefind>, shardPaths(bundlePath)]);
  // Searching on the page's own thread: the portal's queries read a few small chunks, and the
  // worker script would be one more download on every first search (docs/performance.md).
  await module.options({ bundlePath, baseUrl, noWorker: true });
  for (const shard of shards) await module.mergeIndex(shard, { baseUrl, noWorker: true });
  await module.init();
  return module;
}

/** The results of one query, best first by tier; their data is loaded a batch at a time. */
export interface SearchRun {
  total: number;
  /** Loads, expands and ranks the next PAGE_SIZE results (empty once all are shown). */
  next(): Promise<Candidate[]>;
}

export async function search(pagefind: Pagefind, query: string, filters: Record<string, string>): Promise<SearchRun> {
  // A query naming a year (and 预算/决算) looks for the rest of it under that year first, then anywhere.
  const hint = filters.year ? undefined : yearHint(query);
  const text = hint?.text ?? query;
  const variants = queryVariants(text);
  type Run = { tier: number; results: PagefindResult[]; preferred?: boolean };
  // The searches of one query run at once: each waits mostly on the index chunks it fetches.
  const runAll = async (under: Record<string, string>, preferred: boolean): Promise<Run[]> => {
    const mark = preferred ? { preferred } : {};
    const found = async (tier: number, query: string, filters: Record<string, string>): Promise<Run> => ({
      tier,
      results: (await pagefind.search(query, { filters }))?.results ?? [],
      ...mark,
    });
    // Subject pages are filed under their code and its prefixes. Searching the code as a word within
    // that filter loads only the index chunk of that word (a filter-only search would load them all).
    const byCode = variants.codes.filter((c) => /^\d{3,7}$/.test(c)).map((code) => found(0, code, { ...under, code }));
    const exact = found(2, `"${variants.text}"`, under);
    const loose = found(3, variants.text, under);
    const keyed = exact.then((run) =>
      // Names and terms are also indexed one character per word: a quoted query written the same
      // way finds every page whose names contain the query, however the page text was segmented
      // (`疗保障` is no word of `医疗保障局`). It reads one index chunk per character from every
      // bundle, so it runs only when the query as words found less than a page of results;
      // otherwise those hold the names too.
      CJK_RE.test(variants.text) && run.results.length < PAGE_SIZE ? found(1, `"${spaced(variants.text)}"`, under) : undefined,
    );
    const all = await Promise.all([...byCode, exact, keyed, loose]);
    return all.filter((run): run is Run => run !== undefined);
  };
  const runs = (
    await Promise.all([
      ...(hint ? [runAll({ ...filters, year: hint.year, ...(hint.phase && !filters.phase ? { phase: hint.phase } : {}) }, true)] : []),
      runAll(filters, false),
    ])
  ).flat();

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
      const loaded = await Promise.all(
        batch.map(async (entry) => ({ tier: entry.tier, order: entry.order, data: await entry.result.data(), ...(entry.preferred ? { preferred: true } : {}) })),
      );
      // Projects are sections of their unit's page: each matching one is a result of its own.
      // Under another kind filter (单位) the unit stays a unit.
      const expanded = filters.kind && filters.kind !== '项目' ? loaded : loaded.flatMap((entry) => expandProjects(entry, filters.kind === '项目', text));
      return rankResults(text, expanded);
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

/** Projects listed under their unit's result: how many there are, the closest few linked. */
const GROUPED_SHOWN = 5;

function groupedProjects(projects: readonly { title: string; url: string }[]): HTMLElement {
  const line = el('p', 'search-result__projects', `部分匹配的项目（${projects.length} 个）：`);
  projects.slice(0, GROUPED_SHOWN).forEach((project, i) => {
    if (i > 0) line.append('、');
    const link = el('a', undefined, project.title);
    link.href = project.url;
    line.append(link);
  });
  if (projects.length > GROUPED_SHOWN) line.append(` 等 ${projects.length} 个`);
  return line;
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
      if (item.grouped?.length) li.append(groupedProjects(item.grouped));
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
  // On a phone the choices stay folded unless one is in use, so the results start on the first screen.
  const box = form.querySelector<HTMLDetailsElement>('[data-filters-box]');
  if (box) box.open = Object.keys(current).length > 0 || matchMedia('(min-width: 480px)').matches;
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
  form.hidden = false;
  status.textContent = '正在加载搜索索引…';
  const params = new URLSearchParams(location.search);
  const query = params.get('q')?.trim() ?? '';
  const filters: Record<string, string> = {};
  for (const { key } of FILTERS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  input.value = query;
  const base = list.dataset.base ?? '/';
  try {
    // The filter choices load beside the index, not before it: results first.
    const filtersShown = renderFilters(list.dataset.facets ?? '/data/search-facets.json', form, filters).catch((error: unknown) => console.error(error));
    const pagefind = await loadPagefind(list.dataset.bundle ?? '/pagefind/', base);
    if (!query) {
      await filtersShown;
      status.textContent = '输入项目名称、科目编码、项目编码或单位名称后搜索。';
      list.dataset.state = 'done';
      registerOffline(base);
      return;
    }
    status.textContent = '正在搜索…';
    const run = await search(pagefind, query, filters);
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
    await filtersShown;
    list.dataset.state = 'done';
    // Once the results are shown: the service worker's install downloads the whole index.
    registerOffline(base);
  } catch (error) {
    status.textContent = '搜索索引加载失败，请稍后重试。';
    list.dataset.state = 'error';
    console.error(error);
  }
}
