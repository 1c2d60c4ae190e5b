/**
 * Summary tables (收支总表, 财政拨款收支总表): lists of items printed side by
 * side, each a label column followed by its amount columns.
 *
 * - `summary-sum`: the enumerated items (一、二、… or 1、2、…) add up to
 *   本年收入合计 / 本年支出合计 (or to 收入合计 when the table prints no 本年
 *   line), and an item with sub-items ((一)(二)…, (1)(2)…) equals their sum.
 *   Lines starting 其中： — and unnumbered lines right after them — are parts
 *   of the item above, not items.
 * - `summary-balance`: 本年收入合计 + 上年结转… = 收入总计, 本年支出合计 +
 *   结转下年… = 支出总计, and 收入总计 = 支出总计.
 *
 * A table that prints both sides in one label column (收入 block above 支出
 * block) is read as two sides, split by what each line names.
 *
 * A list with a numbered line we cannot place (an amount on an unlabeled or
 * unnumbered line) is left unchecked.
 */
import type { Entity, Finding, Table } from '../model/schema.ts';
import { compact } from '../recognize/text.ts';
import { judge, otherColumns, SUSPICIOUS_NOTE, term, type Check, type Judgement } from './compare.ts';
import { cellRef, columnLabel, gap, makeFinding, money, tableName, unitOf } from './finding.ts';
import { headerGarbled } from './header.ts';
import { printed, suspicious, type Row } from './table-rows.ts';
import { roundingNoted, toleranceNote } from './tolerance.ts';

export interface Side {
  label: number;
  amounts: number[];
  kind: 'income' | 'expenditure';
  /** The side's rows when the table prints both sides in one label column. */
  rows?: Row[];
  current?: Row;
  grand?: Row;
}

const CURRENT_RE = /^本年(?:收入|支出)合计$/;
// Final accounts print a bare 总计 at the foot of each side.
const GRAND_RE = /^(?:收入|支出)?总计$/;
const GRAND_FALLBACK_RE = /^(?:收入|支出)合计$/;
const PART_RE = /^其中/;
const STYLES: readonly (readonly [string, RegExp])[] = [
  ['cn', /^[一二三四五六七八九十百]+、/],
  ['cn-paren', /^[(（][一二三四五六七八九十百]+[)）]/],
  ['num', /^\d+[、．.](?!\d)/],
  ['num-paren', /^[(（]\d+[)）]/],
  ['circled', /^[①-⑳]/],
];

export function labelText(row: Row, index: number): string {
  return compact(row.cells[index]?.text ?? '');
}

export function enumStyle(label: string): string | undefined {
  return STYLES.find(([, re]) => re.test(label))?.[0];
}

/** Label columns with the amount columns that follow them. */
export function sidesOf(table: Table): Side[] {
  const sides: Side[] = [];
  table.columns.forEach((c, i) => {
    if (c.role === 'name' || c.role === 'text') sides.push({ label: i, amounts: [], kind: 'income' });
    else if (c.role === 'amount' && sides.length) sides[sides.length - 1]!.amounts.push(i);
  });
  return sides
    .filter((s) => s.amounts.length)
    .flatMap((s) => splitStacked(table, s) ?? [s])
    .map((s) => {
      const rows = sideRows(table, s);
      const current = rows.find((r) => CURRENT_RE.test(labelText(r, s.label)));
      const grand = rows.find((r) => GRAND_RE.test(labelText(r, s.label))) ?? rows.find((r) => GRAND_FALLBACK_RE.test(labelText(r, s.label)));
      const total = current ?? grand;
      const side: Side = { ...s, kind: s.rows ? s.kind : total && labelText(total, s.label).includes('支出') ? 'expenditure' : 'income' };
      if (current) side.current = current;
      if (grand) side.grand = grand;
      return side;
    })
    .filter((s) => s.current || s.grand);
}

/** The rows of a side: its own when the table prints both sides in one column, else all. */
export function sideRows(table: Table, side: Side): readonly Row[] {
  return side.rows ?? table.rows;
}

