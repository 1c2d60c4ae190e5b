/**
 * Reading the model's tables: row anchors, the main amount of a row, header
 * layout for rendering, CSV. Pure functions, shared by pages, endpoints and
 * the build-wide index.
 */
import type { HeaderCellData, Table } from '../ingest/model/schema.ts';
import { csvColumnLabel } from './header-labels.ts';
import { sidesOf } from '../ingest/check/summary.ts';
import { printedText, toWan } from './format.ts';
import { rowAnchor } from './urls.ts';

type Row = Table['rows'][number];
type Column = Table['columns'][number];

/** Anchor ids of the rows, in row order: `r-<line>`, then `r-<line>-2` … for rows sharing a line. */
export function rowAnchors(table: Table): string[] {
  const seen = new Map<number, number>();
  return table.rows.map((row) => {
    const n = (seen.get(row.line) ?? 0) + 1;
    seen.set(row.line, n);
    return rowAnchor(row.line, n);
  });
}

const says = (re: RegExp) => (c: Column) => c.role === 'amount' && c.path.some((p) => re.test(p));

/**
 * Index of the first amount column (合计 / 总计 in the standard tables), or -1.
 * A final-accounts table that prints budget columns before its actuals
 * (年初预算数 | 调整预算数 | 决算数) states the year's amount in its first 决算 column.
 */
export function mainAmountColumn(table: Table): number {
  if (table.phase === 'final' && table.columns.some(says(/预算数/))) {
    const actual = table.columns.findIndex((c) => says(/决算/)(c) && !says(/预算数/)(c));
    if (actual >= 0) return actual;
  }
  return table.columns.findIndex((c) => c.role === 'amount');
}

/** The row's amount in its main column, re-expressed in 万元; undefined when not printed there. */
export function mainAmountWan(table: Table, row: Row): string | undefined {
  const i = mainAmountColumn(table);
  const value = i >= 0 ? row.cells[i]?.value : undefined;
  return value === undefined ? undefined : toWan(value, table.unit);
}

/** First table of a kind that has rows. */
export function tableOfKind(tables: readonly Table[], kind: Table['kind']): Table | undefined {
  return tables.find((t) => t.kind === kind && t.rows.length > 0) ?? tables.find((t) => t.kind === kind);
}

/** The grand total row (合计 / 总计), or the only row of a one-row table. */
export function totalRow(table: Table): Row | undefined {
  const totals = table.rows.filter((r) => r.total);
  return totals.find((r) => /总计/.test(r.name ?? '')) ?? totals.find((r) => /合计/.test(r.name ?? '')) ?? totals[0] ?? (table.rows.length === 1 ? table.rows[0] : undefined);
}

/**
 * For each column, the column holding the label its cells belong to (for
 * `headers=`): on a two-sided table (收入 | 支出) each side's amounts belong to
 * that side's label, elsewhere every cell belongs to the first name column.
 * Label columns themselves map to undefined.
 */
export function rowHeaderColumns(table: Table): (number | undefined)[] {
  const sides = sidesOf(table);
  if (sides.length >= 2) {
    const labels = sides.map((s) => s.label).sort((a, b) => a - b);
    return table.columns.map((_, i) => (labels.includes(i) ? undefined : ([...labels].reverse().find((l) => l < i) ?? labels[0])));
  }
  const first = table.columns.findIndex((c) => c.role === 'name');
  return table.columns.map((_, i) => (first < 0 || i === first ? undefined : first));
}

/** A header cell placed on the rendered header grid. */
export interface HeaderSlot {
  label: string;
  id: string;
  line: number;
  col: number;
  colspan: number;
  rowspan: number;
  leaf: boolean;
  /** Ids of this cell and every header above it (for `headers=` on data cells). */
  chain: string[];
}

/**
 * The header tree as rows of `<th>`: a leaf reaching down to the last header
 * row gets a rowspan, gaps the tree leaves are filled with blank cells so
 * every column has a header.
 */
export function headerGrid(table: Table, idPrefix = 'h'): { rows: HeaderSlot[][]; leafChains: string[][] } {
  const depthOf = (cells: readonly HeaderCellData[]): number => (cells.length ? 1 + Math.max(...cells.map((c) => depthOf(c.children))) : 0);
  const ncols = table.columns.length;
  const depth = Math.max(1, depthOf(table.header));
  const rows: HeaderSlot[][] = Array.from({ length: depth }, () => []);
  const leafChains: string[][] = Array.from({ length: ncols }, () => []);
  let counter = 0;
  const place = (cells: readonly HeaderCellData[], level: number, chain: string[], from: number, to: number) => {
    const sorted = [...cells].filter((c) => c.col < to && c.col + c.span > from).sort((a, b) => a.col - b.col);
    let col = from;
    const fill = (until: number) => {
      if (until <= col) return;
      // Columns no header covers at this level: one blank cell down to the last header row.
      const id = `${idPrefix}${++counter}`;
      rows[level]!.push({ label: '', id, line: 0, col, colspan: until - col, rowspan: depth - level, leaf: true, chain: [...chain, id] });
      for (let c = col; c < until; c++) leafChains[c] = [...chain, id];
      col = until;
    };
    for (const cell of sorted) {
      const start = Math.max(cell.col, col);
      const end = Math.min(cell.col + cell.span, to);
      if (end <= start) continue;
      fill(start);
      const id = `${idPrefix}${++counter}`;
      const leaf = cell.children.length === 0;
      const slot: HeaderSlot = { label: cell.label, id, line: cell.line, col: start, colspan: end - start, rowspan: leaf ? depth - level : 1, leaf, chain: [...chain, id] };
      rows[level]!.push(slot);
      if (leaf) for (let c = start; c < end; c++) leafChains[c] = slot.chain;
      else place(cell.children, level + 1, slot.chain, start, end);
      col = end;
    }
    fill(to);
  };
  place(table.header, 0, [], 0, ncols);
  return { rows: rows.filter((r) => r.length > 0), leafChains };
}

