/**
 * The same amounts printed in several tables (ruleId `cross-table`):
 *
 * - 收入总表 and 支出总表 give each subject (and unit) the same 合计: both
 *   cover all funds. Only in a budget: in final accounts (决算) the 收入决算表
 *   gives this year's income by subject and the 支出决算表 this year's
 *   spending, and they differ by the change in carry-over (年初/年末结转和结余).
 * - In final accounts, the 收入决算表 合计 is the 本年收入合计 of the
 *   收入支出决算总表 (in a budget the 收入总表 合计 may include 上年结转, so
 *   the two need not match there).
 * - 支出总表 and 一般公共预算支出表 agree subject by subject on 合计, 基本支出
 *   and 项目支出 when their totals agree: every other fund is then zero
 *   everywhere (amounts are never negative), so the two tables describe the
 *   same money.
 * - The 类 lines of 财政拨款收支总表 match the 类 of 一般公共预算支出表 (its
 *   一般公共预算 column) and of 政府性基金预算支出表 (its 政府性基金 column);
 *   the 类 lines of 收支总表 match the 类 of 支出总表.
 */
import { add, compare as compareDec, ZERO } from '../model/decimal.ts';
import type { Entity, Finding, Table } from '../model/schema.ts';
import { compact } from '../recognize/text.ts';
import { classCode } from './classes.ts';
import { judge, otherColumns, SUSPICIOUS_NOTE, term, type Check, type Judgement, type Term } from './compare.ts';
import { cellRef, columnLabel, gap, makeFinding, money, rowLabel, tableName, unitOf } from './finding.ts';
import { memberNamed, nodeValue, type Leaf, type Node } from './header.ts';
import { labelText, sideRows, sidesOf, type Side } from './summary.ts';
import { grandTotal, suspicious, unitRows, type Row } from './table-rows.ts';
import { roundingNoted, toleranceNote } from './tolerance.ts';
import { classRows, codeRows, namedColumns, termOf, type NamedColumns } from './views.ts';

export type Key = keyof NamedColumns;
const KEY_NAMES: Record<Key, string> = { grand: '合计', basic: '基本支出', project: '项目支出', personnel: '人员经费', public: '公用经费' };

export function checkCrossTables(entity: Entity): Finding[] {
  const out: Finding[] = [];
  const find = (kind: Table['kind']) => entity.tables.find((t) => t.kind === kind && !t.empty);
  const income = find('income-summary');
  const spending = find('expenditure-summary');
  const general = find('general-budget-expenditure');
  const fiscal = find('fiscal-summary');
  const summary = find('income-expenditure-summary');
  const fund = find('government-fund-expenditure');
  if (income && spending && !isFinal(income) && !isFinal(spending)) compareRows(entity, income, spending, pairsFrom(['grand'], income, spending), 'functional', 'cross-table', out);
  if (summary && income && isFinal(summary) && isFinal(income)) compareCurrentIncome(entity, summary, income, out);
  if (spending && general && sameTotals(spending, general)) compareRows(entity, spending, general, pairsFrom(['grand', 'basic', 'project'], spending, general), 'functional', 'cross-table', out);
  if (fiscal && general) compareClasses(entity, fiscal, /一般公共预算/, general, out);
  if (fiscal && fund) compareClasses(entity, fiscal, /政府性基金/, fund, out);
  if (summary && spending) compareClasses(entity, summary, undefined, spending, out);
  return out;
}

function isFinal(table: Table): boolean {
  return table.phase === 'final';
}

/** The summary's 本年收入合计 against the grand total of the income table. */
function compareCurrentIncome(entity: Entity, s: Table, t: Table, out: Finding[]): void {
  if (s.unit !== t.unit) return;
  const side = sidesOf(s).find((x) => x.kind === 'income' && x.current);
  const tRow = grandTotal(t);
  const tColumn = namedColumns(t).grand;
  if (!side?.current || !tRow || !tColumn) return;
  const sColumn = summaryColumn(s, side, undefined);
  if (!sColumn) return;
  const j = judge([{ label: '本年收入合计', total: summaryTerm(s, side, [side.current], sColumn), parts: [termOf(t, [tRow], tColumn)] }], false);
  if (j) report(entity, 'cross-table', s, t, j, `“${labelText(side.current, side.label)}”（第 ${side.current.line} 行）`, `第 ${tRow.line} 行`, out);
}

