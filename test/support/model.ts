/**
 * Reading the built site's open data in tests: the catalog and each
 * entity's model, as published in dist/data/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../../src/ingest/model/schema.ts';

export interface Catalog {
  base: string;
  sources: { file: string; url: string; entities: string[]; diagnostics: { line: number }[] }[];
  entities: {
    id: string;
    name: string;
    region: string;
    year: number;
    url: string;
    source: string;
    tables: { id: string; kind: string; title: string; url: string | null; csv: string | null; json: string }[];
    projects: { id: string; name: string; url: string | null }[];
    findings: { errors: number; warnings: number };
  }[];
  subjects: { code: string; name: string; url: string }[];
}

export function readCatalog(dist = 'dist'): Catalog {
  return JSON.parse(readFileSync(join(dist, 'data/catalog.json'), 'utf8')) as Catalog;
}

export function readEntity(id: string, dist = 'dist'): Entity {
  return JSON.parse(readFileSync(join(dist, 'data', `${id}.json`), 'utf8')) as Entity;
}

/** Minimal RFC 4180 parser (quotes, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
