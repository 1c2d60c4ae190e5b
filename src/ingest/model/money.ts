/**
 * Reading and writing amounts as printed in budget tables.
 *
 * Printed forms seen in disclosures: `724.39`, `5,497.60`, `12,753,171.62`,
 * full-width digits `７２４．３９`, negatives as `-12.00`, `－12.00` or
 * `(12.00)`, and placeholders for "nothing here" (`—`, `-`, `－`, `/`).
 * The parser never guesses: anything else is `text`.
 */
import { parseDecimal, toString, type Decimal } from './decimal.ts';

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

const PLACEHOLDER_RE = /^(?:[—–\-－―─/／]+|——|无)$/;
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
  return (negative ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}
