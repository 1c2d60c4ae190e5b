/**
 * The one module that knows Pagefind's private file formats (the page list's
 * CBOR layout, the file signature, the folder names), behind one entry point:
 * adaptBundle, run on every bundle the build writes.
 *
 * It gives a written bundle's files shorter names. Pagefind names each page's
 * fragment by a hash of its content (`zh-cn_65917fe`), and its page list
 * (`pagefind.<hash>.pf_meta`), which every search downloads from every
 * bundle, holds one such name per page; the random digits do not compress.
 * Numbering the pages under one tag for the bundle (`zh-cn_3f1c4bc5_1a`)
 * makes the page list smaller (docs/performance.md). The tag is a hash of the
 * page list Pagefind wrote, so a name still never holds two different
 * fragments (the service worker and CDN caches rely on that), and bundles
 * merged at query time never share names. The index and filter chunks, which
 * the page list also names by hash, are numbered the same way; they refer to
 * pages by number, so their content stays as written.
 *
 * These formats are not Pagefind's public interface and may change with any
 * release: a bundle written by another Pagefind version than PAGEFIND_VERSION,
 * or a page list of another shape, fails the build instead of being rewritten
 * on a guess. Upgrading Pagefind means checking this module against the new
 * version and changing PAGEFIND_VERSION.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor, type CborValue } from './cbor.ts';

/** The Pagefind release whose files this module reads and writes (package.json pins it exactly). */
const PAGEFIND_VERSION = '1.5.2';

const SIGNATURE = 'pagefind_dcd';

/** Why a bundle cannot be adapted: the build stops with it. */
export class PagefindFormatError extends Error {}
/** A file the page list names is not (yet) on disk: Pagefind's service may still be flushing it. */
export class BundleIncompleteError extends PagefindFormatError {}

/**
 * Throws unless `found` (the version a bundle's page list records) is the version this module
 * was written for: a file of another version may look alike and mean something else.
 */
export function checkPagefindVersion(found: unknown, where: string, expected = PAGEFIND_VERSION): void {
  if (found !== expected) {
    throw new PagefindFormatError(
      `${where}：由 Pagefind ${typeof found === 'string' ? found : '(未知版本)'} 写出，` +
        `而 src/search/pagefind-bundle.ts 只读写 Pagefind ${expected} 的文件格式；` +
        `升级 Pagefind 时请先按新版本核对该模块，再改 PAGEFIND_VERSION。`,
    );
  }
}

interface Entry {
  languages: Record<string, { hash: string; page_count: number }>;
}

export interface AdaptResult {
  /** Fragments renamed, over all languages of the bundle. */
  pages: number;
  /** Page-list bytes (gzip) before and after. */
  before: number;
  after: number;
}

/** What a Pagefind file holds after its signature, gzipped or not. */
function readPagefindFile(path: string): CborValue {
  let bytes = readFileSync(path);
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new PagefindFormatError(`${path}：不是 gzip 压缩的 Pagefind 文件`);
    }
  }
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new PagefindFormatError(`${path}：没有 Pagefind 文件标记`);
  return decodeCbor(bytes.subarray(SIGNATURE.length));
}

function writePagefindFile(path: string, value: CborValue): Buffer {
  const bytes = gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), encodeCbor(value)]), { level: 9 });
  writeFileSync(path, bytes);
  return bytes;
}

/** Where a page-list file names files: fragments per page, index chunks, filter chunks. */
interface Names {
  pages: [string, number][];
  chunks: [string, string, string][];
  filters: [string, string][];
}

const isList = (value: CborValue, shape: ('string' | 'number')[]) =>
  Array.isArray(value) && value.length === shape.length && value.every((v, i) => typeof v === shape[i]);

/** The file names of a page-list file: `[version, [[name, words]…], [[from, to, name]…], [[filter, name]…], …]`. */
function namesOf(meta: CborValue, path: string): Names {
  if (!Array.isArray(meta)) throw new PagefindFormatError(`${path}：页面清单不是数组`);
  checkPagefindVersion(meta[0], path);
  const [, pages, chunks, filters] = meta;
  const listOf = (value: CborValue | undefined, shape: ('string' | 'number')[], what: string) => {
    if (!Array.isArray(value) || !value.every((item) => isList(item, shape))) throw new PagefindFormatError(`${path}：${what}`);
  };
  listOf(pages, ['string', 'number'], '页面条目不是 [名称, 词数]');
  listOf(chunks, ['string', 'string', 'string'], '索引块条目不是 [起, 止, 名称]');
  listOf(filters, ['string', 'string'], '筛选块条目不是 [筛选, 名称]');
  return { pages, chunks, filters } as Names;
}

/**
 * Adapts the bundle at `bundleDir` (with its pagefind-entry.json) that Pagefind has just written:
 * checks it was written by PAGEFIND_VERSION and renames the files its page lists name (fragments,
 * index and filter chunks), rewriting the page lists. Throws PagefindFormatError, leaving the
 * bundle as written, when a page list is of another version or shape or names a missing file.
 */
export function adaptBundle(bundleDir: string): AdaptResult {
  const entryPath = join(bundleDir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as Entry;
  checkPagefindVersion((entry as { version?: unknown }).version, entryPath);
  const result: AdaptResult = { pages: 0, before: 0, after: 0 };
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaPath = join(bundleDir, `pagefind.${info.hash}.pf_meta`);
    const original = readFileSync(metaPath);
    const meta = readPagefindFile(metaPath) as CborValue[];
    const names = namesOf(meta, metaPath);
    const file = (folder: string, name: string) => join(bundleDir, folder, `${name}.pf_${folder}`);
    const listed: [string, string][] = [
      ...names.pages.map(([name]): [string, string] => ['fragment', name]),
      ...names.chunks.map(([, , name]): [string, string] => ['index', name]),
      ...names.filters.map(([, name]): [string, string] => ['filter', name]),
    ];
    const missing = listed.find(([folder, name]) => !existsSync(file(folder, name)));
    if (missing) throw new BundleIncompleteError(`${metaPath}：清单中的 ${file(...missing)} 不存在`);
    const tag = createHash('sha256').update(original).digest('hex').slice(0, 8);
    // Numbered within each folder; a file named twice keeps one name (it can be moved only once).
    const renamers = new Map<string, Map<string, string>>();
    const rename = (folder: string, name: string): string => {
      const known = renamers.get(folder) ?? new Map<string, string>();
      renamers.set(folder, known);
      let short = known.get(name);
      if (!short) {
        short = `${language}_${tag}_${known.size.toString(36)}`;
        known.set(name, short);
        renameSync(file(folder, name), file(folder, short));
      }
      return short;
    };
    const rewritten = [...meta];
    rewritten[1] = names.pages.map(([name, words]) => [rename('fragment', name), words]);
    rewritten[2] = names.chunks.map(([from, to, name]) => [from, to, rename('index', name)]);
    rewritten[3] = names.filters.map(([filter, name]) => [filter, rename('filter', name)]);
    const tmp = join(bundleDir, `pagefind.${language}.pf_meta.tmp`);
    const bytes = writePagefindFile(tmp, rewritten);
    const hash = `${language}_${createHash('sha256').update(bytes).digest('hex').slice(0, 13)}`;
    renameSync(tmp, join(bundleDir, `pagefind.${hash}.pf_meta`));
    if (hash !== info.hash) rmSync(metaPath);
    info.hash = hash;
    result.pages += renamers.get('fragment')?.size ?? 0;
    result.before += original.length;
    result.after += bytes.length;
  }
  writeFileSync(entryPath, JSON.stringify(entry));
  return result;
}
