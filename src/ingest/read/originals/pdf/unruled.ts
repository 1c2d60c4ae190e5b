/**
 * Tables printed without rules: a run of lines whose phrases stand apart in
 * columns. The columns are the stretches of the page that the phrases of the
 * fullest rows cover (amounts align on their right edge, names on their left,
 * and the gaps between them are never crossed); a header phrase printed over
 * several columns spans them.
 */
import { joinText, type Chunk, type PageCell, type PageItem, type PageLine, type PageTable } from './text.ts';

const AMOUNT_RE = /^[-(（]?[\d,]*\d(?:\.\d+)?[)）]?$|^[—–-]+$/;

function hasAmount(line: PageLine): boolean {
  return line.chunks.some((c) => AMOUNT_RE.test(c.text) && /[.,—–]/.test(c.text));
}

/** Fewest lines of a table printed without rules (fewer are captions side by side). */
const MIN_ROWS = 3;

interface Span {
  x0: number;
  x1: number;
}

/** A caption printed above a table (单位名称：…, 预算年度：…), not a header cell (其中：…). */
const CAPTION_RE = /^(?!其中)[^：:]{1,12}[：:]/;

/**
 * The columns: stretches covered by the phrases of the rows with amounts,
 * each widened to halfway to its neighbours, so that every phrase of the
 * table falls in one (or, for a header over several columns, spans some).
 */
function columnsOf(lines: readonly PageLine[]): Span[] {
  const data = lines.filter(hasAmount);
  const spans = data.flatMap((l) => l.chunks.map((c) => ({ x0: c.x0, x1: c.x1 }))).sort((a, b) => a.x0 - b.x0);
  const printed: Span[] = [];
  for (const s of spans) {
    const last = printed.at(-1);
    if (last && s.x0 <= last.x1) last.x1 = Math.max(last.x1, s.x1);
    else printed.push({ ...s });
  }
  const left = Math.min(...lines.flatMap((l) => l.chunks.map((c) => c.x0)));
  const right = Math.max(...lines.flatMap((l) => l.chunks.map((c) => c.x1)));
  return printed.map((col, i) => ({
    x0: i === 0 ? Math.min(left, col.x0) : (printed[i - 1]!.x1 + col.x0) / 2,
    x1: i === printed.length - 1 ? Math.max(right, col.x1) : (col.x1 + printed[i + 1]!.x0) / 2,
  }));
}

const centre = (s: Span) => (s.x0 + s.x1) / 2;

/**
 * The columns a header phrase is printed over: its own column, or a run of
 * columns around it that it is centred on (within a character), never over
 * a column where another phrase of the line stands.
 */
function headerSpan(chunk: Chunk, columns: readonly Span[], taken: ReadonlySet<number>, size: number): [number, number] {
  const own = nearest(chunk, columns);
  const touched = columns.map((col, i) => (chunk.x0 < col.x1 && chunk.x1 > col.x0 ? i : -1)).filter((i) => i >= 0);
  if (!touched.length) return [own, own];
  // A centred label may end short of the columns at its sides: the neighbours count too.
  const from = Math.max(0, touched[0]! - 1);
  const to = Math.min(columns.length - 1, touched.at(-1)! + 1);
  let best: [number, number] = [own, own];
  let distance = Math.abs(centre(chunk) - centre(columns[own]!));
  for (let i = from; i <= touched[0]!; i++) {
    for (let j = Math.max(i + 1, touched.at(-1)!); j <= to; j++) {
      if (i > own || j < own) continue;
      let free = true;
      for (let k = i; k <= j; k++) if (k !== own && taken.has(k)) free = false;
      const d = Math.abs(centre(chunk) - centre({ x0: columns[i]!.x0, x1: columns[j]!.x1 }));
      if (free && d <= size && d < distance) [best, distance] = [[i, j], d];
    }
  }
  return best;
}

function nearest(chunk: Chunk, columns: readonly Span[]): number {
  const mid = centre(chunk);
  const inside = columns.findIndex((col) => mid >= col.x0 && mid < col.x1);
  if (inside >= 0) return inside;
  return mid < columns[0]!.x0 ? 0 : columns.length - 1;
}

