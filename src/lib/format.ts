/**
 * Shared formatting of money, codes and printed text for every page.
 *
 * Amounts stay exact decimal strings from the model to the page; floats are
 * only made (by `toChartNumber`) for Chart.js, never for anything shown as
 * text.
 */
import { formatAmount, type MoneyUnit } from '../ingest/model/money.ts';
import { add, compare, dec, parseDecimal, toFixed, toString, ZERO, type Decimal } from '../ingest/model/decimal.ts';
import { toWan as toWanExact } from '../ingest/recognize/totals.ts';

export type CurrencyUnit = MoneyUnit;
export type CodeSystemName = 'functional' | 'economic' | 'gov-economic';
export type CodeLevelName = 'class' | 'section' | 'item';

/** What a reader sees for a figure the document does not publish. */
export const NOT_PUBLISHED = '未公开';

/** An exact amount printed in `unit`, re-expressed in 万元 (元 → 万元 moves the point 4 places). */
export function toWan(value: string, unit: CurrencyUnit | null): string {
  return parseDecimal(value) && unit ? toWanExact(value, unit) : value;
}

/** `12753171.62` → `12,753,171.62`; every printed digit kept. */
export function amount(value: string): string {
  return formatAmount(value);
}

/**
 * An amount in 万元 for display, or 未公开. Amounts converted from 元 carry
 * more than two decimals (1275.317162): shown to the fen as `约 1,275.32`;
 * the exact value stays in the data and the tables print the original.
 */
export function wan(value: string | null | undefined): string {
  if (value == null || value === '') return NOT_PUBLISHED;
  const d = parseDecimal(value);
  if (d && d.scale > 2) return `约 ${formatAmount(toFixed(d, 2))}`;
  return formatAmount(value, 2);
}

/** Same with the unit: `724.39 万元`. */
export function wanWithUnit(value: string | null | undefined): string {
  return value == null || value === '' ? NOT_PUBLISHED : `${wan(value)} 万元`;
}

const COUNT_WORDS = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** `合计两行：118.60 + 2.40`: how a code printed on several rows adds up. */
export function partsNote(parts: readonly string[]): string {
  return `合计${COUNT_WORDS[parts.length] ?? String(parts.length)}行：${parts.map((p) => wan(p)).join(' + ')}`;
}

/** Exact sum of decimal strings (`'0'` for none). */
export function sumOf(values: Iterable<string>): string {
  let total: Decimal = ZERO;
  for (const value of values) total = add(total, dec(value));
  return toString(total);
}

export function compareAmounts(a: string, b: string): number {
  return compare(dec(a), dec(b));
}

export function isZeroAmount(value: string): boolean {
  return dec(value).units === 0n;
}

/** Share of `part` in `whole` as a percentage with one decimal (`37.5%`), computed exactly; '' when whole is 0. */
export function percent(part: string, whole: string): string {
  const p = dec(part);
  const w = dec(whole);
  if (w.units === 0n) return '';
  const scale = Math.max(p.scale, w.scale);
  const pu = p.units * 10n ** BigInt(scale - p.scale);
  const wu = w.units * 10n ** BigInt(scale - w.scale);
  // permille, rounded half away from zero
  const num = pu * 2000n;
  const den = wu * 2n;
  let q = num / den;
  const r = num % den;
  if ((r < 0n ? -r : r) * 2n >= (den < 0n ? -den : den)) q += (num < 0n) !== (den < 0n) ? -1n : 1n;
  const negative = q < 0n;
  const m = negative ? -q : q;
  return `${negative ? '-' : ''}${m / 10n}.${m % 10n}%`;
}

/** A float for Chart.js only (never shown as text). */
export function toChartNumber(value: string): number {
  return Number(value);
}

/**
 * Cell text as shown: the text exactly as printed, with the emphasis markup
 * extraction left around it (`<b>724.39</b>`, `**合计**`) removed. Any other
 * markup stays visible as text; nothing is ever rendered as HTML.
 */
export function printedText(text: string): string {
  // Most cells carry no markup: skip the regular expressions (this runs for every cell of every table page).
  if (!text.includes('<') && !text.includes('*')) return text.trim();
  return text
    .replace(/<\/?(?:b|strong|i|em|u)>/gi, '')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .trim();
}

/** True when the printed cell was emphasised (bold in the document). */
export function isEmphasised(text: string): boolean {
  return /<(?:b|strong)>|\*\*/i.test(text);
}

/** Normalised form used to match glossary terms against labels: no spaces, half-width brackets, plain quotes. */
export function termKey(text: string): string {
  return printedText(text)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[“”"「」『』]/g, '"')
    .replace(/^(?:其中[:：])?(?:[一二三四五六七八九十]+、|\d+[、.．])/, '');
}

export const levelName = { unit: '单位', department: '部门' } as const;
export const levelBudgetName = { unit: '单位预算', department: '部门预算' } as const;

export const codeSystemName: Record<CodeSystemName, string> = {
  functional: '支出功能分类科目',
  economic: '部门预算支出经济分类科目',
  'gov-economic': '政府预算支出经济分类科目',
};

export const codeLevelLabel: Record<CodeLevelName, string> = { class: '类', section: '款', item: '项' };

/** Level of a subject code from its length: 3 digits 类, 5 款, 7 项. */
export function codeLevel(code: string): CodeLevelName {
  return code.length <= 3 ? 'class' : code.length <= 5 ? 'section' : 'item';
}

/** 2101501 → 21015 → 210; undefined for a 类. */
export function parentCode(code: string): string | undefined {
  if (code.length > 5) return code.slice(0, 5);
  if (code.length > 3) return code.slice(0, 3);
  return undefined;
}

/** The system a code belongs to when no table says (functional 2xx, economic 3xx, government economic 5xx). */
export function guessCodeSystem(code: string): CodeSystemName {
  if (code.startsWith('5')) return 'gov-economic';
  if (code.startsWith('3')) return 'economic';
  return 'functional';
}

/** Lines `a–b` as shown in citations. */
export function lineRange(line: number, endLine?: number): string {
  return endLine && endLine !== line ? `第 ${line}–${endLine} 行` : `第 ${line} 行`;
}

/**
 * Shift the heading levels of already sanitized section HTML so it nests
 * under the page's own headings (`<h1>` → `<h4>` with by = 3), capped at h6.
 * Only tag names change; the sanitized content is untouched.
 */
export function demoteHeadings(html: string, by: number): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/gi, (_m, slash: string, n: string) => `<${slash}h${Math.min(6, Number(n) + by)}`);
}

/** `text` cut to `max` characters with an ellipsis (for <title>s). */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A unit's name with where it is, each place said once: 河北省兴隆县医疗保障局,
 * never 河北省兴隆县兴隆县医疗保障局 (names usually begin with their region).
 */
export function placedName(e: { province?: string | undefined; region: string; name: string }): string {
  const withRegion = e.name.startsWith(e.region) ? e.name : `${e.region}${e.name}`;
  return e.province && !withRegion.startsWith(e.province) ? `${e.province}${withRegion}` : withRegion;
}
