/**
 * The search page: reads `?q=` from the URL, queries the Pagefind index
 * that ships with the site (no server), and renders the results as links
 * inside #search-results.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, opts?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

const PAGE_SIZE = 20;

async function loadPagefind(bundlePath: string): Promise<Pagefind> {
  const module = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as Pagefind;
  await module.options({ bundlePath });
  await module.init();
  return module;
}

function render(list: HTMLElement, items: PagefindResultData[]): void {
  list.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = item.url;
      link.textContent = item.meta.title ?? item.url;
      const heading = document.createElement('h2');
      heading.className = 'search-result__title';
      heading.append(link);
      const meta = document.createElement('p');
      meta.className = 'muted search-result__meta';
      meta.textContent = [item.meta.kind, item.meta.entity, item.meta.year, item.meta.amount].filter(Boolean).join(' · ');
      const excerpt = document.createElement('p');
      // Pagefind escapes page text in excerpts and only adds <mark> around matches.
      excerpt.innerHTML = item.excerpt;
      li.append(heading, meta, excerpt);
      return li;
    }),
  );
}

export async function runSearchPage(): Promise<void> {
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  if (!list || !status || !input) return;
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = query;
  if (!query) {
    status.textContent = '输入关键词后搜索。';
    return;
  }
  status.textContent = '正在搜索…';
  try {
    const pagefind = await loadPagefind(list.dataset.pagefindUrl ?? '/pagefind/');
    const response = await pagefind.search(query);
    const results = response?.results ?? [];
    const items = await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.data()));
    render(list, items);
    status.textContent = results.length ? `找到 ${results.length} 个结果。` : `没有找到与“${query}”相关的结果。`;
    list.dataset.state = 'done';
  } catch (error) {
    status.textContent = '搜索索引加载失败，请稍后重试。';
    list.dataset.state = 'error';
    console.error(error);
  }
}
