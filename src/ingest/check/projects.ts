/**
 * Projects against the tables (ruleId `projects-vs-table`): the projects
 * of the entity (amounts in 万元) add up to 项目支出 — the 项目支出表 total,
 * or the 项目支出 of the 支出总表 or the 一般公共预算支出表 (any of them may be
 * the one the list covers). When the document prints a project table, the
 * list is complete and a mismatch is an error; a list gathered from
 * performance sheets may leave projects out, so a mismatch is a warning.
 */
import { add, dec, toString, ZERO, type Decimal } from '../model/decimal.ts';
import type { Entity, Finding, Table } from '../model/schema.ts';
import { toWan } from '../recognize/totals.ts';
import { judge, term, type Term } from './compare.ts';
import { gap, makeFinding, money, tableName } from './finding.ts';
import { grandTotal } from './table-rows.ts';
import { roundingNoted } from './tolerance.ts';
import { namedColumns, termOf } from './views.ts';

interface Candidate {
  table: Table;
  term: Term;
  what: string;
}

export function checkProjects(entity: Entity): Finding[] {
  const projects = entity.projects;
  if (!projects.length || projects.some((p) => p.amount === undefined)) return [];
  const total = projects.reduce((s, p) => add(s, dec(p.amount!)), ZERO);
  const candidates = candidatesOf(entity);
  if (!candidates.length) return [];
  const listed = entity.tables.some((t) => t.kind === 'project-expenditure' && !t.empty);
  const mine = term(
    total,
    projects.map((p) => ({ line: p.amountPrinted?.line ?? p.line, label: `项目“${p.name}”（第 ${p.amountPrinted?.line ?? p.line} 行）` })),
  );
  let first: ReturnType<typeof judge>;
  for (const c of candidates) {
    const wan = term(c.term.printed ? toWanDec(c.term.value, c.table) : undefined, c.term.cells);
    const rounding = roundingNoted(entity, c.table);
    // Each project amount was printed rounded: allow n half-units when the document warns of rounding.
    const j = judge([{ label: '项目支出', total: mine, parts: [wan] }], rounding);
    if (!j) return [];
    first ??= j;
  }
  if (!first) return [];
  const c = candidates[0]!;
  const { actual, expected, tolerance } = first.first;
  const message =
    `列出的 ${projects.length} 个项目金额合计 ${money(actual, '万元')}，而${tableName(c.table)}${c.what}为 ${money(expected, '万元')}，${gap(actual, expected, '万元')}。` +
    (listed ? '' : '项目清单取自绩效目标表，可能未列全部项目。');
  return [
    makeFinding({
      ruleId: 'projects-vs-table',
      severity: listed ? 'error' : 'warning',
      message,
      table: c.table.id,
      expected,
      actual,
      tolerance,
      cells: first.cells,
    }),
  ];
}

/** A table amount in 万元, exactly. */
export function toWanDec(value: Decimal, table: Table): Decimal {
  return dec(toWan(toString(value), table.unit ?? '万元'));
}

function candidatesOf(entity: Entity): Candidate[] {
  const out: Candidate[] = [];
  const find = (kind: Table['kind']) => entity.tables.find((t) => t.kind === kind && !t.empty);
  const table = find('project-expenditure');
  const grandOf = (t: Table | undefined, key: 'grand' | 'project', what: string) => {
    const row = t && grandTotal(t);
    const node = t && namedColumns(t)[key];
    if (t && row && node) {
      const tm = termOf(t, [row], node);
      if (tm.printed) out.push({ table: t, term: tm, what });
    }
  };
  grandOf(table, 'grand', '合计');
  grandOf(find('expenditure-summary'), 'project', '的项目支出合计');
  grandOf(find('general-budget-expenditure'), 'project', '的项目支出合计');
  return out;
}