function rowOf(line: PageLine, columns: readonly Span[]): PageCell[] {
  const cells: PageCell[] = columns.map(() => ({ text: '', rowSpan: 1, colSpan: 1, covered: false }));
  const header = !hasAmount(line);
  const taken = new Set(line.chunks.map((c) => nearest(c, columns)));
  for (const chunk of line.chunks) {
    const [first, last] = header ? headerSpan(chunk, columns, taken, line.size) : [nearest(chunk, columns), nearest(chunk, columns)];
    const cell = cells[first]!;
    if (cell.covered) continue;
    cell.text = joinText(cell.text, chunk.text, true);
    if (last > first) {
      cell.colSpan = last - first + 1;
      for (let k = first + 1; k <= last; k++) Object.assign(cells[k]!, { text: '', covered: true });
    }
  }
  return cells;
}

/**
 * A header of several lines printed without rules: a label alone in its
 * column, on a line of its own between the others, is a cell merged down over
 * the header (printed vertically centred); it moves to the top line and
 * spans all header lines, and lines left empty go.
 */
export function mergeHeader(header: PageCell[][]): PageCell[][] {
  if (header.length < 2) return header;
  const width = header[0]!.length;
  const lone = new Set<number>();
  for (let c = 0; c < width; c++) {
    const used = header.map((row) => row[c]!.text !== '' || row[c]!.covered);
    // Only a printed label moves: a cell covered by a label spanning from the left stays where it is.
    const alone = header[used.indexOf(true)]?.[c];
    if (used.filter(Boolean).length === 1 && !used[0] && alone?.text !== '' && alone?.colSpan === 1) lone.add(c);
  }
  if (!lone.size) return header;
  const top = header[0]!;
  for (const c of lone) {
    const from = header.find((row) => row[c]!.text !== '')!;
    top[c] = { ...from[c]! };
    from[c] = { text: '', rowSpan: 1, colSpan: 1, covered: false };
  }
  const kept = [top, ...header.slice(1).filter((row) => row.some((cell) => cell.text !== '' || cell.covered))];
  for (const c of lone) {
    top[c]!.rowSpan = kept.length;
    for (const row of kept.slice(1)) row[c] = { text: '', rowSpan: 1, colSpan: 1, covered: true };
  }
  return kept;
}

function tableOf(lines: readonly PageLine[]): PageTable {
  const columns = columnsOf(lines);
  const firstData = lines.findIndex(hasAmount);
  const rows = lines.map((l) => rowOf(l, columns));
  const header = firstData > 0 ? mergeHeader(rows.slice(0, firstData)) : [];
  return { kind: 'table', rows: [...header, ...rows.slice(Math.max(firstData, 0))], top: lines[0]!.top, bottom: lines.at(-1)!.bottom, columns: columns.map((c) => c.x0) };
}

/**
 * Lines → lines and tables: a run of at least three lines of several phrases,
 * close together, with amounts in two of them or more, is a table; a line of
 * one phrase between such lines belongs to it (a wrapped name).
 */
export function findUnruledTables(lines: readonly PageLine[]): PageItem[] {
  const out: PageItem[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.chunks.length < 2) {
      out.push(line);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length) {
      const next = lines[j]!;
      const prev = lines[j - 1]!;
      if (next.top - prev.bottom > 2 * Math.max(prev.size, next.size)) break;
      if (next.chunks.length >= 2) j++;
      else if (lines[j + 1] && lines[j + 1]!.chunks.length >= 2 && lines[j + 1]!.top - next.bottom <= 2 * next.size) j += 2;
      else break;
    }
    const run = lines.slice(i, j);
    // Caption lines printed just above the table stay lines.
    let k = 0;
    while (k < run.length && !hasAmount(run[k]!) && run[k]!.chunks.some((c) => CAPTION_RE.test(c.text))) out.push(run[k++]!);
    const rows = run.slice(k);
    if (rows.length >= MIN_ROWS && rows.filter(hasAmount).length >= 2) out.push(tableOf(rows));
    else out.push(...rows);
    i = j;
  }
  return out;
}
