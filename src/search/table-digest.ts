/**
 * What the search index learns about a table from its unit's page: each
 * row's codes and name (`2101501 行政运行`), not its amounts.
 *
 * Table pages are not indexed on their own: one record per table would
 * make tables two thirds of the index (and of its build time) while a
 * search by code or subject name needs only to know which unit's which
 * table has the row. The unit page carries the digest under a heading per
 * table (`#t-<table>`), so a match comes back as that unit with the table
 * as its section, and the search page links the table (search.ts).
 */
import type { Table } from '../ingest/model/schema.ts';
import { printedText } from '../lib/format.ts';

/**
 * The digests of a unit's tables, by table id, in page order. A row's name is
 * given with the first table that has it; later tables list only its codes
 * (a code search still finds every table with the row) and leave out a row
 * that has none. The same subject names repeated table after table were a
 * fifth to two fifths of a unit page's indexed words, and every repeat is
 * one more position in the index chunk each search for the word downloads
 * (docs/performance.md).
 */
export function tableDigests(tables: readonly Table[]): Map<string, string> {
  const named = new Set<string>();
  return new Map(
    tables.map((table) => {
      const parts = new Set<string>();
      for (const row of table.rows) {
        const name = printedText(row.name ?? '').replace(/\s+/g, ' ').trim();
        const codes = [row.code, row.govCode, row.unitCode].filter(Boolean);
        const text = (named.has(name) ? codes : [...codes, name]).filter(Boolean).join(' ');
        named.add(name);
        if (text) parts.add(text);
      }
      return [table.id, [...parts].join('；')];
    }),
  );
}

/** Anchor of a table's section on its unit page. */
export function tableAnchor(tableId: string): string {
  return `t-${tableId}`;
}
