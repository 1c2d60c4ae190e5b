/**
 * Text runs → printed lines: runs on one baseline are one line, split into
 * chunks where a wide gap separates them (the columns of a table printed
 * without rules, a caption printed at the right margin).
 */
import type { Glyph } from './geometry.ts';
import { CJK_TEXT_RE } from '../../../han.ts';

export interface PageCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Covered by a merged cell above or to the left: printed empty. */
  covered: boolean;
}

export interface PageTable {
  kind: 'table';
  rows: PageCell[][];
  top: number;
  bottom: number;
  /** Left edge (x) of each column. */
  columns: number[];
}

/** A chunk: runs of one line close enough to be read as one phrase. */
export interface Chunk {
  text: string;
  x0: number;
  x1: number;
}

export interface PageLine {
  kind: 'line';
  chunks: Chunk[];
  top: number;
  bottom: number;
  size: number;
}

export type PageItem = PageTable | PageLine;

const CJK_RE = CJK_TEXT_RE;

/** Join two pieces of one phrase: no space next to CJK text, one space between Latin words. */
export function joinText(a: string, b: string, spaced: boolean): string {
  if (!a) return b;
  if (!b) return a;
  if (!spaced || CJK_RE.test(a.at(-1)!) || CJK_RE.test(b[0]!)) return a + b;
  return a.endsWith(' ') || b.startsWith(' ') ? a + b : `${a} ${b}`;
}

/** Runs on one baseline: their vertical extents overlap by more than half the smaller one. */
function sameLine(a: { top: number; bottom: number }, b: Glyph): boolean {
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap > 0.5 * Math.min(a.bottom - a.top, b.bottom - b.top);
}

/** Glyphs grouped into lines, top down, each line's runs left to right. */
function groupLines(glyphs: readonly Glyph[]): Glyph[][] {
  const sorted = [...glyphs].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const lines: { top: number; bottom: number; glyphs: Glyph[] }[] = [];
  for (const g of sorted) {
    const line = lines.findLast((l) => sameLine(l, g));
    if (line) {
      line.glyphs.push(g);
      line.top = Math.min(line.top, g.top);
      line.bottom = Math.max(line.bottom, g.bottom);
    } else lines.push({ top: g.top, bottom: g.bottom, glyphs: [g] });
  }
  return lines.sort((a, b) => a.top - b.top).map((l) => l.glyphs.sort((a, b) => a.x0 - b.x0));
}

/** The text of a cell: its lines joined (a name wrapped inside a cell reads as one name). */
export function joinLines(glyphs: readonly Glyph[]): string {
  let text = '';
  for (const line of groupLines(glyphs)) {
    const chunks = chunksOf(line, Infinity);
    text = joinText(text, chunks.map((c) => c.text).join(''), true);
  }
  return text.trim();
}

/**
 * Runs of one line as chunks: a gap wider than `gapEm` times the font size
 * starts a new chunk; a smaller gap is a space between words (or none, for CJK).
 */
function chunksOf(line: readonly Glyph[], gapEm: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (const g of line) {
    const last = chunks.at(-1);
    const gap = last ? g.x0 - last.x1 : Infinity;
    if (last && gap <= gapEm * g.size) {
      last.text = joinText(last.text, g.text, gap > 0.2 * g.size);
      last.x1 = Math.max(last.x1, g.x1);
    } else chunks.push({ text: g.text, x0: g.x0, x1: g.x1 });
  }
  for (const c of chunks) c.text = c.text.replace(/\s+/g, ' ').trim();
  return chunks.filter((c) => c.text !== '');
}

/** Gap (in font sizes) that separates table columns or a caption from the text beside it. */
const COLUMN_GAP_EM = 1.5;

export function pageLines(glyphs: readonly Glyph[]): PageLine[] {
  return groupLines(glyphs).map((line) => ({
    kind: 'line',
    chunks: chunksOf(line, COLUMN_GAP_EM),
    top: Math.min(...line.map((g) => g.top)),
    bottom: Math.max(...line.map((g) => g.bottom)),
    size: median(line.map((g) => g.size)),
  }));
}

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
