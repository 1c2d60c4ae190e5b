/**
 * The text of a source as the ingest read it, for the line-numbered source
 * pages: a text file decoded exactly as the ingest decoded it, an original
 * (PDF, Word, Excel, web page) as its reader read it, which the ingest keeps
 * in the source's content file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Reporter } from '../ingest/diagnostics.ts';
import { sourceId } from '../ingest/ids.ts';
import type { Source } from '../ingest/model/schema.ts';
import { decode } from '../ingest/read/decode.ts';
import { originalFormatOf } from '../ingest/read/originals/detect.ts';
import { contentFolder } from './content-dir.ts';

/** Folder the sources were ingested from (`SEEDS_DIR`, default `seeds`). */
const seedsDir = process.env.SEEDS_DIR || 'seeds';

/** The bytes of a source file as published. */
export function sourceBytes(file: string): Buffer {
  return readFileSync(join(seedsDir, file));
}

export function sourceLines(file: string): string[] | null {
  const bytes = sourceBytes(file);
  if (originalFormatOf(file, bytes) !== null) {
    const source = JSON.parse(readFileSync(join(contentFolder('sources'), `${sourceId(file)}.json`), 'utf8')) as Source;
    return source.original?.text.length ? source.original.text : null;
  }
  const { text } = decode(bytes, new Reporter(file));
  return text === null ? null : text.split('\n');
}
