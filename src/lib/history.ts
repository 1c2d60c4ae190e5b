/**
 * One unit across years and phases: the budgets (预算) and final accounts
 * (决算) that share a `unitKey`, side by side. Each year gets its budgeted
 * and actual totals, basic/project split and "三公" costs, the execution
 * rate (决算 / 预算) where both are published, and the change of the budget
 * from the year before; each functional subject code and each economic
 * code of the basic expenditure gets the same per year. Every amount is in 万元 and exact; rates are percentages rounded
 * to two places, computed on the exact amounts.
 */
import { dec, sub, toString } from '../ingest/model/decimal.ts';
import { percent } from '../ingest/model/ratio.ts';
import type { Entity, PhaseName, Table } from '../ingest/model/schema.ts';
import { toWan } from './format.ts';
import { mainAmountColumn, tableOfKind, totalRow } from './tables.ts';

type Row = Table['rows'][number];

export interface PhaseFigures {
  entityId: string;
  /** Spending of the year (the expenditure table's 合计), 万元. */
  total?: string;
  basic?: string;
  project?: string;
  threePublic?: string;
}

export interface Change {
  /** This year's budget minus last year's, 万元. */
  difference: string;
  /** The difference as a percentage of last year's budget; absent when that was zero. */
  rate?: string;
}

export interface HistoryYear {
  year: number;
  budget?: PhaseFigures;
  final?: PhaseFigures;
  /** 决算 total / 预算 total × 100. */
  execution?: string;
  /** Budget total against the previous year's budget total (consecutive published years only). */
  change?: Change;
}

export interface SubjectYear {
  year: number;
  budget?: string;
  final?: string;
  execution?: string;
  change?: Change;
}

export interface SubjectHistory {
  code: string;
  name?: string;
  years: SubjectYear[];
}

export interface UnitHistory {
  years: HistoryYear[];
  /** By functional subject code (功能分类), from the expenditure table. */
  subjects: SubjectHistory[];
  /** By economic code (经济分类), from the 一般公共预算财政拨款基本支出表. */
  economic: SubjectHistory[];
}

const SPEND_KINDS: readonly Table['kind'][] = ['expenditure-summary', 'general-budget-expenditure'];

/** The column a table states the year's amount in (a final-accounts table's 决算 column: tables.ts). */
const amountColumn = mainAmountColumn;

function wanAt(table: Table, row: Row | undefined, col: number): string | undefined {
  const value = col >= 0 ? row?.cells[col]?.value : undefined;
  return value === undefined ? undefined : toWan(value, table.unit);
}

function spendTable(entity: Entity): Table | undefined {
  for (const kind of SPEND_KINDS) {
    const table = tableOfKind(entity.tables, kind);
    if (table?.rows.length && amountColumn(table) >= 0) return table;
  }
  return undefined;
}

/** The year's figures of one document. */
export function phaseFigures(entity: Entity): PhaseFigures {
  const figures: PhaseFigures = { entityId: entity.id };
  const spend = spendTable(entity);
  if (spend) {
    const total = totalRow(spend);
    const set = (key: 'total' | 'basic' | 'project', col: number) => {
      const value = wanAt(spend, total, col);
      if (value !== undefined) figures[key] = value;
    };
    set('total', amountColumn(spend));
    set('basic', spend.columns.findIndex((c) => c.role === 'amount' && c.path.some((p) => /基本支出/.test(p))));
    set('project', spend.columns.findIndex((c) => c.role === 'amount' && c.path.some((p) => /项目支出/.test(p))));
  }
  const three = tableOfKind(entity.tables, 'three-public');
  if (three?.rows.length) {
    const value = wanAt(three, totalRow(three) ?? three.rows[0], mainAmountColumn(three));
    if (value !== undefined) figures.threePublic = value;
  }
  return figures;
}

function rateOf(part: string | undefined, whole: string | undefined): string | undefined {
  if (part === undefined || whole === undefined) return undefined;
  const rate = percent(dec(part), dec(whole));
  return rate ? toString(rate) : undefined;
}

function changeOf(now: string | undefined, before: string | undefined): Change | undefined {
  if (now === undefined || before === undefined) return undefined;
  const difference = toString(sub(dec(now), dec(before)));
  const rate = rateOf(difference, before);
  return rate === undefined ? { difference } : { difference, rate };
}

