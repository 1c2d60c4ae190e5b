/**
 * Portal-wide pages stay bounded as the corpus grows: on a synthetic corpus
 * of 250 documents (the seeds varied as by `npm run bench`), the findings
 * page becomes a paged overview whose units link to their findings on their
 * own pages, and a subject page lists the largest amounts with every unit
 * in its CSV.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../src/bench/synthesize.ts';
import { seedFiles } from '../../src/ingest/corpus.ts';
import { FINDING_UNITS_PER_PAGE } from '../../src/lib/findings.ts';
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
    const result = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/build.ts', '--only', 'ingest,astro,downloads'], {
      env: buildEnv({ SEEDS_DIR: join(dir, 'seeds'), CONTENT_DIR: join(dir, 'content'), DIST_DIR: dist, INGEST_CACHE_DIR: join(dir, 'cache') }),
      // The ingest reports every document: keep only errors.
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error('the build of the synthetic corpus failed');
  }, 300_000);
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
    expect(raw.startsWith('\uFEFF科目编码,科目名称,单位编码,单位名称,地区,预算年度,金额（万元）,报表,印作,页面\r\n')).toBe(true);
    expect(raw.slice(1).trimEnd().split('\r\n').length).toBe(units + 1);
  });
});
