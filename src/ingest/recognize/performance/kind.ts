/**
 * Which kind of performance sheet a table region is, by its title and by
 * what its rows hold: 项目编码 / 项目名称 keys or a wide 三级指标 / 指标值
 * table mean a project sheet; 年度主要任务 / 年度履职目标 or a title with
 * 整体 mean a unit-wide sheet; 专项（资金）总体绩效目标 a special-fund sheet.
 */
import type { TableRegion } from '../regions.ts';
import { compact, plainTitle, stripEnumerator } from '../text.ts';
import { regionRows } from './cells.ts';
import { headKeyOf } from './head.ts';
import { isIndicatorHeader } from './header.ts';
import { labelKey } from './labels.ts';
import { isTasksStart } from './tasks.ts';
import type { PerformanceKind } from './types.ts';
import { wideLayoutOf } from './wide.ts';

const SPECIAL_TITLE_RE = /专项(?:资金)?总体绩效/;
const UNIT_TITLE_RE = /整体(?:支出)?绩效(?:目标|指标)/;
const PERFORMANCE_TITLE_RE = /绩效(?:目标|指标)/;
const UNIT_LABEL_RE = /^年度履职目标$|^(?:部门|单位|部门\(单位\))名称$/;

export function performanceKindOf(region: TableRegion): PerformanceKind | null {
  const title = compact(stripEnumerator(plainTitle(region.title?.text ?? '')));
  const rows = regionRows(region);
  const head = rows.slice(0, 16).map((r) => r.row);
  const projectKeys = head.some((row) => row.cells.some((c) => {
    const key = headKeyOf(c.text);
    return key === 'code' || key === 'name';
  }));
  const unitCues = head.some((row) => isTasksStart(row) || row.cells.some((c) => UNIT_LABEL_RE.test(labelKey(c.text))));
  const grid = rows.some((r) => isIndicatorHeader(r.row));

  if (SPECIAL_TITLE_RE.test(title)) return 'special-fund-performance';
  if (wideLayoutOf(region)) return 'project-performance';
  if (UNIT_TITLE_RE.test(title) && !projectKeys) return 'unit-performance';
  if (projectKeys && (grid || PERFORMANCE_TITLE_RE.test(title))) return 'project-performance';
  if (unitCues && (grid || PERFORMANCE_TITLE_RE.test(title))) return 'unit-performance';
  if (grid && PERFORMANCE_TITLE_RE.test(title)) return 'project-performance';
  // Announced but printed without rows: the title alone tells.
  if (!rows.length && UNIT_TITLE_RE.test(title)) return 'unit-performance';
  return null;
}
