/**
 * A flattened table line (cell order lost): a number printed between two
 * subject codes goes to the earlier code only when the code hierarchy
 * confirms it (a 项 alone under its 款 prints the 款's amounts). Hand-written
 * lines in the layout of a 湖北 county's 收入总表, then the seed line that
 * needed it.
 */
import { describe, expect, it } from 'vitest';
import { flatBlock } from '../../src/ingest/read/lines.ts';
import { flatRows } from '../../src/ingest/recognize/tables/flat.ts';
import { contentFolderReader } from '../../src/build/site-index-file.ts';
import { context, rules } from '../fixtures/performance/build.ts';

const amountsOf = (line: string) => {
  const ctx = context();
  const rows = flatRows(flatBlock(line, 40), ctx, 6);
  return { rows: Object.fromEntries(rows.map((r) => [r.code ?? r.name, r.unplaced!.map((c) => c.text)])), diagnostics: rules(ctx.reporter.messages, 'table:flattened-number') };
};

describe('numbers between two codes of a flattened line', () => {
  it('go to the earlier code when that makes it repeat its only parent', () => {
    const { rows, diagnostics } = amountsOf('卫生健康支出 8 210 917.50 917.50 917.50 行政事业单位 9 41.30 41.30 21011 41.30 医疗 事业单位医疗 10 2101102 41.30 41.30 41.30 财政对基本医 21012 疗保险基金的 876.20 876.20 876.20 11 补助');
    expect(rows).toMatchObject({
      '21011': ['41.30', '41.30', '41.30'],
      '2101102': ['41.30', '41.30', '41.30'],
      '21012': ['876.20', '876.20', '876.20'],
    });
    expect(diagnostics).toEqual(['40:table:flattened-number-moved']);
  });

  it('stay where they are without that evidence', () => {
    // 21011 prints other amounts than its child: nothing confirms a move.
    const { rows, diagnostics } = amountsOf('卫生健康支出 8 210 917.50 917.50 917.50 行政事业单位 9 50.00 50.00 21011 50.00 医疗 事业单位医疗 10 2101102 41.30 41.30 41.30 财政对基本医 21012 疗保险基金的 876.20 876.20 876.20 11 补助');
    expect(rows['2101102']).toEqual(['41.30', '41.30']);
    expect(rows['21012']).toEqual(['41.30', '876.20', '876.20', '876.20']);
    expect(diagnostics).toEqual([]);
  });
});

describe('seed', () => {
  it('362001 line 69: the third 23.02 belongs to 2101101, not to 21012', async () => {
    const entity = await contentFolderReader('content').entity('xinglongxian-2025-362001');
    const income = entity.tables.find((t) => t.kind === 'income-summary')!;
    const of = (code: string) => income.rows.find((r) => r.code === code && r.line === 69)!.unplaced!.map((c) => c.text);
    expect(of('2101101')).toEqual(['23.02', '23.02', '23.02']);
    expect(of('21012')).toEqual(['3216.00', '3216.00', '3216.00']);
  });
});
