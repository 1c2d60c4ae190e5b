/**
 * A table region (title, captions, page parts, notes) → one model table, or
 * several when a later page prints a different header (a continuation with
 * extra columns is published as its own table, marked （续）).
 */
import type { Row } from '../../read/blocks.ts';
import type { Table, TableKindName } from '../../model/schema.ts';
import type { RecognizeContext } from '../context.ts';
import { parseNameLabel, parseUnitLine } from '../identity.ts';
import { captionUnitOf, type Line, type TableRegion } from '../regions.ts';
import { compact, plainTitle } from '../text.ts';
import { classifyColumns } from './columns.ts';
import { flatRows } from './flat.ts';
import { buildHeader, gridWidth, sameHeader, splitPage, type PageGrid } from './grid.ts';
import { KIND_NAMES, kindFromColumns, kindFromTitle } from './kind.ts';
import { halvesOf, splitHalves } from './halves.ts';
import { modelRow, type ModelRow } from './rows.ts';
import { realignShiftedRows } from './shifted-rows.ts';
import { moneyUnitIn, type MoneyUnit } from '../../model/money.ts';

/** Kinds printed as forms (key/value rows, indicator grids) rather than with a column header. */
const FORM_KINDS = new Set<TableKindName>(['project-performance', 'unit-performance', 'special-fund-performance']);


interface Segment {
  header: Row[];
  numberRow?: Row;
  width: number;
  dataRows: Row[];
  flat: import('../../read/blocks.ts').FlatBlock[];
  parts: Table['parts'];
}

