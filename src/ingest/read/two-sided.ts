/**
 * Two-sided tables (收入 on the left, 支出 on the right, as in a 收支总表)
 * copied as one cell per line. Each printed row is two half-rows of the
 * same shape (项目 | 预算数), so the stream's pattern shows only a half-row;
 * the header shows the whole: its leaf labels are one half printed twice
 * (项目 | 预算数 | 项目 | 预算数), often under the group labels (收入 | 支出).
 * Where one side runs longer than the other, the empty cells of the short
 * side leave no line, so the half-rows cannot simply be taken two by two:
 * a half-row is placed on the side its label names (…收入 left, …支出
 * right) and one that names neither (上年结转结余) takes the next free side.
 */
import type { Cell } from './blocks.ts';

const compact = (text: string) => text.replace(/\s+/g, '');

/** A group label over one side: short, not a caption (金额单位：元) or a title (…表). */
function isGroupLabel(cell: Cell | undefined): cell is Cell {
  if (!cell) return false;
  const t = compact(cell.text);
  return t.length >= 1 && t.length <= 8 && !/[：:]/.test(t) && !/表$/.test(t);
}

const SIDE_WORD_RE = /^(?:收入|支出)(?=.)/;

/** Sides named by default when the header has no group labels. */
const DEFAULT_SIDES: readonly [string, string] = ['收入', '支出'];

export interface TwoSided {
  /** Header rows, each twice the half-row wide. */
  header: Cell[][];
  /** How many cells at the end of the pool the header took. */
  used: number;
  /** Data rows, each twice the half-row wide (an absent side as empty cells). */
  rows: Cell[][];
}

/**
 * The two-sided table made of `halves` (half-rows of `width` cells, labels
 * first), when the end of `pool` (the labels before the first half-row)
 * prints the half-row's header twice; null otherwise.
 */
export function twoSided(pool: readonly Cell[], halves: readonly Cell[][], width: number): TwoSided | null {
  if (width < 2 || pool.length < 2 * width || halves.length < 2) return null;
  const leaves = pool.slice(pool.length - 2 * width);
  // Each side may name itself in its labels (收入项目 | 预算数 | 支出项目 | 预算数).
  const half = (cells: readonly Cell[]) => cells.map((c) => compact(c.text).replace(SIDE_WORD_RE, ''));
  const left = half(leaves.slice(0, width));
  const right = half(leaves.slice(width));
  if (left.some((t, i) => !t || t !== right[i])) return null;
  const blank = (c: Cell): Cell => ({ text: '', line: c.line, column: c.column });
  const header: Cell[][] = [leaves];
  let used = 2 * width;
  let sides: readonly [string, string] = DEFAULT_SIDES;
  const [g1, g2] = [pool[pool.length - 2 * width - 2], pool[pool.length - 2 * width - 1]];
  if (isGroupLabel(g1) && isGroupLabel(g2)) {
    const pad = Array.from({ length: width - 1 }, () => 0);
    header.unshift([g1, ...pad.map(() => blank(g1)), g2, ...pad.map(() => blank(g2))]);
    used += 2;
    sides = [compact(g1.text), compact(g2.text)];
  }
  const sideOf = (half: readonly Cell[]): 'left' | 'right' | null => {
    const label = compact(half.filter((c) => c.text.trim()).map((c) => c.text).join(''));
    const [l, r] = [label.includes(sides[0]), label.includes(sides[1])];
    return l && !r ? 'left' : r && !l ? 'right' : null;
  };
  const empty = (near: readonly Cell[]): Cell[] => near.map(blank);
  const rows: Cell[][] = [];
  for (let i = 0; i < halves.length; ) {
    const half = halves[i]!;
    if (sideOf(half) === 'right') {
      rows.push([...empty(half), ...half]);
      i++;
      continue;
    }
    const next = halves[i + 1];
    if (next && sideOf(next) !== 'left') {
      rows.push([...half, ...next]);
      i += 2;
    } else {
      rows.push([...half, ...empty(half)]);
      i++;
    }
  }
  return { header, used, rows };
}
