/**
 * Header labels checked against the vocabulary of standard table headers:
 * recognition noise is said to be noise, with the printed text kept.
 */
import { describe, expect, it } from 'vitest';
import { csvColumnLabel, readableHeader, shownHeader, unreadableHeaders } from '../../src/lib/header-labels.ts';
import { makeTable } from '../fixtures/check/build.ts';

describe('readableHeader', () => {
  it('accepts the standard headers, column numbers and money units', () => {
    for (const label of ['合计', '基本支出/人员经费', '一般公共预算财政拨款', '因公出国（境）费', '科目编码', '栏次', '3', '万元', '（元）', '政府采购金额(当年单位预算安排资金)']) {
      expect(readableHeader(label), label).toBe(true);
    }
  });
  it('rejects recognition noise: stray decimals and characters no header uses', () => {
    for (const label of ['16.3', '目月', '本人山', '炒文田', '₽□', '上胖级支出']) expect(readableHeader(label), label).toBe(false);
  });
  it('shows a rejected label as 表头识别不全 with what was printed', () => {
    expect(shownHeader('目月')).toBe('表头识别不全（原文印作“目月”）');
    expect(shownHeader('项目支出')).toBe('项目支出');
  });
});

describe('csvColumnLabel and unreadableHeaders', () => {
  it('keeps the readable parts of a column path and marks the others', () => {
    expect(csvColumnLabel({ label: '合计 / 目月', path: ['合计', '目月'] })).toBe('合计 / 表头识别不全（原文印作“目月”）');
    expect(csvColumnLabel({ label: '项目支出', path: ['项目支出'] })).toBe('项目支出');
  });
  it('lists each rejected header cell of a table once', () => {
    const table = makeTable({ kind: 'general-budget-expenditure', columns: ['科目编码#code', '科目名称#name', '合计'], rows: [] });
    table.header = [
      { label: '合计', line: 3, col: 2, span: 1, children: [{ label: '目月', line: 4, col: 2, span: 1, children: [] }] },
      { label: '基本支出', line: 3, col: 3, span: 1, children: [{ label: '本人山', line: 4, col: 3, span: 1, children: [] }] },
    ];
    expect(unreadableHeaders(table.header)).toEqual(['目月', '本人山']);
  });
});
