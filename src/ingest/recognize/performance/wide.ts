/**
 * The wide form of a project performance table: one project per row group
 * (编码, 名称, 金额 columns, then 三级指标 / 指标值 pairs under 成本 / 产出 /
 * 效益 / 满意度 headers), projects grouped under unit rows (036001 …).
 *
 * PDF extraction places cells by position on each page, so the indicator
 * columns sit at a different offset on every page and a row whose first
 * category is empty may come out shifted left. The offset of a page is read
 * from where its satisfaction indicators (名称含“满意”) stand, the last
 * category; a project's first row that puts its satisfaction indicator
 * elsewhere is moved back into place.
 */
import type { Cell, Row } from '../../read/blocks.ts';
import type { Indicator } from '../../model/schema.ts';
import type { RecognizeContext } from '../context.ts';
import type { TableRegion } from '../regions.ts';
import { toHalfWidth, type MoneyUnit } from '../../model/money.ts';
import { add, dec, toString, ZERO } from '../../model/decimal.ts';
import { amountOf, sameAmount, toWan } from './amounts.ts';
import { isBlankRow, isRuleRow, joinOverlapping, printed, regionRows, regionUnit, unitInLabel, type PartRow } from './cells.ts';
import { labelKey } from './labels.ts';
import { cleanTitle } from './names.ts';
import { isStrongValue, parseTarget } from './target.ts';
import type { ProjectSheet } from './types.ts';

interface Slot {
  level1: string;
  nameCol: number;
  valueCol: number;
}

interface WideLayout {
  codeCol: number;
  nameCol: number;
  totalCol?: number;
  fiscalCol?: number;
  otherCols: number[];
  slots: Slot[];
  /** Index in the region rows of the first data row. */
  dataStart: number;
  unit: MoneyUnit;
}

const PROJECT_CODE_RE = /^[0-9A-Za-z]{10,}$/;
const UNIT_CODE_RE = /^\d{3,9}$/;
const CODE_PIECE_RE = /^[0-9A-Za-z]{1,3}$/;
const CATEGORY_RE = /^(?:产出|效益|满意度|成本)指标$/;

function isDataRow(row: Row, codeCol: number): boolean {
  const code = toHalfWidth(row.cells[codeCol]?.text ?? '').replace(/\s+/g, '');
  return /^[0-9A-Za-z]{3,}$/.test(code) && /\d/.test(code);
}

/** A header row repeated on a later page. */
function isHeaderRow(row: Row): boolean {
  return row.cells.some((c) => /^(?:三级指标|资金总额|单位编码.*|项目编码.*|.*[(]项目编码[)])$/.test(labelKey(c.text)));
}

/** The columns of a wide table, or null when the region is not one. */
export function wideLayoutOf(region: TableRegion, ctx?: RecognizeContext): WideLayout | null {
  const rows = regionRows(region);
  const first = rows.findIndex((r) => r.part === 0 && isDataRow(r.row, 0));
  const headerRows = (first < 0 ? rows.slice(0, 4) : rows.slice(0, first)).map((r) => r.row);
  if (!headerRows.length || headerRows.length > 5) return null;
  const width = Math.max(...headerRows.map((r) => r.cells.length));
  const labels: string[][] = [];
  for (let j = 0; j < width; j++) labels.push(headerRows.map((r) => labelKey(r.cells[j]?.text ?? '')).filter(Boolean));
  const find = (re: RegExp, from = 0) => labels.findIndex((ls, j) => j >= from && ls.some((l) => re.test(l)));

  const slots: Slot[] = [];
  headerRows.forEach((row, r) => {
    row.cells.forEach((cell, j) => {
      const key = labelKey(cell.text);
      if (!CATEGORY_RE.test(key)) return;
      // The 三级指标 / 指标值 pair under the category, on a lower header row.
      for (const lower of headerRows.slice(r + 1)) {
        const k = lower.cells.findIndex((c, i) => i >= j && /^三级指标?$|^指标(?:名称|内容)$/.test(labelKey(c.text)));
        if (k >= 0 && /^指标值/.test(labelKey(lower.cells[k + 1]?.text ?? ''))) {
          slots.push({ level1: printed(cell.text), nameCol: k, valueCol: k + 1 });
          return;
        }
      }
    });
  });
  const codeCol = find(/编码|代码/);
  const nameCol = find(/名称/);
  if (slots.length < 2 || codeCol < 0 || nameCol < 0) return null;
  slots.sort((a, b) => a.nameCol - b.nameCol);

  const layout: WideLayout = {
    codeCol,
    nameCol,
    otherCols: [],
    slots,
    dataStart: first < 0 ? rows.length : first,
    unit: headerRows.flatMap((r) => r.cells).map((c) => unitInLabel(c.text)).find((u) => u !== null) ?? (ctx ? regionUnit(region, ctx) : '万元'),
  };
  const firstSlot = slots[0]!.nameCol;
  const total = labels.findIndex((ls, j) => j < firstSlot && ls.some((l) => /^(?:资金总额|合计|总额|项目金额合计)$/.test(l)));
  const fallbackTotal = labels.findIndex((ls, j) => j < firstSlot && j !== nameCol && ls.some((l) => /金额/.test(l)));
  if (total >= 0 || fallbackTotal >= 0) layout.totalCol = total >= 0 ? total : fallbackTotal;
  const fiscal = labels.findIndex((ls, j) => j < firstSlot && ls.some((l) => /政府预算资金|财政拨款|财政资金|一般公共预算/.test(l)));
  if (fiscal >= 0) layout.fiscalCol = fiscal;
  labels.forEach((ls, j) => {
    if (j < firstSlot && ls.some((l) => /财政专户|单位资金|其他资金|事业收入/.test(l))) layout.otherCols.push(j);
  });
  return layout;
}

