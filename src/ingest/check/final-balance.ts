/**
 * `final-balance`: the balance of final accounts (决算). What a unit had at
 * the start of the year and received during it is what it spent and what it
 * carries into the next year:
 *
 *   年初结转和结余 + 本年收入合计 (+ 使用非财政拨款结余, 使用专用结余)
 *     = 本年支出合计 (+ 结余分配) + 年末结转和结余
 *
 * read on the income-expenditure summary (收入支出决算总表 or 财政拨款收入支出
 * 决算总表). The identity holds for every amount column the two sides share;
 * the first is checked. Skipped when a term is not printed as a labelled
 * line (a budget, or a summary that prints only 总计).
 *
 * Tables that print the four terms as columns (政府性基金预算财政拨款收入支出
 * 决算表: 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余) are checked row
 * by row, 本年支出 read in its first column (小计).
 */
import { add, dec, type Decimal } from '../model/decimal.ts';
import type { Entity, Finding, Table } from '../model/schema.ts';
import { compact } from '../recognize/text.ts';
import { cellRef, gap, makeFinding, money, rowLabel, tableName, unitOf, type FindingCell } from './finding.ts';
import { sidesOf, sideRows, labelText, type Side } from './summary.ts';
import { roundingNoted, tolerance, toleranceNote, within } from './tolerance.ts';
import type { Row } from './table-rows.ts';

// 财政拨款收入支出决算总表 says 年初财政拨款结转和结余.
const OPENING_RE = /^年初(?:财政拨款)?结转和?结余$/;
const CLOSING_RE = /^年末(?:财政拨款)?结转和?结余$/;
const INCOME_RE = /^本年收入合计$/;
const EXPENDITURE_RE = /^本年支出合计$/;
/** Lines that belong to the income side of the identity besides 本年收入 and 年初结转. */
const INCOME_EXTRA_RE = /^使用(?:非财政拨款|专用)结余/;
/** Lines that belong to the expenditure side besides 本年支出 and 年末结转. */
const EXPENDITURE_EXTRA_RE = /^结余分配/;

interface Term {
  row: Row;
  value: Decimal;
}

function termsOf(table: Table, side: Side, test: RegExp): Term[] {
  const col = side.amounts[0]!;
  return sideRows(table, side).flatMap((row) => {
    const value = row.cells[col]?.value;
    return test.test(compact(labelText(row, side.label))) && value !== undefined ? [{ row, value: dec(value) }] : [];
  });
}

function checkTable(entity: Entity, table: Table): Finding[] {
  const sides = sidesOf(table);
  const income = sides.find((s) => s.kind === 'income');
  const expenditure = sides.find((s) => s.kind === 'expenditure');
  if (!income || !expenditure) return [];
  const opening = termsOf(table, income, OPENING_RE);
  const received = termsOf(table, income, INCOME_RE);
  const spent = termsOf(table, expenditure, EXPENDITURE_RE);
  const closing = termsOf(table, expenditure, CLOSING_RE);
  if (opening.length !== 1 || received.length !== 1 || spent.length !== 1 || closing.length !== 1) return [];
  const left = [...opening, ...received, ...termsOf(table, income, INCOME_EXTRA_RE)];
  const right = [...spent, ...termsOf(table, expenditure, EXPENDITURE_EXTRA_RE), ...closing];
  const sum = (terms: Term[]) => terms.reduce((total, t) => add(total, t.value), dec('0'));
  const expected = sum(left);
  const actual = sum(right);
  const tol = tolerance([...left, ...right].map((t) => t.value), roundingNoted(entity, table));
  if (within(actual, expected, tol)) return [];
  const unit = unitOf(table, entity.unit);
  const ref = (side: Side, t: Term): FindingCell => cellRef(table, t.row, side.amounts[0]!, labelText(t.row, side.label));
  const names = (side: Side, terms: Term[]) => terms.map((t) => labelText(t.row, side.label)).join('、');
  return [
    makeFinding({
      ruleId: 'final-balance',
      severity: 'error',
      table: table.id,
      message: `${tableName(table)}：${names(income, left)}之和为 ${money(expected, unit)}，${names(expenditure, right)}之和为 ${money(actual, unit)}，${gap(actual, expected, unit)}。决算中年初结转和结余加本年收入应等于本年支出加年末结转和结余。${toleranceNote(tol, unit)}`,
      expected,
      actual,
      tolerance: tol,
      cells: [...left.map((t) => ref(income, t)), ...right.map((t) => ref(expenditure, t))],
    }),
  ];
}

/** The first amount column under a top header that says `re`, or -1. */
function columnUnder(table: Table, re: RegExp): number {
  return table.columns.findIndex((c) => c.role === 'amount' && re.test(compact(c.path[0] ?? c.label)));
}

function checkRows(entity: Entity, table: Table): Finding[] {
  const cols = [columnUnder(table, /^年初(?:财政拨款)?结转和?结余/), columnUnder(table, /^本年收入/), columnUnder(table, /^本年支出/), columnUnder(table, /^年末(?:财政拨款)?结转和?结余/)] as const;
  if (cols.some((c) => c < 0)) return [];
  const [opening, received, spent, closing] = cols;
  const unit = unitOf(table, entity.unit);
  const rounding = roundingNoted(entity, table);
  const out: Finding[] = [];
  for (const row of table.rows) {
    const at = (col: number) => row.cells[col]?.value;
    if (cols.every((c) => at(c) === undefined)) continue;
    const value = (col: number) => dec(at(col) ?? '0');
    const expected = add(value(opening), value(received));
    const actual = add(value(spent), value(closing));
    const printedValues = cols.filter((c) => at(c) !== undefined).map(value);
    const tol = tolerance(printedValues, rounding);
    if (within(actual, expected, tol)) continue;
    const label = rowLabel(row);
    out.push(
      makeFinding({
        ruleId: 'final-balance',
        severity: 'error',
        table: table.id,
        message: `${tableName(table)}第 ${row.line} 行“${label}”：年初结转和结余加本年收入为 ${money(expected, unit)}，本年支出加年末结转和结余为 ${money(actual, unit)}，${gap(actual, expected, unit)}。${toleranceNote(tol, unit)}`,
        expected,
        actual,
        tolerance: tol,
        cells: cols.map((c) => cellRef(table, row, c)),
      }),
    );
  }
  return out;
}

export function checkFinalBalance(entity: Entity): Finding[] {
  const finals = entity.tables.filter((t) => t.phase === 'final');
  return [
    ...finals.filter((t) => t.kind === 'income-expenditure-summary' || t.kind === 'fiscal-summary').flatMap((t) => checkTable(entity, t)),
    ...finals.flatMap((t) => checkRows(entity, t)),
  ];
}
