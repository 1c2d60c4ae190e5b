/**
 * Data rows of the model: one cell per column with its exact value, and the
 * row's subject code (joined from 类/款/项 when split), classification,
 * level, name, unit code and whether it is a total.
 */
import type { Cell, Row as SourceRow } from '../../read/blocks.ts';
import type { z } from 'astro/zod';
import type { CellSchema, RowSchema } from '../../model/schema.ts';
import { parseAmount } from '../../model/money.ts';
import { compact } from '../text.ts';
import type { ColumnInfo } from './columns.ts';
import { HAN_RE } from '../../han.ts';

export type ModelCell = z.infer<typeof CellSchema>;
export type ModelRow = z.infer<typeof RowSchema>;

const TOTAL_NAME_RE = /^(?:合计|总计|小计)$|(?:合计|总计)$|^金额合计$/;

/** Digits of a code cell (`2101501`, or `210 15 01` split into 类 款 项), or null when it is not a code. */
function codeDigits(text: string): string | null {
  const t = compact(text);
  if (/^\d{2,}$/.test(t)) return t;
  return /^\d{3}(?:\s+\d{2}){1,2}$/.test(t) ? t.replace(/\s+/g, '') : null;
}

/** Functional codes are 3/5/7 digits (类/款/项); economic codes 3/5 digits (类/款). */
export function levelOf(code: string): ModelRow['level'] {
  if (code.length === 3) return 'class';
  if (code.length === 5) return 'section';
  if (code.length === 7) return 'item';
  return undefined;
}

/** Which classification a code belongs to when its column does not say: by its first digit. */
export function systemOfCode(code: string): ModelRow['codeSystem'] {
  if (/^2\d{2}(?:\d{2}){0,2}$/.test(code)) return 'functional';
  if (/^3\d{2}(?:\d{2})?$/.test(code)) return 'economic';
  if (/^5\d{2}(?:\d{2})?$/.test(code)) return 'gov-economic';
  return undefined;
}

function modelCell(cell: Cell | undefined, row: SourceRow, column: ColumnInfo): ModelCell {
  const text = cell?.text ?? '';
  const out: ModelCell = { text, line: cell?.line ?? row.line, column: cell?.column ?? (row.cells.at(-1)?.column ?? 1) };
  if (column.role === 'amount' || column.role === 'count' || column.role === 'text' || column.role === 'seq') {
    const parsed = parseAmount(text);
    if (parsed.kind === 'amount' && column.role !== 'seq') out.value = parsed.value;
    // “Not filled” (—, /, 单位不需填列) in a money column: kept as printed, no value, never read as 0.
    else if (parsed.kind === 'placeholder' && (column.role === 'amount' || column.role === 'count')) out.placeholder = true;
  }
  return out;
}

export function modelRow(row: SourceRow, columns: readonly ColumnInfo[]): ModelRow {
  const cells = columns.map((column) => modelCell(row.cells[column.index], row, column));
  const out: ModelRow = { line: row.line, cells };
  const texts = columns.map((c) => compact(row.cells[c.index]?.text ?? ''));

  // Codes: whole code columns, or 类/款/项 parts grouped by their classification
  // (a table may print 部门预算 and 政府预算 economic codes side by side).
  const candidates: { digits: string; system: ColumnInfo['system'] }[] = [];
  const groups = new Map<string, ColumnInfo[]>();
  for (const column of columns) {
    if (column.role === 'code-part') {
      const key = column.system ?? column.path[0] ?? '';
      groups.set(key, [...(groups.get(key) ?? []), column]);
    } else if (column.role === 'code') {
      const digits = codeDigits(texts[column.index]!);
      if (digits) candidates.push({ digits, system: column.system });
    }
  }
  for (const group of groups.values()) {
    const parts = group.map((c) => texts[c.index]!).filter(Boolean);
    if (parts.length && parts.every((p) => /^\d+$/.test(p))) candidates.push({ digits: parts.join(''), system: group[0]!.system });
  }
  candidates.sort((a, b) => (a.system === 'gov-economic' ? 1 : 0) - (b.system === 'gov-economic' ? 1 : 0));
  for (const { digits } of candidates) {
    const codeSystem = systemOfCode(digits) ?? undefined;
    if (!codeSystem) {
      // Not a subject code (036, 231002): the row is a unit.
      if (!out.unitCode) out.unitCode = digits;
      continue;
    }
    if (!out.code) {
      out.code = digits;
      out.codeSystem = codeSystem;
      const level = levelOf(digits);
      if (level) out.level = level;
    } else if (codeSystem === 'gov-economic' && !out.govCode) out.govCode = digits;
  }

  const unitColumn = columns.find((c) => c.role === 'unit-code');
  const unitText = unitColumn ? texts[unitColumn.index]! : '';
  const unitCode = /^\d{2,9}$/.test(unitText) ? unitText : null;
  if (unitCode) out.unitCode = unitCode;
  const code = out.code;

  const nameColumn = columns.find((c) => c.role === 'name' && texts[c.index]);
  const name = nameColumn ? texts[nameColumn.index]! : texts.find((t) => HAN_RE.test(t) && !/^\d/.test(t));
  if (name) out.name = name;
  if (name && TOTAL_NAME_RE.test(name) && !code) out.total = true;
  return out;
}
