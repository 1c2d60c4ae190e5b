/**
 * Shorter names for the files of a written Pagefind bundle: its fragments
 * and its index and filter chunks.
 *
 * Pagefind names each page's fragment by a hash of its content
 * (`zh-cn_65917fe`), and its page list (`pagefind.<hash>.pf_meta`), which
 * every search downloads from every bundle, holds one such name per page. The
 * random digits do not compress, so the page list of a large corpus is mostly
 * names. Numbering the pages under one tag for the bundle
 * (`zh-cn_3f1c4bc5_1a`) makes each name short and compressible
 * (docs/performance.md, “Figures behind the design”). The tag is a hash of the page list Pagefind wrote, so a name
 * still never holds two different fragments (the service worker and CDN
 * caches rely on that), and bundles merged at query time never share names.
 *
 * The index and filter chunks, which the page list also names by hash, are
 * numbered the same way; they refer to pages by number, so their content
 * stays as written. A page list of a shape other than Pagefind 1.x writes
 * is left as it is, with a message.
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
  /** The name prefix (`<language>_<tag>_`) of each language's renamed fragments. */
  prefixes: string[];
}

/** Pagefind's file encoding: the signature, then CBOR, gzipped. */
/** What a Pagefind file holds after its signature (page lists and chunks: CBOR; fragments: JSON), gzipped or not. */
export function readPagefindPayload(path: string): Buffer {
  let bytes = readFileSync(path);
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) bytes = gunzipSync(bytes);
  if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error('no Pagefind signature');
  return bytes.subarray(SIGNATURE.length);
}

function readPagefindFile(path: string): CborValue {
  return decodeCbor(readPagefindPayload(path));
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
function namesOf(meta: CborValue): Names {
  if (!Array.isArray(meta) || typeof meta[0] !== 'string' || !meta[0].startsWith('1.')) throw new Error('not a Pagefind 1.x page list');
  const [, pages, chunks, filters] = meta;
  if (!Array.isArray(pages) || !pages.every((p) => isList(p, ['string', 'number']))) throw new Error('a page entry is not [name, word count]');
  if (!Array.isArray(chunks) || !chunks.every((c) => isList(c, ['string', 'string', 'string']))) throw new Error('an index chunk entry is not [from, to, name]');
  if (!Array.isArray(filters) || !filters.every((f) => isList(f, ['string', 'string']))) throw new Error('a filter entry is not [filter, name]');
  return { pages, chunks, filters } as Names;
}

/**
 * Renames the files of the bundle at `bundleDir` (with its pagefind-entry.json) that its page
 * lists name: fragments, and the index and filter chunks (their hashed names are part of every
 * first search too). The page lists are rewritten.
 */
export function shortenBundleNames(bundleDir: string): RenameResult {
  const entryPath = join(bundleDir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as Entry;
  const result: RenameResult = { pages: 0, before: 0, after: 0, skipped: [], prefixes: [] };
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaPath = join(bundleDir, `pagefind.${info.hash}.pf_meta`);
    const original = readFileSync(metaPath);
    let meta: CborValue[];
    let names: Names;
    try {
      meta = readPagefindFile(metaPath) as CborValue[];
      names = namesOf(meta);
    } catch (error) {
      result.skipped.push(`${metaPath}: ${error instanceof Error ? error.message : String(error)}; file names left as written`);
      continue;
    }
    const file = (folder: string, name: string) => join(bundleDir, folder, `${name}.pf_${folder}`);
    const listed: [string, string][] = [
      ...names.pages.map(([name]): [string, string] => ['fragment', name]),
      ...names.chunks.map(([, , name]): [string, string] => ['index', name]),
      ...names.filters.map(([, name]): [string, string] => ['filter', name]),
    ];
    const missing = listed.find(([folder, name]) => !existsSync(file(folder, name)));
    if (missing) {
      result.skipped.push(`${metaPath}: no ${file(...missing)}; file names left as written`);
      continue;
    }
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
    result.prefixes.push(`${language}_${tag}_`);
    result.before += original.length;
    result.after += bytes.length;
  }
  writeFileSync(entryPath, JSON.stringify(entry));
  return result;
}