function unitOf(captions: readonly Line[], rows: readonly Row[], fallback: MoneyUnit): MoneyUnit {
  for (const caption of captions) {
    const unit = captionUnitOf(caption.text);
    if (unit) return unit;
  }
  for (const row of rows) {
    for (const cell of row.cells) {
      // A unit in a header cell: `预算数（万元）`, `金额单位：元`.
      const unit = moneyUnitIn(compact(cell.text));
      if (unit && /[(（]|金额单位/.test(cell.text)) return unit;
    }
  }
  return fallback;
}

function printedEntity(captions: readonly Line[]): Table['printedEntity'] {
  for (const caption of captions) {
    const unit = parseUnitLine(caption.text);
    if (unit) return { ...unit, line: caption.line };
  }
  for (const caption of captions) {
    const name = parseNameLabel(caption.text);
    if (name) return { name, line: caption.line };
  }
  return undefined;
}

/** A caption row as lines: one per source line (DOCX dumps print each cell on its own line). */
const rowLines = (row: Row): Line[] => {
  const byLine = new Map<number, string[]>();
  for (const cell of row.cells) if (cell.text) byLine.set(cell.line, [...(byLine.get(cell.line) ?? []), cell.text]);
  return [...byLine].map(([line, texts]) => ({ line, text: texts.join(' ') }));
};

/** Cut the region's parts into segments that share one header. */
function segmentsOf(region: TableRegion, form: boolean, captions: Line[], ctx: RecognizeContext): Segment[] {
  const segments: Segment[] = [];
  let pendingFlat: Segment['flat'] = [];
  for (const part of region.parts) {
    if (part.type === 'flat') {
      const current = segments.at(-1);
      if (current) current.flat.push(part);
      else pendingFlat.push(part);
      continue;
    }
    const grid: PageGrid = splitPage(part.rows, form, part.headerRows, region.parts.length === 1);
    captions.push(...grid.captionRows.flatMap(rowLines));
    const width = gridWidth([...grid.headerRows, ...grid.dataRows, ...(grid.numberRow ? [grid.numberRow] : [])]);
    const headerLines = [...new Set([...grid.headerRows, ...(grid.numberRow ? [grid.numberRow] : [])].flatMap((r) => [r.line, ...r.cells.map((c) => c.line)]))];
    const info = { line: part.line, endLine: part.endLine, headerLines };
    const current = segments.at(-1);
    if (current && !grid.dataRows.length && current.dataRows.length) {
      // A page fragment with nothing but header text (a page top cut off): keep its text with the captions.
      captions.push(...grid.headerRows.flatMap(rowLines));
      current.parts.push(info);
      ctx.reporter.info('recognize', 'table:header-fragment', `“${region.title?.text ?? '表格'}”第 ${part.line} 行起只有表头片段，没有数据行，已作为表头文字保留。`, part.line);
      continue;
    }
    const continues =
      current &&
      (!grid.headerRows.length || sameHeader(grid.headerRows, current.header) || width === current.width || !current.header.length || !current.dataRows.length);
    if (current && continues) {
      const hadRows = current.dataRows.length > 0;
      current.dataRows.push(...grid.dataRows);
      current.parts.push(info);
      if (!hadRows || (!current.header.length && grid.headerRows.length)) {
        // The page so far had no rows: its header was a fragment; this page's header is the table's.
        if (current.header.length && grid.headerRows.length) captions.push(...current.header.flatMap(rowLines));
        if (grid.headerRows.length) current.header = grid.headerRows;
        if (grid.numberRow) current.numberRow = grid.numberRow;
      }
      current.width = Math.max(current.width, width);
      continue;
    }
    const segment: Segment = { header: grid.headerRows, width, dataRows: grid.dataRows, flat: pendingFlat, parts: [info] };
    if (grid.numberRow) segment.numberRow = grid.numberRow;
    pendingFlat = [];
    segments.push(segment);
  }
  if (pendingFlat.length) segments.push({ header: [], width: 0, dataRows: [], flat: pendingFlat, parts: pendingFlat.map((f) => ({ line: f.line, endLine: f.line, headerLines: [] })) });
  return segments;
}

const INCOME_KINDS = new Set<TableKindName>(['income-summary']);
const EXPENDITURE_KINDS = new Set<TableKindName>(['expenditure-summary', 'general-budget-expenditure', 'general-budget-basic', 'general-budget-basic-functional', 'general-budget-expenditure-economic', 'project-expenditure']);

/** A title and a header that contradict each other: one says income, the other expenditure. */
function conflicting(byTitle: TableKindName, byColumns: TableKindName): boolean {
  return (INCOME_KINDS.has(byColumns) && EXPENDITURE_KINDS.has(byTitle)) || (EXPENDITURE_KINDS.has(byColumns) && INCOME_KINDS.has(byTitle));
}

export function recognizeTables(region: TableRegion, ctx: RecognizeContext): Table[] {
  const titleText = region.title?.text ?? '';
  const title = plainTitle(titleText).replace(/^#+/, '') || '';
  let kind: TableKindName | null = titleText ? kindFromTitle(titleText) : null;
  const form = kind !== null && FORM_KINDS.has(kind);
  const captions: Line[] = [...region.captions];
  const segments = segmentsOf(region, form, captions, ctx);
  const allRows = region.parts.flatMap((p) => (p.type === 'table' ? p.rows : []));
  const unit = unitOf(captions, allRows, ctx.defaultUnit);
  const printed = printedEntity(captions);
  const note = region.notes.map((n) => n.text).join('\n');

  if (!segments.length) {
    ctx.reporter.info('recognize', 'table:no-rows', `“${title || '表格'}”只有标题，文中没有表格内容。`, region.line);
    segments.push({ header: [], width: 0, dataRows: [], flat: [], parts: [] });
  }
  return segments.map((segment, index) => {
    const width = Math.max(segment.width, gridWidth(segment.dataRows));
    const layout = buildHeader(segment.header, width);
    const dataRows = realignShiftedRows(layout.paths, segment.dataRows, title || '表格', ctx);
    const columns = classifyColumns(layout.paths, dataRows);
    const byColumns = kindFromColumns(columns.map((c) => c.label));
    if (kind && byColumns && conflicting(kind, byColumns)) {
      ctx.reporter.warn(
        'recognize',
        'table:kind-mismatch',
        `“${title}”的表头看起来是${KIND_NAMES[byColumns]}，与标题不符；按标题归为${KIND_NAMES[kind]}。`,
        segment.header[0]?.line ?? region.line,
      );
    }
    kind ??= byColumns ?? 'other';
    const halves = halvesOf(columns);
    const rows: ModelRow[] = (halves ? dataRows.flatMap((row) => splitHalves(row, columns, halves)) : dataRows).map((row) => modelRow(row, columns));
    for (const flat of segment.flat) rows.push(...flatRows(flat, ctx, columns.length));
    rows.sort((a, b) => a.line - b.line || (a.cells[0]?.column ?? 0) - (b.cells[0]?.column ?? 0));
    const lines = [region.line, ...segment.parts.map((p) => p.line)];
    const table: Table = {
      id: kind,
      kind,
      title: index === 0 ? title : `${title}（续）`,
      unit,
      line: Math.min(...lines),
      endLine: Math.max(region.endLine, ...segment.parts.map((p) => p.endLine)),
      parts: segment.parts,
      captions: index === 0 ? captions : [],
      header: layout.tree,
      columns: columns.map((c) => ({ key: `c${c.index + 1}`, label: c.label, path: c.path, role: c.role })),
      rows,
      // A form is empty when nothing is filled in; a grid when no amount is printed.
      empty: form
        ? !rows.some((r) => r.cells.filter((c) => c.text.trim() !== '').length > 1)
        : !rows.some((r) => r.cells.some((c) => c.value !== undefined) || (r.unplaced?.length ?? 0) > 0),
    };
    if (!rows.length && segment.parts.length && !note) {
      ctx.reporter.warn('recognize', 'table:header-only', `“${table.title || '表格'}”只印了表头，没有数据行，也没有空表说明。`, table.line);
    }
    if (segment.flat.length) table.flattened = segment.flat.map((f) => ({ text: f.text, line: f.line }));
    if (region.number) table.number = compact(region.number.text);
    if (printed) table.printedEntity = printed;
    if (note) table.note = note;
    return table;
  });
}