type CodeAmounts = Map<string, { name?: string; value: string }>;
const isEconomic = (row: Row) => row.codeSystem === 'economic' || row.codeSystem === 'gov-economic';

/**
 * In a table printed in halves (人员经费 | 公用经费, each with its own code
 * column), a row of the right half states its amount in its own half: the
 * first amount column after the column printing its code.
 */
function halfAmountColumn(table: Table, row: Row): number {
  const codeAt = table.columns.findIndex((c, i) => c.role === 'code' && row.cells[i]?.text.trim() === row.code);
  return codeAt < 0 ? -1 : table.columns.findIndex((c, i) => i > codeAt && c.role === 'amount');
}

/** Amounts of the coded rows of a table that `accept` takes, 万元 (first row of each code). */
function codeAmounts(table: Table | undefined, accept: (row: Row) => boolean): CodeAmounts {
  const out: CodeAmounts = new Map();
  if (!table) return out;
  const col = amountColumn(table);
  if (col < 0) return out;
  for (const row of table.rows) {
    if (!row.code || !accept(row) || out.has(row.code)) continue;
    const value = wanAt(table, row, col) ?? wanAt(table, row, halfAmountColumn(table, row));
    if (value !== undefined) out.set(row.code, row.name ? { name: row.name, value } : { value });
  }
  return out;
}

/** Amounts of each functional subject code a document prints, 万元 (first row of each code). */
function subjectAmounts(entity: Entity): CodeAmounts {
  return codeAmounts(spendTable(entity), (row) => !isEconomic(row));
}

/**
 * Amounts of each economic code (301, 30101 …) of a document's 一般公共预算
 * 财政拨款基本支出表, 万元. Budgets and final accounts both print that table
 * by economic code, so a budget line and its actual are the same money; the
 * other economic tables cover other funds and are not mixed in.
 */
function economicAmounts(entity: Entity): CodeAmounts {
  return codeAmounts(tableOfKind(entity.tables, 'general-budget-basic'), isEconomic);
}

type Documents = Map<number, Partial<Record<PhaseName, Entity>>>;

/** Per code and year: budget, actual, execution rate and the budget's change from the year before. */
function codeHistories(byYear: Documents, amountsOf: (entity: Entity) => CodeAmounts): SubjectHistory[] {
  const codes = new Map<string, SubjectHistory>();
  const none: CodeAmounts = new Map();
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const slot = byYear.get(year)!;
    const previous = byYear.get(year - 1)?.budget;
    const budget = slot.budget ? amountsOf(slot.budget) : none;
    const final = slot.final ? amountsOf(slot.final) : none;
    const before = previous ? amountsOf(previous) : undefined;
    for (const code of new Set([...budget.keys(), ...final.keys()])) {
      const history = codes.get(code) ?? { code, years: [] };
      const name = history.name ?? budget.get(code)?.name ?? final.get(code)?.name;
      if (name !== undefined) history.name = name;
      const line: SubjectYear = { year };
      const b = budget.get(code)?.value;
      const f = final.get(code)?.value;
      if (b !== undefined) line.budget = b;
      if (f !== undefined) line.final = f;
      const rate = rateOf(f, b);
      if (rate) line.execution = rate;
      const delta = before ? changeOf(b, before.get(code)?.value) : undefined;
      if (delta) line.change = delta;
      history.years.push(line);
      codes.set(code, history);
    }
  }
  return [...codes.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The history of one unit from its documents (any order). When two
 * documents of the same year and phase are given, the first is used.
 */
export function unitHistory(entities: readonly Entity[]): UnitHistory {
  const byYear: Documents = new Map();
  for (const entity of entities) {
    const slot = byYear.get(entity.year) ?? {};
    slot[entity.phase] ??= entity;
    byYear.set(entity.year, slot);
  }
  const years: HistoryYear[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const slot = byYear.get(year)!;
    const entry: HistoryYear = { year };
    if (slot.budget) entry.budget = phaseFigures(slot.budget);
    if (slot.final) entry.final = phaseFigures(slot.final);
    const execution = rateOf(entry.final?.total, entry.budget?.total);
    if (execution) entry.execution = execution;
    const previous = byYear.get(year - 1)?.budget;
    const change = previous ? changeOf(entry.budget?.total, phaseFigures(previous).total) : undefined;
    if (change) entry.change = change;
    years.push(entry);
  }
  return { years, subjects: codeHistories(byYear, subjectAmounts), economic: codeHistories(byYear, economicAmounts) };
}
