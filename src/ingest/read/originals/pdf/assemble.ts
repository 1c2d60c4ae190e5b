/**
 * The pages as read → the text a reader sees (one line per paragraph or table
 * row, cells joined by tabs), the blocks over those lines, and the page each
 * line was printed on. A table continued on the next page stays a table part
 * of its own there, so the recognizer joins the parts and drops a repeated
 * header as it does for text extracted page by page.
 */
import type { Block, Cell, Row, TableBlock } from '../../blocks.ts';
import type { PrintedAt } from '../types.ts';
import { lineText, type PageContent } from './page.ts';
import { joinText, median, type PageCell, type PageLine, type PageTable } from './text.ts';

export interface Assembled {
  lines: string[];
  blocks: Block[];
  printedAt: (PrintedAt | undefined)[];
}

/** A line printed this much larger than the page's usual text is a heading. */
const HEADING_RATIO = 1.15;
const TITLE_RATIO = 1.5;
/** A paragraph line that starts a new item rather than continuing the line above. */
const ITEM_START_RE = /^(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|注\s*[:：\d])/;
/** Running headers are never captions (unit, year, money unit), which repeat above every table page too. */
const CAPTION_LIKE_RE = /[：:]|单位|年度|万元/;

const normalize = (text: string) => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/** Text printed in a page margin on many pages alike (the document's name above every page). */
function runningLines(pages: readonly PageContent[]): Set<string> {
  const seen = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set<string>();
    for (const i of page.marginLines) {
      const item = page.items[i] as PageLine;
      const text = lineText(item);
      if (!CAPTION_LIKE_RE.test(text)) keys.add(normalize(text));
    }
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const running = new Set<string>();
  for (const [key, count] of seen) if (count >= 3 && count >= pages.length / 2) running.add(key);
  return running;
}

/** Column edges that match within this distance (points) are the same columns. */
const SAME_COLUMN = 2;

const rowKey = (row: readonly { text: string }[]) => row.map((c) => c.text).join('\t');

/**
 * A table at the top of a page that goes on with the table ending the page
 * before: the same columns, and its first row is not that table's header
 * printed again (a repeated header makes it a part of its own, which the
 * recognizer joins).
 */
function continuesTable(prev: { table: PageTable; header: string } | null, next: PageTable): boolean {
  if (!prev || prev.table.columns.length !== next.columns.length) return false;
  if (!prev.table.columns.every((x, i) => Math.abs(x - next.columns[i]!) <= SAME_COLUMN)) return false;
  return next.rows.length > 0 && rowKey(next.rows[0]!) !== prev.header;
}

class Writer {
  readonly lines: string[] = [];
  readonly blocks: Block[] = [];
  readonly printedAt: (PrintedAt | undefined)[] = [];
  /** The table written last, while nothing else has been written after it. */
  open: { table: PageTable; header: string; block: TableBlock } | null = null;

  push(text: string, page: number | undefined): number {
    this.lines.push(text);
    this.printedAt.push(page === undefined ? undefined : { page });
    return this.lines.length;
  }

  blank(): void {
    if (this.lines.length && this.lines.at(-1) !== '') this.push('', undefined);
  }

  table(table: PageTable, page: number, pageTop: boolean): void {
    // A row of one cell across the whole table, above or below its rows, is a title, caption or note drawn inside the frame.
    const width = table.rows[0]?.length ?? 0;
    const across = (row: readonly PageCell[]) => width > 1 && row[0]!.colSpan === width && row[0]!.rowSpan === 1;
    let from = 0;
    let to = table.rows.length;
    while (from < to && across(table.rows[from]!)) this.text(table.rows[from++]![0]!.text, page, null);
    while (to > from && across(table.rows[to - 1]!)) to--;
    const trailing = table.rows.slice(to);
    table = { ...table, rows: table.rows.slice(from, to) };
    this.writeTable(table, page, pageTop && from === 0);
    for (const row of trailing) this.text(row[0]!.text, page, null);
  }

