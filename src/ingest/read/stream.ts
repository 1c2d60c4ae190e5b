/**
 * Tables printed as a stream of cells with nothing between rows (one cell
 * per line, the rows one after the other). The rows are recovered from
 * what the stream shows: data rows are a label (or a few) followed by a run
 * of numbers, every row with the same count, so a row's width is its
 * labels plus its numbers; the header is the run of labels just before
 * the first row, as many leaf labels as the row is wide. A two-row header
 * (合计 | 因公出国(境)费 | 公务用车购置及运行费 → 小计 | 购置费 | 运行费 | 公务接待费)
 * gives the order of the values below it: one value per leaf, left to right.
 * A two-sided table (收入 | 支出) is put together from its half-rows in
 * two-sided.ts.
 */
import { parseAmount } from '../model/money.ts';
import type { Cell } from './blocks.ts';

export type Slot = 'label' | 'value';

/** A cell is a value when it prints an amount or a placeholder (—, /, 单位不需填列); `empty` cells count as values when asked. */
export function slotOf(cell: Cell, emptyIsValue: boolean): Slot {
  const kind = parseAmount(cell.text).kind;
  return kind === 'amount' || kind === 'placeholder' || (emptyIsValue && kind === 'empty') ? 'value' : 'label';
}

export interface StreamRows {
  /** Cells per row: labels + values. */
  width: number;
  /** Labels leading each data row (0 when rows print values only). */
  labels: number;
  /** Index of the first cell of the first data row. */
  dataStart: number;
  /** Index after the last cell of the last complete data row. */
  end: number;
  /**
   * Index of the first cell of every data row, in order. A row is `width`
   * cells long, or one cell shorter when it is a total printed without the
   * code its neighbours lead with (see `streamRows`).
   */
  starts: number[];
  /** Starts of the rows that are one leading label short. */
  narrow: Set<number>;
}

const TOTAL_RE = /^(?:合计|总计|小计|.{0,10}(?:合计|总计))$/;

const isTotal = (cell: Cell | undefined): boolean => cell !== undefined && TOTAL_RE.test(cell.text.replace(/\s+/g, ''));

/** A budget subject code (类 208, 款 20805, 项 2080505): printed as a number, read as the row's first label. */
const SUBJECT_CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;

const isCode = (cell: Cell | undefined): boolean => cell !== undefined && SUBJECT_CODE_RE.test(cell.text.trim());

/**
 * Where the data rows of a cell stream are and how wide they are, from the
 * pattern of labels and values; null when there is no value at all.
 *
 * Rows that lead with a subject code (208 | 社会保障和就业支出 | 20.00 …)
 * often print their total row without one (合计 | 20.00 …): the code cell
 * is empty and an empty cell leaves no line. Such a row is one label short;
 * it is kept as a row with an empty code cell rather than cutting every row
 * after it one cell off.
 */
export function streamRows(cells: readonly Cell[], emptyIsValue = false, from = 0): StreamRows | null {
  // A code is a label when a name and an amount follow it (201 | 一般公共服务支出 | 3990680.00 …), not an amount.
  const slots = cells.map((c, i): Slot => {
    const [name, amount] = [cells[i + 1], cells[i + 2]];
    const code =
      isCode(c) &&
      name !== undefined &&
      name.text.trim() !== '' &&
      slotOf(name, false) === 'label' &&
      amount !== undefined &&
      parseAmount(amount.text).kind === 'amount';
    return code ? 'label' : slotOf(c, emptyIsValue);
  });
  const first = slots.indexOf('value', from);
  if (first < 0) return null;
  let k = 0;
  while (first + k < slots.length && slots[first + k] === 'value') k++;
  const next = first + k;
  let a = 0;
  while (next + a < slots.length && slots[next + a] === 'label') a++;
  const more = next + a < slots.length;
  // One row only: its label, if any, is a total printed before the values (合计 | 328.7 | 10 …).
  const labels = more ? a : first > from && isTotal(cells[first - 1]) ? 1 : 0;
  // Rows led by a code, the first of them a total without one: that row is one label short.
  const codeLed = labels >= 2 && more && isCode(cells[next]);
  const firstNarrow = codeLed && isTotal(cells[first - 1]) && !isCode(cells[first - labels]);
  const dataStart = first - (firstNarrow ? labels - 1 : labels);
  if (dataStart < from) return null;
  const width = labels + k;
  const fits = (at: number, lead: number): boolean => {
    if (at + lead + k > cells.length) return false;
    for (let i = 0; i < lead + k; i++) if (slots[at + i] !== (i < lead ? 'label' : 'value')) return false;
    return true;
  };
  const starts: number[] = [];
  const narrow = new Set<number>();
  let end = dataStart;
  // Rows continue while they keep the pattern: `labels` labels, then `k` values (or a total one label short).
  for (;;) {
    if (fits(end, labels)) {
      starts.push(end);
      end += width;
    } else if (codeLed && fits(end, labels - 1) && isTotal(cells[end + labels - 2]) && !isCode(cells[end])) {
      starts.push(end);
      narrow.add(end);
      end += width - 1;
    } else break;
  }
  return { width, labels, dataStart, end, starts, narrow };
}

