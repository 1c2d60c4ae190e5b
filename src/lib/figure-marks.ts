/**
 * Every figure a page shows from a table cell carries the findings that
 * involve that cell: a visible mark linking to each, so no headline number
 * hides a doubt the portal itself raised. Gaps that rounding explains are
 * marked as 尾差, apart from real disagreements.
 */
import type { Entity } from '../ingest/model/schema.ts';
import { roundingExplains } from './diagnosis.ts';
import { paths } from './urls.ts';

export interface FigureMark {
  /** 核对问题 or 尾差 */
  label: string;
  href: string;
  message: string;
}

/** The findings of `entity` involving the cell printed on `line` of table `table`. */
export function marksAt(entity: Entity, at: { table: string; line: number } | undefined): FigureMark[] {
  if (!at) return [];
  const marks: FigureMark[] = [];
  entity.findings.forEach((f, i) => {
    if (!f.cells.some((c) => (c.table ?? f.table) === at.table && c.line === at.line)) return;
    marks.push({ label: roundingExplains(f) ? '尾差' : '核对问题', href: paths.finding(entity.id, `f-${entity.id}-${i + 1}`), message: f.message });
  });
  return marks;
}

interface Marked {
  at?: { table: string; line: number };
  marks?: FigureMark[];
}

const mark = <T extends Marked>(entity: Entity, figure: T): T => {
  const marks = marksAt(entity, figure.at);
  return marks.length ? { ...figure, marks } : figure;
};

/** Every figure and breakdown item of a summary with its marks. */
export function markFigures<S extends Record<string, unknown>>(entity: Entity, summary: S): S {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(summary)) {
    if (Array.isArray(value)) out[key] = value.map((f: Marked) => mark(entity, f));
    else if (value && typeof value === 'object' && 'items' in value && Array.isArray((value as { items: unknown }).items)) {
      const b = value as { items: Marked[] };
      out[key] = { ...b, items: b.items.map((i) => mark(entity, i)) };
    } else if (value && typeof value === 'object' && 'status' in value) out[key] = mark(entity, value as Marked);
    else out[key] = value;
  }
  return out as S;
}
