/**
 * Line-level helpers shared by the readers.
 */
import type { Block, Cell, FlatBlock, Row, TableBlock } from './blocks.ts';

const HEADING_RE = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

export function heading(line: string, lineNo: number): Block | null {
  const match = HEADING_RE.exec(line);
  if (!match) return null;
  return { type: 'heading', depth: match[1]!.length, text: match[2]!.trim(), line: lineNo };
}

/** Split `line` at every match of `separator`, keeping 1-based columns of each trimmed cell. */
export function splitCells(line: string, lineNo: number, separator: RegExp, offset = 0): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  const re = new RegExp(separator.source, 'g');
  const push = (end: number) => {
    const raw = line.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), line: lineNo, column: offset + start + lead + 1 });
  };
  for (let m = re.exec(line); m; m = re.exec(line)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(line.length);
  return cells;
}

const AMOUNT_TOKEN_RE = /^-?[\d,]+\.\d+$/;

const PROSE_PUNCTUATION_RE = /[，。；,;]/;

/**
 * A line that is a table page squashed into whitespace-separated tokens:
 * many tokens, several of them decimal amounts, no tab structure, and
 * (unlike prose with spaced-out numbers) almost no sentence punctuation.
 */
export function looksFlattened(line: string): boolean {
  if (line.includes('\t')) return false;
  const tokens = line.trim().split(/\s+/);
  if (tokens.length < 15) return false;
  const amounts = tokens.filter((t) => AMOUNT_TOKEN_RE.test(t)).length;
  // Thousands separators (16,745.59) are not sentence commas.
  const prose = tokens.filter((t) => PROSE_PUNCTUATION_RE.test(t) && !AMOUNT_TOKEN_RE.test(t)).length;
  return amounts >= 4 && prose / tokens.length < 0.1;
}

export function flatBlock(line: string, lineNo: number): FlatBlock {
  const tokens: Cell[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) tokens.push({ text: m[0], line: lineNo, column: m.index + 1 });
  return { type: 'flat', text: line, tokens, line: lineNo };
}

/** A line outside any table: a heading, a table page squashed onto the line, or a paragraph. */
export function textBlock(line: string, lineNo: number): Block {
  return heading(line, lineNo) ?? (looksFlattened(line) ? flatBlock(line, lineNo) : { type: 'paragraph', text: line.trim(), line: lineNo });
}

/** Accumulates consecutive rows into a table block. */
export class TableBuilder {
  private rows: Row[] = [];
  private headerRows: number | undefined;

  add(row: Row): void {
    this.rows.push(row);
  }

  /** Mark that the rows so far are the header (markdown delimiter row seen). */
  markHeader(): void {
    if (this.headerRows === undefined) this.headerRows = this.rows.length;
  }

  get size(): number {
    return this.rows.length;
  }

  /** Emit the table (if any rows) into `out` and start afresh. */
  flush(out: Block[]): void {
    if (this.rows.length) {
      const table: TableBlock = {
        type: 'table',
        rows: this.rows,
        line: this.rows[0]!.line,
        endLine: Math.max(...this.rows.map((r) => Math.max(r.line, ...r.cells.map((c) => c.line)))),
      };
      if (this.headerRows !== undefined) table.headerRows = this.headerRows;
      out.push(table);
    }
    this.rows = [];
    this.headerRows = undefined;
  }
}

/** Share of the non-blank lines satisfying `test`. */
export function shareOf(lines: readonly string[], test: (line: string) => boolean): number {
  let total = 0;
  let hits = 0;
  for (const line of lines) {
    if (isBlank(line)) continue;
    total++;
    if (test(line)) hits++;
  }
  return total ? hits / total : 0;
}
