import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { bundleParts, fragmentWords, splitFragment, writeFragmentParts } from '../../src/search/fragment-parts.ts';
import { indexFiles } from '../../src/search/index-site.ts';
import { blocksOf, excerptStart, excerptText, excerptWindow, loadFromParts, subRanges, type FragmentHead } from '../../src/scripts/search-fragments.ts';

const Z = '\u200B';

describe('splitting a fragment', () => {
  const fragment = {
    url: '/units/a/',
    content: ['甲', '单位', '. ', '预算', '说明', '. ', '项目', 'A', '经费', '. ', '项目', 'B'].join(Z),
    meta: { title: '甲单位' },
    anchors: [
      { element: 'h3', id: 'p-b', text: '项目B', location: 10 },
      { element: 'h2', id: 'sections', text: '预算说明', location: 3 },
      { element: 'section', id: 'x', text: '', location: 4 },
      { element: 'h3', id: 'blank', text: ' ', location: 5 },
      { element: 'h3', id: 'p-a', text: '项目A经费', location: 6 },
    ],
  };

  it('keeps Pagefind\'s word numbering in blocks, and the headings with text by position', () => {
    const { head, blocks } = splitFragment(fragment, 5);
    expect(blocks).toEqual([
      ['甲', '单位', '. ', '预算', '说明'],
      ['. ', '项目', 'A', '经费', '. '],
      ['项目', 'B'],
    ]);
    expect(head).toEqual({
      url: '/units/a/',
      meta: { title: '甲单位' },
      anchors: [['sections', '预算说明', 3], ['p-a', '项目A经费', 6], ['p-b', '项目B', 10]],
      words: 12,
      block: 5,
      zws: true,
    });
  });

  it('splits text without U+200B on white space, as Pagefind does', () => {
    expect(fragmentWords('budget  2024\nreport')).toEqual(['budget', '2024', 'report']);
    expect(splitFragment({ ...fragment, content: 'a b c' }, 2).head.zws).toBe(false);
  });
});

describe('excerpts and sections from word positions', () => {
  it('starts the excerpt where the matches are densest', () => {
    expect(excerptStart([], 3)).toBe(0);
    expect(excerptStart([1], 3)).toBe(0);
    // Positions 10, 11 and 40: the run of 3 starting just before 10 holds two.
    expect(excerptStart([10, 11, 40], 3)).toBe(9);
    // Equal runs: the middle one (Pagefind's midpoint).
    expect(excerptStart([4, 20, 21, 22], 5)).toBe(18);
  });

  it('keeps a window inside its section', () => {
    expect(excerptWindow(9, 30, 100)).toEqual([9, 39]);
    expect(excerptWindow(90, 30, 100)).toEqual([70, 100]);
    expect(excerptWindow(2, 30, 100, 10, 20)).toEqual([10, 20]);
    expect(excerptWindow(50, 10, 100, 40, 55)).toEqual([45, 55]);
  });

  const head: FragmentHead = {
    url: '/units/a/',
    meta: { title: '甲单位' },
    anchors: [['sections', '预算说明', 10], ['t-income', '收入表', 50], ['p-x', '项目X', 80]],
    words: 100,
    block: 40,
    zws: true,
  };

  it('divides the matches among the headings before them', () => {
    const ranges = subRanges(head, '/units/a/', [2, 55, 56, 85], 10);
    expect(ranges.map((r) => [r.title, r.url, r.anchor?.id, r.positions, r.window])).toEqual([
      ['甲单位', '/units/a/', undefined, [2], [0, 10]],
      ['收入表', '/units/a/#t-income', 't-income', [55, 56], [50, 60]],
      ['项目X', '/units/a/#p-x', 'p-x', [85], [80, 90]],
    ]);
    // The section after the last heading runs to the end of the page.
    expect(subRanges(head, '/units/a/', [99], 10)[0]!.window).toEqual([90, 100]);
  });

  it('reads only the blocks under the windows', () => {
    expect(blocksOf([[0, 10], [54, 64], [84, 94]], 40)).toEqual([0, 1, 2]);
    expect(blocksOf([[41, 70], [45, 50]], 40)).toEqual([1]);
    expect(blocksOf([[30, 50]], 40)).toEqual([0, 1]);
    expect(blocksOf([[5, 5]], 40)).toEqual([]);
  });

  it('escapes the page text and marks the matched words', () => {
    const words = ['a<b>', '经费', '项目', ' '];
    expect(excerptText((k) => words[k]!, [0, 4], new Set([1]), true)).toBe('a&lt;b&gt;<mark>经费</mark>项目');
    expect(excerptText((k) => words[k]!, [0, 2], new Set([0]), false)).toBe('<mark>a&lt;b&gt;</mark> 经费');
  });
});

