/**
 * Titles of the standard final-accounts (决算) tables. Final accounts print
 * the budget's tables with 决算 in the title and their own word order
 * (收入支出决算总表, 一般公共预算财政拨款支出决算表), which the budget title
 * rules do not read: a title with 决算 in it is matched here first. Each
 * maps to the kind of the budget table it accounts for, so the same checks,
 * pages and comparisons apply to both phases.
 */
import type { TableKindName } from '../../model/schema.ts';

interface Rule {
  kind: TableKindName;
  test: RegExp;
}

const FINAL_TITLE_RULES: readonly Rule[] = [
  { kind: 'three-public', test: /三公/ },
  { kind: 'government-fund-expenditure', test: /政府性?基金/ },
  { kind: 'state-capital-expenditure', test: /国有资本经营/ },
  { kind: 'fiscal-summary', test: /财政拨款收入?支出?决算总表|财政拨款收支决算/ },
  { kind: 'general-budget-basic', test: /基本支出/ },
  { kind: 'general-budget-expenditure-economic', test: /一般公共预算.*经济分类/ },
  { kind: 'general-budget-expenditure', test: /一般公共预算.*支出/ },
  { kind: 'project-expenditure', test: /项目支出/ },
  { kind: 'income-expenditure-summary', test: /收入支出决算总表|收支决算总表|收入支出决算表/ },
  { kind: 'income-summary', test: /收入决算/ },
  { kind: 'expenditure-summary', test: /支出决算/ },
];

/** Kind of a final-accounts table from its (plain, simplified) title, or null when the title is not one. */
export function finalKindFromTitle(title: string): TableKindName | null {
  if (!/决算/.test(title) || /说明|情况$/.test(title)) return null;
  return FINAL_TITLE_RULES.find((rule) => rule.test.test(title))?.kind ?? null;
}
