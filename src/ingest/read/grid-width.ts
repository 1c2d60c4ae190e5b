/**
 * The row width of a table whose cells come as one stream, every cell in
 * its place (empty cells and the cells swallowed by a merge printed as
 * empty ones), from what the rows would look like at each width:
 * - every column of the data rows holds labels only or numbers only (empty
 *   cells fit either); rows of column numbers (栏次 | 1 | 2 …) are header;
 * - the rows are complete: the stream is a whole number of rows.
 * Several widths can pass these tests (half the true width splits every row
 * in two), so each passing width is weighed by what a real table never
 * shows: a header row printed twice in a row (项目 | 预算数, 项目 | 预算数 is
 * one two-sided row), a row with nothing in it, and more than one row of
 * bare numbers (only a single-row table such as the "三公" table has a data
 * row without a name). The width with the fewest of these wins, the
 * narrowest on a tie, since twice a true width passes as well.
 */
import type { Cell } from './blocks.ts';
import { slotOf, type Slot } from './stream.ts';

/** Header rows that number the columns (栏次, 行次) print numbers that are not amounts. */
const COLUMN_NUMBERS_RE = /^(?:栏次|行次|栏号)$/;

const compact = (text: string) => text.replace(/\s+/g, '');

function isColumnNumbers(row: readonly Cell[]): boolean {
  return row.some((c) => COLUMN_NUMBERS_RE.test(compact(c.text)));
}

/** Count of implausible rows at `width`, or null when the columns mix labels and numbers. */
function oddities(cells: readonly Cell[], slots: readonly (Slot | null)[], width: number): number | null {
  const kinds: (Slot | null)[] = Array.from({ length: width }, () => null);
  let odd = 0;
  let bareRows = 0;
  let dataRows = 0;
  let previousHeader: string | null = null;
  for (let start = 0; start < cells.length; start += width) {
    const row = slots.slice(start, start + width);
    const texts = cells.slice(start, start + width).map((c) => compact(c.text));
    if (row.every((s) => s === null)) {
      odd++;
      continue;
    }
    if (!row.includes('value') || isColumnNumbers(cells.slice(start, start + width))) {
      const key = texts.join('|');
      if (key === previousHeader) odd++;
      previousHeader = key;
      continue;
    }
    previousHeader = null;
    dataRows++;
    if (!row.includes('label')) bareRows++;
    for (let c = 0; c < width; c++) {
      const slot = row[c]!;
      if (slot === null) continue;
      if (kinds[c] === null) kinds[c] = slot;
      else if (kinds[c] !== slot) return null;
    }
  }
  if (!dataRows || !kinds.includes('value')) return null;
  return odd + Math.max(0, bareRows - 1);
}

/** The width at which `cells` read as a table, or null when no width up to `maxWidth` fits. */
export function gridWidth(cells: readonly Cell[], maxWidth = 16): number | null {
  const slots = cells.map((c) => (c.text.trim() === '' ? null : slotOf(c, false)));
  let best: { width: number; odd: number } | null = null;
  for (let width = 2; width <= Math.min(maxWidth, Math.floor(cells.length / 2)); width++) {
    if (cells.length % width !== 0) continue;
    const odd = oddities(cells, slots, width);
    if (odd !== null && (!best || odd < best.odd)) best = { width, odd };
  }
  return best?.width ?? null;
}
