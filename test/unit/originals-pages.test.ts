/**
 * Originals as other software makes them: a county site's page with its
 * article in a layout table beside a menu, a one-column box of paragraphs, a
 * data table with `rowspan`, `<br>` and `&nbsp;` cells; a workbook whose
 * codes are numbers in the General format; a Word table with its title, unit
 * line and note typed into merged rows of the table.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import type { TableBlock } from '../../src/ingest/read/blocks.ts';
import { readDocx } from '../../src/ingest/read/originals/docx.ts';
import { readHtml } from '../../src/ingest/read/originals/html.ts';
import { readXlsx } from '../../src/ingest/read/originals/xlsx.ts';
import { writeDocx } from '../../src/bench/write-originals.ts';

const PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>示例区交通运输局2023年部门预算公开</title></head>
<body>
<div id="top"><div class="logo">示例区人民政府</div><div class="topnav"><a href="/">首页</a> <a href="/gk/">政务公开</a></div></div>
<table width="100%"><tr>
<td width="200"><ul><li><a href="/a">通知公告</a></li><li><a href="/b">财政资金</a></li></ul></td>
<td>
<h1>示例区交通运输局2023年部门预算公开</h1>
<p>发布日期：2023-02-10　　阅读次数：368</p>
<table><tr><td><p>一、部门主要职责</p><p>负责全区公路建设和养护管理。</p></td></tr></table>
<p>部门预算“三公”经费支出表</p>
<table border="1">
<tr><th rowspan="2">项目</th><th colspan="2">一般公共预算</th></tr>
<tr><th>2022年</th><th>2023年</th></tr>
<tr><td>公务接待<br>费</td><td>12.00</td><td>&nbsp;</td></tr>
<tr><td>合计</td><td>12.00</td><td>—</td></tr>
</table>
</td></tr></table>
<div class="bottom-bar"><span>【打印本页】</span><span>【关闭窗口】</span></div>
</body></html>`;

describe('a government-style web page', () => {
  it('reads the article and its data table, not the site around it', async () => {
    const reading = (await readHtml(new TextEncoder().encode(PAGE), new Reporter('page.html')))!;
    expect(reading.lines).toEqual([
      '# 示例区交通运输局2023年部门预算公开',
      '一、部门主要职责',
      '负责全区公路建设和养护管理。',
      '部门预算“三公”经费支出表',
      '项目\t一般公共预算\t',
      '\t2022年\t2023年',
      '公务接待费\t12.00\t',
      '合计\t12.00\t—',
    ]);
    const table = reading.blocks.find((b): b is TableBlock => b.type === 'table')!;
    expect(table.rows[0]!.cells.map((c) => [c.rowSpan ?? 1, c.colSpan ?? 1])).toEqual([[2, 1], [1, 2], [1, 1]]);
    expect(reading.printedAt[6]).toEqual({ htmlLine: 15, table: 1, row: 3 });
  });
});

const PROSE_PAGE = `<html><head><meta charset="utf-8"></head><body>
<table width="1000" align="center"><tr><td class="left-col"><ul><li><a href="/ys/">预算公开</a></li><li><a href="/js/">决算公开</a></li></ul></td>
<td class="article"><div id="zoom">
<p>示例县市场监督管理局2024年部门预算情况说明</p>
<p>一、部门主要职责</p>
<p>负责辖区市场综合监督管理，统一登记市场主体，组织实施质量强区战略。</p>
<p>二、收支预算总体情况</p>
<p>2024年收入预算总计1286.42万元，全部为一般公共预算拨款收入；支出预算总计1286.42万元。</p>
</div></td></tr></table></body></html>`;

describe('a site laid out with a table whose article has no data table', () => {
  it('reads each paragraph of the article column as a line, not the column as one cell', async () => {
    const reading = (await readHtml(new TextEncoder().encode(PROSE_PAGE), new Reporter('prose.html')))!;
    expect(reading.lines).toEqual(['示例县市场监督管理局2024年部门预算情况说明', '一、部门主要职责', '负责辖区市场综合监督管理，统一登记市场主体，组织实施质量强区战略。', '二、收支预算总体情况', '2024年收入预算总计1286.42万元，全部为一般公共预算拨款收入；支出预算总计1286.42万元。']);
    expect(reading.blocks.every((b) => b.type === 'paragraph')).toBe(true);
  });
});

describe('a workbook as finance systems save it', () => {
  it('prints whole-number codes in full', async () => {
    const book = XLSX.utils.book_new();
    const sheet: XLSX.WorkSheet = {
      A1: { t: 's', v: '科目编码' },
      B1: { t: 's', v: '科目名称' },
      C1: { t: 's', v: '金额' },
      A2: { t: 'n', v: 21401010001 },
      B2: { t: 's', v: '行政运行' },
      C2: { t: 'n', v: 1234.5, z: '#,##0.00' },
      '!ref': 'A1:C2',
    };
    XLSX.utils.book_append_sheet(book, sheet, '表3');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const reading = (await readXlsx(bytes, new Reporter('book.xlsx')))!;
    expect(reading.lines).toEqual(['科目编码\t科目名称\t金额', '21401010001\t行政运行\t1,234.50']);
    expect(reading.printedAt).toEqual([{ sheet: '表3', cell: 'A1' }, { sheet: '表3', cell: 'A2' }]);
  });
});

describe('a Word table with its title and unit line typed into it', () => {
  it('prints the merged rows at the top and bottom as paragraphs and keeps the rest as the table', async () => {
    const bytes = await writeDocx([
      {
        kind: 'table',
        rows: [
          ['部门预算“三公”经费支出表', '', ''],
          ['单位：万元', '', ''],
          ['项目', '2024年', '2025年'],
          ['公务接待费', '3.20', '2.80'],
          ['注：本表不含会议费。', '', ''],
        ],
        merges: [
          { r: 0, c: 0, rowSpan: 1, colSpan: 3 },
          { r: 1, c: 0, rowSpan: 1, colSpan: 3 },
          { r: 4, c: 0, rowSpan: 1, colSpan: 3 },
        ],
      },
    ]);
    const reading = (await readDocx(bytes, new Reporter('a.docx')))!;
    expect(reading.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
    expect(reading.lines).toEqual(['部门预算“三公”经费支出表', '单位：万元', '项目\t2024年\t2025年', '公务接待费\t3.20\t2.80', '注：本表不含会议费。']);
    expect(reading.printedAt[0]).toEqual({ table: 1, row: 1 });
  });
});

describe('a short data table whose header cell is broken into paragraphs', () => {
  it('stays a table', async () => {
    const page = `<html><body><p>“三公”经费支出表</p><table border="1">
<tr><td><p>合计</p></td><td><p>因公出国</p><p>（境）</p><p>费</p></td><td><p>公务用车</p><p>购置及</p><p>运行费</p></td><td><p>公务接待费</p></td></tr>
<tr><td>8.60</td><td>0.00</td><td>7.20</td><td>1.40</td></tr></table></body></html>`;
    const reading = (await readHtml(new TextEncoder().encode(page), new Reporter('sangong.html')))!;
    expect(reading.lines).toEqual(['“三公”经费支出表', '合计\t因公出国（境）费\t公务用车购置及运行费\t公务接待费', '8.60\t0.00\t7.20\t1.40']);
  });
});
