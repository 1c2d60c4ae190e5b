/**
 * Tables are recognized on text in simplified characters (so 預算 matches
 * 预算), and store labels compacted for matching: title, header labels,
 * row names. Where the printed characters differ (traditional text, a
 * traditional character among simplified ones), those labels get back the
 * characters as printed.
 */
import type { HeaderCellData, Table } from '../model/schema.ts';
import type { TableRegion } from './regions.ts';
import { compact, compactPrinted, plainTitle, plainTitlePrinted } from './text.ts';

/** Compacted matching text → compacted printed text, for every cell and the title of the region where they differ. */
function printedForms(region: TableRegion): Map<string, string> {
  const forms = new Map<string, string>();
  const note = (matching: string, printed: string) => {
    if (matching !== printed && !forms.has(matching)) forms.set(matching, printed);
  };
  if (region.title) note(plainTitle(region.title.text), plainTitlePrinted(region.title.text));
  for (const part of region.parts) {
    if (part.type !== 'table') continue;
    for (const row of part.rows) for (const cell of row.cells) note(compact(cell.text), compactPrinted(cell.text));
  }
  return forms;
}

export function restorePrinted(tables: readonly Table[], region: TableRegion): void {
  const forms = printedForms(region);
  if (!forms.size) return;
  const printed = (text: string) => forms.get(text) ?? text;
  const walk = (cells: HeaderCellData[]) => {
    for (const cell of cells) {
      cell.label = printed(cell.label);
      walk(cell.children);
    }
  };
  for (const table of tables) {
    const title = printed(table.title.replace(/（续）$/, ''));
    table.title = table.title.endsWith('（续）') ? `${title}（续）` : title;
    walk(table.header);
    for (const column of table.columns) {
      const path = column.path.map(printed);
      if (column.label === column.path.join(' / ')) column.label = path.join(' / ');
      column.path = path;
    }
    for (const row of table.rows) if (row.name) row.name = printed(row.name);
  }
}
