/**
 * Workbooks (.xlsx, .xlsm, old binary .xls) through SheetJS: each visible
 * sheet's cells with their merges, the value a formula had when the file was
 * saved, and amounts as their number format prints them (1,234.00, (12.00)).
 * A sheet holds its tables between titles and notes: a row of one cell is a
 * paragraph unless it sits inside a table and is narrower than it, a blank
 * row ends a table.
 */
import * as XLSX from '@e965/xlsx';
import type { Reporter } from '../../diagnostics.ts';
import { zipEntries } from './detect.ts';
import { oneLine, ReadingBuilder, type GridRow, type SpanCell } from './reading.ts';
import type { OriginalReader } from './types.ts';

interface SheetRow {
  /** 0-based sheet row. */
  r: number;
  cells: SpanCell[];
  /** Sheet column of cells[0]. */
  c0: number;
}

/**
 * Text of a cell as Excel shows it: the formatted value, else the raw value.
 * A whole number in the General format is written out in full: Excel's
 * General shows long numbers such as codes entered as numbers in exponent
 * form (1.30822E+11), which no reader of the printed table sees.
 */
function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) return '';
  const general = cell.z === undefined || cell.z === 'General';
  if (cell.t === 'n' && general && typeof cell.v === 'number' && Number.isSafeInteger(cell.v)) return String(cell.v);
  if (typeof cell.w === 'string') return cell.w.trim();
  return String(cell.v).trim();
}

/**
 * The rows and columns that hold cells or merges: a sheet's declared range
 * can run to the last row and column of the grid when formatting was applied
 * to whole columns.
 */
function usedRange(sheet: XLSX.WorkSheet): XLSX.Range | null {
  let range: XLSX.Range | null = null;
  const add = (r: number, c: number) => {
    if (!range) range = { s: { r, c }, e: { r, c } };
    else {
      range.s.r = Math.min(range.s.r, r);
      range.s.c = Math.min(range.s.c, c);
      range.e.r = Math.max(range.e.r, r);
      range.e.c = Math.max(range.e.c, c);
    }
  };
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const cell = sheet[key] as XLSX.CellObject;
    if (cellText(cell) === '' && !cell.f) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    add(r, c);
  }
  for (const m of sheet['!merges'] ?? []) if (range) {
    const inside = (r: number, c: number) => r >= range!.s.r && r <= range!.e.r && c >= range!.s.c && c <= range!.e.c;
    if (inside(m.s.r, m.s.c)) add(m.e.r, m.e.c);
  }
  return range;
}

/** Columns from a row's first used cell to the end of its last. */
function extent(cells: readonly SpanCell[]): number {
  let first = -1;
  let last = -1;
  cells.forEach((cell, i) => {
    if (!oneLine(cell.text)) return;
    if (first < 0) first = i;
    last = i + (cell.colSpan ?? 1) - 1;
  });
  return first < 0 ? 0 : last - first + 1;
}

function nonEmpty(cells: readonly SpanCell[]): SpanCell[] {
  return cells.filter((c) => oneLine(c.text) !== '');
}

/** Drops columns no row of the table uses, on both sides. */
function trimColumns(rows: readonly SheetRow[]): { rows: GridRow[]; first: number } {
  let first = Infinity;
  let last = -1;
  for (const row of rows) {
    row.cells.forEach((cell, i) => {
      if (oneLine(cell.text)) {
        first = Math.min(first, i);
        last = Math.max(last, i + (cell.colSpan ?? 1) - 1);
      }
    });
  }
  if (last < 0) return { rows: [], first: 0 };
  return { rows: rows.map((row) => ({ cells: row.cells.slice(first, last + 1) })), first };
}