interface Pair {
  slot: number;
  name?: Cell;
  value?: Cell;
}

interface Open {
  sheet: ProjectSheet;
  indicators: Indicator[];
  shift: number;
  endLine: number;
}

/** Offset of each page's indicator columns from the header's. */
function pageOffsets(rows: readonly PartRow[], layout: WideLayout): Map<number, number> {
  const sat = layout.slots.find((s) => /满意/.test(s.level1)) ?? layout.slots.at(-1)!;
  const minCol = layout.slots[0]!.nameCol - 2;
  const offsets = new Map<number, number>();
  const widths = new Map<number, number>();
  const parts = [...new Set(rows.map((r) => r.part))].sort((a, b) => a - b);
  let previous = 0;
  let previousWidth = -1;
  for (const part of parts) {
    const partRows = rows.filter((r, i) => r.part === part && i >= layout.dataStart);
    const width = Math.max(0, ...partRows.map((r) => r.row.cells.length));
    widths.set(part, width);
    let max = -1;
    for (const { row } of partRows) row.cells.forEach((c, j) => {
      if (j >= minCol && /满意/.test(c.text) && j > max) max = j;
    });
    let offset = max >= 0 ? max - sat.nameCol : width === previousWidth ? previous : 0;
    if (Math.abs(offset) > 2) offset = width === previousWidth ? previous : 0;
    offsets.set(part, offset);
    previous = offset;
    previousWidth = width;
  }
  return offsets;
}

/** Split `每人缴纳大病保险 130元` (name and value in one cell) at its last space. */
function splitNameValue(text: string): { name: string; value: string } | null {
  const m = /^(.*\S)\s+(\S+)$/.exec(printed(text));
  return m && isStrongValue(m[2]!) && !isStrongValue(m[1]!) ? { name: m[1]!, value: m[2]! } : null;
}

