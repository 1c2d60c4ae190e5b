/**
 * What a table's cells are labelled with, the same on the page and in the
 * CSV: rows recovered from a flattened line keep their recognized code and
 * name in both, and on a two-sided table (收入 | 支出) each side's amounts
 * belong to that side's row label. Hand-built tables of a 贵州 county, then
 * the seed tables that showed the difference.
 */
import { describe, expect, it } from 'vitest';
import { contentFolderReader } from '../../src/build/site-index-file.ts';
import { rowHeaderColumns, shownCellText, tableCsv } from '../../src/lib/tables.ts';
import { makeTable } from '../fixtures/check/build.ts';

describe('cells of a row recovered from a flattened line', () => {
  const table = makeTable({
    kind: 'income-summary',
    line: 30,
    columns: ['序号#seq', '科目编码#code', '科目名称#name', '合计', '财政拨款'],
    rows: [{ cells: ['', '', '', '', ''], partial: true, unplaced: ['64.10', '64.10'] }, ['2', '2101102', '事业单位医疗', '8.00', '8.00']],
  });
  Object.assign(table.rows[0]!, { code: '2101101', name: '行政单位医疗' });

  it('show the recognized code and name, on the page and in the CSV', () => {
    expect([0, 1, 2, 3].map((i) => shownCellText(table, table.rows[0]!, i))).toEqual(['', '2101101', '行政单位医疗', '']);
    expect(tableCsv(table, { unit: '某县医疗保障局', code: '362001', year: 2025 }).split('\r\n').slice(0, 3)).toEqual([
      '\uFEFF单位,单位代码,年度,序号,科目编码,科目名称,合计（万元）,财政拨款（万元）,位置未能确定的数字,原文行',
      '某县医疗保障局,362001,2025,,2101101,行政单位医疗,,,64.10 64.10,30',
      '某县医疗保障局,362001,2025,2,2101102,事业单位医疗,8.00,8.00,,31',
    ]);
  });
});

describe('row labels of a two-sided table', () => {
  it('give each side’s amounts their own side’s label', () => {
    const table = makeTable({
      kind: 'income-expenditure-summary',
      line: 12,
      columns: ['收入/项目#name', '收入/预算数', '支出/项目#name', '支出/预算数'],
      rows: [
        ['一、一般公共预算拨款收入', '812.40', '一、卫生健康支出', '812.40'],
        ['本年收入合计', '812.40', '本年支出合计', '812.40'],
        ['收入总计', '812.40', '支出总计', '812.40'],
      ],
    });
    expect(rowHeaderColumns(table)).toEqual([undefined, 0, undefined, 2]);
  });

  it('give every cell the first name column on a one-sided table', () => {
    const table = makeTable({ kind: 'expenditure-summary', columns: ['科目编码#code', '科目名称#name', '合计', '基本支出'], rows: [['', '合计', '5.00', '5.00']] });
    expect(rowHeaderColumns(table)).toEqual([1, undefined, 1, 1]);
  });
});

describe('seed tables', async () => {
  const reader = contentFolderReader('content');

  it('362001: income-summary.csv and three-public.csv carry the codes and names the page shows', async () => {
    const entity = await reader.entity('xinglongxian-2025-362001');
    const context = { unit: entity.name, code: entity.code, year: entity.year };
    const income = tableCsv(entity.tables.find((t) => t.kind === 'income-summary')!, context).split('\r\n');
    expect(income.find((l) => l.includes('2101101'))).toMatch(/^兴隆县医疗保障局本级,362001,2025,,2101101,行政单位医疗,,,,,,,,,,,23\.02 23\.02 23\.02,\d+$/);
    const three = tableCsv(entity.tables.find((t) => t.kind === 'three-public')!, context).split('\r\n');
    expect(three.slice(1, 3).map((l) => l.replace(/,\d+$/, ''))).toEqual(['兴隆县医疗保障局本级,362001,2025,,合计,,,,,3.00 3.00', '兴隆县医疗保障局本级,362001,2025,,"""三公""经费小计",,,,,3.00 3.00']);
  });

  it('450003: the 支出 side of the 收支总表 is labelled by its own 项目 column', async () => {
    const entity = await reader.entity('qinhuangdaoshi-2024-450003');
    expect(rowHeaderColumns(entity.tables.find((t) => t.kind === 'income-expenditure-summary')!)).toEqual([1, undefined, 1, undefined, 3]);
  });
});
