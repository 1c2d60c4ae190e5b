/**
 * Plain-Chinese names of the cross-check rules, for readers: the rule id
 * stays in the data and URLs, the page shows what the check compares.
 */

export interface RuleName {
  /** Short name shown on a finding. */
  name: string;
  /** One sentence on what the check compares. */
  checks: string;
}

const RULE_NAMES: Readonly<Record<string, RuleName>> = {
  'row-sum': { name: '行内合计', checks: '同一行的“合计”应等于各栏（基本支出、项目支出等）之和。' },
  'column-sum': { name: '合计行', checks: '表中“合计”行应等于各类科目之和。' },
  'code-hierarchy': { name: '上下级科目', checks: '上级科目（类、款）的金额应等于其下级科目之和。' },
  'cross-table': { name: '表间一致', checks: '同一科目在不同表中印的金额应相同。' },
  'summary-sum': { name: '收支总表分项', checks: '收支总表中各项收入或支出应加总为本年合计。' },
  'summary-balance': { name: '收支平衡', checks: '收入总计应等于支出总计，本年合计加结转应等于总计。' },
  'three-public-sum': { name: '“三公”经费合计', checks: '“三公”经费合计应等于因公出国（境）费、公务用车购置及运行费、公务接待费之和。' },
  'three-public-vs-basic': { name: '“三公”与基本支出表', checks: '“三公”经费表与基本支出表中相应的金额应一致。' },
  'basic-vs-basic-table': { name: '基本支出与基本支出表', checks: '各表中的基本支出应与基本支出表一致。' },
  'projects-vs-table': { name: '项目与项目支出表', checks: '各项目的金额应与项目支出表一致。' },
  'text-vs-table': { name: '说明文字与表格', checks: '预算说明文字中写出的金额应与表格一致。' },
  'text-sum': { name: '说明文字自身', checks: '说明文字中写出的合计应等于它列出的各项之和：基本支出等于人员经费加公用经费，收入总计等于支出总计。' },
  'procurement-sum': { name: '政府采购合计', checks: '政府采购预算表的合计应等于各项之和。' },
  'assets-sum': { name: '资产合计', checks: '资产总额应等于各类资产之和。' },
  'declared-empty': { name: '空表声明', checks: '文件声明为空表的表格不应印有数字。' },
  'declared-nonempty': { name: '空表未声明', checks: '没有数据的表格应在文件中说明为空表。' },
  'printed-entity': { name: '表头单位', checks: '表头印的单位应是本文件的单位。' },
};

/** The reader's name of a rule; an unknown id is shown as itself. */
export function ruleName(ruleId: string): string {
  return RULE_NAMES[ruleId]?.name ?? ruleId;
}

/** What a rule checks, or undefined for an unknown id. */
export function ruleChecks(ruleId: string): string | undefined {
  return RULE_NAMES[ruleId]?.checks;
}
