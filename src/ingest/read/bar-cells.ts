/**
 * Reader for HTML tables that a copy from a web page flattened to one cell
 * per line, each line ending in ` |`. Nothing marks the end of a row. A
 * lone `|` is an empty cell; a bare line of n bars (`||`) stands for the n
 * cells that merges left empty, printed where the merge is or at the end of
 * its row.
 *
 * With every cell in its place, the table's width is the one at which the
 * rows read as a table (see grid-width.ts: columns of labels or of numbers,
 * no header row printed twice, no empty row, at most one row of bare
 * numbers). When the stream is no whole grid (a caption cell before it, a
 * row cut short), the width comes from the first merged row (its cells plus
 * its bars) or from the label-and-numbers pattern of the stream
 * (stream.ts).
 */
import type { Block, Cell, ReadNote, Reader, Row } from './blocks.ts';
import { heading, isBlank, shareOf } from './lines.ts';
import { consistentWidth, streamRows } from './stream.ts';
import { gridWidth } from './grid-width.ts';
import { parseAmount } from '../model/money.ts';

/** `text |`, `|`, or `||…`: one cell, an empty cell, or the bars of a merged row. */
const BAR_LINE_RE = /^\s*([^|]*?)\s*(\|+)\s*$/;

interface Token {
  cell: Cell;
  /** Bars of a merged row (0 for a cell). */
  merged: number;
}

function tokenOf(line: string, lineNo: number): Token | null {
  const m = line.includes('|') ? BAR_LINE_RE.exec(line) : null;
  if (!m) return null;
  const text = m[1]!;
  const bars = m[2]!.length;
  const column = text ? line.indexOf(text) + 1 : line.indexOf('|') + 1;
  if (!text && bars >= 2) return { cell: { text: '', line: lineNo, column }, merged: bars };
  // `text ||`: a cell that closes a merged row.
  return { cell: { text, line: lineNo, column }, merged: bars >= 2 ? bars - 1 : 0 };
}

const hasAmount = (cells: readonly Cell[]) => cells.some((c) => parseAmount(c.text).kind === 'amount');

interface Placed {
  cell: Cell;
  /** The token the cell comes from, and whether it is one a merge left empty. */
  token: number;
  merge: boolean;
}

/** The stream with every cell in its place: a run of n bars stands for n cells a merge left empty. */
function placedCells(tokens: readonly Token[]): Placed[] {
  const out: Placed[] = [];
  tokens.forEach(({ cell, merged }, token) => {
    if (cell.text || !merged) out.push({ cell, token, merge: false });
    for (let i = 0; i < merged; i++) out.push({ cell: { text: '', line: cell.line, column: cell.column }, token, merge: true });
  });
  return out;
}

/**
 * A row whose merged cells are printed as bars at its end, the next row
 * starting with a cell of its own (收入 | 支出 | `||||`): the bars say how
 * many cells the merges took, not where. A header row then keeps its labels
 * alone for the recognizer to spread over the columns; a data row has
 * merged its label over the cells to its right (合计 spanning 项目 and 行次).
 */
function rowOf(placed: readonly Placed[], tokens: readonly Token[]): Cell[] {
  const cells = placed.map((p) => p.cell);
  const last = placed.at(-1)!;
  const next = tokens[last.token + 1];
  if (!last.merge || (next && !next.cell.text)) return cells;
  const own = placed.filter((p) => !(p.merge && p.token === last.token)).map((p) => p.cell);
  const merged = cells.length - own.length;
  if (!hasAmount(own) || !own.length) return own.length ? own : cells;
  const label = own[0]!;
  return [label, ...Array.from({ length: merged }, () => ({ text: '', line: label.line, column: label.column })), ...own.slice(1)];
}

/** Rows of one run of bar lines; cells before the first row that the evidence places go out as text. */
function rowsOf(tokens: readonly Token[]): { lead: Cell[]; rows: Row[] } {
  // Every cell in its place: the width is the one at which the rows read as a table.
  const placed = placedCells(tokens);
  const grid = gridWidth(placed.map((p) => p.cell));
  if (grid) {
    const rows: Row[] = [];
    for (let start = 0; start < placed.length; start += grid) {
      const cells = rowOf(placed.slice(start, start + grid), tokens);
      rows.push({ line: cells.find((c) => c.text)?.line ?? cells[0]!.line, cells });
    }
    return { lead: [], rows };
  }
  return rowsByMerge(tokens);
}

