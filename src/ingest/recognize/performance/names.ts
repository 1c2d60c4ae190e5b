/**
 * Project names: the name a sheet's title gives, choosing between a 项目名称
 * cell and the title when OCR scrambled the cell, and the comparable form
 * used to match a sheet to a row of the project table (names differ in
 * punctuation width, brackets, spacing, and may be truncated).
 */
import { toHalfWidth } from '../../model/money.ts';
import { compact, stripEnumerator } from '../text.ts';
import { printed } from './cells.ts';

/** `1、医疗保障运行经费绩效目标表` → `医疗保障运行经费`. */
export function nameFromTitle(title: string): string {
  // `7、2025年…`: the shared enumerator pattern keeps `7、` before a digit (it guards decimals).
  const t = stripEnumerator(printed(title.replace(/^#{1,6}\s+/, '')).replace(/^\d{1,2}\s*、\s*/, ''));
  return t.replace(/\s*(?:项目)?(?:支出)?绩效(?:目标|指标)(?:申报)?表?$/, '').trim();
}

export function cleanTitle(title: string): string {
  return printed(title.replace(/^#{1,6}\s+/, ''));
}

/** Comparable form: half-width, no spaces or punctuation, one kind of bracket. */
function nameKey(name: string): string {
  return toHalfWidth(compact(name))
    .replace(/[【［[〔]/g, '(')
    .replace(/[】］\]〕]/g, ')')
    .replace(/[\s\-—–_·•、，,。.:：;；"'“”‘’《》<>]/g, '')
    .toLowerCase();
}

function isSubsequence(small: string, big: string): boolean {
  let j = 0;
  for (const ch of big) if (ch === small[j]) j++;
  return j === small.length;
}

/** Share of the characters of `a` found (as a multiset) in `b`. */
function charOverlap(a: string, b: string): number {
  if (!a.length) return 0;
  const pool = new Map<string, number>();
  for (const ch of b) pool.set(ch, (pool.get(ch) ?? 0) + 1);
  let hit = 0;
  for (const ch of a) {
    const n = pool.get(ch) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(ch, n - 1);
    }
  }
  return hit / a.length;
}

/**
 * The name printed in the 项目名称 cells, unless those cells are the title's
 * name with characters out of order or misread (OCR of a wrapped cell): then
 * the title, which prints the same name on one line.
 */
export function reconcileName(cellName: string, titleName: string): { name: string; fromTitle: boolean } {
  const a = nameKey(cellName);
  const b = nameKey(titleName);
  if (!a || !b || a === b || isSubsequence(a, b)) return { name: cellName, fromTitle: false };
  if (charOverlap(a, b) >= 0.8 && b.length >= a.length * 0.8) return { name: titleName, fromTitle: true };
  return { name: cellName, fromTitle: false };
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice similarity of character bigrams, 0–1. */
function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const [g, n] of x) common += Math.min(n, y.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/**
 * How alike two project names are, 0–1: equal keys 1, a truncated name
 * (one a prefix of the other) 0.9, else bigram similarity.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = nameKey(a);
  const y = nameKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 4 && (long.startsWith(short) || long.endsWith(short))) return 0.9;
  return dice(x, y);
}

