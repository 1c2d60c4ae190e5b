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

function columnsOf(lines: readonly PageLine[]): Span[] {
  const widest = Math.max(...lines.map((l) => l.chunks.length));
  const full = lines.filter((l) => l.chunks.length >= Math.max(2, Math.ceil(widest * 0.6)));
  const spans = full.flatMap((l) => l.chunks.map((c) => ({ x0: c.x0, x1: c.x1 }))).sort((a, b) => a.x0 - b.x0);
  const columns: Span[] = [];
  for (const s of spans) {
    const last = columns.at(-1);
    if (last && s.x0 <= last.x1) last.x1 = Math.max(last.x1, s.x1);
    else columns.push({ ...s });
  }
  return columns;
}

function rowOf(chunks: readonly Chunk[], columns: readonly Span[]): PageCell[] {
  const texts: string[] = columns.map(() => '');
  const spans: number[] = columns.map(() => 1);
  const covered: boolean[] = columns.map(() => false);
  for (const chunk of chunks) {
    const hit = columns.map((col, i) => (chunk.x0 < col.x1 && chunk.x1 > col.x0 ? i : -1)).filter((i) => i >= 0);
    let first = hit[0];
    if (first === undefined) {
      // In a gap: the nearest column by centre.
      const mid = (chunk.x0 + chunk.x1) / 2;
      first = columns.reduce((best, col, i) => (Math.abs((col.x0 + col.x1) / 2 - mid) < Math.abs((columns[best]!.x0 + columns[best]!.x1) / 2 - mid) ? i : best), 0);
    }
    texts[first] = joinText(texts[first]!, chunk.text, true);
    const last = hit.at(-1) ?? first;
    if (last > first && !covered[first]) {
      spans[first] = last - first + 1;
      for (let k = first + 1; k <= last; k++) covered[k] = true;
    }
  }
  return columns.map((_, i) => ({ text: covered[i] ? '' : texts[i]!, rowSpan: 1, colSpan: spans[i]!, covered: covered[i]! }));
}

function tableOf(lines: readonly PageLine[]): PageTable {
  const columns = columnsOf(lines);
  return { kind: 'table', rows: lines.map((l) => rowOf(l.chunks, columns)), top: lines[0]!.top, bottom: lines.at(-1)!.bottom, columns: columns.map((c) => c.x0) };
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
    if (run.length >= MIN_ROWS && run.filter(hasAmount).length >= 2) out.push(tableOf(run));
    else out.push(...run);
    i = j;
  }
  return out;
}
