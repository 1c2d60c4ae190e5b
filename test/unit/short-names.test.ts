import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { CborError, decodeCbor, encodeCbor } from '../../src/search/cbor.ts';
import { shortenBundleNames } from '../../src/search/short-names.ts';
import { indexFiles } from '../../src/search/index-site.ts';

describe('CBOR', () => {
  it('encodes integers, strings and arrays in their shortest form', () => {
    expect([...encodeCbor([0, 23, 24, 500, 70000, 'ab', '预'])]).toEqual([
      0x87, 0x00, 0x17, 0x18, 24, 0x19, 0x01, 0xf4, 0x1a, 0x00, 0x01, 0x11, 0x70, 0x62, 0x61, 0x62, 0x63, 0xe9, 0xa2, 0x84,
    ]);
  });

  it('reads back what it writes', () => {
    const value = ['1.5.2', [['zh-cn_65917fe', 7466]], [], [['0', '00018310001', 'zh-cn_bf1276c']], 70000];
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
  });

  it('rejects what the page list never holds, with the byte where it is', () => {
    // A half-precision float, a map, an indefinite-length array.
    expect(() => decodeCbor(Uint8Array.of(0x82, 0x01, 0xf9, 0x3c, 0x00))).toThrow(/major type 7 at byte 2/);
    expect(() => decodeCbor(Uint8Array.of(0xa1, 0x01, 0x02))).toThrow(/major type 5 at byte 0/);
    expect(() => decodeCbor(Uint8Array.of(0x9f, 0x01, 0xff))).toThrow(/length 31 at byte 0/);
    expect(() => decodeCbor(Uint8Array.of(0x82, 0x01))).toThrow(CborError);
    expect(() => decodeCbor(Uint8Array.of(0x01, 0x02))).toThrow(/1 bytes after the value/);
    expect(() => encodeCbor(-1)).toThrow(/cannot encode -1/);
  });
});

describe('shorter names for a bundle\'s files', () => {
  const dist = mkdtempSync(join(tmpdir(), 'budget-fragments-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="zh-CN"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p><span data-pagefind-filter="kind:单位"></span></main></body></html>`;
  const files = ['a.html', 'b.html', 'c.html'];
  writeFileSync(join(dist, 'a.html'), page('医疗保障局', '医疗保障工作经费 2101501'));
  writeFileSync(join(dist, 'b.html'), page('教育局', '义务教育 30201'));
  writeFileSync(join(dist, 'c.html'), page('财政局', '预算管理'));
  const bundle = join(dist, 'pagefind');
  const entry = () => JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
  const pageList = () => {
    const bytes = gunzipSync(readFileSync(join(bundle, `pagefind.${entry().languages['zh-cn']!.hash}.pf_meta`)));
    expect(bytes.subarray(0, 12).toString()).toBe('pagefind_dcd');
    return decodeCbor(bytes.subarray(12)) as [string, [string, number][], [string, string, string][], [string, string][], ...unknown[]];
  };

  it('numbers the pages of a bundle under one tag, and each name holds its page', async () => {
    // indexFiles renames the fragments once Pagefind has written them; each fragment names its page.
    await indexFiles(dist, files, bundle);
    const [version, pages, chunks, filters] = pageList();
    expect(version).toBe('1.5.2');
    expect(entry().languages['zh-cn']!.page_count).toBe(3);
    const tag = pages[0]![0].split('_')[1]!;
    expect(tag).toMatch(/^[0-9a-f]{8}$/);
    const urls = pages.map(([name]) => {
      expect(name).toMatch(new RegExp(`^zh-cn_${tag}_[0-9a-z]+$`));
      const fragment = JSON.parse(gunzipSync(readFileSync(join(bundle, 'fragment', `${name}.pf_fragment`))).subarray(12).toString()) as { url: string };
      return fragment.url;
    });
    expect(urls.sort()).toEqual(['/a.html', '/b.html', '/c.html']);
    // Every fragment file is named in the page list (beside it are its parts: fragment-parts.ts); only the rewritten page list is left.
    expect(readdirSync(join(bundle, 'fragment')).filter((f) => f.endsWith('.pf_fragment')).sort()).toEqual([...new Set(pages.map(([name]) => `${name}.pf_fragment`))].sort());
    expect(readdirSync(bundle).filter((f) => f.endsWith('.pf_meta'))).toEqual([`pagefind.${entry().languages['zh-cn']!.hash}.pf_meta`]);
    // The index and filter chunks are numbered the same way, each file named once in the page list.
    expect(chunks.length).toBeGreaterThan(0);
    expect(filters.map(([filter]) => filter)).toEqual(['kind']);
    expect(readdirSync(join(bundle, 'index')).sort()).toEqual(chunks.map(([, , name]) => `${name}.pf_index`).sort());
    expect(readdirSync(join(bundle, 'filter')).sort()).toEqual(filters.map(([, name]) => `${name}.pf_filter`).sort());
    for (const [, , name] of chunks) expect(name).toMatch(new RegExp(`^zh-cn_${tag}_[0-9a-z]+$`));
  });

  it('makes the page list of many pages smaller', async () => {
    // Written by Pagefind alone, then renamed: the names are numbers, which compress.
    const many = Array.from({ length: 300 }, (_, i) => `many/${i}.html`);
    mkdirSync(join(dist, 'many'));
    for (const [i, file] of many.entries()) writeFileSync(join(dist, file), page(`单位${i}`, `项目${i} 经费 ${1000 + i}`));
    const out = join(dist, 'many-bundle');
    const { index } = await pagefind.createIndex({});
    for (const file of many) await index!.addHTMLFile({ sourcePath: file, content: readFileSync(join(dist, file), 'utf8') });
    await index!.writeFiles({ outputPath: out });
    await pagefind.close();
    const result = shortenBundleNames(out);
    expect(result.pages).toBe(300);
    expect(result.after).toBeLessThan(result.before * 0.6);
  });

  it('leaves a bundle it cannot read as written, and says which file', () => {
    const before = entry().languages['zh-cn']!.hash;
    const meta = join(bundle, `pagefind.${before}.pf_meta`);
    writeFileSync(meta, 'not a page list');
    const result = shortenBundleNames(bundle);
    expect(result.pages).toBe(0);
    expect(result.skipped).toEqual([expect.stringContaining(`pagefind.${before}.pf_meta`)]);
    expect(entry().languages['zh-cn']!.hash).toBe(before);
    expect(existsSync(meta)).toBe(true);
  });
});
