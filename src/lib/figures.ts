/**
 * Key figures of an entity, derived from its tables (and, for 机关运行经费,
 * from the sentence of the explanation that states it). Every figure keeps
 * where it was read so a reader can verify it in one click; a figure the
 * document does not publish says so instead of showing a guess.
 */
import type { Entity, Table } from '../ingest/model/schema.ts';
import { isZeroAmount, printedText, sumOf, toWan } from './format.ts';
import { codeAmount } from '../ingest/model/code-parts.ts';
import { compact, stripEnumerator } from '../ingest/recognize/text.ts';
import { isItem, STANDARD_ITEMS, wordingsOf, type StandardItem } from '../ingest/vocabulary.ts';
import { add, compare, dec, ZERO } from '../ingest/model/decimal.ts';
import { crossTableConflict, findingOn, printedAt, type Conflict } from './figure-conflicts.ts';
import { sourceLines } from './source-text.ts';
import { statedThreePublic, type Stated } from './stated-figures.ts';
import { markFigures, type FigureMark } from './figure-marks.ts';
import { mainAmountColumn, rowAnchors, tableOfKind, totalRow } from './tables.ts';
import { paths, rowAnchor } from './urls.ts';

type Row = Table['rows'][number];
type Column = Table['columns'][number];

export type FigureStatus = 'ok' | 'blank' | 'unplaced' | 'empty' | 'missing';

export interface Figure {
  key: string;
  label: string;
  /** Amount in 万元 (exact) when status is ok. */
  value?: string;
  status: FigureStatus;
  /** Short explanation for a figure that is not a number. */
  reason?: string;
  /** Where to verify it. */
  href?: string;
  /** e.g. 单位预算支出总表 */
  cite?: string;
  /** The document prints this figure with different amounts (every one listed, with the finding). */
  conflict?: Conflict;
  /** The table cell the figure is read from (table id and source line), to find the findings involving it. */
  at?: { table: string; line: number };
  /** Findings involving that cell, each with a link (figure-marks.ts). */
  marks?: FigureMark[];
  /** The amount the explanation text states for a figure the table leaves blank, lacks or cannot place. */
  stated?: Stated;
}

export interface BreakdownItem {
  code?: string;
  name: string;
  value: string;
  href?: string;
  /** The printed amounts summed into `value`, when the table prints the code on several rows. */
  parts?: string[];
  /** Another table prints a different amount for the code. */
  conflict?: Conflict;
  at?: { table: string; line: number };
  marks?: FigureMark[];
}

export interface Breakdown {
  key: string;
  title: string;
  table: Table;
  items: BreakdownItem[];
  /** True when the items are sums of lower-level rows (the table prints no 类 rows). */
  summed: boolean;
}

export interface EntitySummary {
  income: Figure;
  expenditure: Figure;
  basic: Figure;
  project: Figure;
  personnel: Figure;
  office: Figure;
  threePublic: Figure;
  threePublicParts: Figure[];
  running: Figure;
  byFunction?: Breakdown;
  byEconomic?: Breakdown;
}

const missing = (key: string, label: string, reason = '文件未公开此数'): Figure => ({ key, label, status: 'missing', reason });

function anchorOf(table: Table, row: Row): string {
  const i = table.rows.indexOf(row);
  return rowAnchors(table)[i] ?? rowAnchor(row.line);
}

/** The figure printed in `row` under `col` of `table`. */
function cellFigure(entity: Entity, table: Table, row: Row, col: number, key: string, label: string): Figure {
  const href = `${paths.table(entity.id, table.id)}#${anchorOf(table, row)}`;
  const cite = table.title;
  const at = { table: table.id, line: row.line };
  const value = row.cells[col]?.value;
  if (value !== undefined) return { key, label, value: toWan(value, table.unit), status: 'ok', href, cite, at };
  if (row.partial && row.unplaced?.length) return { key, label, status: 'unplaced', reason: '原文有数，但未能确定所在的列', href, cite, at };
  return { key, label, status: 'blank', reason: '表中此栏为空', href, cite, at };
}

const anyPath = (re: RegExp) => (c: Column) => c.path.some((p) => re.test(p)) || re.test(c.label);

