/**
 * Portal-wide pages stay bounded as the corpus grows: on a synthetic corpus
 * of 250 documents (the seeds varied as by `npm run bench`), the findings
 * page becomes a paged overview whose units link to their findings on their
 * own pages, a subject page lists the largest amounts with every unit
 * in its CSV, and the year pages list every unit of the year, at most
 * YEAR_UNITS_PER_PAGE to a page.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../src/bench/synthesize.ts';
import { seedFiles } from '../../src/ingest/corpus.ts';
import { FINDING_UNITS_PER_PAGE } from '../../src/lib/findings.ts';
import { YEAR_UNITS_PER_PAGE } from '../../src/lib/paging.ts';
import { buildEnv } from '../support/env.ts';

const DOCS = 250;

describe(`a portal of ${DOCS} documents`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-scale-'));
  const dist = join(dir, 'dist');
  const read = (path: string) => readFileSync(join(dist, path), 'utf8');
  beforeAll(() => {
    const seeds = seedFiles('seeds').map((file) => ({ file, text: readFileSync(join('seeds', file), 'utf8') }));
    mkdirSync(join(dir, 'seeds'));
    for (const doc of synthesize(seeds, DOCS)) writeFileSync(join(dir, 'seeds', doc.file), doc.text);
    const result = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/build.ts', '--only', 'ingest,astro,downloads', '--seeds', join(dir, 'seeds'), '--content', join(dir, 'content'), '--dist', dist, '--ingest-cache', join(dir, 'cache')], {
      env: buildEnv(),
      // The ingest reports every document: keep only errors.
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error('the build of the synthetic corpus failed');
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pages the findings overview and links each unit to its findings', () => {
    const first = read('findings/index.html');
    const total = Number(/共 (\d+) 条，涉及 (\d+) 个单位/.exec(first)?.[1]);
    const units = Number(/共 \d+ 条，涉及 (\d+) 个单位/.exec(first)?.[1]);
    expect(total).toBeGreaterThan(500);
    const pages = Math.ceil(units / FINDING_UNITS_PER_PAGE);
    expect(pages).toBeGreaterThan(1);
    expect(Buffer.byteLength(first)).toBeLessThan(200_000);
    expect(first).toContain('href="/findings/2/"');
    expect(first).not.toContain('class="finding ');
    const last = read(`findings/${pages}/index.html`);
    expect(last).toContain(`第 ${pages} 页，共 ${pages} 页`);
    // Every unit listed links to the findings section of its page, which has the findings with their anchors.
    const linked = [...first.matchAll(/href="\/units\/([^/]+)\/#findings"/g)].map((m) => m[1]!);
    expect(linked.length).toBe(FINDING_UNITS_PER_PAGE);
    const entity = read(`units/${linked[0]}/index.html`);
    expect(entity).toContain('id="findings"');
    expect(entity).toMatch(new RegExp(`<li id="f-${linked[0]}-1"`));
  });

  it('links a flagged table row to its finding on the unit page', () => {
    const entity = read('findings/index.html').match(/href="\/units\/([^/]+)\/#findings"/)![1]!;
    const json = JSON.parse(read(`data/${entity}.json`)) as { findings: { table?: string }[] };
    const index = json.findings.findIndex((f) => f.table);
    const finding = json.findings[index]!;
    const table = read(`units/${entity}/tables/${finding.table}/index.html`);
    expect(table).toContain(`href="/units/${entity}/#f-${entity}-${index + 1}"`);
  });

  it('lists the largest amounts of a subject and every unit in its CSV', () => {
    const page = read('subjects/210/index.html');
    const units = Number(/各单位的金额（(\d+)）/.exec(page)?.[1]);
    expect(units).toBeGreaterThan(200);
    expect(page).toContain(`共 ${units} 个单位，下表列出金额最大的 200 个`);
    expect([...page.matchAll(/<tr><th scope="row"/g)].length).toBeLessThanOrEqual(200);
    const raw = read('data/subjects/210.csv');
    expect(raw.startsWith('\uFEFF科目编码,科目名称,单位编码,单位名称,地区,预算年度,金额（万元）,合计的各行（万元）,文件前后不一,报表,印作,页面,预算/决算\r\n')).toBe(true);
    expect(raw.slice(1).trimEnd().split('\r\n').length).toBe(units + 1);
  });

  it('lists every unit of each year on pages of at most YEAR_UNITS_PER_PAGE cards', () => {
    let units = 0;
    for (const year of readdirSync(join(dist, 'years'))) {
      const first = read(`years/${year}/index.html`);
      const count = Number(/已收录 (\d+) 个单位/.exec(first)?.[1]);
      const pages = Math.ceil(count / YEAR_UNITS_PER_PAGE);
      let cards = 0;
      for (let n = 1; n <= pages; n++) {
        const page = n === 1 ? first : read(`years/${year}/${n}/index.html`);
        const here = [...page.matchAll(/<li class="card entity-card"/g)].length;
        expect(here).toBeLessThanOrEqual(YEAR_UNITS_PER_PAGE);
        cards += here;
      }
      expect(cards, year).toBe(count);
      units += count;
    }
    expect(units).toBe(readdirSync(join(dist, 'units')).length);
  });

  it('lists provinces on the home page and every region on the region index', () => {
    const home = read('index.html');
    const regions = readdirSync(join(dist, 'regions')).filter((r) => r !== 'index.html');
    expect(regions.length).toBeGreaterThan(120);
    const provinceLinks = [...home.matchAll(/href="\/regions\/#(prov-[a-z0-9-]+)"/g)].map((m) => m[1]!);
    expect(provinceLinks.length).toBeGreaterThan(0);
    const browse = home.slice(home.indexOf('id="browse-title"'), home.indexOf('</nav>', home.indexOf('id="browse-title"')));
    expect(browse).not.toMatch(/href="\/regions\/[a-z0-9-]+\/"/);
    const index = read('regions/index.html');
    for (const anchor of provinceLinks) expect(index).toContain(`id="${anchor}"`);
    const listed = new Set([...index.matchAll(/href="\/regions\/([a-z0-9-]+)\/"/g)].map((m) => m[1]!));
    expect([...listed].sort()).toEqual(regions.sort());
  });
});
