import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { CborError, decodeCbor, encodeCbor, type CborValue } from '../../src/search/cbor.ts';
import { adaptBundle, checkPagefindVersion, PagefindFormatError } from '../../src/search/pagefind-bundle.ts';
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

describe('the Pagefind adapter: shorter names for a bundle\'s files', () => {
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
    // Every fragment file is named in the page list; only the rewritten page list is left.
    expect(readdirSync(join(bundle, 'fragment')).sort()).toEqual([...new Set(pages.map(([name]) => `${name}.pf_fragment`))].sort());
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
    const result = adaptBundle(out);
    expect(result.pages).toBe(300);
    expect(result.after).toBeLessThan(result.before * 0.6);
  });

  it('fails on a page list of another Pagefind version, naming the file and both versions, and leaves the bundle as written', () => {
    const before = entry().languages['zh-cn']!.hash;
    const meta = join(bundle, `pagefind.${before}.pf_meta`);
    const [, ...rest] = pageList();
    const fragments = readdirSync(join(bundle, 'fragment')).sort();
    writeFileSync(meta, gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), encodeCbor(['1.6.0', ...(rest as unknown as CborValue[])])])));
    expect(() => adaptBundle(bundle)).toThrow(PagefindFormatError);
    expect(() => adaptBundle(bundle)).toThrow(`${meta}：由 Pagefind 1.6.0 写出，而 src/search/pagefind-bundle.ts 只读写 Pagefind 1.5.2 的文件格式`);
    expect(entry().languages['zh-cn']!.hash).toBe(before);
    expect(readdirSync(join(bundle, 'fragment')).sort()).toEqual(fragments);
  });

  it('fails on an entry file of another Pagefind version', () => {
    const path = join(bundle, 'pagefind-entry.json');
    const written = readFileSync(path, 'utf8');
    writeFileSync(path, written.replace('"version":"1.5.2"', '"version":"2.0.0"'));
    try {
      expect(() => adaptBundle(bundle)).toThrow(/由 Pagefind 2\.0\.0 写出/);
    } finally {
      writeFileSync(path, written);
    }
  });

  it('fails on a page list it cannot read, naming the file', () => {
    const before = entry().languages['zh-cn']!.hash;
    const meta = join(bundle, `pagefind.${before}.pf_meta`);
    writeFileSync(meta, 'not a page list');
    expect(() => adaptBundle(bundle)).toThrow(`${meta}：不是 gzip 压缩的 Pagefind 文件`);
    expect(entry().languages['zh-cn']!.hash).toBe(before);
    expect(existsSync(meta)).toBe(true);
  });
});

describe('the Pagefind version guard', () => {
  it('accepts the version the adapter was written for and nothing else', () => {
    expect(() => checkPagefindVersion('1.5.2', 'x')).not.toThrow();
    for (const other of ['1.5.3', '1.6.0', '2.0.0', '1.5', '', undefined, 152]) {
      expect(() => checkPagefindVersion(other, 'x')).toThrow(PagefindFormatError);
    }
    expect(() => checkPagefindVersion('1.5.2', 'x', '1.6.0')).toThrow('x：由 Pagefind 1.5.2 写出，而 src/search/pagefind-bundle.ts 只读写 Pagefind 1.6.0 的文件格式');
  });

  it('is written for the Pagefind version package.json pins', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string };
    expect(pkg.dependencies.pagefind).toBe('1.5.2');
    expect(installed.version).toBe('1.5.2');
    expect(() => checkPagefindVersion(installed.version, 'node_modules/pagefind')).not.toThrow();
  });
});
