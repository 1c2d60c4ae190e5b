/**
 * A document's recognized tables printed back as a PDF: each table with its
 * title, captions, its header as merged cells (a group over its columns, a
 * leaf down to the last header row) and its rows as printed; or a text
 * document's items printed as they come.
 */
import type { HeaderCellData, Table } from '../ingest/model/schema.ts';
import type { DrawCell, PdfPart } from './pdf-writer.ts';
import type { Item } from './write-originals.ts';

/** Printable width of a landscape A4 page inside the writer's margins. */
const WIDTH = 741;

function depth(nodes: readonly HeaderCellData[]): number {
  return nodes.length ? 1 + Math.max(...nodes.map((n) => depth(n.children ?? []))) : 0;
}

/** The header tree as rows of merged cells, each row's cells in column order. */
function headerRows(tree: readonly HeaderCellData[]): DrawCell[][] {
  const rows: DrawCell[][] = Array.from({ length: depth(tree) }, () => []);
  const R = rows.length;
  const walk = (nodes: readonly HeaderCellData[], r: number) => {
    for (const node of [...nodes].sort((a, b) => a.col - b.col)) {
      const children = node.children ?? [];
      rows[r]!.push({ text: node.label, colSpan: node.span, rowSpan: children.length ? 1 : R - r });
      walk(children, r + 1);
    }
  };
  walk(tree, 0);
  return rows;
}

function widths(table: Table): number[] {
  const weight = table.columns.map((c) => (c.role === 'name' || /名称|项目/.test(c.label) ? 3 : /编码|序号/.test(c.label) ? 1.2 : 1.5));
  const total = weight.reduce((a, b) => a + b, 0);
  return weight.map((w) => Math.floor((w / total) * WIDTH));
}

export function tablesAsPdf(tables: readonly Table[]): PdfPart[] {
  const parts: PdfPart[] = [];
  for (const table of tables) {
    // A continuation with a header of its own (titled “…（续）” in the model) is printed on under the same title.
    if (!table.title.endsWith('（续）')) parts.push({ heading: table.title, size: 14 });
    for (const caption of table.captions) parts.push({ captions: [caption.text] });
    parts.push({
      table: {
        widths: widths(table),
        header: headerRows(table.header),
        rows: table.rows.map((row) => row.cells.map((c) => c.text)),
        amountColumns: table.columns.flatMap((c, i) => (c.role === 'amount' ? [i] : [])),
      },
    });
    parts.push({ pageBreak: true });
  }
  return parts.slice(0, -1);
}

const AMOUNT_CELL_RE = /^[-(]?[\d,]+\.\d+\)?$/;

/**
 * A text document's headings, paragraphs and tables (from `documentOf`)
 * printed as a PDF the way an office suite exports it: every table ruled, its
 * columns of equal width across the page, amounts right aligned, long tables
 * running over pages.
 */
export function itemsAsPdf(items: readonly Item[]): PdfPart[] {
  return items.map((item): PdfPart => {
    if (item.kind === 'heading') return { heading: item.text };
    if (item.kind === 'paragraph') return { paragraph: item.text };
    const width = item.rows[0]?.length ?? 1;
    const amountColumns = Array.from({ length: width }, (_, c) => c).filter((c) => item.rows.some((r) => AMOUNT_CELL_RE.test(r[c] ?? '')));
    return { table: { widths: Array.from({ length: width }, () => Math.floor(WIDTH / width)), header: [], rows: item.rows, amountColumns } };
  });
}
