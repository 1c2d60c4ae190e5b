/**
 * A unit with a budget, its final accounts and the next year's budget
 * (test/fixtures/final-accounts/), built as a site of its own: the unit
 * page shows the history and execution rates computed by hand in
 * test/unit/final-accounts.test.ts, passes axe at 360 px, and the history
 * CSV it links holds the same figures.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { buildEnv } from '../support/env.ts';
import { switches } from '../../src/bench/switches.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SEEDS = 'test/fixtures/final-accounts';
const FINAL = 'lishuishi-liandouqu-2024-nongyenongcunju-juesuan';
const root = join(switches.scratch, 'budget-portal-final-accounts');
let site: Site;

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  const node = [process.execPath, '--experimental-strip-types', '--disable-warning=ExperimentalWarning'] as const;
  const ingest = spawnSync(node[0], [...node.slice(1), 'scripts/ingest.ts', '--seeds', SEEDS, '--content', join(root, 'content'), '--quiet', '--no-cache'], { stdio: 'inherit', env: buildEnv() });
  if (ingest.status !== 0) throw new Error('ingest of the final-accounts fixtures failed');
  const build = spawnSync(node[0], [...node.slice(1), 'scripts/build.ts', '--only', 'astro', '--seeds', SEEDS, '--content', join(root, 'content'), '--dist', join(root, 'dist')], {
    stdio: 'inherit',
    env: buildEnv(),
  });
  if (build.status !== 0) throw new Error('build of the final-accounts site failed');
  site = await openSite(join(root, 'dist'), '/');
}, 300_000);
afterAll(async () => {
  await site?.close();
});

describe('a unit with budgets and final accounts', () => {
  it('shows each year\'s budget, actual, execution rate and change on the unit page', async () => {
    const page = await site.page();
    await page.goto(site.url(`units/${FINAL}/`));
    expect(await page.locator('h1').innerText()).toContain('2024 年部门决算');
    const rows = await page.locator('table.history tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(rows).toEqual([
      ['550.00', '517.80', '94.15%', '350.00', '200.00', '355.50', '162.30', '12.00', '10.50', '—'],
      ['525.00', '—', '—', '375.00', '150.00', '—', '—', '11.00', '—', '-25.00（-4.55%）'],
    ]);
    expect(await page.locator('table.history tr[aria-current="true"] th').innerText()).toContain('2024 年');
    expect(await page.locator('#chart-history canvas').count()).toBe(1);
    const subject = await page.locator('table.history-subjects tr', { hasText: '2130199' }).locator('td').allInnerTexts();
    expect(subject).toEqual(['2024 年', '200.00', '162.30', '81.15%', '—']);
    const execution = await page.locator('table.execution tr', { hasText: '2130101' }).locator('td').allInnerTexts();
    expect(execution).toEqual(['300.00', '310.00', '305.50', '98.55%']);
    await page.context().close();
  });

  it('shows the history by economic code of the basic expenditure, and links it as CSV', async () => {
    const page = await site.page();
    await page.goto(site.url(`units/${FINAL}/`));
    const rows = page.locator('h3#history-economic + section table tbody tr');
    // The first row of a code carries its label cell (rowgroup); the year cells follow.
    const cells = async (code: string) => rows.filter({ hasText: code }).locator('td').allInnerTexts();
    expect(await cells('30211')).toEqual(['2024 年', '8.00', '9.50', '118.75%', '—']);
    expect(await page.locator('h3#history-economic').innerText()).toContain('经济分类');
    const codes = await rows.locator('th a.code').allInnerTexts();
    expect(codes).toEqual(['301', '30101', '30102', '30108', '30113', '302', '30201', '30211', '30217', '30231']);
    const href = await page.locator('a', { hasText: '下载各经济分类科目历年数字（CSV）' }).getAttribute('href');
    const response = await page.request.get(site.url(href!.replace(/^\//, '')));
    const csv = (parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[]).filter((r) => r.经济分类科目编码 === '30231');
    expect(csv.map((r) => [r.年度, r['预算（万元）'], r['决算（万元）'], r['执行率（%）'], r['预算比上年增减（万元）'], r['预算比上年增减（%）']])).toEqual([
      ['2024', '8.00', '7.30', '91.25', '', ''],
      ['2025', '7.50', '', '', '-0.50', '-6.25'],
    ]);
    await page.context().close();
  });

  it('gives a subject code page its amounts by year and phase', async () => {
    const page = await site.page();
    await page.goto(site.url('subjects/2130101/'));
    const rows = await page.locator('table.subject-years tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())));
    expect(rows).toEqual([
      ['2024 年', '预算', '1', '300.00'],
      ['2024 年', '决算', '1', '305.50'],
      ['2025 年', '预算', '1', '320.00'],
    ]);
    await page.context().close();
  });

  it('links a history CSV with the figures the page shows', async () => {
    const page = await site.page();
    await page.goto(site.url(`units/${FINAL}/`));
    const href = await page.locator('a', { hasText: '下载历年数字（CSV）' }).getAttribute('href');
    const response = await page.request.get(site.url(href!.replace(/^\//, '')));
    const rows = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.年度, r['预算支出（万元）'], r['决算支出（万元）'], r['执行率（%）']])).toEqual([
      ['2024', '550.00', '517.80', '94.15'],
      ['2025', '525.00', '', ''],
    ]);
    await page.context().close();
  });

  it('passes axe (WCAG 2.2 AA) and does not scroll sideways at 360 px', async () => {
    const page = await site.page();
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(site.url(`units/${FINAL}/`));
    await page.evaluate(axeSource);
    const results = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });
});
