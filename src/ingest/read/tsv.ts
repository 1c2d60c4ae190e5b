/**
 * Reader for text extracted with tab-separated table rows (PDF/DOCX export
 * to text, often with markdown headings): each line containing a tab is a
 * table row, consecutive rows are one table, other lines are headings or
 * paragraphs. Lines that look like a table page flattened into tokens
 * become `flat` blocks so no number is lost.
 */
import type { Block, Reader } from './blocks.ts';
import { isBlank, shareOf, splitCells, TableBuilder, textBlock } from './lines.ts';

export const tsvReader: Reader = {
  name: 'tsv',
  description: 'Tab-separated table rows between markdown or plain-text paragraphs',
  sniff(lines) {
    return shareOf(lines, (line) => /\S\t|\t\S/.test(line) && !/^\t[^\t]*$/.test(line));
  },
  read(lines) {
    const blocks: Block[] = [];
    const table = new TableBuilder();
    lines.forEach((line, index) => {
      const lineNo = index + 1;
      if (line.includes('\t') && !isBlank(line)) {
        table.add({ line: lineNo, cells: splitCells(line, lineNo, /\t/) });
        return;
      }
      table.flush(blocks);
      if (!isBlank(line)) blocks.push(textBlock(line, lineNo));
    });
    table.flush(blocks);
    return blocks;
  },
};
