/**
 * Reader for markdown with pipe tables (`| a | b |` rows, `|---|` delimiter
 * rows). The delimiter tells where the source thought its header ended.
 */
import type { Block, Reader } from './blocks.ts';
import { isBlank, shareOf, splitCells, TableBuilder, textBlock } from './lines.ts';

const ROW_RE = /^\s*\|.*\|\s*$/;
const DELIMITER_RE = /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-{2,}:?\s*)?\|?\s*$/;

/** Cells of a pipe row; `\|` is a literal bar inside a cell. */
function pipeCells(line: string, lineNo: number) {
  const open = line.indexOf('|');
  const close = line.lastIndexOf('|');
  const inner = line.slice(open + 1, close);
  return splitCells(inner, lineNo, /(?<!\\)\|/, open + 1).map((cell) => ({ ...cell, text: cell.text.replace(/\\\|/g, '|') }));
}

export const pipeReader: Reader = {
  name: 'markdown-pipe',
  description: 'Markdown text with pipe tables',
  sniff(lines) {
    return shareOf(lines, (line) => ROW_RE.test(line));
  },
  read(lines) {
    const blocks: Block[] = [];
    const table = new TableBuilder();
    lines.forEach((line, index) => {
      const lineNo = index + 1;
      if (ROW_RE.test(line)) {
        if (DELIMITER_RE.test(line)) table.markHeader();
        else table.add({ line: lineNo, cells: pipeCells(line, lineNo) });
        return;
      }
      table.flush(blocks);
      if (!isBlank(line)) blocks.push(textBlock(line, lineNo));
    });
    table.flush(blocks);
    return blocks;
  },
};
