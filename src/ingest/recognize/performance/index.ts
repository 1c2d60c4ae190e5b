/**
 * Performance target sheets (绩效目标表): per-project sheets (one per region,
 * or many in a wide table), unit/department-wide sheets and special-fund
 * sheets, recognized into the model's PerformanceSheet / UnitPerformance.
 *
 * A sheet is a head of key/value rows (see head.ts), for unit sheets a block
 * of 年度主要任务 (tasks.ts), and an indicator grid (grid.ts) that may run
 * over several page parts.
 */
import type { Row } from '../../read/blocks.ts';
import type { PerformanceSheet, UnitPerformance } from '../../model/schema.ts';
import type { RecognizeContext } from '../context.ts';
import type { TableRegion } from '../regions.ts';
import { norm } from '../text.ts';
import { toWan } from './amounts.ts';
import { isBlankRow, regionRows, regionUnit, type PartRow } from './cells.ts';
import { readIndicators } from './grid.ts';
import { createHeadReader, headKeyOf, type HeadAmount, type SheetHead } from './head.ts';
import { isIndicatorHeader } from './header.ts';
import { performanceKindOf } from './kind.ts';
import { cleanTitle, nameFromTitle, reconcileName } from './names.ts';
import { createTaskReader, isTasksStart } from './tasks.ts';
import type { ProjectSheet } from './types.ts';
import { readWideSheets, wideLayoutOf } from './wide.ts';
import type { MoneyUnit } from '../../model/money.ts';

export type { ProjectSheet } from './types.ts';
export { performanceKindOf } from './kind.ts';

interface SheetParts {
  rows: PartRow[];
  /** Index of the indicator header in `rows`, or -1. */
  grid: number;
}

function partsOf(rows: PartRow[]): SheetParts {
  return { rows, grid: rows.findIndex((r) => isIndicatorHeader(r.row)) };
}

const startsProjectHead = (row: Row) => row.cells.some((c) => {
  const key = headKeyOf(c.text);
  return key === 'code' || key === 'name';
});

/**
 * Sheets printed back to back without a recognisable title end up in one
 * region: a 项目编码 / 项目名称 row after an indicator grid starts the next.
 */
function sheetsIn(rows: PartRow[]): SheetParts[] {
  const out: PartRow[][] = [];
  let current: PartRow[] = [];
  let grid = false;
  for (const r of rows) {
    if (grid && startsProjectHead(r.row)) {
      out.push(current);
      current = [];
      grid = false;
    }
    if (isIndicatorHeader(r.row)) grid = true;
    current.push(r);
  }
  if (current.length || !out.length) out.push(current);
  return out.map(partsOf);
}

function rowText(row: Row): string {
  return row.cells.map((c) => norm(c.text)).filter(Boolean).join(' ');
}

function reportUnread(row: Row, ctx: RecognizeContext): void {
  const text = rowText(row);
  if (text && !/^[•·●\s]+$/.test(text)) {
    ctx.reporter.warn('recognize', 'performance:unread-row', `第 ${row.line} 行“${text.slice(0, 40)}”不是绩效目标表中可识别的栏目，未读取。`, row.line);
  }
}

/** Pages extraction flattened into one line cannot be read cell by cell: say so, with the line. */
function reportFlattened(region: TableRegion, ctx: RecognizeContext): void {
  for (const part of region.parts) {
    if (part.type !== 'flat') continue;
    ctx.reporter.warn('recognize', 'performance:flattened-page', `第 ${part.line} 行是被压平成一行的绩效目标表页面，单元格边界已丢失，其中的指标未能读取。`, part.line);
  }
}

interface Frame {
  title: string;
  line: number;
  endLine: number;
}

function sheetOf(frame: Frame, head: SheetHead, parts: SheetParts, ctx: RecognizeContext): PerformanceSheet {
  const sheet: PerformanceSheet = {
    title: frame.title,
    line: frame.line,
    endLine: frame.endLine,
    schedule: head.schedule,
    indicators: parts.grid >= 0 ? readIndicators(parts.rows, parts.grid, ctx) : [],
  };
  if (head.goals) sheet.goals = head.goals;
  if (head.purpose) sheet.purpose = head.purpose;
  return sheet;
}

function readHead(parts: SheetParts, unit: MoneyUnit, ctx: RecognizeContext): SheetHead {
  const reader = createHeadReader(ctx, unit);
  const headEnd = parts.grid >= 0 ? parts.grid : parts.rows.length;
  for (const { row } of parts.rows.slice(0, headEnd)) {
    if (!isBlankRow(row) && !reader.feed(row)) reportUnread(row, ctx);
  }
  return reader.head;
}

