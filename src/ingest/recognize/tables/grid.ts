/**
 * The grid of one printed table page: which rows are captions (unit line,
 * year, money unit), which are the header (possibly several rows with
 * merged cells printed empty), the column-number row (栏次 1 2 3 …), and
 * which rows carry data; and the header as a tree over the columns.
 */
import type { Row } from '../../read/blocks.ts';
import type { HeaderCellData } from '../../model/schema.ts';
import { parseAmount } from '../../model/money.ts';
import { isCaption } from '../regions.ts';
import { compact } from '../text.ts';
import { HAN_RE } from '../../han.ts';

export interface PageGrid {
  captionRows: Row[];
  headerRows: Row[];
  /** The 栏次 row numbering the columns, when printed. */
  numberRow?: Row;
  dataRows: Row[];
}

// 决算 heads final-accounts columns (决算数 over 合计 | 基本支出 | 项目支出) as 预算 heads budget columns.
const HEADER_WORD_RE = /序号|项目|科目|编码|代码|名称|合计|总计|小计|收入|支出|预算|决算|金额|数量|单价|指标|栏次|本年|上年|资金|经费|性质|规格|价值|依据|目标|计划|内容|来源|目录|其中|^(?:类|款|项)$/;
const SUBJECT_CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;
const ENUMERATED_RE = /^(?:[一二三四五六七八九十]+[、.]|\d+[、.](?!\d)|[(（][一二三四五六七八九十\d]+[)）])/;

function isBlankRow(row: Row): boolean {
  return row.cells.every((c) => c.text.trim() === '');
}

function isAmount(text: string): boolean {
  return parseAmount(text).kind === 'amount';
}

/** 栏次 1 2 3 …: the row that numbers the columns. */
function isNumberRow(row: Row): boolean {
  const texts = row.cells.map((c) => compact(c.text)).filter(Boolean);
  if (texts[0] === '栏次') return true;
  if (texts.length < 3 || !texts.every((t) => /^\d{1,2}$/.test(t))) return false;
  return texts.every((t, i) => i === 0 || Number(t) === Number(texts[i - 1]) + 1);
}

const SEQ_RE = /^\d{1,3}$/;
const TOTAL_LABEL_RE = /(?:合计|总计|总额)$/;

function hasHeaderWord(row: Row): boolean {
  return row.cells.some((c) => c.text.trim() !== '' && !isCaption(c.text) && HEADER_WORD_RE.test(compact(c.text)));
}

/** Share of the row's non-empty cells that contain header words. */
function headerWordShare(row: Row): number {
  const filled = row.cells.filter((c) => c.text.trim() !== '');
  if (!filled.length) return 0;
  return filled.filter((c) => !isCaption(c.text) && HEADER_WORD_RE.test(compact(c.text))).length / filled.length;
}

/** Any amount in the row; a leading number counts only when no header word is present (OCR turns 序号 into `17.2`). */
function hasAmount(row: Row): boolean {
  const texts = row.cells.map((c) => compact(c.text));
  if (texts.some((t, i) => i > 0 && t !== '' && isAmount(t))) return true;
  // A leading whole number is a sequence or unit code (302001), not an amount.
  const first = texts[0] ?? '';
  return first.includes('.') && isAmount(first) && !hasHeaderWord(row);
}

/**
 * Data even without amounts: a subject code next to a name, or an
 * enumerated item label (一、… / 1、… / （一）…) leading the row.
 */
function isItemRow(row: Row): boolean {
  const texts = row.cells.map((c) => compact(c.text));
  const leading = texts.filter(Boolean).slice(0, 3);
  if (leading.some((t) => SUBJECT_CODE_RE.test(t)) && texts.some((t) => HAN_RE.test(t))) return true;
  const first = texts.find((t) => t && !SEQ_RE.test(t));
  if (first !== undefined && ENUMERATED_RE.test(first)) return true;
  // A lone total label (合计 / 资产总额 with nothing else printed) is a data row of an empty table.
  const filled = texts.filter((t) => t && !SEQ_RE.test(t));
  return filled.length === 1 && TOTAL_LABEL_RE.test(filled[0]!);
}

/** A row that carries data: an amount, a subject code with a name, or an item label. */
function isDataRow(row: Row): boolean {
  return !isNumberRow(row) && (hasAmount(row) || isItemRow(row));
}

/**
 * Split one page into caption, header and data rows. Forms (performance
 * sheets) have no column header: every row after the captions is data.
 */
