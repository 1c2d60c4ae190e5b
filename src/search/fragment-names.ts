/**
 * Shorter names for the fragments of a written Pagefind bundle.
 *
 * Pagefind names each page's fragment by a hash of its content
 * (`zh-cn_65917fe`), and its page list (`pagefind.<hash>.pf_meta`), which
 * every search downloads from every bundle, holds one such name per page. The
 * random digits do not compress: they were about 9 bytes per indexed page,
 * 108 KB gzip of a first search at 10,000 documents. Numbering the pages
 * under one tag for the bundle (`zh-cn_3f1c4bc5_1a`) brings that to about
 * 6 bytes. The tag is a hash of the page list Pagefind wrote, so a name
 * still never holds two different fragments (the service worker and CDN
 * caches rely on that), and bundles merged at query time never share names.
 *
 * Only the page list's names change; the index and filter chunks refer to
 * pages by number. A page list of a shape other than Pagefind 1.x writes is
 * left as it is, with a message.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor, type CborValue } from './cbor.ts';

const SIGNATURE = 'pagefind_dcd';

interface Entry {
  languages: Record<string, { hash: string; page_count: number }>;
}

export interface RenameResult {
  /** Fragments renamed, over all languages of the bundle. */
  pages: number;
  /** Page-list bytes (gzip) before and after. */
  before: number;
  after: number;
  /** Why a language's page list was left as written. */
  skipped: string[];
}

/** Pagefind's file encoding: the signature, then CBOR, gzipped. */
function readPagefindFile(path: string): CborValue {
  let bytes = readFileSync(path);
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) bytes = gunzipSync(bytes);
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error('no Pagefind signature');
  return decodeCbor(bytes.subarray(SIGNATURE.length));
}

function writePagefindFile(path: string, value: CborValue): Buffer {
  const bytes = gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), encodeCbor(value)]), { level: 9 });
  writeFileSync(path, bytes);
  return bytes;
}

/** The page list of a page-list file: `[version, [[name, words], …], …]`. */
function pageList(meta: CborValue): [string, number][] {
  if (!Array.isArray(meta) || typeof meta[0] !== 'string' || !meta[0].startsWith('1.') || !Array.isArray(meta[1])) {
    throw new Error('not a Pagefind 1.x page list');
  }
  const pages = meta[1];
  for (const page of pages) {
    if (!Array.isArray(page) || page.length !== 2 || typeof page[0] !== 'string' || typeof page[1] !== 'number') throw new Error('a page entry is not [name, word count]');
  }
  return pages as [string, number][];
}

/** Renames the fragments of the bundle at `bundleDir` (with its pagefind-entry.json) and rewrites its page lists. */
export function shortenFragmentNames(bundleDir: string): RenameResult {
  const entryPath = join(bundleDir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as Entry;
  const result: RenameResult = { pages: 0, before: 0, after: 0, skipped: [] };
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaPath = join(bundleDir, `pagefind.${info.hash}.pf_meta`);
    const original = readFileSync(metaPath);
    let meta: CborValue;
    let pages: [string, number][];
    try {
      meta = readPagefindFile(metaPath);
      pages = pageList(meta);
    } catch (error) {
      result.skipped.push(`${metaPath}: ${error instanceof Error ? error.message : String(error)}; fragment names left as written`);
      continue;
    }
    const missing = pages.find(([name]) => !existsSync(join(bundleDir, 'fragment', `${name}.pf_fragment`)));
    if (missing) {
      result.skipped.push(`${metaPath}: no fragment ${missing[0]}; fragment names left as written`);
      continue;
    }
    const tag = createHash('sha256').update(original).digest('hex').slice(0, 8);
    // Pages of identical content share one fragment: they keep sharing it.
    const names = new Map<string, string>();
    const renamed = pages.map(([name, words]): [string, number] => {
      let short = names.get(name);
      if (!short) {
        short = `${language}_${tag}_${names.size.toString(36)}`;
        names.set(name, short);
        renameSync(join(bundleDir, 'fragment', `${name}.pf_fragment`), join(bundleDir, 'fragment', `${short}.pf_fragment`));
      }
      return [short, words];
    });
    const rewritten = [...(meta as CborValue[])];
    rewritten[1] = renamed;
    const tmp = join(bundleDir, `pagefind.${language}.pf_meta.tmp`);
    const bytes = writePagefindFile(tmp, rewritten);
    const hash = `${language}_${createHash('sha256').update(bytes).digest('hex').slice(0, 13)}`;
    renameSync(tmp, join(bundleDir, `pagefind.${hash}.pf_meta`));
    if (hash !== info.hash) rmSync(metaPath);
    info.hash = hash;
    result.pages += names.size;
    result.before += original.length;
    result.after += bytes.length;
  }
  writeFileSync(entryPath, JSON.stringify(entry));
  return result;
}
