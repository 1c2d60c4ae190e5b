/**
 * Tables drawn with rules: the borders give the grid, and a border missing
 * between two grid cells means the cell is merged over both (a header cell
 * spanning several columns, a name spanning two rows). Text is placed in the
 * cell its centre falls in.
 */
import { splitRun, type Glyph, type Rule } from './geometry.ts';
import { joinLines, type PageTable, type PageCell } from './text.ts';

/** Rules closer than this (points) are one border (double lines, rounding of coordinates). */
const SAME = 2;
/** A rule reaches a crossing rule when it ends within this distance of it. */
const REACH = 3;

/**
 * Collinear rules that touch or overlap, joined into one. Rules within SAME
 * of each other are one line; within it, rules are joined in order along the
 * line, so two tables stacked on a page whose borders differ by a point (each
 * scaled to the page) keep the gap between them.
 */
function joinCollinear(rules: readonly Rule[]): Rule[] {
  const byPos = [...rules].sort((a, b) => a.pos - b.pos);
  const lines: Rule[][] = [];
  for (const rule of byPos) {
    const line = lines.at(-1);
    if (line && rule.pos - line.at(-1)!.pos <= SAME) line.push(rule);
    else lines.push([rule]);
  }
  const out: Rule[] = [];
  for (const line of lines) {
    const pos = line.reduce((sum, r) => sum + r.pos, 0) / line.length;
    let current: Rule | null = null;
    for (const rule of [...line].sort((a, b) => a.from - b.from)) {
      if (current && rule.from <= current.to + REACH) current.to = Math.max(current.to, rule.to);
      else {
        current = { ...rule, pos };
        out.push(current);
      }
    }
  }
  return out;
}

function crosses(h: Rule, v: Rule): boolean {
  return v.pos >= h.from - REACH && v.pos <= h.to + REACH && h.pos >= v.from - REACH && h.pos <= v.to + REACH;
}

/** Positions within SAME of each other, as one position each (their mean). */
function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const g = groups.at(-1);
    if (g && v - g.at(-1)! <= SAME) g.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

export interface RuledGrid {
  /** Column boundaries (x) and row boundaries (y), left to right and top down. */
  xs: number[];
  ys: number[];
  horizontal: Rule[];
  vertical: Rule[];
}

/** The grids a page's rules form: groups of crossing rules with at least two of each direction. */
export function gridsOf(rules: readonly Rule[]): RuledGrid[] {
  const horizontal = joinCollinear(rules.filter((r) => r.horizontal));
  const vertical = joinCollinear(rules.filter((r) => !r.horizontal));
  const all = [...horizontal, ...vertical];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    if (parent[i] !== i) parent[i] = find(parent[i]!);
    return parent[i]!;
  };
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (crosses(h, v)) parent[find(i)] = find(horizontal.length + j);
    });
  });
  const groups = new Map<number, Rule[]>();
  all.forEach((rule, i) => {
    groups.set(find(i), [...(groups.get(find(i)) ?? []), rule]);
  });
  const grids: RuledGrid[] = [];
  for (const group of groups.values()) {
    const h = group.filter((r) => r.horizontal);
    const v = group.filter((r) => !r.horizontal);
    if (h.length < 2 || v.length < 2) continue;
    const grid = { xs: cluster(v.map((r) => r.pos)), ys: cluster(h.map((r) => r.pos)), horizontal: h, vertical: v };
    // One column is a box (a frame round the page or a paragraph), not a table: its text reads as text.
    if (grid.xs.length < 3 || grid.ys.length < 2) continue;
    grids.push(grid);
  }
  return grids.sort((a, b) => a.ys[0]! - b.ys[0]!);
}

function ruledAt(rules: readonly Rule[], pos: number, a: number, b: number): boolean {
  const mid = (a + b) / 2;
  return rules.some((r) => Math.abs(r.pos - pos) <= SAME && r.from <= mid && r.to >= mid);
}

function indexIn(bounds: readonly number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (v >= bounds[i]! && v < bounds[i + 1]!) return i;
  return -1;
}

export function insideGrid(grid: RuledGrid, g: Glyph): boolean {
  const cx = (g.x0 + g.x1) / 2;
  const cy = (g.top + g.bottom) / 2;
  return cx >= grid.xs[0]! && cx <= grid.xs.at(-1)! && cy >= grid.ys[0]! && cy <= grid.ys.at(-1)!;
}

/**
 * The table of one grid: a row per grid row, a cell per grid column; a merged
 * cell keeps its text in its top-left cell with its spans, and the cells it
 * covers are present, empty and marked covered.
 */
export function tableOfGrid(grid: RuledGrid, glyphs: readonly Glyph[]): PageTable {
  const { xs, ys } = grid;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => {
    if (parent[i] !== i) parent[i] = find(parent[i]!);
    return parent[i]!;
  };
  const union = (a: number, b: number) => {
    parent[find(b)] = find(a);
  };
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !ruledAt(grid.vertical, xs[c + 1]!, ys[r]!, ys[r + 1]!)) union(id(r, c), id(r, c + 1));
      if (r + 1 < R && !ruledAt(grid.horizontal, ys[r + 1]!, xs[c]!, xs[c + 1]!)) union(id(r, c), id(r + 1, c));
    }
  }
  // Each merged area as the box of the grid cells it joins; its top-left cell holds it.
  const box = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const root = find(id(r, c));
      const b = box.get(root);
      if (!b) box.set(root, { r0: r, r1: r, c0: c, c1: c });
      else Object.assign(b, { r0: Math.min(b.r0, r), r1: Math.max(b.r1, r), c0: Math.min(b.c0, c), c1: Math.max(b.c1, c) });
    }
  }
  const anchorOf = (r: number, c: number) => {
    const b = box.get(find(id(r, c)))!;
    return { r: b.r0, c: b.c0 };
  };
  const texts = new Map<string, Glyph[]>();
  // A run printed across a rule (one text string for two cells) is cut at its spaces.
  const crossesRule = (g: Glyph) => xs.slice(1, -1).some((x) => g.x0 < x - SAME && g.x1 > x + SAME);
  const pieces = glyphs.flatMap((g) => (crossesRule(g) && /\S\s+\S/.test(g.text) ? splitRun(g, /\s+/) : [g]));
  for (const g of pieces) {
    const r = indexIn(ys, (g.top + g.bottom) / 2);
    const c = indexIn(xs, (g.x0 + g.x1) / 2);
    if (r < 0 || c < 0) continue;
    const a = anchorOf(r, c);
    const key = `${a.r}:${a.c}`;
    texts.set(key, [...(texts.get(key) ?? []), g]);
  }
  const rows: PageCell[][] = [];
  for (let r = 0; r < R; r++) {
    const row: PageCell[] = [];
    for (let c = 0; c < C; c++) {
      const b = box.get(find(id(r, c)))!;
      if (b.r0 !== r || b.c0 !== c) {
        row.push({ text: '', rowSpan: 1, colSpan: 1, covered: true });
        continue;
      }
      row.push({ text: joinLines(texts.get(`${r}:${c}`) ?? []), rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1, covered: false });
    }
    rows.push(row);
  }
  return { kind: 'table', rows, top: ys[0]!, bottom: ys.at(-1)!, columns: xs.slice(0, -1) };
}
