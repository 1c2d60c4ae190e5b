/**
 * Writes test PDFs with pdfkit and a CJK font from Debian's fonts-noto-cjk:
 * headings, paragraphs and tables drawn cell by cell with ruling lines, the
 * way office suites print budget tables (merged header cells, amounts right
 * aligned, the header printed again on each page a table continues on, a
 * “第 N 页，共 M 页” footer).
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { switches } from './switches.ts';

export const CJK_FONT_FILE = switches.cjkFontFile;
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

/** Fails with what to install when the CJK font is missing. */
export function requireCjkFont(): void {
  if (!existsSync(CJK_FONT_FILE)) {
    throw new Error(`The PDF tests need a CJK font at ${CJK_FONT_FILE}: install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) or set CJK_FONT_FILE.`);
  }
}

export interface DrawCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface DrawTable {
  /** Column widths in points. */
  widths: number[];
  header: (DrawCell | string)[][];
  rows: (DrawCell | string)[][];
  /** Lines printed above the header again on each page the table continues on. */
  repeatCaptions?: string[];
  /** Columns whose data is right aligned (amounts). */
  amountColumns?: number[];
  /** False: the table is printed without any ruling lines, its columns only aligned. */
  rules?: boolean;
}

export type PdfPart =
  | { heading: string; size?: number }
  | { paragraph: string }
  | { captions: string[]; right?: string }
  | { table: DrawTable }
  | { pageBreak: true };

export interface PdfOptions {
  /** Write “第 N 页，共 M 页” at the foot of every page. */
  footer?: boolean;
  /** Passwords: a user password makes the PDF need it to open. */
  userPassword?: string;
  ownerPassword?: string;
  /** Uncompressed content streams (to make large files). */
  compress?: boolean;
  /** Pages wider than high, for tables of many columns. */
  landscape?: boolean;
  /** A picture (a PNG, e.g. a seal or a scanned attachment) in the top margin of every `every`-th page. */
  picture?: { every: number; png: (page: number) => Buffer };
}

const MARGIN = 50;
const BODY = 9;
const PAD = 3;
const FOOT = 70;

const cellOf = (c: DrawCell | string): DrawCell => (typeof c === 'string' ? { text: c } : c);

type Doc = InstanceType<typeof PDFDocument>;

/** Places the cells of rows on a grid: each cell at the next column not taken by a cell merged down from above. */
function place(rows: (DrawCell | string)[][], columns: number): { cell: DrawCell; row: number; col: number }[] {
  const taken = new Set<string>();
  const out: { cell: DrawCell; row: number; col: number }[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const raw of row) {
      const cell = cellOf(raw);
      while (taken.has(`${r}:${c}`)) c++;
      if (c >= columns) break;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) taken.add(`${r + dr}:${c + dc}`);
      out.push({ cell, row: r, col: c });
      c += cell.colSpan ?? 1;
    }
  });
  return out;
}

function rowHeights(doc: Doc, rows: (DrawCell | string)[][], widths: number[]): number[] {
  const heights = rows.map(() => BODY + 2 * PAD + 4);
  for (const { cell, row, col } of place(rows, widths.length)) {
    if ((cell.rowSpan ?? 1) > 1) continue;
    const w = widths.slice(col, col + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0);
    heights[row] = Math.max(heights[row]!, doc.heightOfString(cell.text || ' ', { width: w - 2 * PAD }) + 2 * PAD + 2);
  }
  return heights;
}

/** Where each of a run of lengths starts, then where the last ends. */
function edges(start: number, lengths: readonly number[]): number[] {
  const out = [start];
  for (const length of lengths) out.push(out.at(-1)! + length);
  return out;
}