// Lines of each side of a summary, by what they name.
const INCOME_LINE_RE = /收入(?:合计|总计)?$|^年初.*结转|^上年结[转余]|^使用.*结余|^用事业基金弥补/;
const EXPENDITURE_LINE_RE = /支出(?:合计|总计)?$|^年[末终].*结转|^结转下年|^结余分配/;

/**
 * A summary that prints both sides in one label column — the 支出 block under
 * the 收入 block, or the lines of the two sides alternating where a two-sided
 * table is printed one cell per line — as its two sides. A line goes to the
 * side it names (…收入, 年初结转和结余 / …支出, 年末结转和结余); a line that
 * names neither (其中, a bare 总计) goes with the line above, except a second
 * 总计, which closes the other side. Undefined when the column holds one side.
 */
function splitStacked(table: Table, side: Side): Side[] | undefined {
  const labels = table.rows.map((r) => labelText(r, side.label));
  const both = (a: RegExp, b: RegExp) => labels.some((l) => a.test(l)) && labels.some((l) => b.test(l));
  if (!both(/^本年收入合计$/, /^本年支出合计$/) && !both(/^收入总计$/, /^支出总计$/)) return undefined;
  const income: Row[] = [];
  const expenditure: Row[] = [];
  let last: Row[] = income;
  table.rows.forEach((row, i) => {
    const label = labels[i]!;
    let to = INCOME_LINE_RE.test(label) ? income : EXPENDITURE_LINE_RE.test(label) ? expenditure : last;
    if (!INCOME_LINE_RE.test(label) && !EXPENDITURE_LINE_RE.test(label) && GRAND_RE.test(label) && to.some((r) => GRAND_RE.test(labelText(r, side.label)))) {
      to = to === income ? expenditure : income;
    }
    to.push(row);
    last = to;
  });
  return [
    { ...side, kind: 'income', rows: income },
    { ...side, kind: 'expenditure', rows: expenditure },
  ];
}

interface Item {
  row: Row;
  children: Item[];
}

/**
 * The enumerated items of the rows, as a tree by numbering style (the first
 * style seen is the top level). Undefined when an amount sits on a line that
 * is neither numbered nor part of a 其中 breakdown.
 */
function itemTree(rows: readonly Row[], side: Side): Item[] | undefined {
  const depths = new Map<string, number>();
  const roots: Item[] = [];
  const stack: { item: Item; depth: number }[] = [];
  let inPart = false;
  for (const row of rows) {
    const label = labelText(row, side.label);
    const hasValue = side.amounts.some((i) => printed(row, i) !== undefined);
    if (PART_RE.test(label)) {
      inPart = true;
      continue;
    }
    const style = label ? enumStyle(label) : undefined;
    if (!style) {
      if (hasValue && !inPart) return undefined;
      continue;
    }
    inPart = false;
    if (!depths.has(style)) depths.set(style, depths.size);
    const depth = depths.get(style)!;
    while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const item: Item = { row, children: [] };
    (stack.length ? stack[stack.length - 1]!.item.children : roots).push(item);
    stack.push({ item, depth });
  }
  return roots;
}

export function checkSummaries(entity: Entity): Finding[] {
  const out: Finding[] = [];
  for (const table of entity.tables) {
    if (headerGarbled(table)) continue;
    const sides = sidesOf(table);
    const isSummary = table.kind === 'income-expenditure-summary' || table.kind === 'fiscal-summary' || sides.some((s) => s.current);
    if (!isSummary) continue;
    const ctx: Ctx = { table, rounding: roundingNoted(entity, table), unit: unitOf(table, entity.unit), out };
    for (const side of sides) checkSide(ctx, side);
    checkBalance(ctx, sides);
  }
  return out;
}

interface Ctx {
  table: Table;
  rounding: boolean;
  unit: string;
  out: Finding[];
}

function checksOf(ctx: Ctx, side: Side, total: Row, parts: readonly Row[]): Check[] {
  const ref = (row: Row, i: number) => cellRef(ctx.table, row, i, labelText(row, side.label) || undefined);
  return side.amounts.map((i) => ({
    label: columnLabel(ctx.table, i),
    total: term(printed(total, i), [ref(total, i)], suspicious(total)),
    parts: parts.map((r) => term(printed(r, i), [ref(r, i)], suspicious(r))),
  }));
}

