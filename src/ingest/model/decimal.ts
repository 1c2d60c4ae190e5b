/**
 * Exact decimal arithmetic for money.
 *
 * Budget amounts are printed with a fixed number of decimals (usually two)
 * and must never pass through binary floats: 0.1 + 0.2 must be 0.3. A
 * `Decimal` is a BigInt of units together with its scale (digits after the
 * point), so `724.39` is `{ units: 72439n, scale: 2 }`.
 *
 * Values travel through the model as canonical decimal strings
 * ("724.39", "-12", "0.0001"); this module converts between the two.
 */

export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_RE = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parse a canonical decimal string (`-1234.50`); returns null when it is not one. */
export function parseDecimal(text: string): Decimal | null {
  const match = DECIMAL_RE.exec(text);
  if (!match) return null;
  const [, sign, int = '0', frac = ''] = match;
  const units = BigInt(int + frac) * (sign ? -1n : 1n);
  return { units, scale: frac.length };
}

/** Like parseDecimal but throws: for values the model already validated. */
export function dec(text: string): Decimal {
  const value = parseDecimal(text);
  if (!value) throw new TypeError(`not a decimal string: ${JSON.stringify(text)}`);
  return value;
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Re-express `a` with a larger scale (never loses digits). */
function rescale(a: Decimal, scale: number): bigint {
  if (scale < a.scale) throw new RangeError('rescale would lose digits');
  return a.units * pow10(scale - a.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function sub(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

function neg(a: Decimal): Decimal {
  return { units: -a.units, scale: a.scale };
}

export function abs(a: Decimal): Decimal {
  return a.units < 0n ? neg(a) : a;
}

/** -1, 0 or 1. */
export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZero(a: Decimal): boolean {
  return a.units === 0n;
}

/** Divide by 10^n exactly (元 → 万元 is shiftPoint(x, -4)); multiply when n > 0. */
export function shiftPoint(a: Decimal, n: number): Decimal {
  if (n >= 0) return normalize({ units: a.units * pow10(n), scale: a.scale }, a.scale);
  return { units: a.units, scale: a.scale - n };
}

/** Drop trailing zero digits down to `minScale` decimals. */
export function normalize(a: Decimal, minScale = 0): Decimal {
  let { units, scale } = a;
  while (scale > minScale && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

/** Canonical string: `-1234.5`, keeping the value's own scale. */
export function toString(a: Decimal): string {
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, '0');
  const int = a.scale ? digits.slice(0, -a.scale) : digits;
  const frac = a.scale ? digits.slice(-a.scale) : '';
  return (negative ? '-' : '') + int + (frac ? `.${frac}` : '');
}

/** Canonical string with exactly `places` decimals (rounds half away from zero). */
export function toFixed(a: Decimal, places: number): string {
  return toString(round(a, places));
}

/** Round half away from zero to `places` decimals. */
export function round(a: Decimal, places: number): Decimal {
  if (a.scale <= places) return { units: rescale(a, places), scale: places };
  const divisor = pow10(a.scale - places);
  const negative = a.units < 0n;
  const magnitude = negative ? -a.units : a.units;
  let q = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) q += 1n;
  return { units: negative ? -q : q, scale: places };
}

