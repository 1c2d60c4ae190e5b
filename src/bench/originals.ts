/**
 * The originals corpus of the benchmark: synthetic documents written out as
 * the files bureaus publish (a workbook per document, one sheet per table),
 * ingested side by side with the same documents as text, and the model of
 * both compared: tables recognized and sheets read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, Source } from '../ingest/model/schema.ts';

export interface CorpusModel {
  documents: number;
  entities: number;
  tables: number;
  rows: number;
  /** Sheets or pages of the originals read. */
  parts: number;
}

/** Counts of a content folder written by the ingest, limited to the sources named in `files`. */
export function corpusModel(contentDir: string, files: ReadonlySet<string>): CorpusModel {
  const model: CorpusModel = { documents: 0, entities: 0, tables: 0, rows: 0, parts: 0 };
  const entityIds = new Set<string>();
  for (const name of readdirSync(join(contentDir, 'sources'))) {
    const source = JSON.parse(readFileSync(join(contentDir, 'sources', name), 'utf8')) as Source;
    if (!files.has(source.file)) continue;
    model.documents++;
    model.parts += source.original?.parts ?? 0;
    for (const id of source.entities) entityIds.add(id);
  }
  for (const id of entityIds) {
    const entity = JSON.parse(readFileSync(join(contentDir, 'entities', `${id}.json`), 'utf8')) as Entity;
    model.entities++;
    model.tables += entity.tables.length;
    model.rows += entity.tables.reduce((n, t) => n + t.rows.length, 0);
  }
  return model;
}

/** The file name of a text document's workbook. */
export function workbookName(file: string): string {
  return `${file.replace(/\.[^.]+$/, '')}.xlsx`;
}
