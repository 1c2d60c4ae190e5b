/**
 * Reader for rows separated by bars without markdown's frame: `a | b | c |`
 * (no leading bar), `| a | b | c` (no trailing bar), and framed rows with
 * no `|---|` delimiter under the header. Each line with two bars or more is
 * a row; a leading or trailing bar closes the row and adds no cell, except
 * that in a table whose first row prints no leading bar, a row starting with
 * a bar starts with an empty cell; `\|` is a bar inside a cell.
 */
import type { Block, Cell, Reader } from './blocks.ts';
import { isBlank, shareOf, splitCells, TableBuilder, textBlock } from './lines.ts';

const BAR_RE = /(?<!\\)\|/g;
const FRAMED_RE = /^\s*\|.*\|\s*$/;
const DELIMITER_RE = /^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?\|?\s*$/;

function barCount(line: string): number {
  return line.match(BAR_RE)?.length ?? 0;
}

/** A row of this layout: two bars or more, with text in at least two cells. */
function isPipeRow(line: string): boolean {
  if (barCount(line) < 2 || DELIMITER_RE.test(line)) return false;
  return rowCells(line, 1).filter((c) => c.text).length >= 2;
}

/**
 * Cells of a row; `leadIsCell` when the rows above print no leading bar (`a | b |`), so that a line
 * starting with a bar starts with an empty cell (the code cell of a 合计 row, the cells under a merged header).
 */
function rowCells(line: string, lineNo: number, leadIsCell = false): Cell[] {
  let open = 0;
  let close = line.length;
  const lead = /^\s*\|/.exec(line);
  if (lead && !leadIsCell) open = lead[0].length;
  const trail = /(?<!\\)\|\s*$/.exec(line.slice(open));
  if (trail) close = open + trail.index;
  return splitCells(line.slice(open, close), lineNo, /(?<!\\)\|/, open).map((cell) => ({ ...cell, text: cell.text.replace(/\\\|/g, '|') }));
}

export const pipeRowsReader: Reader = {
  name: 'pipe-rows',
  description: 'Rows with cells separated by bars, without markdown framing (`a | b | c |`) or without a header delimiter',
  sniff(lines) {
    // Framed rows are markdown's; this layout is told by rows that lack the frame.
    return shareOf(lines, (line) => isPipeRow(line) && !FRAMED_RE.test(line));
  },
  read(lines) {
    const blocks: Block[] = [];
    const table = new TableBuilder();
    /** Whether the current table's first row prints a leading bar. */
    let framedLeft = false;
    lines.forEach((line, index) => {
      const lineNo = index + 1;
      if (table.size && DELIMITER_RE.test(line)) {
        table.markHeader();
        return;
      }
      // Inside a table a row may print one cell only (`二、政府性基金拨款收入 | | |`).
      if (isPipeRow(line) || (table.size && barCount(line) >= 2)) {
        if (!table.size) framedLeft = /^\s*\|/.test(line);
        table.add({ line: lineNo, cells: rowCells(line, lineNo, table.size > 0 && !framedLeft) });
        return;
      }
      table.flush(blocks);
      if (!isBlank(line)) blocks.push(textBlock(line, lineNo));
    });
    table.flush(blocks);
    return blocks;
  },
};
