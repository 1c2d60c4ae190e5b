/**
 * Separator lines of text extraction (`--	------	--`, `====`): a table
 * row whose every printed cell is a run of rule characters is a drawn line
 * of the page, not data. It is taken out of the table (so neither the table
 * nor a performance sheet reads it as a row) and reported; the source page
 * still shows the line.
 */
import type { Block, Row } from '../read/blocks.ts';
import type { Reporter } from '../diagnostics.ts';

const RULE_CELL_RE = /^[-—–=_~:：|｜]{2,}$/;

export function isSeparatorRow(row: Row): boolean {
  const printed = row.cells.map((c) => c.text.trim()).filter(Boolean);
  return printed.length > 0 && printed.every((t) => RULE_CELL_RE.test(t));
}

/** The blocks with separator rows taken out of their tables (a table left without rows is dropped). */
export function dropSeparatorRows(blocks: readonly Block[], reporter: Reporter): Block[] {
  return blocks.flatMap((block): Block[] => {
    if (block.type !== 'table' || !block.rows.some(isSeparatorRow)) return [block];
    const rows: Row[] = [];
    let headerRows = block.headerRows;
    block.rows.forEach((row, i) => {
      if (!isSeparatorRow(row)) {
        rows.push(row);
        return;
      }
      if (headerRows !== undefined && i < block.headerRows!) headerRows--;
      reporter.info('recognize', 'table:separator-line', `第 ${row.line} 行是文字提取留下的分隔线（只有横线），不作为表格的数据行。`, row.line, row.cells[0]?.column);
    });
    if (!rows.length) return [];
    return [{ ...block, rows, line: rows[0]!.line, endLine: rows.at(-1)!.line, ...(headerRows !== undefined ? { headerRows } : {}) }];
  });
}
