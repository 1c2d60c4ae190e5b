/**
 * Originals written from a text document with real writers (the `docx`
 * package, SheetJS, and an HTML page in a government site's template), so the
 * tests read files as Word, Excel and a browser would produce them, with no
 * binary edited by hand. Header labels followed by empty cells are written as
 * merged cells; amounts are written as numbers with the number format that
 * prints them as in the text (1,234.00, (12.00), -12.00); the amounts of
 * total rows are formulas with their saved value.
 */
import * as XLSX from '@e965/xlsx';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { Reporter } from '../ingest/diagnostics.ts';
import { read } from '../ingest/read/index.ts';
import { HAN } from '../ingest/han.ts';

const HAN_ONLY_RE = new RegExp(`^[${HAN}]+$`);

/** A merged cell: its first row and column (0-based) and what it covers. */
export interface Merge {
  r: number;
  c: number;
  rowSpan: number;
  colSpan: number;
}

/** A table's rows padded to its width; `merges` unset means the header's labels merge over the empty cells after them. */
export type Item = { kind: 'heading'; depth: number; text: string } | { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][]; merges?: Merge[] };

const AMOUNT_RE = /^(-?)([\d,]+)\.(\d+)$|^\(([\d,]+)\.(\d+)\)$/;

/** The headings, paragraphs and tables of a text document, tables padded to their width. */
export function documentOf(text: string): Item[] {
  const items: Item[] = [];
  for (const block of read(text, new Reporter('x.txt')).blocks) {
    if (block.type === 'heading') items.push({ kind: 'heading', depth: block.depth, text: block.text });
    else if (block.type === 'paragraph') items.push({ kind: 'paragraph', text: block.text });
    else if (block.type === 'flat') items.push({ kind: 'paragraph', text: block.text });
    else {
      const width = Math.max(...block.rows.map((r) => r.cells.length));
      items.push({ kind: 'table', rows: block.rows.map((r) => Array.from({ length: width }, (_, i) => r.cells[i]?.text ?? '')) });
    }
  }
  return items;
}

/**
 * Rows above the first row holding an amount or a lone label: the header,
 * where labels are merged over the empty cells after them.
 */
function headerRows(rows: readonly string[][]): number {
  const first = rows.findIndex((r, i) => r.some((c) => AMOUNT_RE.test(c)) || (i > 0 && r.filter(Boolean).length === 1));
  return Math.min(Math.max(first , 0), 4);
}

/** The merged cells of a table: as given, else each header label over the empty cells after it. */
function mergesOf(item: Extract<Item, { kind: 'table' }>): Merge[] {
  if (item.merges) return item.merges;
  const merges: Merge[] = [];
  const header = headerRows(item.rows);
  item.rows.slice(0, header).forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      let span = 1;
      if (row[c]) while (c + span < row.length && !row[c + span]) span++;
      if (span > 1) merges.push({ r, c, rowSpan: 1, colSpan: span });
      c += span - 1;
    }
  });
  return merges;
}

/** Per position: the merge starting there, or 'covered' for positions a merge covers. */
function mergeMap(merges: readonly Merge[]): Map<string, Merge | 'covered'> {
  const map = new Map<string, Merge | 'covered'>();
  for (const m of merges) {
    for (let r = m.r; r < m.r + m.rowSpan; r++) for (let c = m.c; c < m.c + m.colSpan; c++) map.set(`${r},${c}`, 'covered');
    map.set(`${m.r},${m.c}`, m);
  }
  return map;
}

const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;

