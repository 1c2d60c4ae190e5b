/**
 * The explanation against the tables (ruleId `text-vs-table`): amounts the
 * text states — 收入/支出 totals, 基本支出, 项目支出, 人员经费, 公用经费,
 * “三公”经费, 机关运行经费, 固定资产 — must be printed in a table that holds
 * that amount. Phrases are matched generically (`预算收入X万元`,
 * `支出预算X万元`, `基本支出X万元`, `“三公”经费预算安排X万元`,
 * `机关运行经费…安排X万元`), spaces allowed (`1079.80 万元`), and compared at
 * the text's printed precision (`3.6万元` matches 3.60). A subject may be
 * printed in several tables with different scopes (项目支出 of all funds, or
 * of 一般公共预算 only): the text matches if any of them agrees.
 *
 * 机关运行经费 is not an identity (documents define it as 公用经费, but not
 * all), so a mismatch there is only a warning.
 */
import { add, compare, dec, round, ZERO, type Decimal } from '../model/decimal.ts';
import type { Entity, Finding, Table } from '../model/schema.ts';
import { compact } from '../recognize/text.ts';
import { gap, makeFinding, money, tableName, type FindingCell, type Severity } from './finding.ts';
import { grandColumn, type Node } from './header.ts';
import { toWanDec } from './projects.ts';
import { labelText, sidesOf } from './summary.ts';
import { grandTotal, nameOf, type Row } from './table-rows.ts';
import { namedColumns, termOf } from './views.ts';
import { wordingsOf } from '../vocabulary.ts';

interface Candidate {
  wan: Decimal;
  cells: FindingCell[];
  where: string;
}

interface Subject {
  name: string;
  re: RegExp;
  severity: Severity;
  candidates: (entity: Entity) => Candidate[];
}

const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)万元';
const LINK = '(?:年初预算|预算数)?(?:预算)?(?:安排)?(?:共计|合计|总计)?(?:为|是|共)?';
const CLAUSE = '(?<=^|[年度位门,，。;；:：)）])';
/** Before 基本支出 / 项目支出 / 人员经费 / 公用经费: a clause start, 其中, 包括, 和, 一般公共预算 — not `信息化建设项目支出`. */
const PART = '(?<=^|[年度位门中括和及算,，。;；:：)）])';
const phrase = (subject: string) => new RegExp(`${subject}${LINK}${NUMBER}`, 'g');

const find = (entity: Entity, kind: Table['kind']) => entity.tables.find((t) => t.kind === kind && !t.empty);

function candidate(table: Table | undefined, rows: readonly (Row | undefined)[], nodes: readonly (Node | undefined)[], where: string): Candidate[] {
  const rs = rows.filter((r): r is Row => !!r);
  const ns = nodes.filter((n): n is Node => !!n);
  if (!table || !rs.length || ns.length !== nodes.length || !ns.length) return [];
  const terms = ns.map((n) => termOf(table, rs, n));
  if (!terms.every((t) => t.printed)) return [];
  const sum = terms.reduce((s, t) => add(s, t.value), ZERO);
  return [{ wan: toWanDec(sum, table), cells: terms.flatMap((t) => t.cells), where: `${tableName(table)}${where}` }];
}

/** A named column's amount on the table's 合计 row. */
function grandOf(entity: Entity, kind: Table['kind'], key: 'grand' | 'basic' | 'project' | 'personnel' | 'public', where: string): Candidate[] {
  const table = find(entity, kind);
  if (!table) return [];
  return candidate(table, [grandTotal(table)], [namedColumns(table)[key]], where);
}

/** 收入总计 / 本年收入合计 (or the 支出 ones) of the summary tables. */
function summaryTotals(entity: Entity, kind: 'income' | 'expenditure'): Candidate[] {
  const out: Candidate[] = [];
  for (const table of [find(entity, 'income-expenditure-summary'), find(entity, 'fiscal-summary')]) {
    if (!table) continue;
    for (const side of sidesOf(table)) {
      if (side.kind !== kind) continue;
      for (const row of [side.grand, side.current]) {
        if (!row) continue;
        const leaf: Node = { kind: 'leaf', index: side.amounts[0]!, labels: [], amount: true, addend: true };
        out.push(...candidate(table, [row], [leaf], `“${labelText(row, side.label)}”`));
      }
    }
  }
  return out;
}

function basicOf(entity: Entity, kind: Table['kind']): Candidate[] {
  const table = find(entity, kind);
  if (!table) return [];
  const c = namedColumns(table);
  if (c.basic) return candidate(table, [grandTotal(table)], [c.basic], '的基本支出合计');
  return candidate(table, [grandTotal(table)], [c.personnel, c.public], '的人员经费与公用经费合计');
}

function threePublic(entity: Entity): Candidate[] {
  const table = find(entity, 'three-public');
  if (!table) return [];
  const rows = table.rows.filter((r) => /^合计$|三公.*(?:小计|合计)/.test(nameOf(r)));
  const grand = grandColumn(table);
  if (rows.length) return rows.flatMap((r) => candidate(table, [r], [grand], `“${nameOf(r)}”`));
  // Kinds printed as columns: the “三公”经费合计 column of the one data row.
  const data = table.rows.filter((r) => r.cells.some((c) => c.value !== undefined));
  return data.length === 1 ? candidate(table, data, [grand], '的合计') : [];
}

