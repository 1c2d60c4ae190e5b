/**
 * Projects, performance sheets, findings and glossary links, on a fixture
 * corpus (the real 450001 plus hand-made projects and findings) built under
 * BASE_PATH=/budget/ with SITE_URL set: every link stays under the base and
 * the sitemap is absolute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { buildFixtureSite, FIXTURE_ENTITY } from '../support/fixture-site.ts';

const BASE = '/budget/';
let site: Site;
beforeAll(async () => {
  const dist = buildFixtureSite({ base: BASE, siteUrl: 'https://example.org' });
  site = await openSite(dist, BASE);
}, 900_000);
afterAll(async () => {
  await site?.close();
});

describe('fixture corpus under /budget/', () => {
  it('renders a project page with its schedule and indicators grouped by level', async () => {
    const page = await site.page();
    await page.goto(site.url(`units/${FIXTURE_ENTITY}/projects/p-001/`));
    expect(await page.locator('h1').innerText()).toBe('医疗保障运行经费');
    const text = await page.locator('main').innerText();
    for (const s of ['13030024T000000123456', '202.00', '一般公共预算', '特定目标类', '6月底', '50%', '参保群众满意度', '≥90%', '年度计划']) expect(text).toContain(s);
    expect(await page.locator('a[href="/budget/subjects/2101501/"]').count()).toBeGreaterThan(0);
    // 产出指标 spans its three rows; 数量指标 its two.
    expect(await page.locator('table.indicators th[scope="rowgroup"][rowspan="3"]').innerText()).toBe('产出指标');
    expect(await page.locator('table.indicators th[scope="rowgroup"][rowspan="2"]').innerText()).toBe('数量指标');
    expect(await page.locator('table.indicators a[href^="/budget/sources/"]').count()).toBe(4);
    await page.context().close();
  });

  it('lists projects, the unit-wide sheet and findings on the entity page', async () => {
    const page = await site.page();
    await page.goto(site.url(`units/${FIXTURE_ENTITY}/`));
    // Long parts are folded under their count; a reader opens them.
    for (const summary of await page.locator('details.fold > summary').all()) await summary.click();
    expect(await page.locator('#projects ~ * a[href$="/projects/p-002/"]').count()).toBe(1);
    expect(await page.locator('#perf-1').innerText()).toContain('单位整体支出绩效目标表');
    expect(await page.locator('ul.findings li.finding').count()).toBe(2);
    await page.context().close();
  });

  it('shows a finding next to its table, flags the row and links each cell to its row and line', async () => {
    const page = await site.page();
    await page.goto(site.url(`units/${FIXTURE_ENTITY}/tables/income-summary/`));
    const finding = page.locator('.table-findings li.finding');
    expect(await finding.count()).toBe(1);
    expect(await finding.innerText()).toContain('0.01');
    const rowLinks = await finding.locator('.finding__cells a[href*="/tables/income-summary/#r-"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('#')[1]!));
    expect(rowLinks.length).toBe(2);
    for (const id of rowLinks) expect(await page.locator(`tr#${id}`).count()).toBe(1);
    expect(await page.locator('tr.flagged a.flag--finding').count()).toBe(2);
    await page.context().close();
  });

  it('sets the rounding gap apart as 尾差 and the other finding as its own cause on the entity page', async () => {
    const page = await site.page();
    await page.goto(site.url(`units/${FIXTURE_ENTITY}/`));
    await page.locator('#findings ~ details > summary').click();
    expect(await page.locator('.diagnosis__summary').innerText()).toBe('共 1 处不符，归为 1 个原因；1 处是四舍五入造成的尾差。');
    expect(await page.locator('.rounding li.finding .badge').textContent()).toBe('尾差');
    expect(await page.locator('.cause').count()).toBe(1);
    // A link to a finding folded in a list opens the list.
    await page.goto(site.url(`units/${FIXTURE_ENTITY}/#f-${FIXTURE_ENTITY}-1`));
    expect(await page.locator(`#f-${FIXTURE_ENTITY}-1`).isVisible()).toBe(true);
    await page.context().close();
  });

  it('filters findings by unit, rule and severity through the query string, results first', async () => {
    const page = await site.page();
    await page.goto(site.url('findings/'));
    const shown = 'li.finding:not([hidden])';
    const all = await page.locator(shown).count();
    // Results come before the index of rules and units, which stays folded.
    const order = await page.evaluate(() => {
      const groups = document.querySelector('#finding-groups')!;
      const index = document.querySelector('.finding-index-details')!;
      return groups.compareDocumentPosition(index) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await page.selectOption('form.finding-filter select[name="unit"]', FIXTURE_ENTITY);
    expect(await page.locator(shown).count()).toBe(2);
    await page.selectOption('form.finding-filter select[name="rule"]', 'sum:column');
    expect(await page.locator(shown).count()).toBe(1);
    expect(await page.locator('#finding-groups .finding-group:visible').count()).toBe(1);
    expect(new URL(page.url()).search).toBe(`?unit=${FIXTURE_ENTITY}&rule=sum%3Acolumn`);
    await page.selectOption('form.finding-filter select[name="unit"]', '');
    await page.selectOption('form.finding-filter select[name="rule"]', '');
    expect(await page.locator(shown).count()).toBe(all);
    expect(new URL(page.url()).search).toBe('');
    // A link with the query string opens the filtered view.
    await page.goto(site.url(`findings/?unit=${FIXTURE_ENTITY}&severity=rounding`));
    expect(await page.locator('form.finding-filter select[name="severity"]').inputValue()).toBe('rounding');
    expect(await page.locator(shown).count()).toBe(1);
    expect(await page.locator(`${shown} .badge`).textContent()).toBe('尾差');
    expect(await page.locator(`#rule-sum-column a[href="#f-${FIXTURE_ENTITY}-1"]`).count()).toBe(1);
    await page.context().close();
  });

  it('links glossary terms from table headers to the glossary', async () => {
    const page = await site.page();
    await page.goto(site.url(`units/${FIXTURE_ENTITY}/tables/income-summary/`));
    const href = await page.locator('thead a', { hasText: '财政拨款收入' }).first().getAttribute('href');
    expect(href).toMatch(/^\/budget\/glossary\/#term-/);
    await page.goto(site.server.origin + href!);
    expect(await page.locator(`#${href!.split('#')[1]} dt`).innerText()).toBe('财政拨款收入');
    await page.context().close();
  });

  it('keeps every link and asset under the base path', async () => {
    const page = await site.page();
    for (const path of ['', `units/${FIXTURE_ENTITY}/`, `units/${FIXTURE_ENTITY}/tables/income-summary/`, 'subjects/', 'subjects/2101501/', 'findings/', 'glossary/', 'regions/qinhuangdaoshi/']) {
      await page.goto(site.url(path));
      const refs = await page.evaluate(() => [...document.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? ''));
      const outside = refs.filter((r) => !r.startsWith('/budget/') && !r.startsWith('#') && !r.startsWith('https://example.org/budget/'));
      expect(outside, path).toEqual([]);
      // With SITE_URL, the page's one address is absolute, for search engines and for sharing.
      expect(await page.locator('link[rel="canonical"]').getAttribute('href'), path).toBe(`https://example.org/budget/${path}`);
      expect(await page.locator('meta[property="og:url"]').getAttribute('content'), path).toBe(`https://example.org/budget/${path}`);
    }
    const sitemap = await (await fetch(site.url('sitemap.xml'))).text();
    expect(sitemap).toContain(`<loc>https://example.org/budget/units/${FIXTURE_ENTITY}/projects/p-001/</loc>`);
    await page.context().close();
  });
});