export function splitPage(rows: readonly Row[], form = false, headerHint?: number, standalone = true): PageGrid {
  const grid: PageGrid = { captionRows: [], headerRows: [], dataRows: [] };
  const kept = rows.filter((r) => !isBlankRow(r));
  let i = 0;
  while (i < kept.length && !isDataRow(kept[i]!) && !hasHeaderWord(kept[i]!) && !isNumberRow(kept[i]!)) grid.captionRows.push(kept[i++]!);
  if (form) {
    grid.dataRows = kept.slice(i);
    return grid;
  }
  // The header runs to the first row with an amount, unless an item row (code + name, 一、…) comes first.
  const firstAmount = kept.findIndex((r, k) => k >= i && !isNumberRow(r) && hasAmount(r));
  const stop = firstAmount < 0 ? kept.length : firstAmount;
  while (i < stop && !isItemRow(kept[i]!)) {
    const row = kept[i++]!;
    if (isNumberRow(row)) {
      // 栏次 closes the header: what follows is data even without amounts (12 | 其他会议费 | | ).
      grid.numberRow = row;
      break;
    }
    grid.headerRows.push(row);
  }
  grid.dataRows = kept.slice(i);
  if (!grid.dataRows.length && headerHint !== undefined) {
    // Below a markdown header delimiter (an index of tables): the rows are data.
    const hinted = rows.slice(headerHint).filter((r) => !isBlankRow(r));
    grid.headerRows = grid.headerRows.filter((r) => !hinted.includes(r));
    grid.dataRows = hinted.filter((r) => r !== grid.numberRow);
  } else if (!grid.dataRows.length && !grid.numberRow && standalone) {
    // A one-page table where no row looked like data: rows mostly without header words are the data
    // (单位名称 | 单位性质 … above 某某局 | 行政 …).
    const plain = grid.headerRows.filter((r, k) => k > 0 && headerWordShare(r) < 0.5);
    grid.headerRows = grid.headerRows.filter((r) => !plain.includes(r));
    grid.dataRows = plain;
  }
  return grid;
}

/** Number of columns: the widest row, without trailing columns that are empty everywhere. */
export function gridWidth(rows: readonly Row[]): number {
  let width = 0;
  for (const row of rows) {
    for (let c = row.cells.length - 1; c >= 0; c--) {
      if (row.cells[c]!.text.trim() !== '') {
        width = Math.max(width, c + 1);
        break;
      }
    }
  }
  return width;
}

export interface HeaderLayout {
  tree: HeaderCellData[];
  /** Labels from the top header row down, per column. */
  paths: string[][];
}

/**
 * The header as a tree. A label spans to the right over empty cells when it
 * is a group (labels below it) and those columns also have labels below; a
 * label with nothing below is a leaf merged downwards.
 */
export function buildHeader(rows: readonly Row[], width: number): HeaderLayout {
  const labels: string[][] = rows.map((r) => Array.from({ length: width }, (_, c) => compact(r.cells[c]?.text ?? '')));
  // Rows printed without their merged cells (DOCX dumps) are spread over the columns, bottom row first.
  for (let r = rows.length - 2; r >= 0; r--) {
    if (rows[r]!.cells.length < width) labels[r] = stretchRow(rows[r]!.cells.map((c) => compact(c.text)), labels.slice(r + 1), width);
  }
  alignGroupsToSubtotals(labels);
  widenCentredGroup(labels);
  unswapTrailingLeaf(labels);
  const R = labels.length;
  const label = (r: number, c: number) => labels[r]?.[c] ?? '';
  const hasLower = (r: number, c: number) => {
    for (let k = r + 1; k < R; k++) if (label(k, c)) return true;
    return false;
  };
  const paths: string[][] = Array.from({ length: width }, () => []);
  const build = (r: number, c0: number, c1: number): HeaderCellData[] => {
    if (r >= R) return [];
    const nodes: HeaderCellData[] = [];
    let c = c0;
    while (c < c1) {
      const text = label(r, c);
      if (!text) {
        nodes.push(...build(r + 1, c, c + 1));
        c++;
        continue;
      }
      let end = c + 1;
      if (hasLower(r, c)) while (end < c1 && !label(r, end) && hasLower(r, end)) end++;
      for (let k = c; k < end; k++) paths[k]!.push(text);
      nodes.push({ label: text, line: rows[r]!.line, col: c, span: end - c, children: build(r + 1, c, end) });
      c = end;
    }
    return nodes;
  };
  return { tree: build(0, 0, width), paths };
}

const SUBTOTAL_RE = /^(?:小计|合计)$/;
const LABEL_HEADING_RE = /^(?:项目|.*名称|.*编码)$/;
/** What a group of amount columns holds: 决算数, 年初预算数, 金额. */
const MEASURE_RE = /(?:预算|决算|执行)数$|^金额$/;

/**
 * Place the cells of a header row that omits merged cells: a cell over a
 * column with nothing below is a leaf (one column); a cell over labelled
 * columns is a group that runs until the next leaf's column, the next 小计
 * (where the next group starts), or an even share of what is left.
 */
