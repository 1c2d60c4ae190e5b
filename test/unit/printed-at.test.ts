import { describe, expect, it } from 'vitest';
import { describePrintedAt, printedAt, tablePlace } from '../../src/lib/printed-at.ts';
import type { Source } from '../../src/ingest/model/schema.ts';

const original = (printed: NonNullable<Source['original']>['printedAt']): Pick<Source, 'original'> => ({ original: { download: 'a', parts: 1, text: [], printedAt: printed } });

describe('where a line was printed', () => {
  const pdf = original([{ line: 1, page: 1 }, { line: 40, page: 2 }, { line: 90, page: 3 }]);
  it('an entry holds until the next one', () => {
    expect(printedAt(pdf, 39)).toEqual({ line: 1, page: 1 });
    expect(printedAt(pdf, 40)).toEqual({ line: 40, page: 2 });
    expect(printedAt(pdf, 500)).toEqual({ line: 90, page: 3 });
  });
  it('a table over a page break names both pages', () => {
    expect(tablePlace(pdf, 30, 60)).toBe('原文第 1–2 页');
    expect(tablePlace(pdf, 41, 60)).toBe('原文第 2 页');
  });
  it('a spreadsheet cell, a Word or web-page table', () => {
    expect(describePrintedAt({ line: 3, sheet: '表1', cell: 'B7' })).toBe('工作表“表1”B7');
    expect(tablePlace(original([{ line: 5, paragraph: 4 }, { line: 6, table: 2, row: 1 }, { line: 7, table: 2, row: 2 }]), 5, 7)).toBe('第 2 个表格');
    expect(tablePlace(original([{ line: 5, htmlLine: 80 }, { line: 6, htmlLine: 83, table: 3, row: 1 }]), 5, 6)).toBe('第 3 个表格，网页源代码第 83 行');
  });
  it('text sources have no place', () => {
    expect(tablePlace({}, 5, 9)).toBeNull();
  });
});