/**
 * Rows when the placed stream is not a whole grid (a caption cell before the
 * table, a row cut short): the width of the first merged row, else the
 * label-and-numbers pattern of the stream.
 */
function rowsByMerge(tokens: readonly Token[]): { lead: Cell[]; rows: Row[] } {
  const cellsOnly = tokens.filter((t) => !t.merged || t.cell.text).map((t) => t.cell);
  let width = 0;
  let start = 0;
  const firstMerged = tokens.findIndex((t) => t.merged > 0);
  if (firstMerged >= 0) {
    // The first merged row starts the table: its cells and its bars are the table's width.
    const before = tokens.slice(0, firstMerged + 1).filter((t) => !t.merged || t.cell.text).length;
    width = before + tokens[firstMerged]!.merged;
  } else {
    // Nothing merged: the narrowest width at which the columns hold labels or numbers throughout,
    // else the width of the label-and-numbers pattern (the rows after a caption cell).
    const grid = consistentWidth(cellsOnly, false);
    const found = grid ? null : streamRows(cellsOnly, true);
    if (grid) width = grid;
    else if (found && found.width >= 2) {
      width = found.width;
      start = Math.max(0, found.dataStart - width);
    }
  }
  if (width < 2) return { lead: cellsOnly, rows: [] };
  const lead = cellsOnly.slice(0, start);
  const rows: Row[] = [];
  let cells: Cell[] = [];
  let seen = 0;
  const close = (merged: number) => {
    if (!cells.length && !merged) return;
    if (merged && hasAmount(cells) && cells.length) {
      // A merged data row: its label spans the swallowed cells.
      const label = cells[0]!;
      cells.splice(1, 0, ...Array.from({ length: merged }, () => ({ text: '', line: label.line, column: label.column })));
    }
    if (cells.length) rows.push({ line: cells[0]!.line, cells });
    cells = [];
  };
  for (const token of tokens) {
    if (token.merged === 0 || token.cell.text) {
      if (seen++ < start) continue;
      cells.push(token.cell);
    }
    if (token.merged) close(token.merged);
    else if (cells.length >= width) close(0);
  }
  close(0);
  return { lead, rows };
}

export const barCellsReader: Reader = {
  name: 'html-bar-cells',
  description: 'HTML table copied from a web page: one cell per line ending in ` |`, bare `||` lines where cells were merged',
  sniff(lines) {
    return shareOf(lines, (line) => line.includes('|') && BAR_LINE_RE.test(line));
  },
  read(lines, notes?: ReadNote[]) {
    const blocks: Block[] = [];
    let run: Token[] = [];
    const flush = () => {
      if (!run.length) return;
      const { lead, rows } = rowsOf(run);
      if (!rows.length && run.length >= 2) {
        const [first, last] = [run[0]!.cell, run.at(-1)!.cell];
        notes?.push({
          ruleId: 'read:cells-without-rows',
          message: `第 ${first.line}–${last.line} 行是逐格换行的表格单元格（以“ |”结尾），但看不出每行有几格（没有合并格，也没有“名称 + 数字”的规律），按文字保留。`,
          line: first.line,
          column: first.column,
        });
      }
      for (const cell of lead) if (cell.text) blocks.push({ type: 'paragraph', text: cell.text, line: cell.line });
      if (rows.length) {
        blocks.push({ type: 'table', rows, line: rows[0]!.line, endLine: Math.max(...rows.map((r) => Math.max(...r.cells.map((c) => c.line)))) });
      }
      run = [];
    };
    lines.forEach((line, index) => {
      const lineNo = index + 1;
      if (isBlank(line)) return;
      const token = tokenOf(line, lineNo);
      if (token) {
        run.push(token);
        return;
      }
      flush();
      blocks.push(heading(line, lineNo) ?? { type: 'paragraph', text: line.trim(), line: lineNo });
    });
    flush();
    return blocks;
  },
};
