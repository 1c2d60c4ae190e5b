/**
 * Every finding on the five seeds, each checked by hand against the source
 * text (file:line in the comments). Tables not listed here are internally
 * consistent and consistent with each other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEntity } from '../../src/ingest/check/index.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';
import type { Entity } from '../../src/ingest/model/schema.ts';

const SEEDS = ['000_254f1c56485b7ccb.txt', '001_b299b4fe3ca604a5.txt', '002_3ef43c7689782125.txt', '003_2bc1f60d8e8166ed.txt', '004_b14cc660f2ed3abf.txt'];

const entities: Entity[] = SEEDS.flatMap((file) => ingestSource(file, readFileSync(new URL(`../../seeds/${file}`, import.meta.url))).entities);

/** [entity, ruleId, table, line of the first cell, expected, actual]. */
const summary = (severity: 'error' | 'warning') =>
  entities.flatMap((e) => checkEntity(e).filter((f) => f.severity === severity).map((f) => [e.code, f.ruleId, f.table ?? '', f.cells[0]?.line, f.expected ?? '', f.actual ?? '']));

describe('findings on the seeds', () => {
  it('finds exactly the errors read off the documents by hand', () => {
    expect(summary('error')).toEqual([
      // 000: 450003's 固定资产占用情况表 is printed under 450001 秦皇岛市医疗保障局本级 (line 1046).
      ['450003', 'printed-entity', 'assets', 1046, '', ''],
      // 000:700–715: 450003's 支出总表 has 合计 ≠ 基本支出 + 项目支出 on 210, 21011, 2101199, 21015, 2101599 …
      ['450003', 'row-sum', 'expenditure-summary', 705, '1483.47', '903.47'],
      ['450003', 'row-sum', 'expenditure-summary', 706, '558.54', '58.54'],
      ['450003', 'row-sum', 'expenditure-summary', 709, '500.00', '0.00'],
      ['450003', 'row-sum', 'expenditure-summary', 710, '924.93', '844.93'],
      ['450003', 'row-sum', 'expenditure-summary', 712, '80.00', '0.00'],
      // … its 类 add up to 1124.62 (合计), 580.00 (基本支出), 1124.62 (项目支出) under a 合计 row of 1704.62 / 1124.62 / 580.00 …
      ['450003', 'column-sum', 'expenditure-summary', 700, '1124.62', '1704.62'],
      // … so its 合计 per subject differs from the 收入总表 (000:677–684) …
      ['450003', 'cross-table', 'income-summary', 677, '903.47', '1483.47'],
      ['450003', 'cross-table', 'income-summary', 678, '58.54', '558.54'],
      ['450003', 'cross-table', 'income-summary', 681, '0.00', '500.00'],
      ['450003', 'cross-table', 'income-summary', 682, '844.93', '924.93'],
      ['450003', 'cross-table', 'income-summary', 684, '0.00', '80.00'],
      // … and its 基本支出/项目支出 columns disagree, subject by subject, with the 一般公共预算支出表 (000:793–808)
      // whose totals are the same (1704.62 = 1124.62 + 580.00): all of 450003's money is 一般公共预算.
      ['450003', 'cross-table', 'expenditure-summary', 701, '133.65', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 702, '133.65', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 703, '26.74', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 704, '106.91', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 705, '1483.47', '903.47'],
      ['450003', 'cross-table', 'expenditure-summary', 706, '558.54', '58.54'],
      ['450003', 'cross-table', 'expenditure-summary', 707, '35.82', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 708, '22.72', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 709, '500.00', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 710, '924.93', '844.93'],
      ['450003', 'cross-table', 'expenditure-summary', 711, '844.93', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 712, '80.00', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 713, '87.50', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 714, '87.50', '0.00'],
      ['450003', 'cross-table', 'expenditure-summary', 715, '87.50', '0.00'],
      // 000:625 十、卫生健康支出 1483.47 in the 收支总表 against 903.47 at 000:705.
      ['450003', 'cross-table', 'income-expenditure-summary', 625, '903.47', '1483.47'],
      // 000:905–913: “三公”经费小计 3.84 but 1.81 + 0.42 = 2.23; 合计 2.23 but 小计 3.84.
      ['450003', 'three-public-sum', 'three-public', 906, '2.23', '3.84'],
      ['450003', 'three-public-sum', 'three-public', 905, '3.84', '2.23'],
      // 002:201 the index lists 表2 收入总表 as not empty; 002:259–265 prints it without a single row.
      ['231002', 'declared-nonempty', 'income-summary', 201, '', ''],
      // 003:97–102 (and 191–196): 20805 is printed 55.74 but 10.67 + 45.06 = 55.73; the 类 then add up to
      // 3912.32 against 合计 3912.31 (基本支出 457.90 against 457.89), and so do the 类 lines of the
      // 收支总表 (003:27–57) and of the 财政拨款收支总表 (003:139–169). The document has no rounding note.
      ['362001', 'column-sum', 'expenditure-summary', 96, '3912.32', '3912.31'],
      ['362001', 'column-sum', 'general-budget-expenditure', 190, '3912.32', '3912.31'],
      ['362001', 'code-hierarchy', 'expenditure-summary', 98, '55.73', '55.74'],
      ['362001', 'code-hierarchy', 'general-budget-expenditure', 192, '55.73', '55.74'],
      ['362001', 'summary-sum', 'income-expenditure-summary', 57, '3912.32', '3912.31'],
      ['362001', 'summary-sum', 'fiscal-summary', 169, '3912.32', '3912.31'],
      // 004 (one cell per line, no rounding note): 20805 91.93 but 39.00 + 52.94 = 91.94; 210 3560.52 but
      // 130.85 + 16.78 + 2880.00 + 42.50 + 490.38 = 3560.51 — in the 收入总表 (004:293, 363), 支出总表 (004:615, 665)
      // and 一般公共预算支出表 (004:1208, 1243); 基本支出表 301 560.58 but its nine items add up to 560.59 (004:1373),
      // 303 39.09 but 39.00 + 0.10 = 39.10 (004:1534). Cells are on the lines after the row's first line.
      ['571001', 'code-hierarchy', 'income-summary', 296, '91.94', '91.93'],
      ['571001', 'code-hierarchy', 'income-summary', 366, '3560.51', '3560.52'],
      ['571001', 'code-hierarchy', 'expenditure-summary', 618, '91.94', '91.93'],
      ['571001', 'code-hierarchy', 'expenditure-summary', 668, '3560.51', '3560.52'],
      ['571001', 'code-hierarchy', 'general-budget-expenditure', 1211, '91.94', '91.93'],
      ['571001', 'code-hierarchy', 'general-budget-expenditure', 1246, '3560.51', '3560.52'],
      ['571001', 'code-hierarchy', 'general-budget-basic', 1376, '560.59', '560.58'],
      ['571001', 'code-hierarchy', 'general-budget-basic', 1537, '39.10', '39.09'],
    ]);
  });

  it('only warns where the numbers fit the header one column over (001:479–482, 政府性基金预算支出表)', () => {
    // 967.70 sits under 公用经费 and 其他运转类 with 基本支出/项目支出 小计 blank; moved one column right it is
    // 项目支出 小计 / 特定目标类, as the 项目支出表 (001:529–538) and 支出总表 (001:260–261) say.
    expect(summary('warning')).toEqual([
      ['036', 'row-sum', 'government-fund-expenditure', 479, '0.00', '967.70'],
      ['036', 'row-sum', 'government-fund-expenditure', 480, '0.00', '967.70'],
      ['036', 'row-sum', 'government-fund-expenditure', 481, '0.00', '196.30'],
      ['036', 'row-sum', 'government-fund-expenditure', 482, '0.00', '771.40'],
    ]);
  });

  it('explains the 450003 “三公” finding in words a citizen understands, with every cell', () => {
    const e = entities.find((x) => x.code === '450003')!;
    const f = checkEntity(e).find((x) => x.ruleId === 'three-public-sum')!;
    expect(f.message).toBe(
      '“三公”经费支出表：“三公”经费小计（第 906 行）为 3.84 万元，但因公出国（境）费、公务用车购置及运维费、公务接待费之和为 2.23 万元，相差 1.61 万元。另有一般公共预算财政拨款栏同样不符。',
    );
    expect(f.cells.map((c) => c.label)).toEqual([
      '“三公”经费小计（合计） / “三公”经费支出表 第 906 行',
      '二、公务用车购置及运维费（合计） / “三公”经费支出表 第 910 行',
      '三、公务接待费（合计） / “三公”经费支出表 第 913 行',
      '“三公”经费小计（一般公共预算财政拨款） / “三公”经费支出表 第 906 行',
      '二、公务用车购置及运维费（一般公共预算财政拨款） / “三公”经费支出表 第 910 行',
      '三、公务接待费（一般公共预算财政拨款） / “三公”经费支出表 第 913 行',
    ]);
  });

  it('finds nothing on 450001 (000:57–592), whose tables, projects and text all agree', () => {
    expect(checkEntity(entities.find((x) => x.code === '450001')!)).toEqual([]);
  });
});
