/**
 * What each column holds, from its header path and its data: sequence
 * numbers, subject codes (whole or split into 类/款/项), names, unit codes,
 * amounts, or text.
 */
import type { Row } from '../../read/blocks.ts';
import type { z } from 'astro/zod';
import type { ColumnRole } from '../../model/schema.ts';
import { parseAmount } from '../../model/money.ts';
import { compact } from '../text.ts';

export type Role = z.infer<typeof ColumnRole>;

export interface ColumnInfo {
  index: number;
  path: string[];
  label: string;
  role: Role;
  /** For code columns: which classification the codes belong to. */
  system?: 'functional' | 'economic' | 'gov-economic';
}

const SEQ_RE = /^(?:序号|栏次|行次)$/;
const UNIT_CODE_RE = /^(?:单位|部门)(?:代码|编码)$/;
// `科目编码 类 款 项`: one code column headed with the levels it prints.
const CODE_RE = /编码(?:类款项?)?$|^代码$|^科目代码$/;
const CODE_PART_RE = /^(?:类|款|项)$/;
const NAME_RE = /名称|^项目$|^项目名称$|科目名称|^单位[(（]|^部门[(（]|^任务名称$|^指标内容$/;
const COUNT_RE = /^数量$|人数|个数/;
const TEXT_RE = /备注|说明|简介|理由|依据|时间|规格|型号|目录|服务内容/;

function systemOf(path: readonly string[]): ColumnInfo['system'] {
  const text = path.join('|');
  if (/政府(?:预算)?(?:支出)?经济/.test(text)) return 'gov-economic';
  if (/经济/.test(text)) return 'economic';
  if (/功能/.test(text)) return 'functional';
  return undefined;
}

/** Share of non-empty cells in column `c` that are amounts. */
function amountShare(rows: readonly Row[], c: number): { amounts: number; filled: number; integers: number } {
  let amounts = 0;
  let filled = 0;
  let integers = 0;
  for (const row of rows) {
    const text = row.cells[c]?.text.trim() ?? '';
    if (!text) continue;
    filled++;
    const parsed = parseAmount(text);
    if (parsed.kind === 'amount' || parsed.kind === 'placeholder') amounts++;
    if (parsed.kind === 'amount' && /^\d+$/.test(compact(text))) integers++;
  }
  return { amounts, filled, integers };
}

export function classifyColumns(paths: readonly string[][], dataRows: readonly Row[]): ColumnInfo[] {
  const columns = paths.map((path, index): ColumnInfo => {
    const leaf = path.at(-1) ?? '';
    const label = path.length ? path.join(' / ') : `第${index + 1}列`;
    const info: ColumnInfo = { index, path: [...path], label, role: 'text' };
    const system = systemOf(path);
    if (system) info.system = system;
    const stats = amountShare(dataRows, index);
    if (SEQ_RE.test(leaf)) info.role = 'seq';
    else if (UNIT_CODE_RE.test(leaf)) info.role = 'unit-code';
    else if (CODE_PART_RE.test(leaf) && path.some((p) => /编码|科目/.test(p))) info.role = 'code-part';
    else if (CODE_RE.test(leaf) && !/采购目录/.test(leaf)) info.role = 'code';
    else if (NAME_RE.test(leaf)) info.role = 'name';
    else if (TEXT_RE.test(leaf)) info.role = 'text';
    else if (stats.filled > 0 && stats.amounts === stats.filled) info.role = COUNT_RE.test(leaf) || (stats.integers === stats.filled && /数量/.test(label)) ? 'count' : 'amount';
    else if (stats.filled === 0 && !SEQ_RE.test(leaf)) info.role = 'amount';
    return info;
  });
  // A first column holding 1, 2, 3 … under 序号 (or no label) is a sequence column.
  const first = columns[0];
  if (first && first.role === 'amount' && (!first.path.length || first.path.some((p) => SEQ_RE.test(p)))) {
    const texts = dataRows.map((r) => compact(r.cells[0]?.text ?? '')).filter(Boolean);
    if (texts.length && texts.every((t) => /^\d{1,3}$/.test(t))) first.role = 'seq';
  }
  return columns;
}
