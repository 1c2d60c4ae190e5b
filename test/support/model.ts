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

/** Cell text as the pages show it (the same rule as src/lib/format.ts printedText). */
export function shown(text: string): string {
  return text
    .replace(/<\/?(?:b|strong|i|em|u)>/gi, '')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .trim();
}

/** Row anchors as the table pages assign them: r-<line>, r-<line>-2 … */
export function anchors(rows: readonly { line: number }[]): string[] {
  const seen = new Map<number, number>();
  return rows.map((r) => {
    const n = (seen.get(r.line) ?? 0) + 1;
    seen.set(r.line, n);
    return n > 1 ? `r-${r.line}-${n}` : `r-${r.line}`;
  });
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