export function stretchRow(cells: readonly string[], below: readonly string[][], width: number): string[] {
  const out = Array.from({ length: width }, () => '');
  const hasBelow = (c: number) => below.some((row) => (row[c] ?? '') !== '');
  let c = 0;
  cells.forEach((text, j) => {
    if (c >= width) return;
    out[c] = text;
    if (!hasBelow(c)) {
      c += 1;
      return;
    }
    const left = cells.length - j - 1;
    const limit = width - left;
    let boundary = c + 1;
    while (boundary < limit && hasBelow(boundary) && !SUBTOTAL_RE.test(below[0]?.[boundary] ?? '')) boundary++;
    const marked = boundary < limit || left === 0 || !hasBelow(boundary) || SUBTOTAL_RE.test(below[0]?.[boundary] ?? '');
    // Without a leaf column or a 小计 to mark the end, groups share what is left evenly.
    c = marked ? boundary : Math.max(c + 1, c + Math.floor((width - c) / (left + 1)));
  });
  return out;
}

/**
 * Extraction prints a group label anywhere over its columns; groups in
 * budget tables start with their 小计 column. When a group label sits over
 * a column whose sub-label is not 小计 but a 小计 follows before the next
 * group, the label belongs over that 小计 (`基本支出 … 项目支出` shifted left
 * onto 公用经费 in 部门支出预算表).
 */
function alignGroupsToSubtotals(labels: string[][]): void {
  for (let r = 0; r + 1 < labels.length; r++) {
    const row = labels[r]!;
    const below = labels[r + 1]!;
    const starts = row.map((t, c) => (t ? c : -1)).filter((c) => c >= 0);
    starts.forEach((c, k) => {
      // A group over a label column (项目, 科目名称) is a side of a two-sided table (收入 | 支出), not a shifted amount group.
      if (k === 0 || SUBTOTAL_RE.test(below[c] ?? '') || !below[c] || LABEL_HEADING_RE.test(below[c]!)) return;
      const end = starts[k + 1] ?? row.length;
      for (let c2 = c + 1; c2 < end; c2++) {
        if (SUBTOTAL_RE.test(below[c2] ?? '')) {
          row[c2] = row[c]!;
          row[c] = '';
          return;
        }
      }
    });
  }
}

/**
 * A lone group label centred over its columns (决算数 over 合计 | 基本支出 |
 * 项目支出, as `pdftotext -layout` prints it) lands on the middle column.
 * A measure (决算数, 预算数, 金额) covers its whole group, 合计 included:
 * when the column just left of the label is a 合计/小计 under no label of
 * its own, the group starts there. 其中 names the parts only and stays.
 */
function widenCentredGroup(labels: string[][]): void {
  for (let r = 0; r + 1 < labels.length; r++) {
    const row = labels[r]!;
    const below = labels[r + 1]!;
    const starts = row.map((t, c) => (t ? c : -1)).filter((c) => c >= 0);
    if (starts.length !== 1) continue;
    const c = starts[0]!;
    if (c === 0 || !MEASURE_RE.test(row[c]!) || SUBTOTAL_RE.test(below[c] ?? '') || !SUBTOTAL_RE.test(below[c - 1] ?? '')) continue;
    row[c - 1] = row[c]!;
    row[c] = '';
  }
}

/**
 * A sub-header printed one column right of a leaf that ends its row
 * (`本年收入 … 上年结转` above `… 附属单位上缴收入 | (空) | 其他收入`): the
 * extraction swapped the two columns. Put the sub-header back under the
 * group it continues and the leaf after it.
 */
function unswapTrailingLeaf(labels: string[][]): void {
  const R = labels.length;
  const below = (r: number, c: number) => labels.slice(r + 1).some((row) => (row[c] ?? '') !== '');
  const above = (r: number, c: number) => labels.slice(0, r + 1).some((row) => (row[c] ?? '') !== '');
  for (let r = 0; r + 1 < R; r++) {
    const row = labels[r]!;
    for (let c = 2; c < row.length; c++) {
      const leaf = c - 1;
      if (row[c] !== '' || row[leaf] === '' || below(r, leaf) || above(r, c) || !below(r, c)) continue;
      // The column before the leaf must belong to a group (labelled below) for the sub-header to continue it.
      if (!below(r, leaf - 1) || row[leaf - 1] !== '' && !below(r, leaf - 1)) continue;
      for (let k = r; k < R; k++) {
        const line = labels[k]!;
        [line[leaf], line[c]] = [line[c] ?? '', line[leaf] ?? ''];
      }
    }
  }
}

/** Header rows printed again on a later page, compared by their text. */
export function sameHeader(a: readonly Row[], b: readonly Row[]): boolean {
  const key = (rows: readonly Row[]) => rows.map((r) => r.cells.map((c) => compact(c.text)).filter(Boolean).join('|')).join('/');
  return key(a) === key(b);
}
