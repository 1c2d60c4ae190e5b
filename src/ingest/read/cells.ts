/**
 * Reader for DOCX dumps that print one table cell per line: each cell line
 * starts with a tab, rows are separated by blank lines, and a line without
 * the leading tab right after a cell continues that cell (a line break
 * inside the cell). `[bookmark: …]` anchors are removed.
 */
import type { Block, Cell, Reader, Row } from './blocks.ts';
import { heading, isBlank, shareOf, TableBuilder } from './lines.ts';
import { CJK_TEXT_RE } from '../han.ts';

const BOOKMARK_RE = /\[bookmark:[^\]]*\]/;
const BOOKMARKS_RE = /\[bookmark:[^\]]*\]/g;
/** What comes before a cell's text on its line: the tab, blanks and bookmarks, in any order. */
const CELL_LEAD_RE = /^(?:\s|\[bookmark:[^\]]*\])*/;
const CJK_RE = CJK_TEXT_RE;

function stripBookmarks(line: string): string {
  return line.replace(BOOKMARKS_RE, '');
}

/** Join a wrapped cell line: no space between CJK characters, one space otherwise. */
function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return CJK_RE.test(a.at(-1)!) || CJK_RE.test(b[0]!) ? a + b : `${a} ${b}`;
}

/**
 * Rows broken by blank lines inside a cell come out shorter than the table.
 * Join a run of short rows when, together, they have exactly the table's
 * usual width (never the first row, which is often a caption line).
 */
export function mergeBrokenRows(rows: Row[]): Row[] {
  if (rows.length < 3) return rows;
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1);
  const width = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const out: Row[] = [rows[0]!];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.cells.length < width) {
      let total = row.cells.length;
      let j = i + 1;
      while (j < rows.length && total < width && rows[j]!.cells.length < width) total += rows[j++]!.cells.length;
      if (total === width && j > i + 1) {
        out.push({ line: row.line, cells: rows.slice(i, j).flatMap((r) => r.cells) });
        i = j - 1;
        continue;
      }
    }
    out.push(row);
  }
  return out;
}

export const cellsReader: Reader = {
  name: 'docx-cells',
  description: 'DOCX dump with one table cell per tab-indented line and blank lines between rows',
  sniff(lines) {
    return shareOf(lines, (line) => /^\t[^\t]*$/.test(line));
  },
  read(lines) {
    const blocks: Block[] = [];
    const table = new TableBuilder();
    let cells: Cell[] = [];
    const endRow = () => {
      if (cells.length) table.add({ line: cells[0]!.line, cells });
      cells = [];
    };
    const endTable = () => {
      endRow();
      const before = blocks.length;
      table.flush(blocks);
      const added = blocks[before];
      if (added?.type === 'table') added.rows = mergeBrokenRows(added.rows);
    };
    lines.forEach((raw, index) => {
      const lineNo = index + 1;
      const line = stripBookmarks(raw);
      if (line.startsWith('\t')) {
        // The column is counted on the raw line: only bookmarks before the text shift it.
        cells.push({ text: line.slice(1).trim(), line: lineNo, column: CELL_LEAD_RE.exec(raw)![0].length + 1 });
        return;
      }
      if (isBlank(line)) {
        endRow();
        return;
      }
      const last = cells.at(-1);
      // Wrapped cell text starts at the margin; a new paragraph is indented or bookmarked.
      if (last && !/^\s/.test(raw) && !BOOKMARK_RE.test(raw)) {
        // An empty cell whose text starts on the next line is located there.
        if (!last.text) Object.assign(last, { line: lineNo, column: 1 });
        last.text = joinWrapped(last.text, line.trim());
        return;
      }
      endTable();
      const h = heading(line, lineNo);
      blocks.push(h ?? { type: 'paragraph', text: line.trim(), line: lineNo });
    });
    endTable();
    return blocks;
  },
};
