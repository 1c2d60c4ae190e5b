/**
 * npm run bench:search [-- --entities 10000]
 *
 * Search at scale without building every page: writes a synthetic site of
 * N entity pages (each listing the subject codes it spends under, the way
 * entity and table pages do) and one page per subject code, all with the
 * same search markup as the portal (src/components/SearchMeta.astro), adds
 * the portal's own search page from dist/, indexes it with Pagefind, and
 * in Chromium checks that every 3-, 5- and 7-digit code prefix finds every
 * subject page under it (recall), and measures the bytes a first query
 * fetches. Run `npm run build` first (the search page comes from dist/).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { subjectCodePrefixes } from '../src/search/codes.ts';
import { spaced } from '../src/search/spaced.ts';
import { indexSite } from '../src/search/index-site.ts';
import { shardsList } from '../src/search/shards.ts';
import { openSite } from '../src/bench/browser.ts';
import { regionName } from '../src/bench/synthesize.ts';
import type { Entity } from '../src/ingest/model/schema.ts';
import { cli } from './lib/cli.ts';

const { values } = cli({
  usage: 'npm run bench:search -- [options]',
  summary: `Writes a synthetic site of N entity pages with the portal's search markup, indexes it with
Pagefind and checks in Chromium that every code prefix finds its subjects; run npm run build first.`,
  options: {
    entities: { type: 'string', value: '<n>', default: '10000', description: 'entity pages of the synthetic site' },
    dir: { type: 'string', value: '<dir>', default: '.bench/search', description: 'scratch folder' },
  },
});
const count = Number(values.entities);
const root = resolve(values.dir!);
const dist = join(root, 'dist');
if (!existsSync('dist/search/index.html')) throw new Error('Run `npm run build` first: the search page is taken from dist/.');

// Every subject code and name the seeds use, from the committed model.
const names = new Map<string, string>();
for (const file of readdirSync('content/entities')) {
  const entity = JSON.parse(readFileSync(join('content/entities', file), 'utf8')) as Entity;
  for (const table of entity.tables) for (const row of table.rows) if (row.code && row.name && !names.has(row.code)) names.set(row.code, row.name);
}
const codes = [...names.keys()].sort();
const leafCodes = codes.filter((c) => c.length === 7 || (c.startsWith('3') && c.length === 5));

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function page(title: string, body: string, meta: Record<string, string>, filters: [string, string][], keys: string[]): string {
  const hidden = [
    ...Object.entries(meta).map(([k, v]) => `<span data-pagefind-meta="${escape(`${k}:${v}`)}"></span>`),
    ...filters.map(([k, v]) => `<span data-pagefind-filter="${escape(`${k}:${v}`)}"></span>`),
    ...keys.map((k) => `<p class="search-keys" data-pagefind-weight="2">${escape(spaced(k))}</p>`),
  ].join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main data-pagefind-body><div hidden>${hidden}</div><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

rmSync(root, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
for (const dir of ['search', '_assets', 'data']) if (existsSync(join('dist', dir))) cpSync(join('dist', dir), join(dist, dir), { recursive: true });
cpSync('dist/favicon.svg', join(dist, 'favicon.svg'));

for (const code of codes) {
  const name = names.get(code)!;
  const dir = join(dist, 'subjects', code);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), page(`${code} ${name}`, `<p>科目 ${code} ${escape(name)}</p>`, { kind: '科目', title: `${code} ${name}`, code }, [['kind', '科目'], ...subjectCodePrefixes(code).map((p): [string, string] => ['code', p])], [code, name, ...subjectCodePrefixes(code)]));
}
for (let i = 0; i < count; i++) {
  const region = regionName(i);
  const name = `${region}医疗保障局本级`;
  const code = String(100000 + i);
  const used = Array.from({ length: 12 }, (_, k) => leafCodes[(i * 7 + k * 13) % leafCodes.length]!);
  const rows = used.map((c) => `<tr><th scope="row">${c} ${escape(names.get(c)!)}</th><td>${(i % 97) + 1}.00</td></tr>`).join('');
  const dir = join(dist, 'units', `u${i}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), page(`${name} 2024 年单位预算`, `<p>${escape(region)} 2024 年单位预算。</p><table><caption>支出</caption><tbody>${rows}</tbody></table>`, { kind: '单位', title: `${name} 2024 年单位预算`, entity: name, year: '2024', code }, [['kind', '单位'], ['region', region], ['year', '2024']], [name, code]));
}

const started = performance.now();
const stats = await indexSite(dist);
// As the build writes it: the search page reads it to find the shards (none here).
writeFileSync(join(dist, 'pagefind', 'shards.json'), shardsList(null, []));
console.log(`indexed ${stats.pages} pages (${count} entities, ${codes.length} subject codes) in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const prefixes = [...new Set(codes.flatMap((c) => subjectCodePrefixes(c)))].sort();
const site = await openSite(dist);
try {
  const probe = await site.page();
  await probe.goto(site.url('search/'));
  const found = await probe.evaluate(async (queries) => {
    const bundle = '/pagefind/pagefind.js';
    const pf = (await import(bundle)) as unknown as { options(o: object): Promise<void>; init(): Promise<void>; search(q: string, o: object): Promise<{ results: { data(): Promise<{ meta: Record<string, string> }> }[] }> };
    await pf.options({ bundlePath: '/pagefind/' });
    await pf.init();
    const out: Record<string, string[]> = {};
    for (const q of queries) {
      const r = await pf.search(q, { filters: { code: q } });
      out[q] = await Promise.all(r.results.map(async (x) => (await x.data()).meta.code ?? ''));
    }
    return out;
  }, prefixes);
  let expected = 0;
  let hit = 0;
  const missing: string[] = [];
  for (const prefix of prefixes) {
    const want = codes.filter((c) => c.startsWith(prefix));
    for (const code of want) {
      expected++;
      if (found[prefix]!.includes(code)) hit++;
      else missing.push(`${prefix}→${code}`);
    }
  }
  console.log(`code prefixes: ${prefixes.length} queries (3, 5 and 7 digits), recall ${((100 * hit) / expected).toFixed(1)} % (${hit}/${expected})${missing.length ? `, missing ${missing.slice(0, 10).join(' ')}` : ''}`);

  for (const query of ['210', '2101501', `${regionName(4321)}医疗保障局本级`]) {
    const page = await site.page();
    const files = new Set<string>();
    page.on('requestfinished', (r) => files.add(decodeURIComponent(new URL(r.url()).pathname)));
    await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
    await page.waitForSelector('#search-results[data-state="done"]', { state: 'attached', timeout: 120_000 });
    const first = await page.locator('#search-results a').first().getAttribute('href');
    let raw = 0;
    let gzip = 0;
    for (const path of files) {
      const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
      if (!existsSync(file) || !statSync(file).isFile()) continue;
      const data = readFileSync(file);
      raw += data.length;
      gzip += gzipSync(data).length;
    }
    console.log(`first query ${query}: ${files.size} requests, ${(raw / 1024).toFixed(0)} KB (${(gzip / 1024).toFixed(0)} KB gzip), first result ${first}`);
    await page.context().close();
  }
} finally {
  await site.close();
}
