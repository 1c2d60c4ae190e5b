/**
 * An originals corpus (a workbook, a web page and a damaged Word file, written
 * by real writers from the seeds' tables) built into its own folder: the source
 * page offers each original for download byte for byte, shows the text as read
 * and where each table is in the file, passes axe, and the damaged file is
 * still offered with its diagnostic. Table pages say where the table is too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type Site } from '../../src/bench/browser.ts';
import { buildEnv } from '../support/env.ts';
import { documentOf, writeDocx, writeHtml, writeXlsx } from '../../src/bench/write-originals.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const dir = mkdtempSync(join(tmpdir(), 'originals-site-'));
const seeds = join(dir, 'seeds');
let site: Site;
let workbook: Uint8Array;
let damaged: Uint8Array;

beforeAll(async () => {
  mkdirSync(seeds);
  workbook = writeXlsx(documentOf(readFileSync('seeds/001_b299b4fe3ca604a5.txt', 'utf8')));
  writeFileSync(join(seeds, '济源医保2024.xlsx'), workbook);
  writeFileSync(join(seeds, '秦皇岛医保2024.html'), writeHtml(documentOf(readFileSync('seeds/000_254f1c56485b7ccb.txt', 'utf8'))));
  damaged = (await writeDocx(documentOf(readFileSync('seeds/000_254f1c56485b7ccb.txt', 'utf8')))).slice(0, 4000);
  writeFileSync(join(seeds, '下载不全.docx'), damaged);
  const folders = ['--seeds', seeds, '--content', join(dir, 'content'), '--dist', join(dir, 'dist'), '--ingest-cache', join(dir, 'cache')];
  const build = spawnSync(process.execPath, [...process.execArgv, '--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/build.ts', '--only', 'ingest,astro', ...folders], { env: buildEnv(), encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  site = await openSite(join(dir, 'dist'));
}, 300_000);
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('originals on the site', () => {
  it('offers a workbook for download as published and says where each table is', async () => {
    const page = await site.page({ width: 360, height: 800 });
    await page.goto(site.url('sources/jiyuanyibao2024-xlsx/'));
    const link = page.locator('a[download="济源医保2024.xlsx"]');
    const href = await link.getAttribute('href');
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(new Uint8Array(await response.body())).toEqual(workbook);
    expect(await page.locator('.source-contents').innerText()).toContain('工作表“表4”');
    expect(await page.locator('#L1').innerText()).toContain('2024年度济源产城融合示范区医疗保障局部门');
    await page.evaluate(axeSource);
    const results = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string }[] }> } }).axe;
      return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    });
    expect(results.violations.map((v) => v.id)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(overflow).toBe(false);
    await page.context().close();
  });

  it('lists each original in the open-data catalog with its format and download', async () => {
    const page = await site.page();
    const response = await page.request.get(site.url('data/catalog.json'));
    const catalog = (await response.json()) as { sources: { file: string; format?: string; original?: string }[] };
    expect(catalog.sources.find((s) => s.file === '济源医保2024.xlsx')).toMatchObject({ format: 'xlsx', original: '/originals/jiyuanyibao2024-xlsx.xlsx' });
    await page.context().close();
  });

  it('a table page of a web page original names its table', async () => {
    const page = await site.page();
    await page.goto(site.url('units/qinhuangdaoshi-2024-450001/tables/three-public/'));
    expect(await page.locator('.table-actions').innerText()).toMatch(/第 \d+ 个表格，网页源代码第 \d+ 行/);
    await page.context().close();
  });

  it('a damaged Word file is still offered, with its diagnostic', async () => {
    const page = await site.page();
    await page.goto(site.url('sources/xiazaibuquan-docx/'));
    expect(await page.locator('.diagnostics').innerText()).toContain('已损坏');
    const href = await page.locator('a[download="下载不全.docx"]').getAttribute('href');
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(new Uint8Array(await response.body())).toEqual(damaged);
    await page.context().close();
  });
});
