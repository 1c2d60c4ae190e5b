/**
 * Target values (指标值) as printed: `≥90%`, `≤7 万元`, `100%`, `≥3000 套`,
 * `大于等于95%`, `12 月底前`, `显著提高`. The printed text is kept; the
 * comparator, the exact number and its unit are read off when the value is
 * a quantity. Dates (`12 月底前`, `2024年1-12月`) and prose have no number.
 */
import { toHalfWidth } from '../../model/money.ts';
import { printed } from './cells.ts';
import { norm } from '../text.ts';
import { HAN } from '../../han.ts';

export type Comparator = '≥' | '≤' | '>' | '<' | '=';

export interface Target {
  value: string;
  comparator?: Comparator;
  number?: string;
  unit?: string;
}

// Longest forms first so that `大于等于` is not read as `大于`.
const COMPARATORS: readonly (readonly [string, Comparator])[] = [
  ['大于等于', '≥'], ['大于或等于', '≥'], ['不低于', '≥'], ['不少于', '≥'], ['不小于', '≥'], ['至少', '≥'], ['>=', '≥'], ['≥', '≥'], ['≧', '≥'],
  ['小于等于', '≤'], ['小于或等于', '≤'], ['不高于', '≤'], ['不超过', '≤'], ['不多于', '≤'], ['不大于', '≤'], ['<=', '≤'], ['≤', '≤'], ['≦', '≤'],
  ['大于', '>'], ['高于', '>'], ['超过', '>'], ['>', '>'],
  ['小于', '<'], ['低于', '<'], ['<', '<'],
  ['等于', '='], ['=', '='],
];

/** A comparator written alone in its own column (004's 符号 column). */
export function comparatorOf(text: string): Comparator | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  for (const [form, comparator] of COMPARATORS) if (t === form) return comparator;
  return null;
}

function leadingComparator(text: string): { comparator: Comparator; rest: string } | null {
  for (const [form, comparator] of COMPARATORS) {
    if (text.startsWith(form)) return { comparator, rest: text.slice(form.length).trimStart() };
  }
  return null;
}

const NUMBER_RE = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/;
// A unit is a short word: 人, 万元, 元/人/年, %, 人次, 家/年 (never digits).
const UNIT_RE = new RegExp(`^[%‰${HAN}A-Za-z/·]{1,10}$`, 'u');
/** A number with an optional unit after it (`12`, `95%`, `3,000 人次`). */
const AMOUNT_WITH_UNIT_RE = new RegExp(`^\\d[\\d,]*(?:\\.\\d+)?\\s*[%‰]?\\s*[${HAN}A-Za-z/]{0,6}$`, 'u');
// After a number these make a date or deadline, not a quantity: `12 月底前`, `6月末`.
const DATE_UNIT_RE = /^[年月日号](?:底|末|初|中|前|内|上旬|中旬|下旬)|^[年月](?:\d|份?[-—~至])|^日前/;

/** Read one printed target value. */
export function parseTarget(text: string): Target {
  const value = printed(text);
  const out: Target = { value };
  let body = toHalfWidth(value).trim();
  const lead = leadingComparator(body);
  if (lead) {
    out.comparator = lead.comparator;
    body = lead.rest;
  }
  const match = NUMBER_RE.exec(body);
  if (!match) return out;
  const rest = body.slice(match[0].length).trim();
  if (DATE_UNIT_RE.test(rest.replace(/\s+/g, ''))) return out;
  const unit = rest.replace(/\s+/g, '');
  if (unit && !UNIT_RE.test(unit)) {
    // `≥283 ↑` (OCR noise after the number): the number stands, the unit is unreadable.
    if (/\d/.test(unit) || unit.length > 3) return out;
    out.number = match[1]!.replace(/,/g, '') + (match[2] ?? '');
    return out;
  }
  out.number = match[1]!.replace(/,/g, '') + (match[2] ?? '');
  if (unit) out.unit = unit;
  return out;
}

/** Markers printed in a 符号 column when the value is prose, not a comparator. */
const PROSE_MARKER_RE = /^(?:文字描述|定性|定性描述|文字|描述)$/;

export function isProseMarker(text: string): boolean {
  return PROSE_MARKER_RE.test(norm(text).replace(/\s+/g, ''));
}

/**
 * A value printed in 符号 / 值 / 单位 columns: `≥` `2` `次` → `≥2次`. When the
 * 值 column is empty the 单位 column holds the prose value (`文字描述` `` `推动`).
 */
export function composeTarget(symbol: string, number: string, unit: string): Target | null {
  const sym = printed(symbol);
  const num = printed(number);
  const u = printed(unit);
  const comparator = comparatorOf(sym);
  if (!num && !u && !comparator) return null;
  if (!num) {
    const out: Target = { value: (comparator ? sym : '') + u };
    if (comparator) out.comparator = comparator;
    return out;
  }
  const parsed = parseTarget((comparator ? sym : '') + num + u);
  return parsed;
}

/**
 * A cell that can only be a target value: a number with at most a short
 * unit, optionally after a comparator (`≥95%`, `15 万元`, `0.8万元`, `≥2年`).
 */
export function isStrongValue(text: string): boolean {
  const t = toHalfWidth(norm(text)).trim();
  const lead = leadingComparator(t);
  const rest = lead ? lead.rest : t;
  return AMOUNT_WITH_UNIT_RE.test(rest) && !/^\d{4}年/.test(rest);
}
