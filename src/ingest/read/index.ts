/**
 * The read stage: choose the reader whose layout the text matches best and
 * turn the text into blocks. Adding a layout means adding a reader here.
 */
import type { Reporter } from '../diagnostics.ts';
import type { Block, LayoutName, ReadNote, Reader } from './blocks.ts';
import { alignedReader } from './aligned.ts';
import { barCellsReader } from './bar-cells.ts';
import { cellLinesReader } from './cell-lines.ts';
import { cellsReader } from './cells.ts';
import { isBlank, textBlock } from './lines.ts';
import { refineParagraphs } from './mixed.ts';
import { pipeRowsReader } from './pipe-rows.ts';
import { pipeReader } from './pipe.ts';
import { tsvReader } from './tsv.ts';

/** Text without any table structure: headings and paragraphs only. */
const plainReader: Reader = {
  name: 'plain',
  description: 'Plain text without recognizable table rows',
  sniff: () => 0,
  read(lines) {
    const blocks: Block[] = [];
    lines.forEach((line, index) => {
      if (isBlank(line)) return;
      // A table page squashed onto one line keeps its tokens with their columns, as in every reader.
      blocks.push(textBlock(line, index + 1));
    });
    return blocks;
  },
};

export const readers: readonly Reader[] = [tsvReader, pipeReader, cellsReader, pipeRowsReader, barCellsReader, alignedReader, cellLinesReader];

/**
 * Readers offered the text that the document's reader left as paragraphs,
 * in this order: the layouts with explicit separators first, the ones
 * inferred from alignment or from the pattern of cells last.
 */
const REFINERS: readonly Reader[] = [pipeReader, pipeRowsReader, barCellsReader, tsvReader, alignedReader, cellLinesReader];

/** Below this share of table-like lines a text is treated as plain. */
const MIN_SCORE = 0.05;

export interface ReadResult {
  layout: LayoutName;
  /** Score of every reader, for the source page and debugging. */
  scores: Record<string, number>;
  blocks: Block[];
}

export function detectLayout(lines: readonly string[]): { reader: Reader; scores: Record<string, number> } {
  const scores: Record<string, number> = {};
  let best: Reader = plainReader;
  let bestScore = MIN_SCORE;
  for (const reader of readers) {
    const score = reader.sniff(lines);
    scores[reader.name] = Math.round(score * 1000) / 1000;
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    }
  }
  return { reader: best, scores };
}

export function read(text: string, reporter: Reporter): ReadResult {
  const lines = text.split('\n');
  const { reader, scores } = detectLayout(lines);
  const notes: ReadNote[] = [];
  const refined = refineParagraphs(reader.read(lines, notes), lines, REFINERS.filter((r) => r !== reader));
  const blocks = refined.blocks;
  for (const note of [...notes, ...refined.notes].sort((a, b) => a.line - b.line)) reporter.warn('read', note.ruleId, note.message, note.line, note.column);
  // A document no reader claimed as a whole is named after the first layout its tables were found in;
  // one whose reader found no table at all (a stray `|` line in prose) is plain text.
  const tabular = blocks.some((b) => b.type === 'table' || b.type === 'flat');
  const layout = !tabular ? plainReader : reader === plainReader ? (refined.used[0] ?? plainReader) : reader;
  if (layout === plainReader) {
    reporter.warn('read', 'read:unknown-layout', '未识别出表格版式（制表符、管道符或逐格换行的表格，空格对齐的列），按纯文本读取。', 0);
  }
  for (const block of blocks) {
    if (block.type === 'flat') {
      reporter.warn('read', 'read:flattened-table', `第 ${block.line} 行像是被压平成一行的表格（${block.tokens.length} 个词元），单元格边界已丢失。`, block.line);
    }
  }
  return { layout: layout.name, scores, blocks };
}