/** Grand totals printed and equal in the 合计 column. */
function sameTotals(a: Table, b: Table): boolean {
  const ga = grandTotal(a);
  const gb = grandTotal(b);
  const ca = namedColumns(a).grand;
  const cb = namedColumns(b).grand;
  if (!ga || !gb || !ca || !cb) return false;
  const ta = termOf(a, [ga], ca);
  const tb = termOf(b, [gb], cb);
  return ta.printed && tb.printed && compareDec(ta.value, tb.value) === 0;
}

/** Columns compared between two tables: the sum of some columns of one against the sum of some columns of the other. */
export interface ColumnPair {
  label: string;
  a: readonly Node[];
  b: readonly Node[];
}

function termOfNodes(table: Table, rows: readonly Row[], nodes: readonly Node[]): Term {
  const terms = nodes.map((n) => termOf(table, rows, n));
  const printedAny = terms.some((t) => t.printed);
  return term(printedAny ? terms.reduce((s, t) => add(s, t.value), ZERO) : undefined, terms.flatMap((t) => t.cells), rows.some(suspicious));
}

function pairsFrom(keys: readonly Key[], a: Table, b: Table): ColumnPair[] {
  const ca = namedColumns(a);
  const cb = namedColumns(b);
  return keys.filter((k) => ca[k] && cb[k]).map((k) => ({ label: KEY_NAMES[k], a: [ca[k]!], b: [cb[k]!] }));
}

/**
 * Compare rows that stand for the same thing — the total rows, rows of the
 * same unit, rows of the same subject code (summed when an economic code is
 * split over several rows) — on the given columns. One finding per row pair.
 */
export function compareRows(
  entity: Entity,
  a: Table,
  b: Table,
  columns: readonly ColumnPair[],
  system: 'functional' | 'economic' | undefined,
  ruleId: string,
  out: Finding[],
): void {
  if (a.unit !== b.unit || !columns.length) return;
  const pairs: [Row[], Row[]][] = [];
  const ga = grandTotal(a);
  const gb = grandTotal(b);
  if (ga && gb) pairs.push([[ga], [gb]]);
  const ub = new Map(unitRows(b).map((r) => [r.unitCode!, r]));
  for (const u of unitRows(a)) {
    const other = ub.get(u.unitCode!);
    if (other) pairs.push([[u], [other]]);
  }
  const ma = system && codeRows(a, system);
  const mb = system && codeRows(b, system);
  if (ma && mb) {
    for (const [code, rows] of ma) {
      const other = mb.get(code);
      // Functional codes are printed once; economic ones may be split by 政府经济分类.
      if (other && (system === 'economic' || (rows.length === 1 && other.length === 1))) pairs.push([rows, other]);
    }
  }
  const rounding = roundingNoted(entity, a) || roundingNoted(entity, b);
  for (const [ra, rb] of pairs) {
    const checks: Check[] = columns.map((c) => ({ label: c.label, total: termOfNodes(a, ra, c.a), parts: [termOfNodes(b, rb, c.b)] }));
    // The same amount printed twice leaves room for rounding only when one side is a sum.
    const j = judge(checks, rounding && (ra.length > 1 || rb.length > 1 || columns.some((c) => c.a.length > 1 || c.b.length > 1)));
    if (!j) continue;
    const where = (rows: Row[]) => (rows.length === 1 ? `第 ${rows[0]!.line} 行` : `第 ${rows.map((r) => r.line).join('、')} 行`);
    report(entity, ruleId, a, b, j, `${where(ra)}“${rowLabel(ra[0]!)}”`, where(rb), out);
  }
}

function report(entity: Entity, ruleId: string, a: Table, b: Table, j: Judgement, whereA: string, whereB: string, out: Finding[]): void {
  const unit = unitOf(a, entity.unit);
  const { actual, expected, tolerance } = j.first;
  const message =
    `${tableName(a)}${whereA}的${j.first.check.label}为 ${money(actual, unit)}，而${tableName(b)}${whereB}为 ${money(expected, unit)}，${gap(actual, expected, unit)}。` +
    otherColumns(j) +
    toleranceNote(tolerance, unit) +
    (j.severity === 'warning' ? SUSPICIOUS_NOTE : '');
  out.push(makeFinding({ ruleId, severity: j.severity, message, table: a.id, expected, actual, tolerance, cells: j.cells }));
}

