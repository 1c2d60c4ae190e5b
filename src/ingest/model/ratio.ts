/**
 * Exact percentages of two amounts (execution rate 决算/预算, change from
 * the year before): computed on the BigInt units of the decimals, rounded
 * half away from zero at the last place, never through binary floats.
 */
import type { Decimal } from './decimal.ts';

/** `part / whole × 100` with `places` decimals; undefined when `whole` is zero. */
export function percent(part: Decimal, whole: Decimal, places = 2): Decimal | undefined {
  if (whole.units === 0n) return undefined;
  // part.units/10^ps ÷ whole.units/10^ws × 100 × 10^places, as one integer fraction.
  let numerator = part.units * 100n * 10n ** BigInt(places);
  let denominator = whole.units;
  const shift = whole.scale - part.scale;
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  if ((n % d) * 2n >= d) q += 1n;
  return { units: negative ? -q : q, scale: places };
}
