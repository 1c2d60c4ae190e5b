/**
 * The original text of a source, decoded exactly as the ingest decoded it,
 * for the line-numbered source pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Reporter } from '../ingest/diagnostics.ts';
import { decode } from '../ingest/read/decode.ts';

/** Folder the sources were ingested from (`SEEDS_DIR`, default `seeds`). */
export const seedsDir = process.env.SEEDS_DIR || 'seeds';

export function sourceLines(file: string): string[] | null {
  const { text } = decode(readFileSync(join(seedsDir, file)), new Reporter(file));
  return text === null ? null : text.split('\n');
}
