/**
 * The document's own index of its tables (报表目录): which tables it
 * publishes, and which it declares empty and why. Tables are matched to
 * entries by number (表9) or by title.
 */
import type { Table } from '../model/schema.ts';
import { compact } from './text.ts';

export interface DeclaredEntry {
  number?: string;
  title: string;
  empty: boolean;
  reason?: string;
  line: number;
}

export function isTableIndex(table: Table): boolean {
  return /报表目录|表格目录|公开表目录/.test(compact(table.title));
}

export function declaredEntries(index: Table): DeclaredEntry[] {
  const find = (re: RegExp) => index.columns.findIndex((c) => re.test(compact(c.label)));
  const numberCol = find(/^报表$|序号|表号/);
  const titleCol = find(/名称/);
  const emptyCol = find(/空表/);
  const reasonCol = find(/理由|原因|说明/);
  if (titleCol < 0) return [];
  return index.rows.flatMap((row) => {
    const title = compact(row.cells[titleCol]?.text ?? '');
    if (!title) return [];
    const entry: DeclaredEntry = { title, empty: /^(?:是|空表|√)$/.test(compact(row.cells[emptyCol]?.text ?? '')), line: row.line };
    const number = compact(row.cells[numberCol]?.text ?? '');
    if (numberCol >= 0 && number) entry.number = number;
    const reason = compact(row.cells[reasonCol]?.text ?? '');
    if (reasonCol >= 0 && reason) entry.reason = reason;
    return [entry];
  });
}

/** Attach each entry to the table it names. */
export function applyDeclared(tables: Table[], entries: readonly DeclaredEntry[]): void {
  for (const entry of entries) {
    const table =
      tables.find((t) => entry.number !== undefined && t.number === entry.number) ??
      tables.find((t) => compact(t.title) === entry.title || compact(t.title).endsWith(entry.title));
    if (!table) continue;
    table.declared = { empty: entry.empty, line: entry.line };
    if (entry.reason) table.declared.reason = entry.reason;
  }
}