describe('a bundle in parts', () => {
  const dist = mkdtempSync(join(tmpdir(), 'budget-parts-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  afterEach(() => vi.unstubAllGlobals());
  const long = Array.from({ length: 300 }, (_, i) => `第${i}条说明文字`).join('，');
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p>` +
    `<h3 id="p-x">医疗保障工作经费</h3><p>项目编码 X001</p></main></body></html>`;

  it('writes a head and blocks beside each fragment, lists the prefix, and reads a result back from them', async () => {
    mkdirSync(join(dist, 'u'));
    writeFileSync(join(dist, 'u/a.html'), page('医疗保障局', long));
    writeFileSync(join(dist, 'u/b.html'), page('教育局', '义务教育'));
    const bundle = join(dist, 'pagefind');
    await indexFiles(dist, ['u/a.html', 'u/b.html'], bundle);
    const [prefix] = bundleParts(bundle);
    expect(prefix).toMatch(/^zh-cn_[0-9a-f]{8}_$/);
    const files = readdirSync(join(bundle, 'fragment'));
    const heads = files.filter((f) => f.endsWith('.pf_head'));
    expect(heads).toHaveLength(2);
    // Each fragment's words, block after block, are its text as Pagefind wrote it.
    for (const file of files.filter((f) => f.endsWith('.pf_fragment'))) {
      const name = file.slice(0, -'.pf_fragment'.length);
      const whole = JSON.parse(gunzipSync(readFileSync(join(bundle, 'fragment', file))).subarray(12).toString()) as { content: string };
      const head = JSON.parse(gunzipSync(readFileSync(join(bundle, 'fragment', `${name}.pf_head`))).toString()) as FragmentHead;
      const blocks = Array.from({ length: Math.ceil(head.words / head.block) }, (_, k) => JSON.parse(gunzipSync(readFileSync(join(bundle, 'fragment', `${name}.pf_${k}`))).toString()) as string[]);
      expect(blocks.flat().join(Z)).toBe(whole.content);
    }

    // The search page's loader, with fetch reading the bundle's files.
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(readFileSync(join(dist, url)));
    });
    const big = heads.map((h) => h.slice(0, -'.pf_head'.length)).find((name) => readdirSync(join(bundle, 'fragment')).includes(`${name}.pf_2`))!;
    const head = JSON.parse(gunzipSync(readFileSync(join(bundle, 'fragment', `${big}.pf_head`))).toString()) as FragmentHead;
    const project = head.anchors.find(([id]) => id === 'p-x')!;
    const data = await loadFromParts('pagefind/fragment/', big, [project[2] + 1], '/', (ranges) => ranges.filter((r) => r.anchor?.id.startsWith('p-')));
    expect(data.url).toBe('/u/a.html');
    expect(data.meta.title).toBe('医疗保障局');
    expect(data.sub_results).toHaveLength(1);
    expect(data.sub_results![0]).toMatchObject({ title: '医疗保障工作经费', url: '/u/a.html#p-x', anchor: { id: 'p-x' }, matched: true });
    expect(data.sub_results![0]!.excerpt).toContain('<mark>');
    // The head, then the block under the match (and the one before, where the excerpt starts in it):
    // the page's long text before the project is not read.
    const at = Math.floor((project[2] + 1) / head.block);
    expect(at).toBeGreaterThan(1);
    expect(fetched[0]).toBe(`pagefind/fragment/${big}.pf_head`);
    expect(fetched).toContain(`pagefind/fragment/${big}.pf_${at}`);
    expect(fetched.slice(1).every((url) => url.endsWith(`.pf_${at}`) || url.endsWith(`.pf_${at - 1}`))).toBe(true);

    // Indexed again, the bundle holds only the new build's files.
    await indexFiles(dist, ['u/b.html'], bundle);
    expect(readdirSync(join(bundle, 'fragment')).filter((f) => f.endsWith('.pf_head'))).toHaveLength(1);
    expect(readdirSync(join(bundle, 'fragment')).every((f) => f.startsWith(bundleParts(bundle)[0]!))).toBe(true);
  });

  it('leaves a fragment it cannot read whole, and says which', () => {
    const bundle = join(dist, 'broken');
    mkdirSync(join(bundle, 'fragment'), { recursive: true });
    writeFileSync(join(bundle, 'pagefind-entry.json'), '{"version":"1.5.2","languages":{}}');
    writeFileSync(join(bundle, 'fragment', 'zh-cn_00000000_0.pf_fragment'), gzipSync('not a fragment'));
    const result = writeFragmentParts(bundle, ['zh-cn_00000000_']);
    expect(result.fragments).toBe(0);
    expect(result.skipped).toEqual([`${join(bundle, 'fragment', 'zh-cn_00000000_0.pf_fragment')}: no Pagefind signature; left whole`]);
    expect(readdirSync(join(bundle, 'fragment'))).toEqual(['zh-cn_00000000_0.pf_fragment']);
  });
});
