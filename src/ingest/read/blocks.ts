/**
 * The block model: what every reader produces, whatever the source layout.
 *
 * Readers only split text into headings, paragraphs, table rows and cells,
 * keeping the source line (and column) of everything. They know nothing of
 * budgets; the recognizers give blocks their meaning.
 */

export interface Cell {
  /** Text of the cell, trimmed, markup kept as printed (it is data, never HTML). */
  text: string;
  /** 1-based source line of the cell's first character. */
  line: number;
  /** 1-based column of the cell's first character. */
  column: number;
  rowSpan?: number;
  colSpan?: number;
}

export interface Row {
  line: number;
  cells: Cell[];
}

export interface HeadingBlock {
  type: 'heading';
  /** 1–6 for markdown headings. */
  depth: number;
  text: string;
  line: number;
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** The line as printed (markdown such as `**` or `- ` kept). */
  text: string;
  line: number;
}

export interface TableBlock {
  type: 'table';
  rows: Row[];
  line: number;
  endLine: number;
  /** Rows above a markdown `|---|` delimiter: the source's own idea of the header. */
  headerRows?: number;
}

/**
 * A table page that text extraction flattened into one line of
 * whitespace-separated tokens: cell boundaries and order are lost.
 */
export interface FlatBlock {
  type: 'flat';
  text: string;
  tokens: Cell[];
  line: number;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | FlatBlock;

/** The name of a reader, which is the layout it understands. */
export type LayoutName = 'tsv' | 'markdown-pipe' | 'docx-cells' | 'plain';

export interface Reader {
  name: LayoutName;
  /** What the layout looks like, for people choosing or writing a reader. */
  description: string;
  /** How strongly the text looks like this layout, 0–1. */
  sniff(lines: readonly string[]): number;
  read(lines: readonly string[]): Block[];
}
