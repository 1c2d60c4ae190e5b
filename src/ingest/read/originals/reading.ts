/**
 * Builds an original's reading: the text as read (one line per paragraph or
 * table row, cells joined by tabs, as a tab-separated export would print
 * them) together with the blocks and where each line was printed. Every
 * format reader feeds it paragraphs and tables of cells with their spans.
 */
import type { Block, Cell, Row, TableBlock } from '../blocks.ts';
import type { OriginalReading, PrintedAt } from './types.ts';
import { CJK_TEXT_RE } from '../../han.ts';

/** A cell as the original file holds it, before spans are laid out. */
export interface SpanCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

export interface SpanRow {
  cells: SpanCell[];
  at?: PrintedAt;
}

/** A row laid out on the table's grid: one cell per column, covered cells empty. */
export interface GridRow {
  cells: SpanCell[];
  at?: PrintedAt;
}

const CJK = CJK_TEXT_RE;

/**
 * Cell or paragraph text on one line: a line break inside a Chinese cell is
 * a wrap of one word (一般公共<br>服务), so it joins without a space; between
 * Latin words or numbers it stays a space.
 */
export function oneLine(text: string): string {
  const parts = text.split(/\s*[\r\n\u2028\u2029]+\s*/).map((p) => p.replace(/[\t\u00a0\s]+/g, ' ').trim()).filter(Boolean);
  let out = '';
  for (const part of parts) {
    if (!out) out = part;
    else if (CJK.test(out.at(-1)!) || CJK.test(part[0]!)) out += part;
    else out += ` ${part}`;
  }
  return out;
}

/**
 * Places cells with row and column spans on a rectangular grid, as a browser
 * lays out a table: a cell goes to the first column its row has free, a merged
 * cell keeps its text in its first position and the positions it covers are
 * empty cells, so column indexes line up as in a tab-separated row.
 */
export function layOut(rows: readonly SpanRow[]): GridRow[] {
  const grid: (SpanCell | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c]) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const placed: SpanCell = { text: cell.text };
      if (rowSpan > 1) placed.rowSpan = rowSpan;
      if (colSpan > 1) placed.colSpan = colSpan;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![c + dc] = dr || dc ? { text: '' } : placed;
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  return grid.map((cells, r) => {
    const out: GridRow = { cells: Array.from({ length: width }, (_, c) => cells[c] ?? { text: '' }) };
    if (rows[r]!.at) out.at = rows[r]!.at;
    return out;
  });
}

export class ReadingBuilder {
  readonly lines: string[] = [];
  readonly blocks: Block[] = [];
  readonly printedAt: (PrintedAt | undefined)[] = [];

  private push(line: string, at: PrintedAt | undefined): number {
    this.lines.push(line);
    this.printedAt.push(at);
    return this.lines.length;
  }

  heading(text: string, depth: number, at?: PrintedAt): void {
    const clean = oneLine(text);
    if (!clean) return;
    const d = Math.min(6, Math.max(1, depth));
    const line = this.push(`${'#'.repeat(d)} ${clean}`, at);
    this.blocks.push({ type: 'heading', depth: d, text: clean, line });
  }

  paragraph(text: string, at?: PrintedAt): void {
    const clean = oneLine(text);
    if (!clean) return;
    const line = this.push(clean, at);
    this.blocks.push({ type: 'paragraph', text: clean, line });
  }

  /** A table laid out on its grid; rows with no text at all are left out, as a blank line would end the table. */
  table(rows: readonly GridRow[]): TableBlock | null {
    const kept: Row[] = [];
    for (const row of rows) {
      const texts = row.cells.map((c) => oneLine(c.text));
      if (texts.every((t) => !t)) continue;
      const lineNo = this.lines.length + 1;
      const cells: Cell[] = [];
      let offset = 0;
      texts.forEach((text, i) => {
        const cell: Cell = { text, line: lineNo, column: offset + 1 };
        const source = row.cells[i]!;
        if (source.rowSpan) cell.rowSpan = source.rowSpan;
        if (source.colSpan) cell.colSpan = source.colSpan;
        cells.push(cell);
        offset += text.length + 1;
      });
      this.push(texts.join('\t'), row.at);
      kept.push({ line: lineNo, cells });
    }
    if (!kept.length) return null;
    const block: TableBlock = { type: 'table', rows: kept, line: kept[0]!.line, endLine: kept.at(-1)!.line };
    this.blocks.push(block);
    return block;
  }

  /**
   * A table of a Word file or web page. The rows of a one-column table are
   * paragraphs: such tables frame text. Rows at the top or bottom of a table
   * holding one cell merged over (nearly) the whole width are the title, the
   * unit line or a note that the author typed into the table: they are
   * printed above or below it, as paragraphs.
   */
  tableOrParagraphs(rows: readonly GridRow[]): void {
    const width = rows[0]?.cells.length ?? 0;
    if (width <= 1) {
      for (const row of rows) this.paragraph(row.cells[0]?.text ?? '', row.at);
      return;
    }
    const banner = (row: GridRow) => {
      const filled = row.cells.filter((c) => oneLine(c.text));
      return filled.length === 1 && (filled[0]!.colSpan ?? 1) * 4 >= width * 3;
    };
    let first = 0;
    let last = rows.length;
    while (first < last && banner(rows[first]!)) first++;
    while (last > first && banner(rows[last - 1]!)) last--;
    const text = (row: GridRow) => row.cells.find((c) => oneLine(c.text))?.text ?? '';
    for (const row of rows.slice(0, first)) this.paragraph(text(row), row.at);
    this.table(rows.slice(first, last));
    for (const row of rows.slice(last)) this.paragraph(text(row), row.at);
  }

  result(format: OriginalReading['format'], parts: number): OriginalReading {
    return { format, lines: this.lines, blocks: this.blocks, printedAt: this.printedAt, parts };
  }
}
