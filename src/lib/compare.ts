/**
 * One measure across units: each unit's “三公” total, 机关运行经费, 人员经费
 * or 项目支出 as its key figures give it, with its share of the unit's
 * 支出总计, grouped by year (amounts of different years are never ranked
 * together). A unit that does not print the figure stays in the list with
 * the reason, after the units that do.
 */
import type { Entity } from '../ingest/model/schema.ts';
import { entitySummary, type EntitySummary, type Figure } from './figures.ts';
import { compareAmounts, percent } from './format.ts';

export const MEASURES = {
  'three-public': { label: '“三公”经费', pick: (s: EntitySummary) => s.threePublic },
  running: { label: '机关运行经费', pick: (s: EntitySummary) => s.running },
  personnel: { label: '人员经费', pick: (s: EntitySummary) => s.personnel },
  project: { label: '项目支出', pick: (s: EntitySummary) => s.project },
} as const;
export type MeasureKey = keyof typeof MEASURES;

export interface CompareRow {
  id: string;
  name: string;
  year: number;
  region: string;
  figure: Figure;
  /** Share of 支出总计, `12.3%`, when both are printed. */
  share: string;
}

export function compareRow(entity: Entity, region: string, measure: MeasureKey, nameOf: (code: string) => string | undefined): CompareRow {
  const summary = entitySummary(entity, nameOf);
  const figure = MEASURES[measure].pick(summary);
  const total = summary.expenditure;
  const share = figure.status === 'ok' && figure.value && total.status === 'ok' && total.value ? percent(figure.value, total.value) : '';
  return { id: entity.id, name: entity.name, year: entity.year, region, figure, share };
}

/** Rows by year (latest first), each year largest amount first, figures not printed last. */
export function byYear(rows: readonly CompareRow[]): { year: number; rows: CompareRow[] }[] {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const order = (a: CompareRow, b: CompareRow) => {
    const av = a.figure.status === 'ok' ? a.figure.value : undefined;
    const bv = b.figure.status === 'ok' ? b.figure.value : undefined;
    if (av && bv) return compareAmounts(bv, av) || a.name.localeCompare(b.name, 'zh-CN');
    if (av) return -1;
    if (bv) return 1;
    return a.name.localeCompare(b.name, 'zh-CN');
  };
  return years.map((year) => ({ year, rows: rows.filter((r) => r.year === year).sort(order) }));
}
