/**
 * How close two printed amounts must be.
 *
 * Without a word from the document, identities must hold exactly at the
 * printed precision. When a table note or the explanation says amounts may
 * not add up because of rounding (「报表金额单位转换时可能存在四舍五入尾数误差」,
 * 「若合计数与分项数不一致是因四舍五入的原因引起的」), each printed amount may be
 * off by half a unit of its last digit, so an identity over n printed
 * amounts may be off by n half-units — no more.
 */
import { abs, compare, sub, ZERO, type Decimal } from '../model/decimal.ts';
import type { Entity, Table } from '../model/schema.ts';
import { money } from './finding.ts';

const ROUNDING_RE = /四舍五入|尾数误差|尾差|舍入/;

/** True when the table's note or the document's explanation warns of rounding differences. */
export function roundingNoted(entity: Entity, table?: Table): boolean {
  if (table?.note && ROUNDING_RE.test(table.note)) return true;
  return entity.sections.some((s) => ROUNDING_RE.test(s.markdown));
}

/** Half a unit of the last printed digit, per printed amount involved. */
export function tolerance(printed: readonly Decimal[], rounding: boolean): Decimal {
  if (!rounding || printed.length === 0) return ZERO;
  const scale = Math.max(...printed.map((d) => d.scale));
  return { units: 5n * BigInt(printed.length), scale: scale + 1 };
}

export function within(actual: Decimal, expected: Decimal, tol: Decimal): boolean {
  return compare(abs(sub(actual, expected)), tol) <= 0;
}

/** Sentence added to a message when a rounding tolerance was applied. */
export function toleranceNote(tol: Decimal, unit: string): string {
  return tol.units === 0n ? '' : `（文件注明金额可能存在四舍五入尾数误差，已按 ±${money(tol, unit)} 的容差核对，仍超出。）`;
}