export const readXlsx: OriginalReader = async (bytes, reporter) => {
  const book = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellText: true, cellDates: false, bookVBA: false });
  const builder = new ReadingBuilder();
  const entries = zipEntries(bytes);
  if (entries?.some((n) => /vbaProject\.bin$/i.test(n))) {
    reporter.warn('decode', 'decode:macros', '工作簿含有宏（如 .xlsm），宏不会运行；只读取文件保存时各单元格中的值。', 0);
  }
  let parts = 0;
  for (const [index, name] of book.SheetNames.entries()) {
    const sheet = book.Sheets[name];
    const hidden = book.Workbook?.Sheets?.[index]?.Hidden;
    if (!sheet?.['!ref']) continue;
    if (hidden) {
      reporter.info('read', 'read:hidden-sheet', `工作表“${name}”是隐藏的，未读取。`, 0);
      continue;
    }
    parts++;
    readSheet(name, sheet, builder, reporter);
  }
  if (!parts) reporter.warn('read', 'read:empty-workbook', '工作簿中没有含数据的可见工作表。', 0);
  return builder.result(isBiff(bytes) ? 'xls' : 'xlsx', parts);
};

function isBiff(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

function readSheet(name: string, sheet: XLSX.WorkSheet, builder: ReadingBuilder, reporter: Reporter): void {
  const range = usedRange(sheet);
  if (!range) return;
  const origin = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const m of sheet['!merges'] ?? []) {
    origin.set(`${m.s.r},${m.s.c}`, { rowSpan: m.e.r - m.s.r + 1, colSpan: m.e.c - m.s.c + 1 });
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) if (r !== m.s.r || c !== m.s.c) covered.add(`${r},${c}`);
  }
  /** Formulas saved without their value, by sheet row, reported once the row has its line. */
  const unsaved = new Map<number, string[]>();
  const rows: SheetRow[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: SpanCell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) {
        cells.push({ text: '' });
        continue;
      }
      const address = XLSX.utils.encode_cell({ r, c });
      const cell = sheet[address] as XLSX.CellObject | undefined;
      if (cell?.f && (cell.v === undefined || cell.t === 'z')) unsaved.set(r, [...(unsaved.get(r) ?? []), address]);
      const spans = origin.get(key);
      const out: SpanCell = { text: cellText(cell) };
      if (spans && spans.rowSpan > 1) out.rowSpan = spans.rowSpan;
      if (spans && spans.colSpan > 1) out.colSpan = spans.colSpan;
      cells.push(out);
    }
    rows.push({ r, cells, c0: range.s.c });
  }

  const at = (r: number, c: number) => ({ sheet: name, cell: XLSX.utils.encode_cell({ r, c }) });
  let table: SheetRow[] = [];
  let width = 0;
  const flush = () => {
    if (!table.length) return;
    const { rows: grid, first } = trimColumns(table);
    grid.forEach((g, i) => {
      g.at = at(table[i]!.r, table[i]!.c0 + first);
    });
    builder.table(grid);
    table = [];
    width = 0;
  };
  for (const row of rows) {
    const filled = nonEmpty(row.cells);
    if (!filled.length) {
      flush();
      continue;
    }
    const single = filled.length === 1 ? filled[0]! : null;
    const wide = single !== null && (single.colSpan ?? 1) * 4 >= width * 3;
    if (single && (!table.length || wide)) {
      flush();
      builder.paragraph(single.text, at(row.r, row.c0 + row.cells.indexOf(single)));
      continue;
    }
    table.push(row);
    width = Math.max(width, extent(row.cells));
  }
  flush();

  for (const [r, addresses] of unsaved) {
    const index = builder.printedAt.findIndex((p) => p?.sheet === name && p.cell !== undefined && XLSX.utils.decode_cell(p.cell).r === r);
    const line = index + 1;
    reporter.warn(
      'read',
      'read:formula-without-value',
      `工作表“${name}”${addresses.join('、')} 是公式，但文件没有保存公式的计算结果（可能由程序生成而未经 Excel 计算），这些单元格按空白读取；请在 Excel 中打开并保存后重新发布。`,
      line,
    );
  }
}
