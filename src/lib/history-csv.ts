/**
 * A unit's history as open data: three CSV files (years, functional and economic codes) (UTF-8 with BOM, as the
 * table downloads) with the figures the unit page shows, exact amounts in
 * 万元 and rates in percent.
 */
import type { Change, SubjectHistory, UnitHistory } from './history.ts';
import { csvField } from './tables.ts';

const csvLine = (row: (string | number | undefined)[]) => row.map((v) => csvField(v === undefined ? '' : String(v))).join(',');
const csv = (rows: (string | number | undefined)[][]) => `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`;
const change = (c: Change | undefined) => [c?.difference, c?.rate];

/** One row per year: budgeted and actual totals, split, "三公", execution rate and change from the year before. */
export function historyCsv(history: UnitHistory): string {
  return csv([
    ['年度', '预算支出（万元）', '决算支出（万元）', '执行率（%）', '预算基本支出（万元）', '预算项目支出（万元）', '决算基本支出（万元）', '决算项目支出（万元）', '预算“三公”经费（万元）', '决算“三公”经费（万元）', '预算比上年增减（万元）', '预算比上年增减（%）', '预算单位页面', '决算单位页面'],
    ...history.years.map((y) => [
      y.year,
      y.budget?.total,
      y.final?.total,
      y.execution,
      y.budget?.basic,
      y.budget?.project,
      y.final?.basic,
      y.final?.project,
      y.budget?.threePublic,
      y.final?.threePublic,
      ...change(y.change),
      y.budget?.entityId,
      y.final?.entityId,
    ]),
  ]);
}

function codeCsv(codes: readonly SubjectHistory[], codeHeading: string, nameHeading: string): string {
  return csv([
    [codeHeading, nameHeading, '年度', '预算（万元）', '决算（万元）', '执行率（%）', '预算比上年增减（万元）', '预算比上年增减（%）'],
    ...codes.flatMap((s) => s.years.map((y) => [s.code, s.name, y.year, y.budget, y.final, y.execution, ...change(y.change)])),
  ]);
}

/** One row per functional subject code and year. */
export function subjectHistoryCsv(history: UnitHistory): string {
  return codeCsv(history.subjects, '科目编码', '科目名称');
}

/** One row per economic code of the basic expenditure and year. */
export function economicHistoryCsv(history: UnitHistory): string {
  return codeCsv(history.economic, '经济分类科目编码', '经济分类科目名称');
}