/** The total row's amount in the first amount column that `match`es, from the first table kind that has it. */
function columnFigure(entity: Entity, kinds: Table['kind'][], match: (c: Column) => boolean, key: string, label: string): Figure | undefined {
  for (const kind of kinds) {
    const table = tableOfKind(entity.tables, kind);
    if (!table || table.rows.length === 0) continue;
    const col = table.columns.findIndex((c) => c.role === 'amount' && match(c));
    if (col < 0) continue;
    const row = totalRow(table);
    if (!row) continue;
    return cellFigure(entity, table, row, col, key, label);
  }
  return undefined;
}

/** A figure printed as a row (`三、公务接待费`), read in the first amount column; `其中` lines are parts of another row. */
function rowFigure(entity: Entity, table: Table, item: StandardItem, key: string, label: string): Figure | undefined {
  const row = table.rows.find((r) => !/^其中/.test(compact(r.name ?? '')) && isItem(item, itemName(r.name ?? '')));
  const col = mainAmountColumn(table);
  if (!row || col < 0) return undefined;
  return cellFigure(entity, table, row, col, key, label);
}

/** A printed item name as the vocabulary matches it: compact, without its enumerator. */
const itemName = (name: string) => stripEnumerator(compact(name));

function emptyTableFigure(entity: Entity, table: Table, key: string, label: string): Figure {
  const reason = table.declared?.reason ?? table.note ?? '本表为空表';
  return { key, label, status: 'empty', reason: printedText(reason), href: paths.table(entity.id, table.id), cite: table.title };
}

/** The row printing the “三公” total by name (`“三公”经费小计`, `三公经费合计`). */
const THREE_PUBLIC_SUBTOTAL_RE = /^“?"?三公"?”?经费(?:小计|合计)/;

/** “三公”经费 with, where the table falls short, what the explanation states (stated-figures.ts). */
function threePublic(entity: Entity, lines: readonly string[] | null): { total: Figure; parts: Figure[] } {
  const read = threePublicInTable(entity);
  if (!lines) return read;
  const stated = statedThreePublic(entity.source, lines, entity.line, entity.endLine);
  // The text's amount is shown where the table has none, and beside the table's where the two differ.
  const withStated = (f: Figure, s: Stated | undefined): Figure => (s && (f.status !== 'ok' || compare(dec(f.value!), dec(s.value)) !== 0) ? { ...f, stated: s } : f);
  return { total: withStated(read.total, stated.total), parts: read.parts.map((p) => withStated(p, stated[p.key as 'abroad' | 'cars' | 'reception'])) };
}

function threePublicInTable(entity: Entity): { total: Figure; parts: Figure[] } {
  const key = 'three-public';
  const label = '“三公”经费';
  const partsSpec: [string, string, StandardItem][] = [
    ['abroad', STANDARD_ITEMS.abroad.name, 'abroad'],
    ['cars', STANDARD_ITEMS.car.name, 'car'],
    ['reception', STANDARD_ITEMS.reception.name, 'reception'],
  ];
  const table = tableOfKind(entity.tables, 'three-public');
  if (!table) return { total: missing(key, label), parts: [] };
  if (table.rows.length === 0) return { total: emptyTableFigure(entity, table, key, label), parts: [] };
  const hasNames = table.columns.some((c) => c.role === 'name');
  if (hasNames) {
    const subtotalRow = table.rows.find((r) => THREE_PUBLIC_SUBTOTAL_RE.test(printedText(r.name ?? '')));
    const grandRow = totalRow(table);
    const col = mainAmountColumn(table);
    const parts = partsSpec.map(([k, l, item]) => rowFigure(entity, table, item, k, l) ?? missing(k, l));
    const candidates = [subtotalRow, grandRow !== subtotalRow ? grandRow : undefined].filter((r): r is Row => r !== undefined && col >= 0);
    const figures = candidates.map((r) => ({ row: r, figure: cellFigure(entity, table, r, col, key, label) }));
    const first = figures[0];
    if (!first) return { total: missing(key, label), parts };
    const printed = figures.filter((f) => f.figure.status === 'ok');
    const differ = printed.length > 1 && compare(dec(printed[0]!.figure.value!), dec(printed[1]!.figure.value!)) !== 0;
    if (!differ) return { total: first.figure, parts };
    // The table prints two totals that disagree: show the one its items add up to first, and both.
    const items = parts.filter((p) => p.status === 'ok').map((p) => dec(p.value!));
    const itemsSum = items.reduce((a, b) => add(a, b), ZERO);
    const agreeing = printed.find((f) => items.length > 0 && compare(dec(f.figure.value!), itemsSum) === 0) ?? printed[0]!;
    const ordered = [agreeing, ...printed.filter((f) => f !== agreeing)];
    const conflict: Conflict = { printed: ordered.map((f) => printedAt(entity, table, f.row, f.figure.value!, printedText(f.row.name ?? ''))) };
    const finding = findingOn(entity, table.id, ordered.map((f) => f.row.line));
    if (finding) conflict.finding = finding;
    return { total: { ...agreeing.figure, conflict }, parts };
  }
  // One row, one column per item (三公经费合计 | 因公出国(境)费 | …).
  const row = table.rows[0]!;
  const at = (re: RegExp) => table.columns.findIndex((c) => c.role === 'amount' && (c.path.some((p) => re.test(compact(p))) || re.test(compact(c.label))));
  const totalCol = at(/三公|合计/);
  const total = totalCol >= 0 ? cellFigure(entity, table, row, totalCol, key, label) : missing(key, label);
  const parts = partsSpec.map(([k, l, item]) => {
    const col = at(new RegExp(wordingsOf(item)));
    return col >= 0 ? cellFigure(entity, table, row, col, k, l) : missing(k, l);
  });
  return { total, parts };
}

