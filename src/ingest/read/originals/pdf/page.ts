/**
 * One page → what it prints in reading order: ruled tables, tables printed
 * without rules, and lines of text; page numbers and running footers
 * (“第 2 页，共 46 页”, “- 3 -”) are left out, they are not content.
 */
import type { Glyph, Rule } from './geometry.ts';
import { gridsOf, insideGrid, tableOfGrid } from './ruled.ts';
import { pageLines, type PageItem, type PageLine } from './text.ts';
import { findUnruledTables } from './unruled.ts';

/** Share of the page height at the top and at the bottom where running headers and footers are printed. */
const MARGIN_BAND = 0.1;

const PAGE_OF_RE = /^第\s*\d+\s*页\s*[,，、/]?\s*(?:共\s*\d+\s*页)?$|^共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页$|^(?:page\s*)?\d+\s*(?:\/|of)\s*\d+$/i;
const PAGE_NUMBER_RE = /^[-—–\s]*\d{1,4}[-—–\s]*$/;

export interface PageContent {
  items: PageItem[];
  /** Lines in the top or bottom band, by index in `items`: where running headers are printed. */
  marginLines: Set<number>;
}

export function lineText(line: PageLine): string {
  return line.chunks.map((c) => c.text).join(' ');
}

/** A page number as printed alone on its line: anywhere for “第 2 页，共 46 页”, in the margins for a bare number. */
function isPageNumber(text: string, inMargin: boolean): boolean {
  const t = text.trim();
  return PAGE_OF_RE.test(t) || (inMargin && PAGE_NUMBER_RE.test(t));
}

export function pageContent(glyphs: readonly Glyph[], rules: readonly Rule[], height: number): PageContent {
  const grids = gridsOf(rules);
  const items: PageItem[] = [];
  const loose: Glyph[] = [];
  for (const g of glyphs) if (!grids.some((grid) => insideGrid(grid, g))) loose.push(g);
  for (const grid of grids) {
    const table = tableOfGrid(grid, glyphs.filter((g) => insideGrid(grid, g)));
    // A frame with nothing in it (a box around a signature, a page border) is no table.
    if (table.rows.some((r) => r.some((c) => c.text !== ''))) items.push(table);
  }
  const inMargin = (l: PageLine) => l.bottom < height * MARGIN_BAND || l.top > height * (1 - MARGIN_BAND);
  const lines = pageLines(loose).filter((l) => !isPageNumber(lineText(l), inMargin(l)));
  items.push(...findUnruledTables(lines));
  items.sort((a, b) => a.top - b.top);
  const marginLines = new Set<number>();
  items.forEach((item, i) => {
    if (item.kind === 'line' && inMargin(item)) marginLines.add(i);
  });
  return { items, marginLines };
}