function assets(entity: Entity): Candidate[] {
  const table = find(entity, 'assets');
  const row = table?.rows.find((r) => /^资产总额$/.test(nameOf(r)));
  if (!table || !row) return [];
  const column = table.columns.findIndex((c) => c.role === 'amount' && /价值|金额/.test(c.label));
  if (column < 0) return [];
  return candidate(table, [row], [{ kind: 'leaf', index: column, labels: [], amount: true, addend: true }], '的资产总额');
}

const SUBJECTS: readonly Subject[] = [
  {
    name: '收入',
    // Only at the start of a clause (`2024年预算收入…`): not 基金预算收入, 会议费预算支出 ….
    re: phrase(`${CLAUSE}(?:预算收入|收入预算|收入总计|收入合计)`),
    severity: 'error',
    candidates: (e) => [...summaryTotals(e, 'income'), ...grandOf(e, 'income-summary', 'grand', '的合计')],
  },
  {
    name: '支出',
    re: phrase(`${CLAUSE}(?:预算支出|支出预算|支出总计|支出合计)`),
    severity: 'error',
    candidates: (e) => [...summaryTotals(e, 'expenditure'), ...grandOf(e, 'expenditure-summary', 'grand', '的合计')],
  },
  {
    name: '基本支出',
    re: phrase(`${PART}基本支出`),
    severity: 'error',
    candidates: (e) => [
      ...grandOf(e, 'expenditure-summary', 'basic', '的基本支出合计'),
      ...basicOf(e, 'general-budget-expenditure'),
      ...grandOf(e, 'general-budget-basic', 'grand', '的合计'),
      ...grandOf(e, 'general-budget-basic-functional', 'grand', '的合计'),
    ],
  },
  {
    name: '项目支出',
    re: phrase(`${PART}项目支出`),
    severity: 'error',
    candidates: (e) => [
      ...grandOf(e, 'expenditure-summary', 'project', '的项目支出合计'),
      ...grandOf(e, 'general-budget-expenditure', 'project', '的项目支出合计'),
      ...grandOf(e, 'project-expenditure', 'grand', '的合计'),
    ],
  },
  {
    name: '人员经费',
    re: phrase(`${PART}人员经费(?:支出)?`),
    severity: 'error',
    candidates: (e) => [...grandOf(e, 'general-budget-basic', 'personnel', '的人员经费合计'), ...grandOf(e, 'general-budget-expenditure', 'personnel', '的人员经费合计')],
  },
  {
    name: '公用经费',
    re: phrase(`${PART}(?:日常)?公用经费(?:支出)?`),
    severity: 'error',
    candidates: (e) => [...grandOf(e, 'general-budget-basic', 'public', '的公用经费合计'), ...grandOf(e, 'general-budget-expenditure', 'public', '的公用经费合计')],
  },
  {
    name: '“三公”经费',
    re: phrase('["“”]?三公["“”]?经费(?:支出)?'),
    severity: 'error',
    candidates: threePublic,
  },
  {
    name: '机关运行经费',
    // 机关运行经费, 机关（机构）运转经费, 单位运行经费 — not a project named …运行经费.
    re: new RegExp(`(?:${wordingsOf('running')})[^\\d。;；]{0,8}?(?:安排|预算|为)${NUMBER}`, 'g'),
    severity: 'warning',
    candidates: (e) => [...grandOf(e, 'general-budget-basic', 'public', '的公用经费合计'), ...grandOf(e, 'general-budget-expenditure', 'public', '的公用经费合计')],
  },
  {
    name: '固定资产',
    re: phrase('(?<!购置)固定资产(?:金额|总额|原值|总值)?'),
    severity: 'error',
    candidates: assets,
  },
];

const YEAR_BEFORE_RE = /(\d{4})年[^\d]{0,6}$/;

export function checkText(entity: Entity): Finding[] {
  const out: Finding[] = [];
  const cache = new Map<Subject, Candidate[]>();
  for (const section of entity.sections) {
    const text = compact(section.markdown);
    const seen = new Set<string>();
    for (const subject of SUBJECTS) {
      for (const m of text.matchAll(subject.re)) {
        const printed = m[1]!.replace(/,/g, '');
        // Amounts of another year (`2023年预算收入…`) are not this budget's.
        const year = YEAR_BEFORE_RE.exec(text.slice(Math.max(0, m.index - 12), m.index))?.[1];
        if (year && Number(year) !== entity.year) continue;
        const key = `${subject.name}:${printed}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!cache.has(subject)) cache.set(subject, subject.candidates(entity));
        const candidates = cache.get(subject)!;
        if (!candidates.length) continue;
        const value = dec(printed);
        if (candidates.some((c) => compare(round(c.wan, value.scale), value) === 0)) continue;
        const best = candidates[0]!;
        const expected = round(best.wan, Math.max(value.scale, 2));
        const where = `说明“${compact(section.title)}”（第 ${section.line} 行起）`;
        const shown = new Set([`${best.where}`]);
        const rest = candidates.slice(1).filter((c) => !shown.has(c.where) && shown.add(c.where));
        const others = rest.length ? `（亦不同于${rest.map((c) => `${c.where}的 ${money(round(c.wan, Math.max(value.scale, 2)), '万元')}`).join('、')}）` : '';
        out.push(
          makeFinding({
            ruleId: 'text-vs-table',
            severity: subject.severity,
            message: `${where}称${subject.name}为 ${money(value, '万元')}，但${best.where}为 ${money(expected, '万元')}，${gap(value, expected, '万元')}${others}。`,
            expected,
            actual: value,
            cells: [{ line: section.line, label: `${where}“${m[0]}”` }, ...best.cells],
          }),
        );
      }
    }
  }
  return out;
}