/**
 * The narrowest row width at which a stream that starts with its header
 * reads as a grid: cut into rows of that width, every column of the data
 * rows holds labels only or numbers only (empty cells fit either), and the
 * last row is complete. This finds rows that lead with a code as well as
 * with a name (208 | 社会保障和就业支出 | 20.00 …); null when no width fits.
 */
export function consistentWidth(cells: readonly Cell[], emptyIsValue: boolean, maxWidth = 16): number | null {
  const slots = cells.map((c) => (c.text.trim() === '' ? null : slotOf(c, emptyIsValue)));
  for (let width = 2; width <= Math.min(maxWidth, Math.floor(cells.length / 2)); width++) {
    if (cells.length % width !== 0) continue;
    const kinds: (Slot | null)[] = Array.from({ length: width }, () => null);
    let ok = true;
    let dataRows = 0;
    for (let start = 0; start < cells.length && ok; start += width) {
      const row = slots.slice(start, start + width);
      if (!row.includes('value')) continue; // a header row
      dataRows++;
      row.forEach((slot, c) => {
        if (slot === null) return;
        if (kinds[c] === null) kinds[c] = slot;
        else if (kinds[c] !== slot) ok = false;
      });
    }
    if (ok && dataRows >= 1 && kinds.includes('value')) return width;
  }
  return null;
}

/** Characters a complete header label ends with; a shorter label ending otherwise is a piece of a wrapped one (公务 / 接待费). */
const LABEL_END_RE = /[费计数额出入目称项款类级次用金资值率位码号型质途容标注期间量价度他)）]$/;
const SUB_START_RE = /^(?:小计|其中)/;

function isFragment(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length <= 3 && !LABEL_END_RE.test(t);
}

function joinCells(a: Cell, b: Cell): Cell {
  return { text: a.text + b.text, line: a.line, column: a.column };
}

/** Labels from the end of `pool`, `count` of them, joining a wrapped label's pieces; null when the pool is too short. */
function takeLabels(pool: readonly Cell[], count: number): { labels: Cell[]; used: number } | null {
  const labels: Cell[] = [];
  let i = pool.length - 1;
  while (labels.length < count && i >= 0) {
    let cell = pool[i]!;
    i--;
    while (i >= 0 && isFragment(pool[i]!.text)) cell = joinCells(pool[i--]!, cell);
    labels.unshift(cell);
  }
  return labels.length === count ? { labels, used: pool.length - 1 - i } : null;
}

function bigrams(text: string): Set<string> {
  const t = text.replace(/\s+/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

export interface StreamHeader {
  /** Header rows, each `width` cells wide (cells under a group or beside it printed empty). */
  rows: Cell[][];
  /** How many cells at the end of the pool the header took. */
  used: number;
}

/**
 * The header of `width` leaf columns at the end of `pool` (the labels before
 * the first data row). With a second row (starting 小计 or 其中), the
 * group over it is the top label that shares the most words with the
 * sub-labels; null when the pool cannot give `width` leaves.
 */
export function streamHeader(pool: readonly Cell[], width: number): StreamHeader | null {
  let subStart = -1;
  for (let i = pool.length - 1; i > 0; i--) if (SUB_START_RE.test(pool[i]!.text.replace(/\s+/g, ''))) subStart = i;
  if (subStart > 0) {
    const sub = pool.slice(subStart);
    const topCount = width - sub.length + 1;
    const top = topCount >= 1 ? takeLabels(pool.slice(0, subStart), topCount) : null;
    if (top && sub.length >= 2) {
      const words = sub.slice(1).map((c) => bigrams(c.text));
      let group = top.labels.length - 1;
      let best = -1;
      top.labels.forEach((label, index) => {
        const own = bigrams(label.text);
        const shared = words.reduce((n, w) => n + [...w].filter((b) => own.has(b)).length, 0);
        if (shared > best) [group, best] = [index, shared];
      });
      const upper: Cell[] = [];
      const lower: Cell[] = [];
      top.labels.forEach((label, index) => {
        const blank = (c: Cell): Cell => ({ text: '', line: c.line, column: c.column });
        if (index === group) {
          upper.push(label, ...sub.slice(1).map(() => blank(label)));
          lower.push(...sub);
        } else {
          upper.push(label);
          lower.push(blank(label));
        }
      });
      return { rows: [upper, lower], used: top.used + sub.length };
    }
  }
  const one = takeLabels(pool, width);
  return one ? { rows: [one.labels], used: one.used } : null;
}
