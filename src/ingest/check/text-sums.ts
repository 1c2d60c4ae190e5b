/**
 * Identities inside the explanation text (ruleId `text-sum`), for documents
 * whose figures are stated in sentences, with or without tables:
 *
 *   基本支出 A，其中：人员经费 B … 公用经费 C      A = B + C
 *   收入总计 A … 支出总计 B / 收、支总计各是 A、B   A = B
 *
 * Both hold by definition (基本支出 is 人员经费 and 公用经费; a budget or a
 * final account balances its 总计), so a difference is an error of the text,
 * shown with the lines that state it. Amounts may be in 元, 万元 or 亿元 and
 * printed to any precision: a difference within half a unit of the last
 * printed digit of each amount is rounding, not a finding. Figures of another
 * year (`与2021年相比，收、支总计各减少…`) are not this year's and are skipped.
 */
import { abs, add, compare, dec, sub, toString, type Decimal } from '../model/decimal.ts';
import { convertAmount, type MoneyUnit } from '../model/money.ts';
import type { Entity, Finding, Section } from '../model/schema.ts';
import { makeFinding, money } from './finding.ts';

const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const AMOUNT = `${NUMBER}\\s*(亿元|万元|元)`;
/** Words between a subject and its amount: 预算, 为, 是, 共计 … */
const LINK = '(?:预算|决算|支出|安排|共计|合计|总计|为|是|共|：|:){0,4}\\s*';
/** How far after a total its parts may be stated (one paragraph, possibly over several sentences). */
const PARTS_WITHIN = 400;

const BASIC_RE = new RegExp(`基本支出${LINK}${AMOUNT}[^。；;]{0,12}?其中`, 'g');
const PERSONNEL_RE = new RegExp(`人员经费${LINK}${AMOUNT}`);
const PUBLIC_RE = new RegExp(`公用经费${LINK}${AMOUNT}`);
const INCOME_TOTAL_RE = new RegExp(`收入(?:预算|决算)?总计${LINK}${AMOUNT}`, 'g');
const EXPENDITURE_TOTAL_RE = new RegExp(`支出(?:预算|决算)?总计${LINK}${AMOUNT}`);
/** `收、支总计各是4125.49,4143.91万元`, `收支总计分别为120.00万元和118.50万元`. */
const BOTH_TOTALS_RE = new RegExp(`收[、,，和与及]?支(?:预算|决算)?总计(?:分别|各)(?:为|是)\\s*${NUMBER}\\s*(亿元|万元|元)?\\s*[、,，和与及]\\s*${NUMBER}\\s*(亿元|万元|元)`, 'g');
const OTHER_YEAR_RE = /(20\d\d)\s*年[^\d。]{0,8}$/;
const COMPARED_RE = /(?:相比|比上年|同比|较上年)[^。]{0,12}$/;

interface Stated {
  /** In 万元, exact. */
  wan: Decimal;
  printed: string;
  unit: MoneyUnit;
  index: number;
}

function stated(value: string, unit: string, index: number): Stated {
  const printed = value.replace(/,/g, '');
  return { wan: dec(convertAmount(printed, unit as MoneyUnit, '万元')), printed, unit: unit as MoneyUnit, index };
}

/** Half a unit of the last printed digit of each amount, in 万元. */
function rounding(amounts: readonly Stated[]): Decimal {
  let total: Decimal = { units: 0n, scale: 0 };
  for (const a of amounts) {
    const scale = a.printed.includes('.') ? a.printed.split('.')[1]!.length : 0;
    total = add(total, dec(convertAmount(`0.${'0'.repeat(scale)}5`, a.unit, '万元')));
  }
  return total;
}

/** Whether the words before `index` say the figure is another year's or a change against one. */
function otherYear(text: string, index: number, year: number): boolean {
  const before = text.slice(Math.max(0, index - 16), index);
  const y = OTHER_YEAR_RE.exec(before)?.[1];
  return (y !== undefined && Number(y) !== year) || COMPARED_RE.test(before);
}

/**
 * The source line where the paragraph holding a character of a section's
 * text starts: the section's markdown holds its paragraphs apart by a blank
 * line, one paragraph per printed line unless the reader joined a wrapped one.
 */
function lineAt(section: Section, text: string, index: number): number {
  const paragraph = text.slice(0, index).split(/\n\s*\n/).length - 1;
  return Math.min(section.line + 1 + paragraph, section.endLine);
}

