/**
 * Standard tables as other provinces' templates title them: synonyms, a
 * year, 单位/部门 or a unit name before the title, 表一 / 表1-1 numbering,
 * 决算 for final accounts. None of these titles is printed by the seeds.
 */
import { describe, expect, it } from 'vitest';
import { kindFromTitle } from '../../src/ingest/recognize/tables/kind.ts';
import { isCaption, isTitle } from '../../src/ingest/recognize/regions.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';

const CASES: [string, string | null][] = [
  ['部门收支总表', 'income-expenditure-summary'],
  ['收支预算总表', 'income-expenditure-summary'],
  ['表一 2024年部门收支预算总表', 'income-expenditure-summary'],
  ['表1-1 宁洱县林业和草原局收入支出预算总表', 'income-expenditure-summary'],
  ['收入支出决算总表', 'income-expenditure-summary'],
  ['部门收入总表', 'income-summary'],
  ['收入预算表', 'income-summary'],
  ['2024年部门收入预算总表', 'income-summary'],
  ['表二 收入决算表', 'income-summary'],
  ['2024年部门支出预算总表', 'expenditure-summary'],
  ['支出决算表', 'expenditure-summary'],
  ['财政拨款收支预算总表', 'fiscal-summary'],
  ['财政拨款收入支出决算总表', 'fiscal-summary'],
  ['一般公共预算支出表', 'general-budget-expenditure'],
  ['一般公共预算财政拨款支出预算表', 'general-budget-expenditure'],
  ['表3 单位一般公共预算支出预算表（按功能科目）', 'general-budget-expenditure'],
  ['一般公共预算支出表（按经济分类科目）', 'general-budget-expenditure-economic'],
  ['一般公共预算基本支出表', 'general-budget-basic'],
  ['2024年一般公共预算财政拨款基本支出预算表', 'general-budget-basic'],
  ['"三公"经费预算表', 'three-public'],
  ['一般公共预算"三公"经费支出表', 'three-public'],
  ['表七 一般公共预算“三公”经费支出情况表', 'three-public'],
  ['2024年市级“三公”经费预算表', 'three-public'],
  ['政府性基金预算支出表', 'government-fund-expenditure'],
  ['部门政府性基金预算财政拨款支出预算表', 'government-fund-expenditure'],
  ['国有资本经营预算支出表', 'state-capital-expenditure'],
  ['国有资本经营预算财政拨款支出预算表', 'state-capital-expenditure'],
  ['项目支出表', 'project-expenditure'],
  ['2024年部门项目支出预算明细表', 'project-expenditure'],
  ['政府采购预算表', 'procurement'],
  ['部门政府采购预算明细表', 'procurement'],
  ['部门支出经济分类汇总表', 'economic-summary'],
  ['财政拨款结转结余支出表', 'carryover'],
  ['政府购买服务预算表', null],
  ['机构运行经费预算表', null],
];

describe('table titles of other templates', () => {
  it.each(CASES)('%s → %s', (title, kind) => {
    expect(isTitle(title)).toBe(true);
    expect(kindFromTitle(title)).toBe(kind);
  });
});

describe('caption lines between a title and its table', () => {
  it.each([
    ['部门编码：341001部门名称：示例区卫生健康委员会', true],
    ['单位名称：示例县水利局单位：万元', true],
    ['部门编码：341001', true],
    ['部门编码：341001本部门2024年无政府性基金收支', false],
  ] as const)('%s is a caption: %s', (line, caption) => {
    expect(isCaption(line)).toBe(caption);
  });

  it('keep the title of a table whose labels a PDF joined into one line, above a 单位 line of its own', () => {
    const text = '## 部门收支总表\n\n部门编码：341001部门名称：示例区卫生健康委员会\n\n单位：千元\n\n| 项目 | 预算数 |\n|---|---|\n| 收入总计 | 18864.75 |\n';
    const [entity] = ingestSource('joined.txt', new TextEncoder().encode(text.replace('## 部门收支总表', '示例区卫生健康委员会2020年部门预算\n\n## 部门收支总表'))).entities;
    expect(entity!.tables.map((t) => [t.kind, t.title, t.unit])).toEqual([['income-expenditure-summary', '部门收支总表', '千元']]);
  });
});
