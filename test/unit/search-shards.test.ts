import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexedHtml } from '../../src/search/index-site.ts';
import { planShards, shardBundle, shardKey, UNINDEXED_FOLDERS } from '../../src/search/shards.ts';

describe('search shards', () => {
  const dist = mkdtempSync(join(tmpdir(), 'budget-shards-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const write = (path: string, text = '<html lang="zh-CN"></html>') => {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  };
  write(
    'data/catalog.json',
    JSON.stringify({
      entities: [
        { id: 'a-2024-1', year: 2024, region: '秦皇岛市', province: '河北省' },
        { id: 'b-2023-2', year: 2023, region: '广阳区', province: null },
      ],
    }),
  );
  for (const page of [
    'index.html',
    'subjects/210/index.html',
    'units/a-2024-1/index.html',
    'units/a-2024-1/tables/t/index.html',
    'units/b-2023-2/index.html',
    'units/b-2023-2/projects/p/index.html',
    'units/gone/index.html',
    'sources/s/index.html',
    'data/a-2024-1/x.html',
    'pagefind/x.html',
    'pagefind-shards/2024/x.html',
  ])
    write(page);

  it('keys entities by year or by region', () => {
    expect(shardKey({ id: 'a', year: 2024, region: '秦皇岛市', province: '河北省' }, 'year')).toBe('2024');
    expect(shardKey({ id: 'a', year: 2024, region: '秦皇岛市', province: '河北省' }, 'region')).toBe('hebeishengqinhuangdaoshi');
  });

  it('puts each unit page in its shard and every other searchable page in main', () => {
    const plan = planShards(dist, 'year', 1);
    expect(Object.fromEntries([...plan].map(([k, v]) => [k, v.sort()]))).toEqual({
      main: ['index.html', 'subjects/210/index.html', 'units/gone/index.html'],
      '2024': ['units/a-2024-1/index.html'],
      '2023': ['units/b-2023-2/index.html'],
    });
  });

  it('packs neighbouring years into one shard while it stays within the page limit', () => {
    const packing = mkdtempSync(join(tmpdir(), 'budget-packing-'));
    try {
      const units = [['u1', 2021], ['u2', 2022], ['u3', 2022], ['u4', 2022], ['u5', 2023], ['u6', 2024]] as const;
      const put = (path: string, text: string) => {
        mkdirSync(dirname(join(packing, path)), { recursive: true });
        writeFileSync(join(packing, path), text);
      };
      put('data/catalog.json', JSON.stringify({ entities: units.map(([id, year]) => ({ id, year, region: '某市', province: null })) }));
      put('index.html', '');
      for (const [id] of units) put(`units/${id}/index.html`, '');
      const shards = (limit: number) => Object.fromEntries([...planShards(packing, 'year', limit)].map(([k, v]) => [k, v.map((p) => p.split('/')[1] ?? p).sort()]));
      expect(shards(3)).toEqual({ main: ['index.html'], '2021': ['u1'], '2022': ['u2', 'u3', 'u4'], '2023-2024': ['u5', 'u6'] });
      expect(shards(4)).toEqual({ main: ['index.html'], '2021-2022': ['u1', 'u2', 'u3', 'u4'], '2023-2024': ['u5', 'u6'] });
      // A year larger than the limit is a shard of its own.
      expect(shards(2)).toEqual({ main: ['index.html'], '2021': ['u1'], '2022': ['u2', 'u3', 'u4'], '2023-2024': ['u5', 'u6'] });
    } finally {
      rmSync(packing, { recursive: true, force: true });
    }
  });

  it('leaves out the folders that hold no indexed page', () => {
    for (const folder of ['data', '_assets', 'sources', 'pagefind', 'pagefind-shards', 'units/x/tables', 'units/x/projects']) expect(UNINDEXED_FOLDERS.test(folder), folder).toBe(true);
    for (const folder of ['units', 'units/x', 'subjects', 'glossary', 'findings', 'regions', 'units/tables']) expect(UNINDEXED_FOLDERS.test(folder), folder).toBe(false);
  });

  it('writes shard bundles beside the main one', () => {
    expect(shardBundle('main')).toBe('pagefind');
    expect(shardBundle('2024')).toBe('pagefind-shards/2024');
  });

  it('reads whole only the pages marked for the index', () => {
    const head = '<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><header>站点</header>';
    write('marked.html', `${head}<main id="main" data-pagefind-body><h1>单位</h1></main></body></html>`);
    write('unmarked.html', `${head}<main id="main"><h1>表格</h1></main></body></html>`);
    // <main> past the bytes read first: the page is read whole and its mark found.
    write('late.html', `${head}${'<p>说明</p>'.repeat(3000)}<main data-pagefind-body><h1>迟</h1></main></body></html>`);
    write('late-unmarked.html', `${head}${'<p>说明</p>'.repeat(3000)}<main><h1>迟</h1></main></body></html>`);
    expect(indexedHtml(join(dist, 'marked.html'))).toContain('<h1>单位</h1>');
    expect(indexedHtml(join(dist, 'unmarked.html'))).toBeUndefined();
    expect(indexedHtml(join(dist, 'late.html'))).toContain('<h1>迟</h1>');
    expect(indexedHtml(join(dist, 'late-unmarked.html'))).toBeUndefined();
  });
});