/**
 * The text a cell shows, on the page and in the CSV alike: as printed, or,
 * for a blank code or name cell of a row recovered from a flattened line,
 * the code or name recognized from that line.
 */
export function shownCellText(table: Table, row: Row, col: number): string {
  const text = printedText(row.cells[col]?.text ?? '');
  if (text !== '' || !row.partial) return text;
  const role = table.columns[col]?.role;
  if (role === 'name' && col === table.columns.findIndex((c) => c.role === 'name') && row.name) return row.name;
  if (role === 'code' && row.code) return row.code;
  return text;
}

/** RFC 4180 field. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Who printed a table and for which year: the first columns of its CSV. */
export interface CsvContext {
  /** Unit or department name. */
  unit: string;
  /** Unit code as printed, when there is one. */
  code?: string | undefined;
  year: number;
}

/** A column's CSV label: amounts carry their money unit (`合计（万元）`), so a sheet copied elsewhere still says what it counts. */
function csvAmountLabel(column: Column, unit: Table['unit']): string {
  const label = csvColumnLabel(column);
  if (column.role !== 'amount' || !unit || label.endsWith(`（${unit}）`)) return label;
  return `${label}（${unit}）`;
}

/**
 * A table as CSV: UTF-8 with BOM (Excel reads Chinese correctly), one header
 * row of full column labels, amount columns with their money unit, then every
 * row with its cells as the page shows them (emphasis markup removed, codes
 * and names of rows recovered from a flattened line filled in). The unit,
 * its code and the year open every row and the source line closes it, so
 * rows pasted into one sheet from several files stay attributable. Numbers
 * whose column could not be recovered go to a column `位置未能确定的数字`.
 */
export function tableCsv(table: Table, context: CsvContext): string {
  return `\uFEFF${tableCsvRows(table, context).map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The cells of `tableCsv`, header row first (the open-data page shows a sample of them). */
export function tableCsvRows(table: Table, context: CsvContext): string[][] {
  const hasUnplaced = table.rows.some((r) => r.unplaced?.length);
  const header = ['单位', '单位代码', '年度', ...table.columns.map((c: Column) => csvAmountLabel(c, table.unit))];
  if (hasUnplaced) header.push('位置未能确定的数字');
  header.push('原文行');
  const lead = [context.unit, context.code ?? '', String(context.year)];
  return [
    header,
    ...table.rows.map((row) => {
      const cells = [...lead, ...table.columns.map((_, i) => shownCellText(table, row, i))];
      if (hasUnplaced) cells.push((row.unplaced ?? []).map((c) => printedText(c.text)).join(' '));
      cells.push(String(row.line));
      return cells;
    }),
  ];
}

/** One side of a two-sided table (收入 | 支出), as a phone shows it: a table of its own. */
export interface TableHalf {
  kind: 'income' | 'expenditure';
  /** What the side lists: 收入, 支出, or 支出（<its label column's header>）where several 支出 sides share a table. */
  title: string;
  /** The side's columns in printed order: its label column and amounts (序号 and columns printed empty left out). */
  columns: number[];
}

/**
 * A two-sided table split into its sides, each from its label column up to the
 * next side's label column; empty when the table has one side or prints both
 * sides in one label column (that already reads top to bottom). Columns before
 * the first label (序号) and columns printed empty in every row are left out:
 * nothing printed is lost, the full table stays on wide screens and in print.
 */
export function tableHalves(table: Table): TableHalf[] {
  const sides = sidesOf(table);
  if (sides.length < 2 || sides.some((s) => s.rows)) return [];

  const labels = sides.map((s) => s.label).sort((a, b) => a - b);
  const blank = (col: number) => table.rows.every((r) => printedText(r.cells[col]?.text ?? '').trim() === '');
  const expenditures = sides.filter((s) => s.kind === 'expenditure').length;
  return labels.map((label, i) => {
    const side = sides.find((s) => s.label === label)!;
    const end = labels[i + 1] ?? table.columns.length;
    const columns: number[] = [];
    for (let c = label; c < end; c++) if (c === label || (table.columns[c]!.role !== 'seq' && !blank(c))) columns.push(c);
    const kindName = side.kind === 'income' ? '收入' : '支出';
    const own = table.columns[label]!.path.at(-1) ?? '';
    const title = side.kind === 'expenditure' && expenditures > 1 && !/^项目$/.test(own) ? `${kindName}（${own}）` : kindName;
    return { kind: side.kind, title, columns };
  });
}