/** The expenditure side of a summary that lists the 类 of the functional classification. */
function classSide(table: Table): { side: Side; lines: Map<string, Row[]> } | undefined {
  for (const side of sidesOf(table)) {
    if (side.kind !== 'expenditure') continue;
    const rows = sideRows(table, side);
    const end = rows.indexOf(side.current ?? side.grand!);
    const lines = new Map<string, Row[]>();
    for (const row of rows.slice(0, end)) {
      const code = classCode(labelText(row, side.label));
      if (code) lines.set(code, [...(lines.get(code) ?? []), row]);
    }
    if (lines.size >= 3) return { side, lines };
  }
  return undefined;
}

/** Summary 类 lines (in the column named by `fund`, or the side's only/合计 column) against the 类 amounts of a subject table. */
function compareClasses(entity: Entity, s: Table, fund: RegExp | undefined, t: Table, out: Finding[]): void {
  if (s.unit !== t.unit) return;
  const found = classSide(s);
  const map = codeRows(t);
  const tColumn = namedColumns(t).grand;
  if (!found || !map || !tColumn) return;
  const { side, lines } = found;
  const sColumn = summaryColumn(s, side, fund);
  if (!sColumn) return;
  const label = fund ? columnLabel(s, nodeIndex(sColumn)) : '金额';
  const rounding = roundingNoted(entity, s) || roundingNoted(entity, t);
  const compare = (sRows: readonly Row[], tRows: readonly Row[], where: string) => {
    const sTerm = summaryTerm(s, side, sRows, sColumn);
    const tTerm = termOf(t, tRows, tColumn);
    const j = judge([{ label, total: sTerm, parts: [tTerm] }], rounding && tRows.length > 1);
    if (!j) return;
    const whereB = tRows.length === 1 ? `第 ${tRows[0]!.line} 行` : `所列该类科目（${tRows.map((r) => r.code).join('、')}）之和`;
    report(entity, 'cross-table', s, t, j, where, whereB, out);
  };
  for (const [code, sRows] of lines) {
    const tRows = classRows(map, code);
    if (tRows.length) compare(sRows, tRows, `“${labelText(sRows[0]!, side.label)}”（第 ${sRows[0]!.line} 行，科目 ${code}）`);
  }
  const sTotal = side.current ?? side.grand;
  const tTotal = grandTotal(t);
  if (sTotal && tTotal) compare([sTotal], [tTotal], `“${labelText(sTotal, side.label)}”（第 ${sTotal.line} 行）`);
}

function nodeIndex(node: Node): number {
  return node.kind === 'leaf' ? node.index : nodeIndex(node.children[0]!);
}

/** The side's column for a fund (一般公共预算 小计 …), or its one amount column / its 合计 column. */
function summaryColumn(s: Table, side: Side, fund: RegExp | undefined): Node | undefined {
  const inSide = (n: Node): boolean => (n.kind === 'leaf' ? side.amounts.includes(n.index) : n.children.every(inSide));
  if (fund) {
    const node = memberNamed(s, fund);
    return node && inSide(node) ? node : undefined;
  }
  if (side.amounts.length === 1) return leafAt(side.amounts[0]!);
  const total = side.amounts.find((i) => /^(?:合计|小计)$/.test(compact(s.columns[i]!.path[s.columns[i]!.path.length - 1] ?? '')));
  return total === undefined ? undefined : leafAt(total);
}

function leafAt(index: number): Leaf {
  return { kind: 'leaf', index, labels: [], amount: true, addend: true };
}

/** A summary amount, its cells labeled with the side's own label (a row's name is the income side's). */
function summaryTerm(s: Table, side: Side, rows: readonly Row[], node: Node): Term {
  const t = termOf(s, rows, node);
  const cells = rows.flatMap((r) => nodeValue(node, r).indices.map((i) => cellRef(s, r, i, labelText(r, side.label) || undefined)));
  return term(t.printed ? t.value : undefined, cells, rows.some(suspicious));
}
