/**
 * Amounts on performance sheets and project tables, converted to 万元
 * exactly (元 → 万元 moves the decimal point; no float ever).
 */
import { dec, normalize, shiftPoint, toString } from '../../model/decimal.ts';
import { parseAmount } from '../../model/money.ts';

/** The exact decimal a cell prints, or null when it is not an amount (`—`, prose, empty). */
export function amountOf(text: string): string | null {
  const parsed = parseAmount(text);
  return parsed.kind === 'amount' ? parsed.value : null;
}

/** An exact decimal in `unit`, expressed in 万元 (trailing zeros beyond two decimals dropped). */
export function toWan(value: string, unit: '万元' | '元'): string {
  if (unit === '万元') return value;
  return toString(normalize(shiftPoint(dec(value), -4), 2));
}

export function sameAmount(a: string, b: string): boolean {
  return toString(normalize(dec(a))) === toString(normalize(dec(b)));
}