/** An amount of 万元 shown in the unit the text printed (`881,300.39 元`). */
function inUnit(wan: Decimal, unit: MoneyUnit): string {
  return money(convertAmount(toString(wan), '万元', unit), unit);
}

/**
 * A finding when `parts` do not add up to `total` beyond rounding. `say`
 * words the message from the amounts as printed and the gap in the total's unit.
 */
function finding(section: Section, text: string, total: Stated, parts: readonly Stated[], say: (shown: (s: Stated) => string, gap: string) => string): Finding | null {
  const sum = parts.reduce((s, p) => add(s, p.wan), { units: 0n, scale: 0 } as Decimal);
  const tolerance = rounding([total, ...parts]);
  const difference = sub(sum, total.wan);
  if (compare(abs(difference), tolerance) <= 0) return null;
  const where = `说明“${section.title.replace(/\s+/g, '')}”`;
  const shown = (s: Stated) => money(s.printed, s.unit);
  return makeFinding({
    ruleId: 'text-sum',
    severity: 'error',
    message: `${where}${say(shown, inUnit(abs(difference), total.unit))}这是原文说明自身的不一致，与本站读取无关。`,
    expected: total.wan,
    actual: sum,
    tolerance,
    cells: [total, ...parts].map((s) => ({ line: lineAt(section, text, s.index), label: `${where}中的“${shown(s)}”` })),
  });
}

function basicSplits(entity: Entity, section: Section, text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(BASIC_RE)) {
    if (otherYear(text, m.index, entity.year)) continue;
    const total = stated(m[1]!, m[2]!, m.index + m[0].indexOf(m[1]!));
    const after = m.index + m[0].length;
    const window = text.slice(after, after + PARTS_WITHIN);
    const personnel = PERSONNEL_RE.exec(window);
    const publicUse = PUBLIC_RE.exec(window);
    if (!personnel || !publicUse) continue;
    const parts = [stated(personnel[1]!, personnel[2]!, after + personnel.index + personnel[0].indexOf(personnel[1]!)), stated(publicUse[1]!, publicUse[2]!, after + publicUse.index + publicUse[0].indexOf(publicUse[1]!))];
    const sum = add(parts[0]!.wan, parts[1]!.wan);
    const f = finding(section, text, total, parts, (shown, gap) => `称基本支出为 ${shown(total)}，其中人员经费 ${shown(parts[0]!)}、公用经费 ${shown(parts[1]!)}，二者合计 ${inUnit(sum, total.unit)}，与基本支出相差 ${gap}。`);
    if (f) out.push(f);
  }
  return out;
}

function balancedTotals(entity: Entity, section: Section, text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(BOTH_TOTALS_RE)) {
    if (otherYear(text, m.index, entity.year)) continue;
    // `收、支总计各是4125.49,4143.91万元`: the first amount takes the unit printed after the second.
    const income = stated(m[1]!, m[2] ?? m[4]!, m.index + m[0].indexOf(m[1]!));
    const expenditure = stated(m[3]!, m[4]!, m.index + m[0].lastIndexOf(m[3]!));
    const f = finding(section, text, expenditure, [income], (shown, gap) => `称收入总计为 ${shown(income)}、支出总计为 ${shown(expenditure)}，二者应相等，相差 ${gap}。`);
    if (f) out.push(f);
  }
  for (const m of text.matchAll(INCOME_TOTAL_RE)) {
    if (otherYear(text, m.index, entity.year)) continue;
    const after = m.index + m[0].length;
    const e = EXPENDITURE_TOTAL_RE.exec(text.slice(after, after + PARTS_WITHIN));
    if (!e || otherYear(text, after + e.index, entity.year)) continue;
    const income = stated(m[1]!, m[2]!, m.index + m[0].indexOf(m[1]!));
    const expenditure = stated(e[1]!, e[2]!, after + e.index + e[0].indexOf(e[1]!));
    const f = finding(section, text, expenditure, [income], (shown, gap) => `称收入总计为 ${shown(income)}、支出总计为 ${shown(expenditure)}，二者应相等，相差 ${gap}。`);
    if (f) out.push(f);
  }
  return out;
}

export function checkTextSums(entity: Entity): Finding[] {
  return entity.sections.flatMap((section) => {
    const text = section.markdown;
    return [...basicSplits(entity, section, text), ...balancedTotals(entity, section, text)];
  });
}