  private writeTable(table: PageTable, page: number, pageTop: boolean): void {
    if (!table.rows.length) return;
    this.blank();
    const joined = pageTop && continuesTable(this.open, table) ? this.open : null;
    const rows: Row[] = [];
    for (const printed of table.rows) {
      // Rows with nothing printed and nothing merged into them are gaps in the drawing, not rows.
      if (printed.every((c) => !c.covered && c.text === '' && c.rowSpan === 1 && c.colSpan === 1)) continue;
      const lineNo = this.lines.length + 1;
      const cells: Cell[] = [];
      let column = 1;
      for (const p of printed) {
        const cell: Cell = { text: p.text, line: lineNo, column };
        if (p.rowSpan > 1) cell.rowSpan = p.rowSpan;
        if (p.colSpan > 1) cell.colSpan = p.colSpan;
        cells.push(cell);
        column += p.text.length + 1;
      }
      this.push(printed.map((c) => c.text).join('\t'), page);
      rows.push({ line: lineNo, cells });
    }
    if (joined && rows.length) {
      joined.block.rows.push(...rows);
      joined.block.endLine = rows.at(-1)!.line;
    } else if (rows.length) {
      const block: TableBlock = { type: 'table', rows, line: rows[0]!.line, endLine: rows.at(-1)!.line };
      this.blocks.push(block);
      this.open = { table, header: rowKey(table.rows[0]!), block };
    }
    this.blank();
  }

  text(text: string, page: number, heading: number | null): void {
    if (!text) return;
    this.open = null;
    const line = this.push(text, page);
    this.blocks.push(heading ? { type: 'heading', depth: heading, text, line } : { type: 'paragraph', text, line });
  }
}

/** Lines of one paragraph: same size, close together, the upper one running to the right edge of the text. */
function continues(prev: PageLine, next: PageLine, rightEdge: number): boolean {
  return (
    prev.chunks.length === 1 &&
    next.chunks.length === 1 &&
    Math.abs(prev.size - next.size) <= 0.5 &&
    next.top - prev.bottom <= 0.8 * next.size &&
    prev.chunks[0]!.x1 >= rightEdge - 1.5 * prev.size &&
    !ITEM_START_RE.test(next.chunks[0]!.text)
  );
}

export function assemble(pages: readonly PageContent[], firstPage = 1): Assembled {
  const out = new Writer();
  const running = runningLines(pages);
  pages.forEach((content, p) => {
    const page = firstPage + p;
    const lines = content.items.filter((item, i): item is PageLine => item.kind === 'line' && !(content.marginLines.has(i) && running.has(normalize(lineText(item)))));
    const body = median(lines.map((l) => l.size));
    const rightEdge = Math.max(0, ...lines.filter((l) => l.chunks.length === 1).map((l) => l.chunks[0]!.x1));
    let paragraph: { text: string; last: PageLine } | null = null;
    const flush = () => {
      if (paragraph) out.text(paragraph.text, page, null);
      paragraph = null;
    };
    content.items.forEach((item, i) => {
      if (item.kind === 'table') {
        flush();
        // Only running headers, dropped above, may stand before a table that continues from the page before.
        const pageTop = content.items.slice(0, i).every((before) => before.kind === 'line' && !lines.includes(before));
        out.table(item, page, pageTop);
        return;
      }
      if (!lines.includes(item)) return;
      const headingDepth = item.chunks.length === 1 && item.size >= body * HEADING_RATIO ? (item.size >= body * TITLE_RATIO ? 1 : 2) : null;
      const current = paragraph as { text: string; last: PageLine } | null;
      if (current && !headingDepth && continues(current.last, item, rightEdge)) {
        current.text = joinText(current.text, item.chunks[0]!.text, true);
        current.last = item;
        return;
      }
      flush();
      if (headingDepth) {
        out.text(item.chunks[0]!.text, page, headingDepth);
        return;
      }
      // Phrases far apart on one line (a unit name at the left, 单位：万元 at the right) are read as separate lines.
      if (item.chunks.length > 1) {
        for (const chunk of item.chunks) out.text(chunk.text, page, null);
        return;
      }
      paragraph = { text: item.chunks[0]!.text, last: item };
    });
    flush();
    out.blank();
  });
  while (out.lines.at(-1) === '') {
    out.lines.pop();
    out.printedAt.pop();
  }
  return { lines: out.lines, blocks: out.blocks, printedAt: out.printedAt };
}
