/**
 * Reading originals: a small budget in another province's template, written
 * as a Word file, a workbook and a web page with a header merged over two rows
 * and two columns, amounts with thousands separators, `(12.00)`, `-12.00`,
 * `—` and empty cells, in 元 and in 万元. Each reader gives the same grid (a
 * merged cell's text in its first position, the positions it covers empty),
 * says where each line was printed, and the amounts reach the model exactly.
 */
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import { ingestFile } from '../../src/ingest/ingest.ts';
import type { TableBlock } from '../../src/ingest/read/blocks.ts';
import { readOriginal } from '../../src/ingest/read/originals/index.ts';
import { writeDocx, writeHtml, writeXlsx, type Item } from '../../src/bench/write-originals.ts';

function budget(unit: '元' | '万元', amounts: { total: string; basic: string; project: string; social: string; health: string }): Item[] {
  return [
    { kind: 'heading', depth: 1, text: '2024年单位预算公开' },
    { kind: 'heading', depth: 2, text: '单位预算支出总表' },
    { kind: 'paragraph', text: '620301 示例县文化旅游局本级' },
    { kind: 'paragraph', text: '预算年度：2024' },
    { kind: 'paragraph', text: `单位：${unit}` },
    {
      kind: 'table',
      rows: [
        ['序号', '功能分类科目', '', '合计', '基本支出', '项目支出'],
        ['', '科目编码', '科目名称', '', '', ''],
        ['1', '', '合计', amounts.total, amounts.basic, amounts.project],
        ['2', '208', '社会保障和就业支出', amounts.social, '—', amounts.social],
        ['3', '20805', '行政事业单位养老支出', amounts.social, '', amounts.social],
        ['4', '210', '卫生健康支出', amounts.health, amounts.health, '0.00'],
      ],
      merges: [
        { r: 0, c: 0, rowSpan: 2, colSpan: 1 },
        { r: 0, c: 1, rowSpan: 1, colSpan: 2 },
        { r: 0, c: 3, rowSpan: 2, colSpan: 1 },
        { r: 0, c: 4, rowSpan: 2, colSpan: 1 },
        { r: 0, c: 5, rowSpan: 2, colSpan: 1 },
      ],
    },
  ];
}

const IN_YUAN = budget('元', { total: '1,234,567.50', basic: '1,234,579.50', project: '(12.00)', social: '-12.00', health: '1,234,579.50' });
const IN_WAN = budget('万元', { total: '123.46', basic: '123.47', project: '(0.01)', social: '-0.01', health: '123.47' });

const writers = {
  docx: async (items: Item[]) => writeDocx(items),
  xlsx: async (items: Item[]) => writeXlsx(items),
  html: async (items: Item[]) => new TextEncoder().encode(writeHtml(items)),
} as const;

const GRID = [
  ['序号', '功能分类科目', '', '合计', '基本支出', '项目支出'],
  ['', '科目编码', '科目名称', '', '', ''],
  ['1', '', '合计', '1,234,567.50', '1,234,579.50', '(12.00)'],
  ['2', '208', '社会保障和就业支出', '-12.00', '—', '-12.00'],
  ['3', '20805', '行政事业单位养老支出', '-12.00', '', '-12.00'],
  ['4', '210', '卫生健康支出', '1,234,579.50', '1,234,579.50', '0.00'],
];

describe.each(Object.keys(writers) as (keyof typeof writers)[])('%s original', (format) => {
  it('reads the table on its grid, with the merged cells’ spans', async () => {
    const reading = await readOriginal(format, await writers[format](IN_YUAN), new Reporter(`a.${format}`));
    const table = reading!.blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual(GRID);
    const spans = table.rows[0]!.cells.map((c) => [c.rowSpan ?? 1, c.colSpan ?? 1]);
    expect(spans).toEqual([[2, 1], [1, 2], [1, 1], [2, 1], [2, 1], [2, 1]]);
    expect(reading!.lines[table.line - 1]).toBe('序号\t功能分类科目\t\t合计\t基本支出\t项目支出');
    expect(table.rows[3]!.cells[3]).toMatchObject({ text: '-12.00', line: table.line + 3, column: 17 });
  });

  it('says where each line of the table was printed', async () => {
    const reading = (await readOriginal(format, await writers[format](IN_YUAN), new Reporter(`a.${format}`)))!;
    const table = reading.blocks.find((b): b is TableBlock => b.type === 'table')!;
    const at = reading.printedAt[table.line + 2 - 1];
    if (format === 'xlsx') expect(at).toEqual({ sheet: '表1', cell: 'A8' });
    if (format === 'docx') expect(at).toEqual({ table: 1, row: 3 });
    if (format === 'html') expect(at).toMatchObject({ table: 1, row: 3 });
    if (format === 'html') expect(at?.htmlLine).toBeGreaterThan(10);
  });

  it.each([
    ['元', IN_YUAN, ['1234567.50', '1234579.50', '-12.00'], '-12.00'],
    ['万元', IN_WAN, ['123.46', '123.47', '-0.01'], '-0.01'],
  ] as const)('gives the exact amounts of a table in %s', async (unit, items, totals, social) => {
    const { source, entities } = await ingestFile(`示例.${format}`, await writers[format](items));
    expect(source.format).toBe(format);
    expect(entities.map((e) => e.code)).toEqual(['620301']);
    const table = entities[0]!.tables.find((t) => t.kind === 'expenditure-summary')!;
    expect(table.unit).toBe(unit);
    expect(table.rows.map((r) => r.code ?? r.name)).toEqual(['合计', '208', '20805', '210']);
    expect(table.rows[0]!.cells.slice(-3).map((c) => c.value)).toEqual(totals);
    expect(table.rows[1]!.cells.slice(-3).map((c) => c.text)).toEqual([unit === '元' ? '-12.00' : '-0.01', '—', unit === '元' ? '-12.00' : '-0.01']);
    expect(table.rows[1]!.cells.at(-1)!.value).toBe(social);
    expect(table.rows[2]!.cells.at(-2)!.text).toBe('');
    expect(source.original?.download).toBe(`示例.${format}`);
  });
});
