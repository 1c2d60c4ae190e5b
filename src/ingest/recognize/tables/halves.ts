/**
 * Tables printed in halves side by side: the 一般公共预算财政拨款基本支出决算表
 * of the 财政部 template puts 人员经费 and 公用经费 next to each other, each
 * half with its own 科目编码 | 科目名称 | 决算数, so one printed line holds
 * two rows (301 工资福利支出 … beside 302 商品和服务支出 …). Each half of a
 * line is read as a row of its own on that line: its cells stay in its own
 * columns, the other half's are left empty, and its code, name and total are
 * its own, so no half's amounts are taken for the other half's code.
 */
import type { Row as SourceRow } from '../../read/blocks.ts';
import type { ColumnInfo } from './columns.ts';

/** Column ranges [from, to) of the halves, or null when the table is not printed in halves. */
export function halvesOf(columns: readonly ColumnInfo[]): [number, number][] | null {
  const starts = columns.map((c, i) => (c.role === 'code' && columns[i + 1]?.role === 'name' ? i : -1)).filter((i) => i >= 0);
  if (starts.length < 2) return null;
  const ranges = starts.map((from, k): [number, number] => [k === 0 ? 0 : from, starts[k + 1] ?? columns.length]);
  // Every half states its own amounts; two codes of one item (部门 and 政府 economic codes) share one amount.
  return ranges.every(([from, to]) => columns.slice(from, to).some((c) => c.role === 'amount')) ? ranges : null;
}

/** The rows of one printed line, one per half that prints anything. */
export function splitHalves(row: SourceRow, columns: readonly ColumnInfo[], halves: readonly [number, number][]): SourceRow[] {
  const out: SourceRow[] = [];
  for (const [from, to] of halves) {
    const inHalf = new Set(columns.slice(from, to).map((c) => c.index));
    if (!row.cells.some((cell, i) => inHalf.has(i) && cell.text.trim() !== '')) continue;
    out.push({ ...row, cells: row.cells.map((cell, i) => (inHalf.has(i) ? cell : { ...cell, text: '' })) });
  }
  return out.length ? out : [row];
}
