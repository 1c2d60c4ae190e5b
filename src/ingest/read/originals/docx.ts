/**
 * Word files (.docx): the OOXML of the document body read from the zip,
 * paragraphs in order (heading styles and outline levels become headings)
 * and tables with their real grid: `gridSpan` merges columns, `vMerge` rows,
 * `gridBefore` leaves leading columns empty. Headers and footers of the
 * pages live in other parts of the package and are not read.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Reporter } from '../../diagnostics.ts';
import { ReadingBuilder, type GridRow, type SpanCell } from './reading.ts';
import type { OriginalReader } from './types.ts';
import { descendants, kid, kids, ownText, parseXml, type XmlElement as Element } from './xml-tree.ts';

function val(el: Element | undefined): string | null {
  return el?.attributes['w:val'] ?? null;
}

/**
 * Text of a paragraph: runs in order, tabs as spaces, line breaks kept;
 * deleted text and field codes left out, and the fallback copy Word keeps of
 * a text box for older readers (it repeats the text of the box).
 */
function paragraphText(p: Element): string {
  let text = '';
  const walk = (el: Element) => {
    for (const e of el.children) {
      if (typeof e === 'string') continue;
      switch (e.name) {
        case 'w:t':
          text += ownText(e);
          break;
        case 'w:tab':
          text += ' ';
          break;
        case 'w:br':
        case 'w:cr':
          text += '\n';
          break;
        case 'w:del':
        case 'mc:Fallback':
        case 'w:instrText':
        case 'w:delText':
        case 'w:rPr':
        case 'w:pPr':
          break;
        default:
          walk(e);
      }
    }
  };
  walk(p);
  return text;
}

/** Text of a table cell: its paragraphs (nested tables' too) one per line. */
function cellText(tc: Element): string {
  return descendants(tc, 'w:p')
    .map(paragraphText)
    .join('\n');
}

interface StyleInfo {
  name: string;
  outline: number | null;
}

function readStyles(xml: string | null): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  for (const s of descendants(parseXml(xml), 'w:style')) {
    const id = s.attributes['w:styleId'];
    if (!id) continue;
    const outline = val(kid(kid(s, 'w:pPr'), 'w:outlineLvl'));
    styles.set(id, { name: val(kid(s, 'w:name')) ?? id, outline: outline === null ? null : Number(outline) });
  }
  return styles;
}

/** Heading depth of a paragraph from its outline level or its style (Heading 2, 标题 2, Title), else null. */
function headingDepth(p: Element, styles: Map<string, StyleInfo>): number | null {
  const pPr = kid(p, 'w:pPr');
  const own = val(kid(pPr, 'w:outlineLvl'));
  if (own !== null && Number(own) < 9) return Number(own) + 1;
  const id = val(kid(pPr, 'w:pStyle'));
  if (!id) return null;
  const style = styles.get(id);
  if (style?.outline !== null && style?.outline !== undefined && style.outline < 9) return style.outline + 1;
  const name = style?.name ?? id;
  const m = /^(?:heading|标题)\s*(\d)$/i.exec(name) ?? /^(?:Heading)?(\d)$/.exec(id);
  if (m) return Number(m[1]);
  if (/^(?:title|标题)$/i.test(name)) return 1;
  return null;
}

/** A Word table on its grid; vertically merged cells become one cell with a row span. */
function tableGrid(tbl: Element, tableNo: number): GridRow[] {
  const rows: GridRow[] = [];
  /** Per grid column, the cell that a vMerge continuation extends. */
  const open = new Map<number, SpanCell>();
  kids(tbl, 'w:tr').forEach((tr, r) => {
    const cells: SpanCell[] = [];
    const before = Number(val(kid(kid(tr, 'w:trPr'), 'w:gridBefore')) ?? 0);
    for (let i = 0; i < before; i++) cells.push({ text: '' });
    const tcs = [...kids(tr, 'w:tc'), ...kids(tr, 'w:sdt').flatMap((sdt) => kids(kid(sdt, 'w:sdtContent') ?? sdt, 'w:tc'))];
    for (const tc of tcs) {
      const tcPr = kid(tc, 'w:tcPr');
      const span = Math.max(1, Number(val(kid(tcPr, 'w:gridSpan')) ?? 1) || 1);
      const vMerge = kid(tcPr, 'w:vMerge');
      const col = cells.length;
      const continues = vMerge !== undefined && (val(vMerge) ?? 'continue') === 'continue' && open.has(col);
      if (continues) {
        const origin = open.get(col)!;
        origin.rowSpan = (origin.rowSpan ?? 1) + 1;
        for (let i = 0; i < span; i++) cells.push({ text: '' });
        continue;
      }
      const cell: SpanCell = { text: cellText(tc) };
      if (span > 1) cell.colSpan = span;
      if (vMerge !== undefined) open.set(col, cell);
      else open.delete(col);
      cells.push(cell);
      for (let i = 1; i < span; i++) {
        cells.push({ text: '' });
        open.delete(col + i);
      }
    }
    rows.push({ cells, at: { table: tableNo, row: r + 1 } });
  });
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  for (const row of rows) while (row.cells.length < width) row.cells.push({ text: '' });
  return rows;
}

function part(files: Record<string, Uint8Array>, name: string): string | null {
  const bytes = files[name];
  return bytes ? strFromU8(bytes) : null;
}

export const readDocx: OriginalReader = async (bytes: Uint8Array, reporter: Reporter) => {
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/styles.xml' });
  const xml = part(files, 'word/document.xml');
  if (!xml) {
    reporter.error('decode', 'decode:docx-no-body', 'Word 文件中没有正文部分（word/document.xml），无法读取；原文件照样提供下载。', 0);
    return null;
  }
  const styles = readStyles(part(files, 'word/styles.xml'));
  const body = descendants(parseXml(xml), 'w:body')[0];
  const builder = new ReadingBuilder();
  let paragraphs = 0;
  let tables = 0;
  const walk = (el: Element) => {
    for (const e of el.children) {
      if (typeof e === 'string') continue;
      if (e.name === 'w:p') {
        paragraphs++;
        const text = paragraphText(e);
        const depth = headingDepth(e, styles);
        // A line break inside a paragraph starts a new line of text, as the printed page shows it.
        for (const piece of text.split('\n')) {
          if (depth !== null) builder.heading(piece, depth, { paragraph: paragraphs });
          else builder.paragraph(piece, { paragraph: paragraphs });
        }
      } else if (e.name === 'w:tbl') {
        tables++;
        builder.tableOrParagraphs(tableGrid(e, tables));
      } else if (e.name === 'w:sdt' || e.name === 'w:sdtContent' || e.name === 'w:customXml' || e.name === 'w:ins') {
        walk(e);
      }
    }
  };
  if (body) walk(body);
  if (!builder.lines.length) reporter.warn('read', 'read:empty-original', 'Word 文件中没有读到文字。', 0);
  return builder.result('docx', 1);
};
