/**
 * A PDF printed by Chromium from a web page, as browsers and office suites
 * export them: borders drawn as thin filled bars, the table header repeated
 * on the next page, a footer with the page number, and characters mapped
 * back to lookalike radicals (项⽬ for 项目) by the PDF's font.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import type { Cell, TableBlock } from '../../src/ingest/read/blocks.ts';
import { readPdf } from '../../src/ingest/read/originals/pdf.ts';
import { unifyRadicals } from '../../src/ingest/read/originals/pdf/radicals.ts';
import type { OriginalReading } from '../../src/ingest/read/originals/types.ts';
import { recognize } from '../../src/ingest/recognize/index.ts';
import { printHtml, projectTableHtml } from '../support/pdf-chromium.ts';

const cells = (c: readonly Cell[]) => c.map((cell) => [cell.text, cell.rowSpan ?? 1, cell.colSpan ?? 1]);

describe('PDF printed by Chromium', () => {
  let reading: OriginalReading;
  let reporter: Reporter;
  beforeAll(async () => {
    reporter = new Reporter('chromium.pdf');
    reading = (await readPdf(await printHtml(projectTableHtml(40)), reporter))!;
  }, 300_000);

  it('reads the characters, not the radicals the font maps them to, and leaves the page footer out', () => {
    expect(reporter.messages).toEqual([]);
    expect(reading.parts).toBe(2);
    expect(reading.lines.slice(0, 3)).toEqual(['项目支出预算表', '703015 云岭县自然资源局', '单位：元']);
    expect(reading.lines.filter((l) => /[\u2e80-\u2fdf]|第\s*\d+\s*页/.test(l))).toEqual([]);
  });

  it('reads the merged header cells and the rows on both pages', () => {
    const [first, second] = reading.blocks.filter((b): b is TableBlock => b.type === 'table');
    const header = [
      [['项目编码', 2, 1], ['项目名称', 2, 1], ['合计', 2, 1], ['资金来源', 1, 2], ['', 1, 1]],
      [['', 1, 1], ['', 1, 1], ['', 1, 1], ['一般公共预算', 1, 1], ['政府性基金预算', 1, 1]],
    ];
    expect(first!.rows.slice(0, 2).map((r) => cells(r.cells))).toEqual(header);
    expect(second!.rows.slice(0, 2).map((r) => cells(r.cells))).toEqual(header);
    expect(cells(first!.rows[2]!.cells)).toEqual([['2120001', 1, 1], ['第1号地块测绘项目', 1, 1], ['1,037.50', 1, 1], ['1,037.50', 1, 1], ['—', 1, 1]]);
    expect(cells(first!.rows[4]!.cells).map((c) => c[0])).toEqual(['2120003', '第3号地块测绘项目', '1,112.50', '', '1,112.50']);
    expect(first!.rows.length + second!.rows.length).toBe(44);
    expect(reading.printedAt[first!.line - 1]).toEqual({ page: 1 });
    expect(reading.printedAt[second!.endLine - 1]).toEqual({ page: 2 });
    expect(reading.lines[second!.endLine - 1]).toBe('2120040\t第40号地块测绘项目\t2,500.00\t2,500.00\t—');
  });

  it('gives the recognizer one project table in 元 over both pages', () => {
    const recognized = recognize(reading.blocks, new Reporter('chromium.pdf'), reading.lines.length);
    const [entity] = recognized.entities;
    expect([entity!.identity.code, entity!.identity.name]).toEqual(['703015', '云岭县自然资源局']);
    const [table] = entity!.tables;
    expect(table!.kind).toBe('project-expenditure');
    expect(table!.unit).toBe('元');
    expect(table!.parts).toHaveLength(2);
    expect(table!.columns.map((c) => c.label)).toEqual(['项目编码', '项目名称', '合计', '资金来源 / 一般公共预算', '资金来源 / 政府性基金预算']);
    expect(table!.rows).toHaveLength(40);
    expect(table!.rows.at(-1)!.cells.map((c) => c.value ?? null)).toEqual([null, null, '2500.00', '2500.00', null]);
  });
});

describe('radicals in place of characters', () => {
  it('maps Kangxi and supplement radicals to their characters and leaves other text alone', () => {
    expect(unifyRadicals('项⽬⽀出（⼀般公共预算）第 2 ⻚，共 3 ⻚：1,234.56')).toBe('项目支出（一般公共预算）第 2 页，共 3 页：1,234.56');
  });
});
