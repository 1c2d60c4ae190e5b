/**
 * How a document is named to readers: 单位预算 / 部门预算 for a budget,
 * 单位决算 / 部门决算 for final accounts.
 */
import type { PhaseName } from '../ingest/model/schema.ts';

export const phaseLabel: Readonly<Record<PhaseName, string>> = { budget: '预算', final: '决算' };

export function documentName(entity: { level: 'unit' | 'department'; phase: PhaseName }): string {
  return `${entity.level === 'unit' ? '单位' : '部门'}${phaseLabel[entity.phase]}`;
}
