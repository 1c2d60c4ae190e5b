/**
 * Old binary Word files (.doc, Word 97-2003), as many bureaus still publish
 * them, read through `word-extractor`: the document's text with every table
 * row on a line of its own, cells apart by tabs. That text goes through the
 * text readers like any tab-separated document, after two repairs of what
 * the text loses: header cells merged across columns (below), and rows run
 * together onto one line.
 */
import WordExtractor from 'word-extractor';
import { read } from '../index.ts';
import type { Reporter } from '../../diagnostics.ts';
import type { OriginalReader } from './types.ts';

/** Word's own control characters left in the text: field marks, soft hyphens, object anchors. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove.
const CONTROL_RE = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u00ad]/g;

const AMOUNT_CELL_RE = /^[-(]?[\d,]*\d\.\d+\)?$/;

/** A row's cells: Word ends every row with a cell mark, which the text gives as a tab after the last cell. */
const cellsOf = (line: string): string[] => line.replace(/\t$/, '').split('\t');

/**
 * A header cell merged across columns, restored from the row below it: there,
 * a column left empty continues a cell of the upper row merged downwards, and
 * a run of labelled columns sits under one group label of the upper row
 * (本年收入 over 一般公共预算拨款收入 and 事业收入). When the upper row has as
 * many cells as the lower row has empty columns and labelled runs, each group
 * label is followed by the empty cells of its run, as text tables print a
 * merged label; otherwise the row is left as read.
 */
function widenRow(upper: readonly string[], lower: readonly string[]): string[] | null {
  const slots: number[] = [];
  for (let c = 0; c < lower.length; c++) {
    if (!lower[c]!.trim()) slots.push(1);
    else {
      let run = 1;
      while (c + run < lower.length && lower[c + run]!.trim()) run++;
      slots.push(run);
      c += run - 1;
    }
  }
  if (slots.length !== upper.length || !slots.some((n) => n > 1)) return null;
  return upper.flatMap((cell, i) => [cell, ...Array.from({ length: slots[i]! - 1 }, () => '')]);
}

/**
 * Every header row with fewer cells than its table, widened where the row
 * below shows its merged cells. Empty cells at the end of a row leave no tab
 * in the text, so the row below is taken at the width of the widest row of
 * its table (the consecutive lines with tabs).
 */
export function widenMergedHeaders(lines: string[]): string[] {
  const out = [...lines];
  for (let start = 0; start < out.length; start++) {
    if (!out[start]!.includes('\t')) continue;
    let end = start;
    while (end + 1 < out.length && out[end + 1]!.includes('\t')) end++;
    const width = Math.max(...out.slice(start, end + 1).map((l) => cellsOf(l).length));
    for (let i = start; i < end; i++) {
      const upper = cellsOf(out[i]!);
      const below = cellsOf(out[i + 1]!);
      // Only the header is widened, by a header row below it: from the first row with an amount on, rows are data.
      if ([...upper, ...below].some((cell) => AMOUNT_CELL_RE.test(cell.trim()))) break;
      if (upper.length >= width) continue;
      const lower = [...below, ...Array.from({ length: width - below.length }, () => '')];
      const widened = widenRow(upper, lower);
      if (widened) out[i] = `${widened.join('\t')}\t`;
    }
    start = end;
  }
  return out;
}

/** Cells beyond which a line holds several rows run together (no budget table has this many columns). */
const MAX_ROW_CELLS = 30;

/**
 * Some tables come out of the binary format with their row ends lost: all
 * rows on one line. Such a line is not a row; it is kept as the flattened
 * text of a table (its cells apart by spaces), which the recognizer reports
 * with its amounts instead of reading them into columns that do not exist.
 */
function flattenJoinedRows(lines: string[], reporter: Reporter): string[] {
  return lines.map((line, i) => {
    if (cellsOf(line).length <= MAX_ROW_CELLS) return line;
    reporter.warn('read', 'read:doc-joined-rows', `第 ${i + 1} 行：Word 97-2003（.doc）文件中此表格的各行连在一起读出，无法分行，按一行文字保留；请以原文件为准。`, i + 1);
    return line.replace(/\t+/g, ' ').trim();
  });
}

export const readDoc: OriginalReader = async (bytes, reporter) => {
  const document = await new WordExtractor().extract(Buffer.from(bytes));
  const body = document.getBody().replace(/\r\n?/g, '\n').replace(CONTROL_RE, '').replace(/\n+$/, '');
  const lines = widenMergedHeaders(flattenJoinedRows(body.split('\n'), reporter));
  const text = lines.join('\n');
  if (!text.trim()) {
    reporter.warn('read', 'read:empty-original', 'Word 97-2003（.doc）文件中没有读到正文文字。', 0);
    return null;
  }
  const { blocks } = read(text, reporter);
  return { format: 'doc', lines, blocks, printedAt: lines.map(() => undefined), parts: 1 };
};