function report(ctx: Ctx, ruleId: string, j: Judgement, what: string, partsName: string): void {
  const { actual, expected, tolerance } = j.first;
  const { unit, table } = ctx;
  const message =
    `${tableName(table)}${what} ${money(actual, unit)}，但${partsName} ${money(expected, unit)}，${gap(actual, expected, unit)}。` +
    otherColumns(j) +
    toleranceNote(tolerance, unit) +
    (j.severity === 'warning' ? SUSPICIOUS_NOTE : '');
  ctx.out.push(makeFinding({ ruleId, severity: j.severity, message, table: table.id, expected, actual, tolerance, cells: j.cells }));
}

function checkSide(ctx: Ctx, side: Side): void {
  const rows = sideRows(ctx.table, side);
  const end = side.current ?? side.grand!;
  const endAt = rows.indexOf(end);
  const tree = itemTree(rows.slice(0, endAt), side);
  const word = side.kind === 'income' ? '收入' : '支出';
  if (tree?.length) {
    checkNested(ctx, side, tree);
    const j = judge(checksOf(ctx, side, end, tree.map((t) => t.row)), ctx.rounding);
    if (j) report(ctx, 'summary-sum', j, `${word}栏“${labelText(end, side.label)}”（第 ${end.line} 行）为`, `所列各项${word}之和为`);
  }
  // Lines between 本年…合计 and …总计: each unnumbered line (上年结转, 用事业基金弥补收支差额 …) with its numbered breakdown.
  if (!side.current || !side.grand) return;
  const tail = rows.slice(endAt + 1, rows.indexOf(side.grand));
  const items: Item[] = [];
  for (const row of tail) {
    const label = labelText(row, side.label);
    if (!label || PART_RE.test(label)) continue;
    if (enumStyle(label)) items[items.length - 1]?.children.push({ row, children: [] });
    else items.push({ row, children: [] });
  }
  checkNested(ctx, side, items);
  const j = judge(checksOf(ctx, side, side.grand, [side.current, ...items.map((i) => i.row)]), ctx.rounding);
  if (j) {
    const names = [`本年${word}合计`, ...items.map((i) => labelText(i.row, side.label))].join('、');
    report(ctx, 'summary-balance', j, `“${labelText(side.grand, side.label)}”（第 ${side.grand.line} 行）为`, `${names}之和为`);
  }
}

function checkNested(ctx: Ctx, side: Side, items: readonly Item[]): void {
  for (const item of items) {
    if (item.children.length) {
      const j = judge(checksOf(ctx, side, item.row, item.children.map((c) => c.row)), ctx.rounding);
      if (j) report(ctx, 'summary-sum', j, `第 ${item.row.line} 行“${labelText(item.row, side.label)}”为`, '其下各项之和为');
      checkNested(ctx, side, item.children);
    }
  }
}

/** 收入总计 = 支出总计 (first amount column of each side). */
function checkBalance(ctx: Ctx, sides: readonly Side[]): void {
  const income = sides.find((s) => s.kind === 'income' && s.grand);
  if (!income?.grand) return;
  const i = income.amounts[0]!;
  const value = printed(income.grand, i);
  if (value === undefined) return;
  for (const side of sides) {
    if (side.kind !== 'expenditure' || !side.grand) continue;
    const e = side.amounts[0]!;
    const check: Check = {
      label: columnLabel(ctx.table, e),
      total: term(printed(side.grand, e), [cellRef(ctx.table, side.grand, e, labelText(side.grand, side.label))], suspicious(side.grand)),
      parts: [term(value, [cellRef(ctx.table, income.grand, i, labelText(income.grand, income.label))], suspicious(income.grand))],
    };
    const j = judge([check], false);
    if (j) report(ctx, 'summary-balance', j, `“${labelText(side.grand, side.label)}”（第 ${side.grand.line} 行）为`, `“${labelText(income.grand, income.label)}”为`);
  }
}