export async function writeDocx(items: readonly Item[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const item of items) {
    if (item.kind === 'heading') children.push(new Paragraph({ text: item.text, heading: headingLevels[item.depth - 1]! }));
    else if (item.kind === 'paragraph') children.push(new Paragraph({ children: [new TextRun(item.text)] }));
    else {
      const merged = mergeMap(mergesOf(item));
      const rows = item.rows.map((row, r) => {
        const cells: TableCell[] = [];
        row.forEach((text, c) => {
          const here = merged.get(`${r},${c}`);
          // Word keeps a cell in every row a vertical merge covers (vMerge continue), none for the columns of a gridSpan.
          if (here === 'covered') {
            const origin = mergesOf(item).find((m) => m.c === c && m.r < r && r < m.r + m.rowSpan);
            if (origin) cells.push(new TableCell({ children: [new Paragraph('')], verticalMerge: VerticalMergeType.CONTINUE, ...(origin.colSpan > 1 ? { columnSpan: origin.colSpan } : {}) }));
            return;
          }
          cells.push(
            new TableCell({
              children: [new Paragraph({ text, alignment: AMOUNT_RE.test(text) ? AlignmentType.RIGHT : AlignmentType.LEFT })],
              ...(here && here.colSpan > 1 ? { columnSpan: here.colSpan } : {}),
              ...(here && here.rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
            }),
          );
        });
        return new TableRow({ children: cells });
      });
      children.push(new Table({ rows }));
    }
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** A spreadsheet cell for the text: amounts as numbers with the format that prints them so. */
function sheetCell(text: string, formula?: string): XLSX.CellObject | null {
  if (!text) return null;
  const m = AMOUNT_RE.exec(text);
  if (!m) return { t: 's', v: text };
  const parens = m[4] !== undefined;
  const digits = (parens ? m[4] : m[2])!;
  const decimals = (parens ? m[5] : m[3])!.length;
  const body = `${digits.includes(',') ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals)}` : ''}`;
  const value = Number(`${digits.replace(/,/g, '')}.${(parens ? m[5] : m[3])!}`) * (parens || m[1] ? -1 : 1);
  const cell: XLSX.CellObject = { t: 'n', v: value, z: parens ? `${body};(${body})` : body };
  if (formula) cell.f = formula;
  return cell;
}

/**
 * A workbook as a finance system exports one: a sheet per table, the lines
 * printed above a table (title, unit, year, money unit) as rows merged over
 * the table's width, the header's labels merged over their columns.
 */
export function writeXlsx(items: readonly Item[]): Uint8Array {
  const book = XLSX.utils.book_new();
  let pending: string[] = [];
  let sheets = 0;
  let last: XLSX.WorkSheet | null = null;
  const addSheet = (lines: string[], table: Extract<Item, { kind: 'table' }> | null) => {
    const sheet: XLSX.WorkSheet = {};
    const merges: XLSX.Range[] = [];
    const width = Math.max(1, table?.rows[0]?.length ?? 1);
    let r = 0;
    for (const line of lines) {
      sheet[XLSX.utils.encode_cell({ r, c: 0 })] = { t: 's', v: line };
      if (width > 1) merges.push({ s: { r, c: 0 }, e: { r, c: width - 1 } });
      r++;
    }
    if (table) {
      const top = r;
      for (const m of mergesOf(table)) merges.push({ s: { r: top + m.r, c: m.c }, e: { r: top + m.r + m.rowSpan - 1, c: m.c + m.colSpan - 1 } });
      table.rows.forEach((row) => {
        const isTotal = row.some((c) => /^(?:合计|总计)$/.test(c.replace(/\s/g, '')));
        row.forEach((text, c) => {
          const column = XLSX.utils.encode_col(c);
          const cell = sheetCell(text, isTotal && AMOUNT_RE.test(text) ? `SUM(${column}${r + 2}:${column}${r + 40})` : undefined);
          if (cell) sheet[XLSX.utils.encode_cell({ r, c })] = cell;
        });
        r++;
      });
    }
    sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, r - 1), c: width - 1 } });
    sheet['!merges'] = merges;
    XLSX.utils.book_append_sheet(book, sheet, `表${++sheets}`);
    last = sheet;
  };
  for (const item of items) {
    if (item.kind === 'table') {
      addSheet(pending, item);
      pending = [];
    } else pending.push(item.text);
  }
  if (pending.length || !last) addSheet(pending, null);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The same workbook in the old binary Excel format (.xls, BIFF8), as older finance systems export it. */
export function writeXls(items: readonly Item[]): Uint8Array {
  const book = XLSX.read(writeXlsx(items), { type: 'array', cellNF: true, cellFormula: true });
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell's text with a line break where a browser would wrap a long subject name. */
function wrapped(text: string): string {
  return text.length > 8 && HAN_ONLY_RE.test(text) ? `${escape(text.slice(0, 4))}<br>${escape(text.slice(4))}` : escape(text);
}

/**
 * A county site's article page: navigation, breadcrumb, visit counter, share
 * bar and footer around the article; the article inside a layout table, as
 * older sites build them; tables with merged header cells and `<br>` inside
 * long names.
 */
export function writeHtml(items: readonly Item[], title = '部门预算公开'): string {
  const body: string[] = [];
  for (const item of items) {
    if (item.kind === 'heading') body.push(`<h${item.depth}>${escape(item.text)}</h${item.depth}>`);
    else if (item.kind === 'paragraph') body.push(`<p style="text-indent:2em">${escape(item.text)}</p>`);
    else {
      const merged = mergeMap(mergesOf(item));
      const header = Math.max(headerRows(item.rows), ...mergesOf(item).map((m) => m.r + m.rowSpan));
      const rows = item.rows.map((row, r) => {
        const tag = r < header ? 'th' : 'td';
        const cells = row.flatMap((text, c) => {
          const here = merged.get(`${r},${c}`);
          if (here === 'covered') return [];
          const spans = `${here && here.rowSpan > 1 ? ` rowspan="${here.rowSpan}"` : ''}${here && here.colSpan > 1 ? ` colspan="${here.colSpan}"` : ''}`;
          return [`<${tag}${spans}>${wrapped(text)}</${tag}>`];
        });
        return `<tr>${cells.join('')}</tr>`;
      });
      body.push(`<table border="1" cellspacing="0" cellpadding="2" style="border-collapse:collapse">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`);
    }
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${escape(title)}_某县人民政府门户网站</title><script>var visits = 1;</script></head>
<body>
<div class="header"><div class="logo">某县人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/czyjs/">财政预决算</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/czyjs/">财政预决算</a></div>
<table width="1000" align="center"><tr><td class="left-col"><ul class="menu"><li>预算公开</li><li>决算公开</li></ul></td>
<td class="article">
<div class="info">发布时间：2024-02-01 来源：县财政局</div>
<div class="counter">浏览次数：1024</div>
<div id="zoom">
${body.join('\n')}
</div>
<div class="share">分享到：微信 微博</div>
<p>【打印本页】</p>
</td></tr></table>
<div class="footer"><p>主办：某县人民政府办公室 版权所有</p><p>网站标识码：1234567890</p></div>
</body>
</html>
`;
}

/**
 * An OLE2 compound file with the named streams, written by SheetJS's CFB
 * writer: the container of old .doc/.xls files and of password-protected
 * Office files (which hold `EncryptionInfo` and `EncryptedPackage`).
 */
export function oleContainer(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, data);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number>);
}

/** A workbook whose total is a formula saved without its value, as programs that write files without Excel leave it. */
export function xlsxWithUncomputedFormula(): Uint8Array {
  const book = XLSX.utils.book_new();
  const sheet: XLSX.WorkSheet = {
    A1: { t: 's', v: '项目' },
    B1: { t: 's', v: '金额' },
    A2: { t: 's', v: '办公费' },
    B2: { t: 'n', v: 12.5, z: '0.00' },
    A3: { t: 's', v: '合计' },
    B3: { t: 'n', f: 'SUM(B2:B2)' } as XLSX.CellObject,
    '!ref': 'A1:B3',
  };
  XLSX.utils.book_append_sheet(book, sheet, '支出');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A macro-enabled workbook (.xlsm) holding the items and a VBA project. */
export function writeXlsm(items: readonly Item[]): Uint8Array {
  const book = XLSX.read(writeXlsx(items), { type: 'array' });
  book.vbaraw = oleContainer({ VBA: new TextEncoder().encode('Attribute VB_Name = "Module1"') });
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsm', bookVBA: true }) as ArrayBuffer);
}
