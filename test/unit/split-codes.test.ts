/**
 * Project codes printed across cells: joined only as far as the document's
 * own code length confirms (hand-made sheets of a 四川 county's project
 * table), then the seed whose 414th line prints a code followed by a stray
 * cell.
 */
import { describe, expect, it } from 'vitest';
import { contentFolderReader } from '../../src/build/site-index-file.ts';
import { referenceCodeLength, settleSplitCodes } from '../../src/ingest/recognize/performance/split-codes.ts';
import type { ProjectSheet } from '../../src/ingest/recognize/performance/types.ts';
import { context, rules } from '../fixtures/performance/build.ts';

const sheet = (line: number, ...cells: string[]): ProjectSheet => {
  const s = { name: `项目${line}`, line, code: cells.join(''), performance: {} as ProjectSheet['performance'] } as ProjectSheet;
  if (cells.length > 1) s.codeCells = cells.map((text, i) => ({ text, line, column: 10 + i * 20 }));
  return s;
};

describe('split project codes', () => {
  it('joins a code’s cells up to the length of the codes printed whole, and leaves a stray cell as printed', () => {
    const sheets = [sheet(20, '51142125Y0000731A0002'), sheet(40, '51142125Y0000902A000', '3'), sheet(60, '51142125Y0000455A0001', '7'), sheet(80, '51142125Y0000118A0004')];
    const ctx = context();
    expect(referenceCodeLength(sheets)).toBe(21);
    settleSplitCodes(sheets, ctx);
    expect(sheets.map((s) => s.code)).toEqual(['51142125Y0000731A0002', '51142125Y0000902A0003', '51142125Y0000455A0001', '51142125Y0000118A0004']);
    expect(rules(ctx.reporter.messages)).toEqual(['40:performance:split-code', '60:performance:stray-code-cell']);
    expect(ctx.reporter.messages[1]!.message).toBe('第 60 行项目编码“51142125Y0000455A0001”已有本文件项目编码的 21 位，其后的单元格“7”不并入编码，按原样保留。');
    expect(ctx.reporter.messages[1]!.column).toBe(30);
  });

  it('without whole codes, takes the length most joined codes reach when more than half do', () => {
    const sheets = [sheet(20, '5114212', '5Y0000731A0002'), sheet(40, '51142125Y0000902A000', '3'), sheet(60, '51142125Y0000455A0001', '7')];
    expect(referenceCodeLength(sheets)).toBe(21);
    expect(referenceCodeLength([sheets[0]!, sheets[2]!])).toBeUndefined();
  });

  it('keeps the joined code with a warning when no number of cells gives the document’s length', () => {
    const sheets = [sheet(20, '51142125Y0000731A0002'), sheet(40, '51142125Y00009', '02A00031')];
    const ctx = context();
    settleSplitCodes(sheets, ctx);
    expect(sheets[1]!.code).toBe('51142125Y0000902A00031');
    expect(rules(ctx.reporter.messages)).toEqual(['40:performance:split-code-unconfirmed']);
  });
});

describe('seed with a stray cell after a project code', () => {
  it('362001: the code at line 414 stays 21 characters, like every other code of the document', async () => {
    const entity = await contentFolderReader('content').entity('xinglongxian-2025-362001');
    const project = entity.projects.find((p) => p.code?.startsWith('13082225P0001841'))!;
    expect(project.code).toBe('13082225P000184100012');
    expect(project.id).toBe('13082225p000184100012');
    expect(new Set(entity.projects.map((p) => p.code!.length))).toEqual(new Set([21]));
  });
});
