/**
 * Rows printed one cell right of their header: realigned only when the
 * header confirms it (an amount column left blank while the text column
 * after it holds the amount, and a code column printed as two cells),
 * otherwise kept as printed with a diagnostic. A hand-written 甘肃
 * procurement table, then the seed that printed one.
 */
import { describe, expect, it } from 'vitest';
import { contentFolderReader } from '../../src/build/site-index-file.ts';
import type { Row } from '../../src/ingest/read/blocks.ts';
import { realignShiftedRows } from '../../src/ingest/recognize/tables/shifted-rows.ts';
import { context, rules } from '../fixtures/performance/build.ts';

const paths = [['科目编码类款项'], ['单位编码'], ['采购项目'], ['采购目录'], ['数量'], ['实施采购时间'], ['预算金额'], ['说明']];
const row = (line: number, ...texts: string[]): Row => ({ line, cells: texts.map((text, i) => ({ text, line, column: 1 + i * 10 })) });
const texts = (r: Row) => r.cells.map((c) => c.text);

describe('rows one cell right of the header', () => {
  it('are realigned when the code column is printed as two cells and the amount sits under 说明', () => {
    const ctx = context();
    const [shifted, aligned] = realignShiftedRows(
      paths,
      [row(80, '224', '02 01', '', '兰州某中心打印设备', 'A02021000 打印设备', '2', '', '36,800.00'), row(81, '2240201', '', '复印纸', 'A05040101 复印纸', '10', '', '2,400.00', '')],
      '政府采购预算表',
      ctx,
    );
    expect(texts(shifted!)).toEqual(['224 02 01', '', '兰州某中心打印设备', 'A02021000 打印设备', '2', '', '36,800.00']);
    expect(texts(aligned!)).toEqual(['2240201', '', '复印纸', 'A05040101 复印纸', '10', '', '2,400.00', '']);
    expect(rules(ctx.reporter.messages)).toEqual(['80:table:shifted-row-realigned']);
    expect(ctx.reporter.messages[0]!.message).toBe('“政府采购预算表”第 80 行的数据比表头右移了一格（“科目编码类款项”一栏印成了“224”“02 01”两格），已按表头对齐：36,800.00 归入“预算金额”。');
  });

  it('stay as printed, with a diagnostic, when nothing shows where the extra cell is', () => {
    const ctx = context();
    const printed = row(90, '复印纸', 'A05040101 复印纸', '', '兰州某中心', '10', '', '', '2,400.00');
    const [kept] = realignShiftedRows(paths, [printed], '政府采购预算表', ctx);
    expect(kept).toBe(printed);
    expect(rules(ctx.reporter.messages)).toEqual(['90:table:shifted-row']);
  });
});

describe('seed', () => {
  it('231002 lines 518–521: 医保专网建设 under 采购项目, 524,400.00 under 预算金额', async () => {
    const entity = await contentFolderReader('content').entity('xianshi-beilinqu-2024-231002');
    const table = entity.tables.find((t) => t.kind === 'procurement')!;
    const col = (label: string) => table.columns.findIndex((c) => c.label === label);
    const item = table.rows.find((r) => r.line === 521)!;
    expect(item.cells[col('采购项目')]!.text).toBe('医保专网建设');
    expect(item.cells[col('采购目录')]!.text).toBe('C17990000其他电信和信息传输服务');
    expect(item.cells[col('预算金额')]!.value).toBe('524400.00');
    expect(item.cells[col('说明')]!.text).toBe('');
    expect(table.rows.map((r) => r.cells[col('预算金额')]!.text)).toEqual(['524,400.00', '524,400.00', '524,400.00', '524,400.00']);
  });
});
