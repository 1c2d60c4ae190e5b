/**
 * Search quality in Chromium against the built site: a table of queries drawn
 * from the seeds (project names and fragments, functional and economic codes
 * and prefixes, project codes whole and split, unit names and codes, glossary
 * terms), each with the page that must come first and the pages that must be
 * in the top 5. Reports precision@1 and recall@5; both must be 100 %.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { buildEnv } from '../support/env.ts';

const Q1 = 'qinhuangdaoshi-2024-450001';
const Q3 = 'qinhuangdaoshi-2024-450003';
const JY = 'jiyuanchanchengrongheshifanqu-2024-036';
const XA = 'xianshi-beilinqu-2024-231002';
const XL = 'xinglongxian-2025-362001';
const LF = 'langfangshi-guangyangqu-2023-571001';

const unit = (id: string) => `/units/${id}/`;
const project = (id: string, p: string) => `/units/${id}/projects/${p}/`;
const subject = (code: string) => `/subjects/${code}/`;

interface Case {
  query: string;
  first: string;
  top5?: string[];
}

const CASES: Case[] = [
  // Project names
  { query: '离休干部医药费', first: project(Q3, '13030024p00788510002d') },
  { query: '医疗保障运行经费', first: project(Q1, '13030024p008190100011') },
  { query: '窗口服务经费', first: project(Q1, '13030024p00822710001x') },
  { query: '医保运行保障与审计', first: project(Q3, '13030024p00hxr4100046') },
  { query: '医保专网建设', first: project(XA, 'yibaozhuanwangjianshe') },
  { query: '新冠病毒疫苗及接种费用财政补助资金', first: project(LF, 'xinguanbingduyimiaojijiezhongfeiyongcaizhengbuzhuzijin') },
  { query: '综合救助专项-一至六级伤残军人医疗费', first: project(JY, '419001240000000004053') },
  { query: '医疗服务能力提升专项-DRG付费方式改革', first: project(JY, '419001230000000105104') },
  { query: '城乡居民基本医疗保险补助资金', first: project(LF, 'chengxiangjuminjibenyiliaobaoxianbuzhuzijin-quji') },
  // Fragments of a name (each a substring of exactly one project name)
  { query: '医药费', first: project(Q3, '13030024p00788510002d') },
  { query: '审计', first: project(Q3, '13030024p00hxr4100046') },
  { query: '伤残军人', first: project(JY, '419001240000000004053') },
  { query: '档案寄存', first: project(XA, 'yibaoyewudanganjicunfuwu') },
  { query: '意外伤害', first: project(XL, '13082225p000184100012') },
  { query: '疫苗', first: project(LF, 'xinguanbingduyimiaojijiezhongfeiyongcaizhengbuzhuzijin') },
  { query: '劳务派遣人员经费', first: project(XL, '13082225p00018210001n') },
  { query: 'DRG', first: project(JY, '419001230000000105104') },
  { query: '视频监控', first: project(JY, '419001240000000004071'), top5: [project(JY, '419001240000000004061')] },
  // Fragments that cut through words (`休干部医药` of 离休/干部/医药费): no word of the page matches
  { query: '休干部医药', first: project(Q3, '13030024p00788510002d') },
  { query: '残军人医', first: project(JY, '419001240000000004053') },
  { query: '视频监控系统运', first: project(JY, '419001240000000004071') },
  // Functional codes and prefixes (类 3, 款 5, 项 7 digits)
  { query: '2101501', first: subject('2101501'), top5: [unit(LF)] },
  { query: '21015', first: subject('21015'), top5: [subject('2101501')] },
  { query: '210', first: subject('210') },
  { query: '2080505', first: subject('2080505') },
  { query: '20805', first: subject('20805'), top5: [subject('2080505')] },
  { query: '208', first: subject('208') },
  { query: '2101202', first: subject('2101202') },
  { query: '2210201', first: subject('2210201') },
  // Economic codes (类 3, 款 5 digits)
  { query: '30201', first: subject('30201') },
  { query: '301', first: subject('301') },
  { query: '30231', first: subject('30231') },
  { query: '50201', first: subject('50201') },
  // Project codes, whole and by their parts
  { query: '13030024P008190100011', first: project(Q1, '13030024p008190100011') },
  { query: '13082225P00018210001N', first: project(XL, '13082225p00018210001n') },
  { query: '13082225P00018210001 N', first: project(XL, '13082225p00018210001n') },
  { query: '00018210001N', first: project(XL, '13082225p00018210001n') },
  { query: '13082224', first: project(XL, '13082224p00066810001j') },
  { query: 'P00066810001J', first: project(XL, '13082224p00066810001j') },
  { query: '419001240000000004055', first: project(JY, '419001240000000004055') },
  { query: '419001230000000105105', first: project(JY, '419001230000000105105') },
  // Units by name and by code
  { query: '兴隆县医疗保障局', first: unit(XL) },
  { query: '秦皇岛市医疗保险基金管理中心', first: unit(Q3) },
  { query: '济源产城融合示范区医疗保障局', first: unit(JY) },
  { query: '西安市碑林区医疗保险经办中心', first: unit(XA) },
  { query: '廊坊市广阳区医疗保障局本级', first: unit(LF) },
  { query: '450001', first: unit(Q1) },
  // A unit's name typed in the other script (its page indexes both)
  { query: '濟源產城融合示範區醫療保障局', first: unit(JY) },
  { query: '西安市碑林區醫療保險經辦中心', first: unit(XA) },
  // Glossary terms and subject names
  { query: '机关运行经费', first: '/glossary/' },
  { query: '事业单位经营收入', first: '/glossary/' },
  { query: '行政运行', first: subject('2101501') },
];

async function resultPaths(site: Site, query: string): Promise<string[]> {
  const page = await site.page();
  try {
    await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
    await page.waitForSelector('#search-results[data-state]', { state: 'attached', timeout: 120_000 });
    expect(await page.getAttribute('#search-results', 'data-state')).toBe('done');
    return await page.locator('#search-results > li h2 a').evaluateAll((links) => links.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname)));
  } finally {
    await page.context().close();
  }
}

describe('search quality', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('expects only pages of the built site, and asks each query once', () => {
    const expected = [...new Set(CASES.flatMap((c) => [c.first, ...(c.top5 ?? [])]))];
    expect(expected.filter((path) => !existsSync(join('dist', path, 'index.html')))).toEqual([]);
    const queries = CASES.map((c) => c.query);
    expect(queries.filter((q, i) => queries.indexOf(q) !== i)).toEqual([]);
  });

  it('ranks the right page first and keeps the expected pages in the top 5 (precision@1 = recall@5 = 100 %)', async () => {
    let firstRight = 0;
    let expectedTop5 = 0;
    let foundTop5 = 0;
    const failures: string[] = [];
    for (const c of CASES) {
      const paths = await resultPaths(site, c.query);
      const top5 = paths.slice(0, 5);
      if (paths[0] === c.first) firstRight++;
      else failures.push(`${c.query}: first ${paths[0] ?? '(none)'} instead of ${c.first}`);
      for (const want of [c.first, ...(c.top5 ?? [])]) {
        expectedTop5++;
        if (top5.includes(want)) foundTop5++;
        else failures.push(`${c.query}: ${want} not in top 5 [${top5.join(', ')}]`);
      }
    }
    const precision = (100 * firstRight) / CASES.length;
    const recall = (100 * foundTop5) / expectedTop5;
    console.log(`search quality: ${CASES.length} queries, precision@1 ${precision.toFixed(1)} %, recall@5 ${recall.toFixed(1)} % (${foundTop5}/${expectedTop5})`);
    expect(failures).toEqual([]);
  }, 900_000);

  it('highlights the match and shows kind, unit, year and amount with each result', async () => {
    const page = await site.page();
    await page.goto(site.url(`search/?q=${encodeURIComponent('离休干部医药费')}`));
    await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
    const first = page.locator('#search-results > li').first();
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    expect(await first.locator('.search-result__meta').innerText()).toMatch(/项目[\s\S]*秦皇岛市医疗保险基金管理中心[\s\S]*2024 年[\s\S]*500\.00 万元/);
  });

  it('filters results by year and kind, and keeps the query and filters in the URL', async () => {
    const page = await site.page();
    await page.goto(site.url(`search/?q=${encodeURIComponent('行政运行')}&year=2024&kind=${encodeURIComponent('单位')}`));
    await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
    const metas = await page.locator('#search-results .search-result__meta').allInnerTexts();
    expect(metas.length).toBe(3);
    for (const meta of metas) expect(meta).toMatch(/^单位[\s\S]*2024 年/);
    expect(await page.inputValue('select[name="year"]')).toBe('2024');
    expect(await page.inputValue('select[name="kind"]')).toBe('单位');
  });

  it('shows only projects, each linked to its page, under the kind 项目', async () => {
    const page = await site.page();
    await page.goto(site.url(`search/?q=${encodeURIComponent('经费')}&kind=${encodeURIComponent('项目')}`));
    await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
    const metas = await page.locator('#search-results .search-result__meta').allInnerTexts();
    expect(metas.length).toBeGreaterThan(3);
    for (const meta of metas) expect(meta).toMatch(/^项目/);
    const hrefs = await page.locator('#search-results > li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    for (const href of hrefs) expect(href).toMatch(/^\/units\/[^/]+\/projects\/[^/]+\/$/);
  });

  it('loads ten result pages at a time, and more on request, each as its Pagefind fragment', async () => {
    const page = await site.page();
    const fragments: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.pf_fragment')) fragments.push(r.url());
    });
    await page.goto(site.url(`search/?q=${encodeURIComponent('医疗')}`));
    await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
    expect(fragments.length).toBe(10);
    const total = Number(/找到 (\d+) 个页面/.exec(await page.locator('#search-status').innerText())?.[1]);
    expect(total).toBeGreaterThan(10);
    const first = await page.locator('#search-results > li').count();
    expect(await page.locator('#search-more').innerText()).toBe(`显示更多结果（还有 ${total - 10} 个页面）`);
    await page.click('#search-more');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, first);
    expect(fragments.length).toBe(Math.min(20, total));
    // The first results stay where they were.
    const hrefs = await page.locator('#search-results > li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  it('finds the rows of a table through its unit page and links the table', async () => {
    const page = await site.page();
    await page.goto(site.url('search/?q=2101501'));
    await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
    const lf = page.locator('#search-results > li').filter({ has: page.locator(`h2 a[href$="/units/${LF}/"]`) });
    const tables = await lf.locator('.search-result__tables a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table).toMatch(new RegExp(`^/units/${LF}/tables/[a-z0-9-]+/$`));
    expect((await lf.locator('.search-result__excerpt mark').first().innerText()).trim()).toBe('2101501');
    // The linked table has the row.
    const linked = await site.page();
    await linked.goto(new URL(tables[0]!, site.url()).href);
    expect(await linked.locator('table tbody').innerText()).toContain('2101501');
    // Table pages are reached from their unit: not one result each.
    const all = await page.locator('#search-results > li h2 a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    expect(all.filter((p) => p.includes('/tables/'))).toEqual([]);
  });
});

describe('offline search', () => {
  it('keeps searching without a connection once the search page was loaded', async () => {
    const site = await openSite();
    try {
      const page = await site.page();
      await page.goto(site.url(`search/?q=${encodeURIComponent('医药费')}`));
      await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
      // Wait until the service worker is activated (its index stored) and controls the page.
      await page.waitForFunction(async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
      }, undefined, { timeout: 120_000 });
      await page.context().setOffline(true);
      await page.goto(site.url(`search/?q=${encodeURIComponent('窗口服务经费')}`));
      await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
      expect(await page.locator('#search-results a').first().getAttribute('href')).toBe(project(Q1, '13030024p00822710001x'));
    } finally {
      await site.close();
    }
  });
});

describe('search shards merged at query time, from a sub-path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-base-'));
  let site: Site;
  beforeAll(async () => {
    const dist = join(dir, 'dist');
    // One search shard per budget year (2023, 2024, 2025) besides the main index: the years
    // are a few pages each, and a limit of one page per shard keeps them from being packed.
    const result = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/build.ts', '--only', 'astro,downloads,pagefind', '--search-shards', 'year', '--dist', dist, '--search-shard-pages', '1'], {
      env: buildEnv({ BASE_PATH: '/budget/' }),
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error('sub-path build failed');
    site = await openSite(dist, '/budget/');
  }, 900_000);
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a project by code and links under the base path', async () => {
    const page = await site.page();
    await page.goto(site.url());
    expect(await page.getAttribute('form[role="search"]', 'action')).toBe('/budget/search/');
    await page.fill('#site-search-q', '13082225P00018210001N');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/budget\/search\/\?q=/);
    await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
    const href = await page.locator('#search-results a').first().getAttribute('href');
    expect(href).toBe(`/budget${project(XL, '13082225p00018210001n')}`);
    await page.click('#search-results a >> nth=0');
    await expect(page.locator('h1').innerText()).resolves.toContain('劳务派遣人员经费');
  });

  it('lists one shard per year and finds pages of each', async () => {
    const page = await site.page();
    const list = (await (await page.request.get(site.url('pagefind/shards.json'))).json()) as { by: string; shards: { key: string }[] };
    expect(list.by).toBe('year');
    expect(list.shards.map((s) => s.key)).toEqual(['2023', '2024', '2025']);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const cases: [string, string][] = [
      ['廊坊市广阳区医疗保障局本级', '/budget/units/langfangshi-guangyangqu-2023-571001/'],
      ['秦皇岛市医疗保险基金管理中心', '/budget/units/qinhuangdaoshi-2024-450003/'],
      ['2101501', '/budget/subjects/2101501/'],
    ];
    for (const [query, expected] of cases) {
      await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
      await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached' });
      expect(await page.locator('#search-results a').first().getAttribute('href'), query).toBe(expected);
    }
    // Every shard's entry file was read from its own bundle under the base path.
    for (const key of ['2023', '2024', '2025']) expect(fetched).toContain(`/budget/pagefind-shards/${key}/pagefind-entry.json`);
  });
});