/** Draws rows of cells at y with their borders; returns the y below them. */
function drawRows(doc: Doc, rows: (DrawCell | string)[][], widths: number[], y: number, amounts: ReadonlySet<number>, centred: boolean, rules = true): number {
  const heights = rowHeights(doc, rows, widths);
  const xs = edges(MARGIN, widths);
  const ys = edges(y, heights);
  for (const { cell, row, col } of place(rows, widths.length)) {
    const x0 = xs[col]!;
    const x1 = xs[Math.min(col + (cell.colSpan ?? 1), widths.length)]!;
    const y0 = ys[row]!;
    const y1 = ys[Math.min(row + (cell.rowSpan ?? 1), rows.length)]!;
    if (rules) doc.lineWidth(0.5).rect(x0, y0, x1 - x0, y1 - y0).stroke();
    if (!cell.text) continue;
    const align = centred ? 'center' : amounts.has(col) ? 'right' : 'left';
    const h = doc.heightOfString(cell.text, { width: x1 - x0 - 2 * PAD });
    doc.text(cell.text, x0 + PAD, y0 + Math.max(PAD, (y1 - y0 - h) / 2), { width: x1 - x0 - 2 * PAD, align, lineBreak: true });
  }
  return ys.at(-1)!;
}

function drawTable(doc: Doc, table: DrawTable, y: number): number {
  const amounts = new Set(table.amountColumns ?? []);
  const pageBottom = doc.page.height - FOOT;
  const rules = table.rules ?? true;
  y = drawRows(doc, table.header, table.widths, y, amounts, true, rules);
  for (const row of table.rows) {
    const h = rowHeights(doc, [row], table.widths)[0]!;
    if (y + h > pageBottom) {
      doc.addPage();
      y = MARGIN;
      for (const caption of table.repeatCaptions ?? []) {
        doc.text(caption, MARGIN, y);
        y += BODY + 8;
      }
      y = drawRows(doc, table.header, table.widths, y, amounts, true, rules);
    }
    y = drawRows(doc, [row], table.widths, y, amounts, false, rules);
  }
  return y + 12;
}

export async function writePdf(parts: readonly PdfPart[], options: PdfOptions = {}): Promise<Uint8Array> {
  requireCjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.landscape ? 'landscape' : 'portrait',
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    ...(options.userPassword ? { userPassword: options.userPassword, ownerPassword: options.ownerPassword ?? options.userPassword } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('cjk', CJK_FONT_FILE, CJK_FONT_NAME);
  doc.font('cjk').fontSize(BODY);
  let y = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const room = (h: number) => {
    if (y + h > doc.page.height - FOOT) {
      doc.addPage();
      y = MARGIN;
    }
  };
  for (const part of parts) {
    if ('pageBreak' in part) {
      doc.addPage();
      y = MARGIN;
    } else if ('heading' in part) {
      doc.fontSize(part.size ?? 16);
      room(30);
      doc.text(part.heading, MARGIN, y, { width, align: 'center' });
      y += doc.heightOfString(part.heading, { width }) + 10;
      doc.fontSize(BODY);
    } else if ('paragraph' in part) {
      doc.fontSize(11);
      const h = doc.heightOfString(part.paragraph, { width });
      room(h);
      doc.text(part.paragraph, MARGIN, y, { width, align: 'left' });
      y += h + 8;
      doc.fontSize(BODY);
    } else if ('captions' in part) {
      room(BODY + 8);
      part.captions.forEach((caption, i) => {
        doc.text(caption, MARGIN + i * 160, y, { lineBreak: false });
      });
      if (part.right) doc.text(part.right, MARGIN, y, { width, align: 'right' });
      y += BODY + 8;
    } else {
      room(60);
      y = drawTable(doc, part.table, y);
    }
  }
  if (options.picture) {
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i += options.picture.every) {
      doc.switchToPage(range.start + i);
      doc.image(options.picture.png(i), doc.page.width - MARGIN - 80, 8, { width: 80 });
    }
  }
  if (options.footer) {
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.text(`第 ${i + 1} 页，共 ${range.count} 页`, MARGIN, doc.page.height - 40, { width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
