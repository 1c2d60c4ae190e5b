/**
 * Reader for tables copied from a web page as one cell per line with no
 * separator at all: the header labels, then the values, each on its own
 * line. Rows and columns are recovered from the stream itself (see
 * stream.ts): a table is kept only when its header gives exactly as many
 * leaf columns as its rows are wide and it prints at least one real amount,
 * so a list of short lines (a contents page with page numbers) stays text.
 */
import type { Block, Cell, ReadNote, Reader, TableBlock } from './blocks.ts';
import { heading, isBlank } from './lines.ts';
import { slotOf, streamHeader, streamRows } from './stream.ts';
import { twoSided } from './two-sided.ts';

/** A line that can be one cell: short, no sentence punctuation, no other layout's separators. */
function isCellLine(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 40 || /^#/.test(t)) return false;
  if (/[\t|]|[，。；！？]|\S {2,}\S/.test(t)) return false;
  return true;
}

function cellOf(line: string, lineNo: number): Cell {
  return { text: line.trim(), line: lineNo, column: line.length - line.trimStart().length + 1 };
}

/** An amount that is not a small whole number (page numbers and counts look like 12). */
function isRealAmount(cell: Cell): boolean {
  const t = cell.text.replace(/[\s,，]/g, '');
  return /^[-(（]?\d+\.\d+[)）]?$/.test(t) || /^\d{3,}$/.test(t);
}

interface Found {
  /** Index in the run of the first header cell. */
  start: number;
  end: number;
  table: TableBlock;
}

/** The tables of one run of cell lines, in order. */
function streamTables(cells: readonly Cell[], notes?: ReadNote[]): Found[] {
  const found: Found[] = [];
  let from = 0;
  while (from < cells.length) {
    const rows = streamRows(cells, false, from);
    if (!rows) break;
    const values = cells.slice(rows.dataStart, rows.end).filter((c) => slotOf(c, false) === 'value');
    const pool = cells.slice(from, rows.dataStart);
    const header = rows.width >= 2 && rows.end > rows.dataStart ? streamHeader(pool, rows.width) : null;
    if (!header || !values.some(isRealAmount)) {
      // No table here: skip past this run of values and look further on.
      let next = rows.dataStart;
      while (next < cells.length && slotOf(cells[next]!, false) === 'label') next++;
      const first = cells[next];
      if (first && isRealAmount(first) && rows.width >= 2) {
        notes?.push({
          ruleId: 'read:values-without-header',
          message: `第 ${first.line} 行起的数字每 ${rows.width - rows.labels} 个一组，但上面没有列数相符的表头，无法确定各数所在的列，按文字保留。`,
          line: first.line,
          column: first.column,
        });
      }
      while (next < cells.length && slotOf(cells[next]!, false) === 'value') next++;
      from = Math.max(next, from + 1);
      continue;
    }
    const dataRows: Cell[][] = rows.starts.map((i) => {
      const short = rows.narrow.has(i);
      const printed = cells.slice(i, i + rows.width - (short ? 1 : 0));
      // A total printed without its code keeps its cells under their columns: the code cell is empty.
      return short ? [{ text: '', line: printed[0]!.line, column: printed[0]!.column }, ...printed] : printed;
    });
    // The header's leaf labels, not the rows' pattern, tell a two-sided table (项目 | 预算数 printed twice).
    const sides = rows.labels >= 1 ? twoSided(pool, dataRows, rows.width) : null;
    const used = sides ? sides.used : header.used;
    const headerRows = sides ? sides.header : header.rows;
    const tableRows = [...headerRows, ...(sides ? sides.rows : dataRows)].map((r) => ({ line: r.find((c) => c.text)?.line ?? r[0]!.line, cells: r }));
    const start = rows.dataStart - used;
    const last = cells[rows.end - 1]!;
    found.push({ start, end: rows.end, table: { type: 'table', rows: tableRows, line: cells[start]!.line, endLine: last.line, headerRows: headerRows.length } });
    from = rows.end;
  }
  return found;
}

export const cellLinesReader: Reader = {
  name: 'cell-lines',
  description: 'Tables copied from a web page as one cell per line with no separator: header labels, then the values',
  sniff(lines) {
    const blocks = cellLinesReader.read(lines);
    let total = 0;
    for (const line of lines) if (!isBlank(line)) total++;
    let inTables = 0;
    for (const b of blocks) if (b.type === 'table') inTables += b.rows.reduce((n, r) => n + new Set(r.cells.filter((c) => c.text).map((c) => c.line)).size, 0);
    return total ? inTables / total : 0;
  },
  read(lines, notes?: ReadNote[]) {
    const blocks: Block[] = [];
    const text = (line: string, lineNo: number) => {
      if (isBlank(line)) return;
      blocks.push(heading(line, lineNo) ?? { type: 'paragraph', text: line.trim(), line: lineNo });
    };
    let run: Cell[] = [];
    const flush = () => {
      let at = 0;
      for (const f of streamTables(run, notes)) {
        for (const c of run.slice(at, f.start)) text(c.text, c.line);
        blocks.push(f.table);
        at = f.end;
      }
      for (const c of run.slice(at)) text(c.text, c.line);
      run = [];
    };
    lines.forEach((line, index) => {
      if (isBlank(line)) return;
      if (isCellLine(line)) {
        run.push(cellOf(line, index + 1));
        return;
      }
      flush();
      text(line, index + 1);
    });
    flush();
    return blocks;
  },
};