export function readWideSheets(region: TableRegion, ctx: RecognizeContext): ProjectSheet[] {
  const layout = wideLayoutOf(region, ctx);
  if (!layout) return [];
  const rows = regionRows(region);
  const offsets = pageOffsets(rows, layout);
  const title = cleanTitle(region.title?.text ?? '项目绩效目标表');
  const sheets: Open[] = [];
  let open: Open | undefined;
  let unitCode: string | undefined;
  const lastSlot = layout.slots.length - 1;
  const satSlot = Math.max(0, layout.slots.findIndex((s) => /满意/.test(s.level1)));

  const amountAt = (row: Row, col: number | undefined) => (col === undefined ? null : amountOf(row.cells[col]?.text ?? ''));

  for (let i = layout.dataStart; i < rows.length; i++) {
    const { row, part } = rows[i]!;
    if (isBlankRow(row) || isRuleRow(row) || isHeaderRow(row)) continue;
    const d = offsets.get(part) ?? 0;
    const code = toHalfWidth(row.cells[layout.codeCol]?.text ?? '').replace(/\s+/g, '');
    const nameCell = row.cells[layout.nameCol];
    const name = printed(nameCell?.text ?? '');

    const pairs: Pair[] = [];
    const used = new Set<number>();
    layout.slots.forEach((slot, k) => {
      const n = row.cells[slot.nameCol + d];
      const v = row.cells[slot.valueCol + d];
      used.add(slot.nameCol + d).add(slot.valueCol + d);
      const pair: Pair = { slot: k };
      if (n && printed(n.text)) pair.name = n;
      if (v && printed(v.text)) pair.value = v;
      if (pair.name || pair.value) pairs.push(pair);
    });
    // Every other printed cell must be an amount in an amount column; anything else is reported.
    const areaStart = layout.slots[0]!.nameCol + d;
    const amountCols = new Set([layout.totalCol, layout.fiscalCol, ...layout.otherCols]);
    row.cells.forEach((c, j) => {
      if (j === layout.codeCol || j === layout.nameCol || used.has(j) || !printed(c.text)) return;
      if (j < areaStart && amountCols.has(j) && amountOf(c.text) !== null) return;
      ctx.reporter.warn('recognize', 'performance:unplaced-cell', `第 ${row.line} 行的“${printed(c.text)}”不在任何指标栏目下，未能归入指标。`, c.line, c.column);
    });

    const total = amountAt(row, layout.totalCol);
    const projectCode = PROJECT_CODE_RE.test(code) && /\d/.test(code);
    // A row without a code starts a project of its own when it prints its own amount;
    // with the open project's amount (or none) it is that project continued on a new line or page.
    const uncoded = !code && !!name && total !== null && !(open?.sheet.amount !== undefined && sameAmount(toWan(total, layout.unit), open.sheet.amount));
    if (projectCode || uncoded) {
      const codeText = printed(row.cells[layout.codeCol]?.text ?? '');
      if (projectCode && /\s/.test(codeText)) {
        ctx.reporter.info('recognize', 'performance:split-code', `第 ${row.line} 行的项目编码“${codeText}”被拆开印刷，已拼接为“${code}”。`, row.line);
      }
      const sheet: ProjectSheet = {
        name,
        line: row.line,
        performance: { title, line: row.line, endLine: row.line, schedule: [], indicators: [] },
      };
      if (projectCode) sheet.code = code;
      if (unitCode) sheet.unitCode = unitCode;
      if (total !== null) {
        sheet.amount = toWan(total, layout.unit);
        sheet.amountPrinted = { text: printed(row.cells[layout.totalCol!]!.text), unit: layout.unit, line: row.line };
      }
      const fiscal = amountAt(row, layout.fiscalCol);
      if (fiscal !== null) sheet.fiscalAmount = toWan(fiscal, layout.unit);
      const others = layout.otherCols.map((c) => amountAt(row, c)).filter((v): v is string => v !== null);
      if (others.length) sheet.otherAmount = toWan(toString(others.reduce((s, v) => add(s, dec(v)), ZERO)), layout.unit);
      open = { sheet, indicators: [], shift: 0, endLine: row.line };
      sheets.push(open);
      // A project row whose satisfaction indicator is not under 满意度: the row lost its empty first categories.
      const satPair = pairs.find((p) => p.slot !== satSlot && p.name && /满意/.test(p.name.text));
      if (satPair && !pairs.some((p) => p.slot === satSlot)) {
        const k = satSlot - satPair.slot;
        if (k > 0 && pairs.every((p) => p.slot + k <= lastSlot)) {
          for (const p of pairs) p.slot += k;
          open.shift = k;
          ctx.reporter.info('recognize', 'performance:realigned-row', `第 ${row.line} 行的指标整体左移了 ${k} 个类别，按满意度指标的位置重新对齐。`, row.line);
        }
      }
    } else if (UNIT_CODE_RE.test(code) && !pairs.length) {
      unitCode = code;
      open = undefined;
      continue;
    } else if (open && (CODE_PIECE_RE.test(code) || !code)) {
      if (code) {
        const joined = (open.sheet.code ?? '') + code;
        ctx.reporter.info('recognize', 'performance:split-code', `第 ${row.line} 行的“${code}”接续上一项目的编码（跨页断开），拼接为“${joined}”。`, row.line);
        open.sheet.code = joined;
      }
      if (name) {
        open.sheet.name = joinOverlapping(open.sheet.name, name);
        ctx.reporter.info('recognize', 'performance:wrapped-name', `第 ${row.line} 行的“${name}”接续上一项目的名称（折行或跨页断开）。`, row.line);
      }
      if (total !== null && open.sheet.amountPrinted && !sameAmount(toWan(total, layout.unit), open.sheet.amount ?? '0')) {
        ctx.reporter.warn('recognize', 'performance:amount-mismatch', `第 ${row.line} 行续行的金额 ${total} 与项目第 ${open.sheet.line} 行的金额不一致。`, row.line);
      }
      // Continuation rows of a shifted project follow its shift only into categories it has not filled.
      if (open.shift) {
        for (const p of pairs) {
          const has = open.indicators.some((ind) => ind.level1 === layout.slots[p.slot]!.level1);
          if (!has && p.slot + open.shift <= lastSlot) p.slot += open.shift;
        }
      }
    } else {
      for (const p of pairs) {
        ctx.reporter.warn('recognize', 'performance:unplaced-cell', `第 ${row.line} 行的指标“${printed(p.name?.text ?? p.value?.text ?? '')}”前面没有项目，未能归入项目。`, row.line);
      }
      continue;
    }

    if (!open) continue;
    open.endLine = row.line;
    for (const p of pairs) {
      let indName = p.name ? printed(p.name.text) : '';
      let value = p.value ? printed(p.value.text) : '';
      if (!indName && value) {
        const split = splitNameValue(value);
        if (split) {
          indName = split.name;
          value = split.value;
        } else {
          ctx.reporter.warn('recognize', 'performance:value-without-name', `第 ${row.line} 行的指标值“${value}”没有对应的指标名称，未能归入指标。`, p.value!.line, p.value!.column);
          continue;
        }
      }
      const target = parseTarget(value);
      const indicator: Indicator = { level1: layout.slots[p.slot]!.level1, name: indName, value: target.value, line: row.line };
      if (target.comparator) indicator.comparator = target.comparator;
      if (target.number) indicator.number = target.number;
      if (target.unit) indicator.unit = target.unit;
      open.indicators.push(indicator);
    }
  }

  return sheets.map(({ sheet, indicators, endLine }) => {
    sheet.performance.indicators = indicators;
    sheet.performance.endLine = endLine;
    return sheet;
  });
}
