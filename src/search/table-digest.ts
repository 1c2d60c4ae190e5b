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

export function tableDigest(table: Table): string {
  const parts = new Set<string>();
  for (const row of table.rows) {
    const name = printedText(row.name ?? '').replace(/\s+/g, ' ');
    const text = [row.code, row.govCode, row.unitCode, name].filter(Boolean).join(' ');
    if (text) parts.add(text);
  }
  return [...parts].join('；');
}

/** Anchor of a table's section on its unit page. */
export function tableAnchor(tableId: string): string {
  return `t-${tableId}`;
}
