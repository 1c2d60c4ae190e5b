/**
 * A separator line left by text extraction inside a table is a drawn rule,
 * not a data row: a hand-written 山东 performance sheet, then the seed whose
 * performance table printed one.
 */
import { describe, expect, it } from 'vitest';
import { contentFolderReader } from '../../src/build/site-index-file.ts';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import type { TableBlock } from '../../src/ingest/read/blocks.ts';
import { dropSeparatorRows, isSeparatorRow } from '../../src/ingest/recognize/separator-rows.ts';

const row = (line: number, ...texts: string[]) => ({ line, cells: texts.map((text, i) => ({ text, line, column: 1 + i * 8 })) });

describe('separator rows', () => {
  it('are rows whose every printed cell is a rule', () => {
    expect(isSeparatorRow(row(1, '--', '------', '', '——'))).toBe(true);
    expect(isSeparatorRow(row(1, '====', ''))).toBe(true);
    expect(isSeparatorRow(row(1, '--', '≥95%'))).toBe(false);
    expect(isSeparatorRow(row(1, '-', ''))).toBe(false);
    expect(isSeparatorRow(row(1, '', ''))).toBe(false);
  });

  it('are taken out of their table with a diagnostic', () => {
    const block: TableBlock = {
      type: 'table',
      line: 50,
      endLine: 53,
      rows: [row(50, '产出指标', '数量指标', '培训人次', '≥300人次'), row(51, '', '质量指标', '合格率', '≥98%'), row(52, '--', '---------', '--', '----'), row(53, '效益指标', '社会效益', '知晓率', '≥90%')],
    };
    const reporter = new Reporter('shandong.txt');
    const [out] = dropSeparatorRows([block], reporter) as TableBlock[];
    expect(out!.rows.map((r) => r.line)).toEqual([50, 51, 53]);
    expect(reporter.messages.map((d) => [d.line, d.ruleId])).toEqual([[52, 'table:separator-line']]);
    expect(dropSeparatorRows([{ ...block, rows: [block.rows[2]!] }], new Reporter('x'))).toEqual([]);
  });
});

describe('seed', () => {
  it('036: line 687 is no row of any table', async () => {
    const entity = await contentFolderReader('content').entity('jiyuanchanchengrongheshifanqu-2024-036');
    expect(entity.tables.flatMap((t) => t.rows).filter((r) => r.line === 687)).toEqual([]);
    expect(entity.projects.flatMap((p) => p.performance?.indicators ?? []).filter((i) => i.line === 687)).toEqual([]);
  });
});