/** Any wording of 机关运行经费 (vocabulary.ts) with the amount the sentence gives it, in compact text. */
const RUNNING_RE = new RegExp(`(?:${wordingsOf('running')})[^。;\\n]{0,30}?(?:安排|预算(?:数)?为?|合计|共计|为)[^0-9。;\\n]{0,6}([0-9][0-9,]*(?:\\.[0-9]+)?)(万元|元)`);
const RUNNING_WORDING_RE = new RegExp(wordingsOf('running'));

/** 机关运行经费 as the explanation states it (`机关运行经费共计安排50.65万元`, `机关（机构）运转经费支出预算130.50万元`), with its line. */
function runningCosts(entity: Entity, lines: readonly string[] | null): Figure {
  const key = 'running';
  const label = '机关运行经费';
  if (!lines) return missing(key, label);
  for (let n = entity.line; n <= Math.min(entity.endLine, lines.length); n++) {
    const text = compact(lines[n - 1] ?? '');
    if (!RUNNING_WORDING_RE.test(text) || /是指|指各/.test(text)) continue;
    const m = RUNNING_RE.exec(text);
    if (!m) continue;
    const digits = m[1]!.replace(/,/g, '');
    if (!/^\d+(\.\d+)?$/.test(digits)) continue;
    return { key, label, value: toWan(digits, m[2] === '元' ? '元' : '万元'), status: 'ok', href: paths.source(entity.source, n), cite: `说明原文第 ${n} 行` };
  }
  return missing(key, label, '文件未列出此数');
}

/** Codes of `system` printed in a table, each with every row printing it (in table order). */
function codedRows(table: Table, system: 'functional' | 'economic'): Map<string, Row[]> {
  const byCode = new Map<string, Row[]>();
  for (const r of table.rows) {
    if (!r.code || r.codeSystem !== system || r.total) continue;
    byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  }
  return byCode;
}

/**
 * Amounts by 类: the table's own 类 rows when it prints them, otherwise the
 * sum of its lowest-level codes per 类 (marked `summed`). A code printed on
 * several rows counts with all of them (code-parts.ts).
 */
