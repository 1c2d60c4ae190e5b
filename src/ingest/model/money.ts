/**
 * Reading and writing amounts as printed in budget tables.
 *
 * Printed forms seen in disclosures: `724.39`, `5,497.60`, `12,753,171.62`,
 * full-width digits `７２４．３９`, negatives as `-12.00`, `－12.00` or
 * `(12.00)`, and placeholders for "nothing here" (`—`, `-`, `－`, `/`).
 * The parser never guesses: anything else is `text`.
 */
import { dec, normalize, parseDecimal, shiftPoint, toString, type Decimal } from './decimal.ts';

export type AmountParse =
  | { kind: 'amount'; value: string; decimals: number }
  | { kind: 'empty' }
  | { kind: 'placeholder' }
  | { kind: 'text' };

/** Full-width ASCII (U+FF01–U+FF5E) to half-width, and ideographic space to space. */
export function toHalfWidth(text: string): string {
  if (!/[\uFF01-\uFF5E\u3000]/.test(text)) return text;
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * What a cell prints for "not filled": dashes, a slash, 无, or a phrase
 * saying the cell does not apply (单位不需填列, 不适用). Not filled is not
 * zero: such a cell has no value and the checks treat it as absent.
 */
const PLACEHOLDER_RE = /^(?:[—–\-－―─~〜/／\\×]+|\(?(?:无|不适用|(?:本?单位)?不[需须]填[列报写]?)\)?)$/;
// Digits grouped by thousands (`5,497.60`) or plain (`5497.60`).
const AMOUNT_RE = /^([-−])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const PAREN_RE = /^\((.+)\)$/;

/** Parse one printed cell. Only whole-cell amounts count; `30 万元` is text. */
export function parseAmount(printed: string): AmountParse {
  // Emphasis markup around a figure (`<b>724.39</b>`, `**724.39**`) is not part of the amount.
  const text = toHalfWidth(printed)
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?>/gi, '')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, '').replace(/[，]/g, ',').replace(/[。．]/g, '.');
  if (text === '') return { kind: 'empty' };
  if (PLACEHOLDER_RE.test(text)) return { kind: 'placeholder' };
  let body = text;
  let negative = false;
  const paren = PAREN_RE.exec(body);
  if (paren?.[1]) {
    body = paren[1];
    negative = true;
  }
  const match = AMOUNT_RE.exec(body);
  if (!match) return { kind: 'text' };
  const [, sign, int = '', frac = ''] = match;
  if (sign) {
    if (negative) return { kind: 'text' }; // "(-12)" is not a form anyone prints
    negative = true;
  }
  const digits = int.replace(/,/g, '');
  const decimal = parseDecimal((negative ? '-' : '') + digits + frac);
  if (!decimal) return { kind: 'text' };
  // "-0.00" is zero: keep the canonical form unsigned.
  const value = decimal.units === 0n ? toString({ units: 0n, scale: decimal.scale }) : toString(decimal);
  return { kind: 'amount', value, decimals: frac ? frac.length - 1 : 0 };
}

/** The money units disclosures print amounts in, smallest first. */
export const MONEY_UNITS = ['元', '千元', '万元', '亿元'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];

/** Power of ten of one unit in 元. */
const YUAN_EXPONENT: Readonly<Record<MoneyUnit, number>> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/**
 * An exact amount printed in `from`, re-expressed in `to`: only the decimal
 * point moves, so 1.5 亿元 is exactly 15000 万元 and 12.34 元 is 0.001234 万元.
 * Trailing zeros beyond two decimals are dropped.
 */
export function convertAmount(value: string, from: MoneyUnit, to: MoneyUnit): string {
  if (from === to) return value;
  return toString(normalize(shiftPoint(dec(value), YUAN_EXPONENT[from] - YUAN_EXPONENT[to]), 2));
}

/** An exact amount printed in `unit`, in 万元 (the unit the portal compares and charts in). */
export function toWan(value: string, unit: MoneyUnit): string {
  return convertAmount(value, unit, '万元');
}

/** The unit word, after an optional 人民币 (`金额单位：人民币万元`). */
const UNIT_WORD = '(?:人民币)?(亿元|万元|千元|元)';
/** A remark after the unit: `（保留两位小数）`, `、%` (a table that also prints percentages). */
const UNIT_REMARK = '(?:[(（][^()（）]{1,12}[)）]|[、,，]%)?';
/** `单位：万元`, `金额单位：元`, `单位:万元`, `（单位：元）`, `单位,亿元`, `单位 千元`, `单位(万元)`. */
const UNIT_LINE_RE = new RegExp(`^[(（]?(?:金额|货币|计量)?单位\\s*[:：,，]?\\s*[(（]?${UNIT_WORD}[)）]?${UNIT_REMARK}[)）]?$`);
/** The same label at the end of a caption line (`部门：某某局 单位：万元`). */
const UNIT_TAIL_RE = new RegExp(`(?:金额|货币|计量)?单位\\s*[:：]\\s*${UNIT_WORD}${UNIT_REMARK}[)）]?$`);
/** A unit in parentheses inside a label: `预算数（万元）`, `(金额单位：亿元)`. */
const UNIT_IN_PARENS_RE = new RegExp(`[(（]\\s*(?:(?:金额)?单位[:：]\\s*)?${UNIT_WORD}\\s*[)）]`);

/** The money unit a whole caption line declares, or null (`单位：万元`, `（单位：元）`). */
export function moneyUnitOfLine(text: string): MoneyUnit | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  return (UNIT_LINE_RE.exec(t)?.[1] as MoneyUnit | undefined) ?? null;
}

/** The money unit declared at the end of a line or in parentheses anywhere in it, or null. */
export function moneyUnitIn(text: string): MoneyUnit | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const m = UNIT_LINE_RE.exec(t) ?? UNIT_TAIL_RE.exec(t) ?? UNIT_IN_PARENS_RE.exec(t);
  return (m?.[1] as MoneyUnit | undefined) ?? null;
}

/** Format a decimal string for display with thousands separators: `12753171.62` → `12,753,171.62`. */
export function formatAmount(value: string, places?: number): string {
  const decimal = parseDecimal(value);
  if (!decimal) return value;
  // Pad to `places` decimals; never drop printed digits.
  const shown: Decimal =
    places !== undefined && places > decimal.scale
      ? { units: decimal.units * 10n ** BigInt(places - decimal.scale), scale: places }
      : decimal;
  const text = toString(shown);
  const negative = text.startsWith('-');
  const [int = '', frac] = (negative ? text.slice(1) : text).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac !== undefined ? `.${frac}` : '');
}
