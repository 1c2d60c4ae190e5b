/**
 * Judging one identity (a printed total against the sum of its printed
 * parts), possibly over several amount columns at once, with the rounding
 * tolerance the document allows. Blank cells count as zero; an identity
 * whose cells are all blank says nothing and is skipped.
 */
import { add, round, ZERO, type Decimal } from '../model/decimal.ts';
import type { FindingCell, Severity } from './finding.ts';
import { tolerance, within } from './tolerance.ts';

export interface Term {
  value: Decimal;
  /** False when the cell is blank (a zero that was not printed). */
  printed: boolean;
  cells: FindingCell[];
  /** The row was recovered only in part: a failure may be the reader's. */
  suspicious?: boolean;
}

export interface Check {
  /** Column (or other) label for messages. */
  label: string;
  total: Term;
  parts: Term[];
}

export interface Verdict {
  check: Check;
  actual: Decimal;
  expected: Decimal;
  tolerance: Decimal;
}

export interface Judgement {
  /** The first failing check (its numbers go into the finding). */
  first: Verdict;
  failing: Verdict[];
  severity: Severity;
  cells: FindingCell[];
}

export function term(value: Decimal | undefined, cells: FindingCell[], suspicious = false): Term {
  return { value: value ?? ZERO, printed: value !== undefined, cells, suspicious };
}

function verdict(check: Check, rounding: boolean): Verdict | undefined {
  const all = [check.total, ...check.parts];
  if (!all.some((t) => t.printed)) return undefined;
  // A blank cell on a row recovered in part may be a number the reader lost.
  if (all.some((t) => t.suspicious && !t.printed)) return undefined;
  const sum = check.parts.reduce((s, t) => add(s, t.value), ZERO);
  const tol = tolerance(all.filter((t) => t.printed).map((t) => t.value), rounding);
  if (within(check.total.value, sum, tol)) return undefined;
  // Both sides at the printed precision: a blank total reads 0.00, not 0.
  const scale = Math.max(...all.map((t) => t.value.scale));
  return { check, actual: round(check.total.value, scale), expected: round(sum, scale), tolerance: tol };
}

/** Judge the same identity on several columns; undefined when it holds everywhere. */
export function judge(checks: readonly Check[], rounding: boolean): Judgement | undefined {
  const failing = checks.map((c) => verdict(c, rounding)).filter((v): v is Verdict => !!v);
  const first = failing[0];
  if (!first) return undefined;
  const terms = failing.flatMap((v) => [v.check.total, ...v.check.parts]);
  const severity: Severity = terms.some((t) => t.suspicious) ? 'warning' : 'error';
  // Blank parts of a sum say nothing; a compared pair is located even when blank.
  const cells = failing.flatMap((v) => [v.check.total, ...(v.check.parts.length > 1 ? v.check.parts.filter((t) => t.printed) : v.check.parts)]).flatMap((t) => t.cells);
  return { first, failing, severity, cells };
}

/** `（另有 合计、基本支出 栏同样不符）` when more than one column fails. */
export function otherColumns(j: Judgement): string {
  const others = j.failing.slice(1).map((v) => v.check.label);
  return others.length ? `另有${others.join('、')}栏同样不符。` : '';
}

export const SUSPICIOUS_NOTE = '所涉行的数字未能完整还原（原文该页排版被压平或数字位置不明），可能是读取问题，请对照原文核实。';