function breakdown(entity: Entity, kinds: Table['kind'][], system: 'functional' | 'economic', key: string, titleOf: (t: Table) => string, nameOf: (code: string) => string | undefined): Breakdown | undefined {
  for (const kind of kinds) {
    const table = tableOfKind(entity.tables, kind);
    if (!table) continue;
    const col = mainAmountColumn(table);
    if (col < 0) continue;
    const byCode = codedRows(table, system);
    if (!byCode.size) continue;
    const anchors = rowAnchors(table);
    const href = (r: Row) => `${paths.table(entity.id, table.id)}#${anchors[table.rows.indexOf(r)]}`;
    const amountOf = (rows: Row[]) => codeAmount(rows, (r) => (r.cells[col]?.value === undefined ? undefined : toWan(r.cells[col]!.value!, table.unit)));
    const blankAndPartial = (rows: Row[]) => rows.some((r) => r.cells[col]?.value === undefined && r.partial);
    const classes = [...byCode.entries()].filter(([code]) => code.length === 3);
    let items: BreakdownItem[];
    let summed = false;
    if (classes.length) {
      if (classes.some(([, rows]) => blankAndPartial(rows))) continue; // position unknown: try another table
      items = classes.flatMap(([code, rows]) => {
        const amount = amountOf(rows);
        const first = rows[0]!;
        if (amount.value === undefined) return [];
        const conflict = amount.rows.length === 1 ? crossTableConflict(entity, table, first, amount.value) : undefined;
        return [{ code, name: printedText(first.name ?? nameOf(code) ?? code), value: amount.value, href: href(first), at: { table: table.id, line: first.line }, ...(amount.parts.length > 1 ? { parts: amount.parts } : {}), ...(conflict ? { conflict } : {}) }];
      });
    } else {
      const codes = [...byCode.keys()];
      const leaves = codes.filter((code) => !codes.some((c) => c !== code && c.startsWith(code)));
      if (leaves.some((code) => blankAndPartial(byCode.get(code)!))) continue;
      const byClass = new Map<string, string[]>();
      for (const code of leaves) {
        const v = amountOf(byCode.get(code)!).value;
        if (v === undefined) continue;
        const c = code.slice(0, 3);
        byClass.set(c, [...(byClass.get(c) ?? []), v]);
      }
      items = [...byClass.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([code, values]) => ({ code, name: nameOf(code) ?? `${code} 类`, value: sumOf(values) }));
      summed = true;
    }
    items = items.filter((i) => !isZeroAmount(i.value));
    if (items.length) return { key, title: titleOf(table), table, items, summed };
  }
  return undefined;
}

/** The lines of the entity's source as read, or null when it cannot be read (the figures then come from the tables only). */
function linesOf(entity: Entity): string[] | null {
  try {
    return sourceLines(entity.source);
  } catch {
    return null;
  }
}

export function entitySummary(entity: Entity, nameOf: (code: string) => string | undefined): EntitySummary {
  const lines = linesOf(entity);
  const totalsCite = (kind: Table['kind']) => {
    const t = tableOfKind(entity.tables, kind) ?? tableOfKind(entity.tables, 'income-expenditure-summary');
    return t ? { href: paths.table(entity.id, t.id), cite: t.title } : {};
  };
  const income: Figure = entity.totals.income !== undefined ? { key: 'income', label: '收入总计', value: entity.totals.income, status: 'ok', ...totalsCite('income-expenditure-summary') } : missing('income', '收入总计');
  const expenditure: Figure =
    entity.totals.expenditure !== undefined ? { key: 'expenditure', label: '支出总计', value: entity.totals.expenditure, status: 'ok', ...totalsCite('income-expenditure-summary') } : missing('expenditure', '支出总计');

  const spendKinds: Table['kind'][] = ['expenditure-summary', 'general-budget-expenditure'];
  const basic =
    columnFigure(entity, spendKinds, anyPath(/基本支出/), 'basic', '基本支出') ??
    columnFigure(entity, ['general-budget-basic', 'general-budget-basic-functional'], (c) => c.label === '合计' || /合计$/.test(c.label), 'basic', '基本支出') ??
    missing('basic', '基本支出');
  const project = columnFigure(entity, spendKinds, anyPath(/项目支出|专项业务经费/), 'project', '项目支出') ?? missing('project', '项目支出');
  const basicKinds: Table['kind'][] = ['general-budget-basic', 'general-budget-basic-functional', 'expenditure-summary', 'general-budget-expenditure'];
  const personnel = columnFigure(entity, basicKinds, anyPath(/人员经费/), 'personnel', '人员经费') ?? missing('personnel', '人员经费');
  const office = columnFigure(entity, basicKinds, anyPath(/公用经费/), 'office', '公用经费') ?? missing('office', '公用经费');
  const three = threePublic(entity, lines);

  const byFunction = breakdown(entity, ['expenditure-summary', 'general-budget-expenditure', 'income-summary'], 'functional', 'by-function', (t) => `支出按功能分类（类），据“${t.title}”`, nameOf);
  const byEconomic = breakdown(
    entity,
    ['economic-summary', 'general-budget-expenditure-economic', 'general-budget-basic'],
    'economic',
    'by-economic',
    (t) => (t.kind === 'general-budget-basic' ? `基本支出按经济分类（类），据“${t.title}”` : `支出按经济分类（类），据“${t.title}”`),
    nameOf,
  );

  return markFigures(entity, {
    income,
    expenditure,
    basic,
    project,
    personnel,
    office,
    threePublic: three.total,
    threePublicParts: three.parts,
    running: runningCosts(entity, lines),
    ...(byFunction ? { byFunction } : {}),
    ...(byEconomic ? { byEconomic } : {}),
  });
}
