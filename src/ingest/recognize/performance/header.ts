/**
 * The header of an indicator grid (一级指标 / 二级指标 / 三级指标 or 指标内容 /
 * 绩效指标描述 / 指标值 / 指标值确定依据 / 评（扣）分标准, in any order, some
 * missing) and the role of every column it implies. A 指标值 printed over
 * 符号 / 值 / 单位 sub-columns expands into three columns.
 */
import type { Row } from '../../read/blocks.ts';
import { classifyLabel, labelKey } from './labels.ts';
import { isStrongValue } from './target.ts';

export type Role =
  | 'row-label'
  | 'level1'
  | 'level2'
  | 'name'
  | 'description'
  | 'value'
  | 'comparator'
  | 'number'
  | 'unit'
  | 'basis'
  | 'scoring'
  | 'ignore';

export interface Layout {
  roles: Role[];
  /** Line of the header row the layout comes from. */
  line: number;
}

const NAME_RE = /^三级指标?|^指标(?:内容|名称)$|^绩效指标名称$|^具体指标$/;
const VALUE_RE = /^(?:年度|预期|年度预期)?(?:指标值|目标值)$|^指标值[(（]/;

function roleOfLabel(key: string, afterLevel1: boolean): Role | null {
  if (/^一级/.test(key)) return 'level1';
  if (/^二级/.test(key)) return 'level2';
  if (NAME_RE.test(key)) return 'name';
  if (/评.{0,3}分|扣分/.test(key)) return 'scoring';
  if (/依据/.test(key)) return 'basis';
  if (/说明|备注/.test(key)) return 'description';
  if (VALUE_RE.test(key)) return 'value';
  // A value printed over separate columns: 符号 | 指标值 | 计量单位.
  if (/^(?:计量|度量)?单位$/.test(key)) return 'unit';
  if (/^(?:符号|比较符号?|运算符)$/.test(key)) return 'comparator';
  if (/描述|解释/.test(key)) return 'description';
  // `绩效指标` is a row label before 一级指标, and an OCR-cut `绩效指标描述` after it.
  if (/^(?:年度)?绩效指?标?$/.test(key)) return afterLevel1 ? 'description' : 'row-label';
  return null;
}

/** A row that heads an indicator grid (not the wide one-project-per-row form, which repeats 三级指标). */
export function isIndicatorHeader(row: Row): boolean {
  const keys = row.cells.map((c) => labelKey(c.text));
  const level1 = keys.some((k) => /^一级指标?$/.test(k));
  const level2 = keys.some((k) => /^二级指标?$/.test(k));
  const names = keys.filter((k) => NAME_RE.test(k)).length;
  const value = keys.some((k) => VALUE_RE.test(k));
  if (names > 1) return false;
  return (level1 && (names === 1 || value)) || (level2 && names === 1 && value);
}

const SUB_LABELS: Readonly<Record<string, Role>> = { 符号: 'comparator', 值: 'number', 数值: 'number', 单位: 'unit', 计量单位: 'unit', 度量单位: 'unit' };

/** The 符号 / 值 / 单位 row under a split 指标值 header. */
export function isSubHeader(row: Row): boolean {
  const keys = row.cells.map((c) => labelKey(c.text)).filter(Boolean);
  return keys.length >= 2 && keys.every((k) => SUB_LABELS[k] !== undefined);
}

export function layoutOf(header: Row, sub?: Row): Layout {
  const roles: Role[] = [];
  let afterLevel1 = false;
  header.cells.forEach((cell, i) => {
    const key = labelKey(cell.text);
    let role = key ? roleOfLabel(key, afterLevel1) : null;
    if (role === 'level1' || role === 'level2' || role === 'name') afterLevel1 = true;
    if (!role) {
      const left = roles[i - 1];
      // An empty header cell is part of a merged header: before the levels it
      // holds row labels; after a text column it continues that column.
      if (!afterLevel1) role = 'row-label';
      else role = left === 'description' || left === 'name' ? left : 'ignore';
    }
    roles.push(role);
  });
  // A header with no name column (`一级 | 二级 | 绩效指标 | 指标值`): its first text column names the indicator.
  if (!roles.includes('name')) {
    const first = roles.indexOf('description');
    if (first >= 0) roles[first] = 'name';
  }
  if (!sub) return { roles, line: header.line };

  // Sub-columns replace the 指标值 column; the columns after it move right.
  const subRoles = sub.cells.map((c) => SUB_LABELS[labelKey(c.text)]);
  const first = subRoles.findIndex((r) => r !== undefined);
  const last = subRoles.length - 1 - [...subRoles].reverse().findIndex((r) => r !== undefined);
  const extra = Math.max(0, sub.cells.length - header.cells.length);
  const expanded: Role[] = [];
  for (let i = 0; i < Math.max(sub.cells.length, header.cells.length); i++) {
    if (i < first) expanded.push(roles[i] ?? 'ignore');
    else if (i <= last) expanded.push(subRoles[i] ?? 'ignore');
    else expanded.push(roles[i - extra] ?? 'ignore');
  }
  return { roles: expanded, line: header.line };
}

function scoreCell(text: string, role: Role): number {
  if (!text.trim()) return 0;
  const cls = classifyLabel(text);
  const label = cls === 'level1' || cls === 'level2' || cls === 'both';
  if ((role === 'level1' || role === 'row-label') && (cls === 'level1' || cls === 'both')) return 1;
  if (role === 'level2' && (cls === 'level2' || cls === 'both')) return 1;
  if ((role === 'name' || role === 'value' || role === 'description' || role === 'basis') && label) return -1;
  if ((role === 'value' || role === 'number') && isStrongValue(text)) return 1;
  return 0;
}

/**
 * A page part printed without its header and with another number of
 * columns: find the offset at which its cells fit the header's roles best
 * (labels under label columns, numbers under 指标值).
 */
export function alignLayout(layout: Layout, rows: readonly Row[], width: number): Layout {
  const n = layout.roles.length;
  let best = { offset: 0, score: -Infinity };
  for (let offset = Math.min(0, n - width); offset <= Math.max(0, n - width); offset++) {
    let score = 0;
    for (const row of rows) {
      row.cells.forEach((cell, j) => {
        score += scoreCell(cell.text, layout.roles[j + offset] ?? 'ignore');
      });
    }
    if (score > best.score) best = { offset, score };
  }
  const roles: Role[] = [];
  for (let j = 0; j < width; j++) roles.push(layout.roles[j + best.offset] ?? 'ignore');
  return { roles, line: layout.line };
}
