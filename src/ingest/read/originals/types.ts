// src/ingest/read/originals/types.ts
import type { Reporter } from '../../diagnostics.ts';
import type { Block } from '../blocks.ts';

/** Where a line of the text as read was printed in the original file. */
export interface PrintedAt {
  /** 1-based PDF page, when the original has pages. */
  page?: number;
  /** Spreadsheet sheet name and A1 reference of the row's first cell, e.g. { sheet: '表1', cell: 'B7' }. */
  sheet?: string;
  cell?: string;
  /** 1-based table and row index (DOCX/HTML tables) or paragraph index. */
  table?: number;
  row?: number;
  paragraph?: number;
  /** 1-based line of the HTML source. */
  htmlLine?: number;
}

/**
 * An original file as read: the text a reader sees (one line per paragraph or table row, cells joined by tabs,
 * so `#L123` anchors and every located diagnostic keep working), the blocks built directly from the file's real
 * structure (line numbers refer to `lines`), and where each line was printed.
 */
export interface OriginalReading {
  format: 'pdf' | 'docx' | 'doc' | 'xlsx' | 'xls' | 'html';
  lines: string[];
  blocks: Block[];
  /** printedAt[i] is where line i + 1 came from. */
  printedAt: (PrintedAt | undefined)[];
  /** Pages (PDF) or sheets (spreadsheet) read. */
  parts: number;
}

/** Reads one original; never throws: unreadable input gives located Chinese diagnostics and null. */
export type OriginalReader = (bytes: Uint8Array, reporter: Reporter) => Promise<OriginalReading | null>;