/** The 项目名称 cells, unless OCR scrambled them and the title prints the name cleanly. */
function projectName(head: SheetHead, titleName: string, ctx: RecognizeContext): string {
  const name = head.name?.text ?? '';
  if (!name || !titleName) return name || titleName;
  const chosen = reconcileName(name, titleName);
  if (chosen.fromTitle) {
    ctx.reporter.warn(
      'recognize',
      'performance:name-from-title',
      `第 ${head.name!.line} 行项目名称“${name}”像是识别错乱的文字，改用表题中的名称“${chosen.name}”。`,
      head.name!.line,
      head.name!.column,
    );
  }
  return chosen.name;
}

const wan = (a: HeadAmount) => toWan(a.value, a.unit);

function projectSheet(head: SheetHead, name: string, performance: PerformanceSheet, ctx: RecognizeContext): ProjectSheet {
  const sheet: ProjectSheet = { name: name || performance.title, line: performance.line, performance };
  if (head.code) {
    sheet.code = head.code.text;
    // How many of the cells belong to the code is settled against the document's other codes (split-codes.ts).
    if (head.code.parts.length > 1) sheet.codeCells = head.code.parts;
    else if (head.code.pieces > 1) {
      ctx.reporter.info('recognize', 'performance:split-code', `第 ${head.code.line} 行的项目编码分在几段印刷，已拼接为“${head.code.text}”。`, head.code.line, head.code.column);
    }
  }
  if (head.amount) {
    sheet.amount = wan(head.amount);
    sheet.amountPrinted = { text: head.amount.text, unit: head.amount.unit, line: head.amount.line };
  }
  if (head.fiscal) sheet.fiscalAmount = wan(head.fiscal);
  if (head.other) sheet.otherAmount = wan(head.other);
  if (head.type) sheet.type = head.type;
  if (head.funding) sheet.funding = head.funding;
  if (head.subjectCode) sheet.subjectCode = head.subjectCode;
  return sheet;
}

/** One region can hold one project sheet (most layouts) or many projects (a wide table, one project per row group). */
export function recognizeProjectSheets(region: TableRegion, ctx: RecognizeContext): ProjectSheet[] {
  if (performanceKindOf(region) !== 'project-performance') return [];
  reportFlattened(region, ctx);
  if (wideLayoutOf(region, ctx)) return readWideSheets(region, ctx);

  const unit = regionUnit(region, ctx);
  const title = cleanTitle(region.title?.text ?? '');
  const sheets = sheetsIn(regionRows(region));
  return sheets.map((parts, k) => {
    const head = readHead(parts, unit, ctx);
    // Only the first sheet of the region is the one its title names.
    const name = projectName(head, k === 0 ? nameFromTitle(region.title?.text ?? '') : '', ctx);
    const endLine = k === sheets.length - 1 ? region.endLine : (parts.rows.at(-1)?.row.line ?? region.endLine);
    const frame: Frame = k === 0 ? { title, line: region.line, endLine } : { title: name || title, line: parts.rows[0]?.row.line ?? region.line, endLine };
    return projectSheet(head, name, sheetOf(frame, head, parts, ctx), ctx);
  });
}

/**
 * Unit/department-wide sheets (整体绩效目标表, 单位整体支出绩效目标表, 单位整体支出
 * 绩效指标 with 评（扣）分标准) and 专项资金总体绩效目标表 (an empty template
 * gives a sheet with no indicators).
 */
export function recognizeUnitPerformance(region: TableRegion, ctx: RecognizeContext): UnitPerformance | null {
  const kind = performanceKindOf(region);
  if (kind !== 'unit-performance' && kind !== 'special-fund-performance') return null;
  reportFlattened(region, ctx);
  const parts = partsOf(regionRows(region));
  const unit = regionUnit(region, ctx);
  const reader = createHeadReader(ctx, unit);
  const tasks = createTaskReader(ctx, unit);
  let inTasks = false;
  const headEnd = parts.grid >= 0 ? parts.grid : parts.rows.length;
  for (const { row } of parts.rows.slice(0, headEnd)) {
    if (isBlankRow(row)) continue;
    if (isTasksStart(row)) inTasks = true;
    // The task block ends where the head's labels resume (年度总体目标 …).
    else if (inTasks && row.cells.some((c) => headKeyOf(c.text) === 'goals')) inTasks = false;
    if (inTasks) tasks.feed(row);
    else if (!reader.feed(row)) reportUnread(row, ctx);
  }
  const sheet = sheetOf({ title: cleanTitle(region.title?.text ?? ''), line: region.line, endLine: region.endLine }, reader.head, parts, ctx);
  return { ...sheet, tasks: tasks.tasks };
}

