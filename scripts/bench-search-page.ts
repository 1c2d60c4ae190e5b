/**
 * npm run bench:search-page [-- --dist dist --runs 5 --queries 医保,2101550]
 *
 * The search page against plain Pagefind, side by side in one Chromium run on
 * the same built site. Per query and run, each in a fresh browser context
 * (empty cache, no service worker), in alternating order:
 *
 *   page   the portal's search page opened at `search/?q=<query>`: time from
 *          navigation start until its first result is in the list;
 *   plain  an empty page of the same origin that imports pagefind.js, merges
 *          the shards the build lists, searches the query and loads the data
 *          of the first ten results: time from navigation start until done.
 *
 * Prints the median of each per query and their ratio (page / plain).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { openSite, type Site } from '../src/bench/browser.ts';

const DEFAULT_QUERIES = ['医保', '2101550', '离休干部医药费', '兴隆县医疗保障局', '30239', '行政运行', '210', '窗口服务经费'];

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '5' },
    queries: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log('npm run bench:search-page -- [--dist dist] [--runs 5] [--queries 医保,2101550,…]');
  process.exit(0);
}
const dist = resolve(values.dist!);
if (!existsSync(join(dist, 'search', 'index.html'))) {
  console.error(`[bench-search-page] ${dist}/search/index.html 不存在：请先构建网站（npm run build）。`);
  process.exit(2);
}
const runs = Math.max(1, Number(values.runs) || 5);
const queries = values.queries ? values.queries.split(',').map((q) => q.trim()).filter(Boolean) : DEFAULT_QUERIES;
const shardsFile = join(dist, 'pagefind', 'shards.json');
const shardPaths: string[] = existsSync(shardsFile)
  ? (JSON.parse(readFileSync(shardsFile, 'utf8')) as { shards: { bundle: string }[] }).shards.map((s) => `/pagefind/${s.bundle}`)
  : [];

/** An empty page served at this path runs plain Pagefind (no CSP, nothing else loaded). */
const PLAIN_PATH = '__bench-plain.html';

function plainHtml(query: string): string {
  const script = `
    const started = performance.now();
    const pf = await import('/pagefind/pagefind.js');
    await pf.options({ bundlePath: '/pagefind/', baseUrl: '/', noWorker: true });
    for (const shard of ${JSON.stringify(shardPaths)}) await pf.mergeIndex(new URL(shard, location.href).pathname, { baseUrl: '/', noWorker: true });
    await pf.init();
    const found = await pf.search(${JSON.stringify(query)});
    const data = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    window.__bench = { ms: performance.now(), results: found.results.length, first: data[0]?.url ?? '' };
  `;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head><body><script type="module">${script}</script></body></html>`;
}

async function timePage(site: Site, query: string): Promise<{ ms: number; first: string }> {
  const page = await site.page();
  try {
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const list = document.getElementById('search-results');
        if (list?.firstElementChild) {
          (window as unknown as { __first: number }).__first = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
    await page.waitForSelector('#search-results[data-state]', { state: 'attached', timeout: 300_000 });
    const ms = await page.evaluate(() => (window as unknown as { __first?: number }).__first ?? Number.NaN);
    const first = (await page.locator('#search-results > li h2 a').first().getAttribute('href').catch(() => null)) ?? '';
    return { ms, first };
  } finally {
    await page.context().close();
  }
}

async function timePlain(site: Site, query: string): Promise<{ ms: number; first: string }> {
  const page: Page = await site.page();
  try {
    await page.route(`**/${PLAIN_PATH}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: plainHtml(query) }));
    await page.goto(site.url(PLAIN_PATH));
    await page.waitForFunction(() => (window as unknown as { __bench?: unknown }).__bench, undefined, { timeout: 300_000 });
    return await page.evaluate(() => (window as unknown as { __bench: { ms: number; first: string } }).__bench);
  } finally {
    await page.context().close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const site = await openSite(dist);
const rows: string[][] = [];
try {
  // One untimed pass warms Chromium itself (its first context and module compiler), not the pages.
  await timePlain(site, queries[0]!);
  for (const query of queries) {
    const page: number[] = [];
    const plain: number[] = [];
    let first = '';
    for (let run = 0; run < runs; run++) {
      // Alternating order, so neither side always runs on a machine just warmed by the other.
      if (run % 2) plain.push((await timePlain(site, query)).ms);
      const shown = await timePage(site, query);
      page.push(shown.ms);
      first = shown.first;
      if (!(run % 2)) plain.push((await timePlain(site, query)).ms);
    }
    const p = median(page);
    const b = median(plain);
    rows.push([query, p.toFixed(0), b.toFixed(0), (p / b).toFixed(2), first]);
    console.log(`[bench-search-page] ${query}: page ${p.toFixed(0)} ms, plain Pagefind ${b.toFixed(0)} ms, ratio ${(p / b).toFixed(2)} (first result ${first})`);
  }
} finally {
  await site.close();
}
const header = ['query', 'search page ms (first results shown)', 'plain Pagefind ms (search + data of 10)', 'ratio', 'first result'];
console.log(`\n${dist}, median of ${runs} runs each:\n`);
console.log([header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n'));
