/**
 * Readers: small input/expected pairs per layout, plus layout detection on
 * the seeds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import { cellsReader, mergeBrokenRows } from '../../src/ingest/read/cells.ts';
import { decode } from '../../src/ingest/read/decode.ts';
import { detectLayout, read } from '../../src/ingest/read/index.ts';
import { looksFlattened } from '../../src/ingest/read/lines.ts';
import { pipeReader } from '../../src/ingest/read/pipe.ts';
import { tsvReader } from '../../src/ingest/read/tsv.ts';

const lines = (text: string) => text.split('\n');

describe('tsv reader', () => {
  it('turns tab lines into one table and keeps headings and paragraphs', () => {
    const blocks = tsvReader.read(lines('## 收入总表\n\n单位：万元\n序号\t项目\t金额\n1\t合计\t<b>724.39</b>\n\n注：空表。'));
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'table', 'paragraph']);
    const table = blocks[2]!;
    if (table.type !== 'table') throw new Error('not a table');
    expect(table.rows).toHaveLength(2);
    expect(table.rows[1]!.cells.map((c) => c.text)).toEqual(['1', '合计', '<b>724.39</b>']);
    expect(table.rows[1]!.cells[2]).toMatchObject({ line: 5, column: 6 });
    expect(table.endLine).toBe(5);
  });

  it('keeps empty leading and trailing cells', () => {
    const [table] = tsvReader.read(['\t项 目\t预算数\t']);
    expect(table?.type === 'table' && table.rows[0]!.cells.map((c) => c.text)).toEqual(['', '项 目', '预算数', '']);
  });

  it('marks a flattened table line and keeps every token with its column', () => {
    const flat = '功能分类科目 本年收入 序号 合计 1 合计 3912.31 3909.31 3909.31 3.00 2 208 58.74 3.00 55.74 55.74 业支出';
    expect(looksFlattened(flat)).toBe(true);
    const [block] = tsvReader.read([flat]);
    expect(block?.type).toBe('flat');
    if (block?.type === 'flat') expect(block.tokens.find((t) => t.text === '58.74')).toMatchObject({ line: 1, column: 59 });
  });

  it('does not mistake prose with spaced numbers for a flattened table', () => {
    expect(looksFlattened('2024 年预算收支安排 1704.62 万元，较 2023 年预算减少 44.56 万元，其中：基本支出增加 55.44 万元，主要为：2023 年新增人员调入。项目支出减少 100.00 万元，主要为 2024 年未安排')).toBe(false);
  });
});

describe('markdown pipe reader', () => {
  it('splits cells, records the header delimiter and unescapes bars', () => {
    const [table] = pipeReader.read(lines('| 项目 | 预算数 |\n|---|---|\n| 合计 | 12,753,171.62 |\n| a \\| b | |'));
    if (table?.type !== 'table') throw new Error('not a table');
    expect(table.headerRows).toBe(1);
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项目', '预算数'],
      ['合计', '12,753,171.62'],
      ['a | b', ''],
    ]);
    expect(table.rows[1]!.cells[1]).toMatchObject({ line: 3, column: 8 });
  });
});

describe('docx cells reader', () => {
  it('reads one cell per line, rows between blank lines, and joins wrapped cells', () => {
    const text = ' [bookmark: tz_1]单位预算收支总表\n\t序号\n\t二级\n指标\n\n\t1\n\t合计\n\t3698.72\n';
    const blocks = cellsReader.read(lines(text));
    expect(blocks[0]).toMatchObject({ type: 'paragraph', text: '单位预算收支总表', line: 1 });
    const table = blocks[1];
    if (table?.type !== 'table') throw new Error('not a table');
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['序号', '二级指标'],
      ['1', '合计', '3698.72'],
    ]);
    expect(table.rows[1]!.cells[2]).toMatchObject({ line: 8, column: 2 });
  });

  it('joins a row that blank lines broke into pieces when the pieces fill the table width', () => {
    const row = (line: number, ...texts: string[]) => ({ line, cells: texts.map((text, i) => ({ text, line, column: i + 1 })) });
    const merged = mergeBrokenRows([row(1, 'a', 'b', 'c'), row(2, 'x', 'y', 'z'), row(3, '', '成本'), row(5, '说明'), row(7, 'x', 'y', 'z')]);
    expect(merged.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['a', 'b', 'c'],
      ['x', 'y', 'z'],
      ['', '成本', '说明'],
      ['x', 'y', 'z'],
    ]);
  });
});

describe('layout detection', () => {
  it.each([
    ['000_254f1c56485b7ccb.txt', 'tsv'],
    ['001_b299b4fe3ca604a5.txt', 'tsv'],
    ['002_3ef43c7689782125.txt', 'markdown-pipe'],
    ['003_2bc1f60d8e8166ed.txt', 'tsv'],
    ['004_b14cc660f2ed3abf.txt', 'docx-cells'],
  ])('reads %s as %s', (file, layout) => {
    expect(detectLayout(lines(readFileSync(`seeds/${file}`, 'utf8'))).reader.name).toBe(layout);
  });

  it('falls back to plain text with a warning when there are no tables', () => {
    const reporter = new Reporter('x.txt');
    const result = read('这是一段说明文字。\n\n没有任何表格。', reporter);
    expect(result.layout).toBe('plain');
    expect(reporter.messages.map((m) => m.ruleId)).toEqual(['read:unknown-layout']);
  });
});

describe('decode', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it('reports an empty file', () => {
    const reporter = new Reporter('empty.txt');
    expect(decode(new Uint8Array(), reporter).text).toBeNull();
    expect(reporter.messages[0]).toMatchObject({ ruleId: 'decode:empty', severity: 'error' });
  });

  it('strips a UTF-8 BOM and normalizes CRLF, keeping line numbers', () => {
    const reporter = new Reporter('bom.txt');
    const decoded = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('甲\r\n乙\r\n')]), reporter);
    expect(decoded).toEqual({ text: '甲\n乙\n', encoding: 'utf-8-bom' });
    expect(reporter.messages.map((m) => m.ruleId)).toEqual(['decode:bom', 'decode:line-ends']);
  });

  it('decodes GB18030 and says so', () => {
    // "单位预算" in GB18030.
    const gbk = new Uint8Array([0xb5, 0xa5, 0xce, 0xbb, 0xd4, 0xa4, 0xcb, 0xe3]);
    const reporter = new Reporter('gbk.txt');
    expect(decode(gbk, reporter)).toEqual({ text: '单位预算', encoding: 'gb18030' });
    expect(reporter.messages[0]).toMatchObject({ ruleId: 'decode:gb18030', severity: 'warning' });
  });

  it('refuses binary data', () => {
    const reporter = new Reporter('x.bin');
    expect(decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]), reporter).text).toBeNull();
    expect(reporter.messages[0]).toMatchObject({ ruleId: 'decode:binary', severity: 'error' });
  });
});
