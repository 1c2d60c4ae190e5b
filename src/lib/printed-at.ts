/**
 * Where a line of an original's text was printed in the file (PDF page,
 * spreadsheet cell, Word or web-page table), in words a reader can follow
 * with the file open.
 */
import type { PrintedAtEntry, Source } from '../ingest/model/schema.ts';

export const formatName: Record<NonNullable<Source['format']>, string> = {
  text: '文本',
  pdf: 'PDF',
  docx: 'Word（DOCX）',
  doc: 'Word 97-2003（DOC）',
  xlsx: 'Excel（XLSX）',
  xls: 'Excel（XLS）',
  html: '网页（HTML）',
};

/** The place of line `line`: the last entry at or before it (an entry holds until the next one). */
export function printedAt(source: Pick<Source, 'original'>, line: number): PrintedAtEntry | undefined {
  const entries = source.original?.printedAt ?? [];
  let lo = 0;
  let hi = entries.length - 1;
  let found: PrintedAtEntry | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.line <= line) {
      found = entries[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** `原文第 3 页`, `工作表“表1”B7`, `第 2 个表格第 4 行`, `第 12 段`, `网页源代码第 120 行`. */
export function describePrintedAt(at: PrintedAtEntry | undefined): string | null {
  if (!at) return null;
  if (at.page !== undefined) return `原文第 ${at.page} 页`;
  if (at.sheet !== undefined) return `工作表“${at.sheet}”${at.cell ?? ''}`;
  if (at.table !== undefined) return `第 ${at.table} 个表格${at.row !== undefined ? `第 ${at.row} 行` : ''}`;
  if (at.paragraph !== undefined) return `第 ${at.paragraph} 段`;
  if (at.htmlLine !== undefined) return `网页源代码第 ${at.htmlLine} 行`;
  return null;
}

/**
 * Where a table of an original is, in words (null for text sources): the
 * pages it runs over (原文第 3–4 页), the sheet and cell where it starts
 * (工作表“表1”A2), or which table of a Word file or web page it is (第 2 个表格).
 */
export function tablePlace(source: Pick<Source, 'original'> | undefined, line: number, endLine = line): string | null {
  if (!source?.original) return null;
  const first = printedAt(source, line);
  const inside = source.original.printedAt.filter((p) => p.line >= line && p.line <= endLine);
  const pages = [first, ...inside].flatMap((p) => (p?.page === undefined ? [] : [p.page]));
  if (pages.length) {
    const [from, to] = [Math.min(...pages), Math.max(...pages)];
    return from === to ? `原文第 ${from} 页` : `原文第 ${from}–${to} 页`;
  }
  const table = inside.find((p) => p.table !== undefined);
  if (table) return `第 ${table.table} 个表格${table.htmlLine !== undefined ? `，网页源代码第 ${table.htmlLine} 行` : ''}`;
  return describePrintedAt(first);
}

/** Name of the downloadable copy of an original in dist/originals/: the source id and the file's own extension. */
export function originalFileName(id: string, file: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? 'bin';
  return `${id}.${ext}`;
}
