/**
 * Amounts on performance sheets and project tables, converted to 万元
 * exactly (元 → 万元 moves the decimal point; no float ever).
 */
import { dec, normalize, toString } from '../../model/decimal.ts';
import { parseAmount, toWan as convertToWan, type MoneyUnit } from '../../model/money.ts';

/** The exact decimal a cell prints, or null when it is not an amount (`—`, prose, empty). */
export function amountOf(text: string): string | null {
  const parsed = parseAmount(text);
  return parsed.kind === 'amount' ? parsed.value : null;
}

/** An exact decimal in `unit`, expressed in 万元 (trailing zeros beyond two decimals dropped). */
export function toWan(value: string, unit: MoneyUnit): string {
  return convertToWan(value, unit);
}

export function sameAmount(a: string, b: string): boolean {
  return toString(normalize(dec(a))) === toString(normalize(dec(b)));
}
