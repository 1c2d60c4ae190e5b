import { unifyRadicals } from './radicals.ts';

/**
 * What a PDF page prints, in page coordinates read top-down (points from the
 * top-left corner, as the page is seen): text runs with their boxes, and the
 * straight horizontal and vertical rules drawn on it (table borders).
 */

/** One run of text as the PDF shows it (a pdf.js text item). */
export interface Glyph {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Font size in points: the height of the run. */
  size: number;
}

/** A horizontal rule at `pos` (its y) from `from` to `to` (x), or a vertical one at x from y to y. */
export interface Rule {
  horizontal: boolean;
  pos: number;
  from: number;
  to: number;
}

export type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2 in PDF order: apply m1 first, then m2. */
function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[1] * m2[2],
    m1[0] * m2[1] + m1[1] * m2[3],
    m1[2] * m2[0] + m1[3] * m2[2],
    m1[2] * m2[1] + m1[3] * m2[3],
    m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
    m1[4] * m2[1] + m1[5] * m2[3] + m2[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A rectangle thinner than this (points) is a rule drawn as a filled bar, not a shaded area. */
const BAR_THICKNESS = 2.5;
/** Shorter strokes are tick marks, underline dashes or glyph parts, not table borders. */
const MIN_RULE = 4;
/** Tolerance (points) for calling a stroke horizontal or vertical. */
const SLANT = 0.5;

function addStroke(out: Rule[], ax: number, ay: number, bx: number, by: number): void {
  if (Math.abs(ay - by) <= SLANT && Math.abs(ax - bx) >= MIN_RULE) {
    out.push({ horizontal: true, pos: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
  } else if (Math.abs(ax - bx) <= SLANT && Math.abs(ay - by) >= MIN_RULE) {
    out.push({ horizontal: false, pos: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
  }
}

/** Numeric codes of the pdf.js operators and path commands read here. */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

export interface PathOps {
  moveTo: number;
  lineTo: number;
  curveTo: number;
  quadraticCurveTo: number;
  closePath: number;
}

type Point = [number, number];

/** The subpaths of a pdf.js path (moveTo/lineTo/closePath data), curves dropped: rules are straight. */
function subpaths(data: ArrayLike<number>, ops: PathOps, m: Matrix): { points: Point[]; closed: boolean; curved: boolean }[] {
  const out: { points: Point[]; closed: boolean; curved: boolean }[] = [];
  let current: { points: Point[]; closed: boolean; curved: boolean } | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === ops.moveTo || op === ops.lineTo) {
      const p = apply(m, data[i++]!, data[i++]!);
      if (op === ops.moveTo || !current) {
        current = { points: [], closed: false, curved: false };
        out.push(current);
      }
      current.points.push(p);
    } else if (op === ops.curveTo) {
      i += 6;
      if (current) current.curved = true;
    } else if (op === ops.quadraticCurveTo) {
      i += 4;
      if (current) current.curved = true;
    } else if (op === ops.closePath) {
      if (current) current.closed = true;
    } else break;
  }
  return out;
}

/**
 * The rules a page draws: stroked straight segments, and filled rectangles thin
 * enough to be a line (office suites and browsers often draw borders that way).
 * `pageMatrix` maps PDF user space to the top-down page view.
 */
export function rulesOf(fnArray: ArrayLike<number>, argsArray: readonly unknown[], codes: OpCodes, pathOps: PathOps, pageMatrix: Matrix): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const strokes = new Set([codes.stroke, codes.closeStroke, codes.fillStroke, codes.eoFillStroke, codes.closeFillStroke, codes.closeEOFillStroke]);
  const fills = new Set([codes.fill, codes.eoFill]);
  for (let k = 0; k < fnArray.length; k++) {
    const fn = fnArray[k];
    const args = argsArray[k] as unknown[] | null;
    if (fn === codes.save) stack.push(ctm);
    else if (fn === codes.restore) ctm = stack.pop() ?? ctm;
    else if (fn === codes.transform && args) ctm = multiply(args as Matrix, ctm);
    else if (fn === codes.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(Array.from(args[0] as ArrayLike<number>) as Matrix, ctm);
    } else if (fn === codes.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === codes.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!data) continue;
      const m = multiply(ctm, pageMatrix);
      for (const path of subpaths(data, pathOps, m)) {
        if (path.curved) continue;
        const pts = path.points;
        if (strokes.has(paint)) {
          for (let i = 1; i < pts.length; i++) addStroke(rules, pts[i - 1]![0], pts[i - 1]![1], pts[i]![0], pts[i]![1]);
          if (path.closed && pts.length > 2) addStroke(rules, pts.at(-1)![0], pts.at(-1)![1], pts[0]![0], pts[0]![1]);
        } else if (fills.has(paint) && pts.length >= 4) {
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const x0 = Math.min(...xs);
          const x1 = Math.max(...xs);
          const y0 = Math.min(...ys);
          const y1 = Math.max(...ys);
          if (y1 - y0 <= BAR_THICKNESS && x1 - x0 >= MIN_RULE) rules.push({ horizontal: true, pos: (y0 + y1) / 2, from: x0, to: x1 });
          else if (x1 - x0 <= BAR_THICKNESS && y1 - y0 >= MIN_RULE) rules.push({ horizontal: false, pos: (x0 + x1) / 2, from: y0, to: y1 });
        }
      }
    }
  }
  return rules;
}

/** pdf.js text items → glyph boxes in the top-down page view; blank runs dropped. */
export function glyphsOf(items: readonly unknown[], pageMatrix: Matrix): Glyph[] {
  const out: Glyph[] = [];
  for (const raw of items) {
    const item = raw as { str?: string; transform?: number[]; width?: number; height?: number };
    if (typeof item.str !== 'string' || !item.transform || item.str.trim() === '') continue;
    const t = item.transform as Matrix;
    const size = Math.hypot(t[2], t[3]) || item.height || 1;
    // The run's box: from its origin along the text direction by its width, and up by the font size
    // (on a page turned by /Rotate or drawn turned, the text direction is not the page's x axis).
    const along = Math.hypot(t[0], t[1]) || 1;
    const dx = (t[0] / along) * (item.width ?? 0);
    const dy = (t[1] / along) * (item.width ?? 0);
    const [ux, uy] = [t[2], t[3]];
    const corners = [apply(pageMatrix, t[4], t[5]), apply(pageMatrix, t[4] + dx, t[5] + dy), apply(pageMatrix, t[4] + ux, t[5] + uy), apply(pageMatrix, t[4] + dx + ux, t[5] + dy + uy)];
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    out.push(...splitAtGaps({ text: unifyRadicals(item.str), x0: Math.min(...xs), x1: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys), size }));
  }
  return out;
}

/**
 * Pieces of a run, each at its share of the run's width (characters taken as
 * equally wide), cut where `separator` matches; the separator itself is dropped.
 */
export function splitRun(g: Glyph, separator: RegExp): Glyph[] {
  const re = new RegExp(separator.source, 'g');
  const perChar = (g.x1 - g.x0) / Math.max(1, g.text.length);
  const out: Glyph[] = [];
  let start = 0;
  const push = (end: number) => {
    const text = g.text.slice(start, end);
    if (text.trim()) out.push({ ...g, text: text.trim(), x0: g.x0 + start * perChar, x1: g.x0 + end * perChar });
  };
  for (let m = re.exec(g.text); m; m = re.exec(g.text)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(g.text.length);
  return out.length ? out : [g];
}

/** A run with spaces standing for a gap (a writer that pads columns with spaces) is several runs. */
function splitAtGaps(g: Glyph): Glyph[] {
  return /\S\s{2,}\S/.test(g.text) ? splitRun(g, /\s{2,}/) : [g];
}
