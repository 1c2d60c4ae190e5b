import { describe, expect, it } from 'vitest';
import { mergeHeader } from '../../src/ingest/read/originals/pdf/unruled.ts';
import type { PageCell } from '../../src/ingest/read/originals/pdf/text.ts';

const cell = (text: string, colSpan = 1, covered = false): PageCell => ({ text, rowSpan: 1, colSpan, covered });

describe('header of a table printed without rules', () => {
  it('moves a label alone on a lower header line to the top, spanning the header', () => {
    const merged = mergeHeader([
      [cell(''), cell('本年预算', 2), cell('', 1, true)],
      [cell('科目名称'), cell(''), cell('')],
      [cell(''), cell('基本支出'), cell('项目支出')],
    ]);
    expect(merged.map((row) => row.map((c) => `${c.text}:${c.rowSpan}x${c.colSpan}${c.covered ? ' covered' : ''}`))).toEqual([
      ['科目名称:2x1', '本年预算:1x2', ':1x1 covered'],
      [':1x1 covered', '基本支出:1x1', '项目支出:1x1'],
    ]);
  });

  it('leaves a column whose only mark on a lower line is a cell covered from the left', () => {
    // A spreadsheet printed over several pages: a label spanning two columns on the second header line.
    const header = [
      [cell('项目'), cell(''), cell('')],
      [cell(''), cell('预算数', 2), cell('', 1, true)],
    ];
    const merged = mergeHeader(header);
    expect(merged.map((row) => row.map((c) => c.text))).toEqual([
      ['项目', '', ''],
      ['', '预算数', ''],
    ]);
    expect(merged[1]![2]!.covered).toBe(true);
  });
});
