/**
 * Layouts told by the text itself: bar rows without markdown framing, HTML
 * tables flattened to one cell per line, space-aligned columns, one cell per
 * line without separators, and documents that mix them. Each layout is read
 * from two documents of different provinces, table kinds and money units;
 * cells are checked with their source line and column, and the documents
 * go through the whole ingest to check table kinds and amounts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';
import type { Table } from '../../src/ingest/model/schema.ts';
import type { Block, TableBlock } from '../../src/ingest/read/blocks.ts';
import { read } from '../../src/ingest/read/index.ts';

const FIXTURES = 'test/fixtures/layouts/';
const text = (file: string) => readFileSync(FIXTURES + file, 'utf8');

function readFile(file: string) {
  return read(text(file), new Reporter(file));
}

const tables = (blocks: readonly Block[]) => blocks.filter((b): b is TableBlock => b.type === 'table');
const texts = (table: TableBlock) => table.rows.map((r) => r.cells.map((c) => c.text));

function ingest(file: string) {
  const result = ingestSource(file, readFileSync(FIXTURES + file));
  expect(result.entities).toHaveLength(1);
  return { source: result.source, entity: result.entities[0]! };
}

/** Values of a table as `name: v1 | v2 …`, placeholders in brackets, for compact expectations. */
function values(table: Table): string[] {
  return table.rows.map((r) => `${r.name ?? ''}: ${r.cells.filter((c) => c.value !== undefined || c.placeholder).map((c) => c.value ?? `[${c.text}]`).join(' | ')}`);
}

describe('bar rows without markdown framing', () => {
  it('reads `a | b |` rows and `| a | b` rows, keeping empty cells and columns', () => {
    const result = readFile('pipe-rows-kunming-yuan.txt');
    expect(result.layout).toBe('pipe-rows');
    const [summary, general] = tables(result.blocks);
    expect(texts(summary!)).toEqual([
      ['收入', '', '支出', ''],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', '3,456,789.50', '一、城乡社区支出', '3,000,000.00'],
      ['二、政府性基金预算拨款收入', '—', '二、农林水支出', '656,789.50'],
      ['三、事业收入', '200,000.00', '', ''],
      ['收入总计', '3,656,789.50', '支出总计', '3,656,789.50'],
    ]);
    expect(summary!.rows[2]!.cells[1]).toEqual({ text: '3,456,789.50', line: 11, column: 16 });
    expect(texts(general!)[4]).toEqual(['213', '农林水支出', '456,789.50', '单位不需填列', '456,789.50']);
    expect(general!.rows[4]!.cells[3]).toEqual({ text: '单位不需填列', line: 24, column: 30 });
  });

  it('reads a bar at the start of a row as an empty first cell when the rows above print none', () => {
    const [income, threePublic] = tables(readFile('pipe-rows-taiyuan-lead.txt').blocks);
    expect(texts(income!).slice(0, 3)).toEqual([
      ['科目编码', '科目名称', '合计', '本年收入', '', '上年结转'],
      ['', '', '', '一般公共预算拨款收入', '其他收入', ''],
      ['', '合计', '412.60', '398.60', '4.00', '10.00'],
    ]);
    expect(income!.rows[2]!.cells[1]).toEqual({ text: '合计', line: 11, column: 4 });
    expect(texts(threePublic!).slice(1)).toEqual([
      ['', '', '小计', '公务用车购置费', '公务用车运行费', ''],
      ['3.60', '', '2.40', '', '2.40', '1.20'],
    ]);
    const { entity } = ingest('pipe-rows-taiyuan-lead.txt');
    expect(entity.tables.map((t) => t.kind)).toEqual(['income-summary', 'three-public']);
    expect(values(entity.tables[1]!)).toEqual([': 3.60 | 2.40 | 2.40 | 1.20']);
  });

  it('recognizes a 收支总表 and a 一般公共预算支出表 in 元, with totals converted to 万元 exactly', () => {
    const { entity } = ingest('pipe-rows-kunming-yuan.txt');
    expect(entity).toMatchObject({ code: '530112001', name: '昆明市西山区园林绿化局', year: 2024, unit: '元' });
    expect(entity.tables.map((t) => [t.kind, t.unit])).toEqual([
      ['income-expenditure-summary', '元'],
      ['general-budget-expenditure', '元'],
    ]);
    expect(entity.totals).toEqual({ income: '365.67895', expenditure: '365.67895' });
    expect(values(entity.tables[1]!)).toEqual([
      '城乡社区支出: 3000000.00 | 1800000.00 | 1200000.00',
      '城乡社区公共设施: 3000000.00 | 1800000.00 | 1200000.00',
      '其他城乡社区公共设施支出: 3000000.00 | 1800000.00 | 1200000.00',
      '农林水支出: 456789.50 | [单位不需填列] | 456789.50',
      '合计: 3456789.50 | 1800000.00 | 1656789.50',
    ]);
    expect(entity.tables[1]!.rows.map((r) => r.code ?? null)).toEqual(['212', '21203', '2120399', '213', null]);
  });

  it('recognizes a 收入预算表 and a 项目支出表 in 千元', () => {
    const { source, entity } = ingest('pipe-rows-lanzhou-qianyuan.txt');
    expect(source.layout).toBe('pipe-rows');
    expect(entity).toMatchObject({ code: '620102301', name: '兰州市城关区文化馆', year: 2024 });
    expect(entity.tables.map((t) => [t.kind, t.unit, t.number ?? null])).toEqual([
      ['income-summary', '千元', null],
      ['project-expenditure', '千元', null],
    ]);
    expect(values(entity.tables[0]!)).toEqual(['文化旅游体育与传媒支出: 1250.4 | 1100.0 | 150.4 | [/]', '文化和旅游: 1250.4 | 1100.0 | 150.4 | [/]', '合计: 1250.4 | 1100.0 | 150.4 | [/]']);
    expect(entity.projects.map((p) => [p.name, p.amount])).toEqual([
      ['非遗保护传承活动经费', '30.05'],
      ['公共文化服务提升项目', '12.0'],
    ]);
  });
});

describe('HTML tables flattened to one cell per line', () => {
  it('finds the rows of a two-column table from its labels and numbers', () => {
    const result = readFile('html-bars-chengdu-yiyuan.txt');
    expect(result.layout).toBe('html-bar-cells');
    const [table] = tables(result.blocks);
    expect(texts(table!)).toEqual([
      ['项目', '预算数'],
      ['合计', '2.46'],
      ['一、因公出国(境)费', '0.31'],
      ['二、公务接待费', '0.42'],
      ['三、公务用车购置及运行费', '1.73'],
      ['其中:公务用车购置费', '0.58'],
      ['公务用车运行费', '1.15'],
    ]);
    expect(table!.rows[1]!.cells[1]).toEqual({ text: '2.46', line: 13, column: 1 });
  });

  it('takes the width from a merged row and keeps a lone bar as an empty cell', () => {
    const result = readFile('html-bars-hengyang-yuan.txt');
    const found = tables(result.blocks);
    const summary = found.find((t) => t.rows[0]!.cells[0]!.text === '收入')!;
    expect(texts(summary)).toEqual([
      ['收入', '支出'],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', '8765432.10', '一、社会保障和就业支出', '8000000.00'],
      ['二、政府性基金预算拨款收入', '', '二、卫生健康支出', '765432.10'],
      ['收入总计', '8765432.10', '支出总计', '8765432.10'],
    ]);
    expect(summary.rows[3]!.cells[1]).toEqual({ text: '', line: 18, column: 1 });
    const procurement = found.find((t) => t.rows[0]!.cells[0]!.text === '采购项目')!;
    expect(texts(procurement).at(-1)).toEqual(['合计', '', '120000.00']);
  });

  it('finds rows that lead with a subject code from the columns that hold numbers throughout', () => {
    const [table] = tables(readFile('html-bars-xining-codes.txt').blocks);
    expect(texts(table!)).toEqual([
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ['', '合计', '318.60', '290.10', '28.50'],
      ['208', '社会保障和就业支出', '318.60', '290.10', '28.50'],
      ['20801', '人力资源和社会保障管理事务', '318.60', '290.10', '28.50'],
      ['2080101', '行政运行', '318.60', '290.10', '28.50'],
    ]);
    expect(table!.rows[1]!.cells[0]).toEqual({ text: '', line: 10, column: 2 });
    const { entity } = ingest('html-bars-xining-codes.txt');
    expect(entity.tables.map((t) => [t.kind, t.unit])).toEqual([['general-budget-basic', '万元']]);
    expect(entity.tables[0]!.rows.map((r) => [r.code ?? null, r.level ?? null])).toEqual([
      [null, null],
      ['208', 'class'],
      ['20801', 'section'],
      ['2080101', 'item'],
    ]);
  });

  it('places the cells that merges left empty where their bars are printed, and takes the width the rows read at', () => {
    const found = tables(readFile('html-bars-saihan-merged.txt').blocks);
    expect(found.map((t) => t.rows[0]!.cells.length)).toEqual([4, 6, 6]);
    // A two-sided table with its empty cells printed: half its width would print 项目 | 预算数 twice.
    expect(texts(found[0]!).slice(0, 3)).toEqual([
      ['收入', '', '支出', ''],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', '3,215,600.00', '一、农林水支出', '2,750,000.00'],
    ]);
    expect(texts(found[0]!)[4]).toEqual(['', '', '三、住房保障支出', '315,600.00']);
    // `|||` at the start of the second header row: the cells under 科目编码, 科目名称 and 合计.
    expect(texts(found[1]!).slice(0, 3)).toEqual([
      ['科目编码', '科目名称', '合计', '本年收入', '', '上年结转'],
      ['', '', '', '一般公共预算拨款收入', '其他收入', ''],
      ['', '合计', '3,265,600.00', '3,215,600.00', '', '50,000.00'],
    ]);
    expect(found[1]!.rows[1]!.cells[0]).toEqual({ text: '', line: 46, column: 1 });
    // One data row of bare numbers under a two-row header.
    expect(texts(found[2]!)).toEqual([
      ['合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费', '', ''],
      ['', '', '', '小计', '公务用车购置费', '公务用车运行费'],
      ['36,000.00', '', '12,000.00', '24,000.00', '', '24,000.00'],
    ]);
    const { entity } = ingest('html-bars-saihan-merged.txt');
    expect(entity.tables.map((t) => [t.kind, t.unit])).toEqual([
      ['income-expenditure-summary', '元'],
      ['income-summary', '元'],
      ['three-public', '元'],
    ]);
    expect(entity.totals).toEqual({ income: '326.56', expenditure: '326.56' });
    expect(values(entity.tables[2]!)).toEqual([': 36000.00 | 12000.00 | 24000.00 | 24000.00']);
  });

  it('recognizes a “三公” table in 亿元 and a 收支总表 and 政府采购预算表 in 元', () => {
    const chengdu = ingest('html-bars-chengdu-yiyuan.txt').entity;
    expect(chengdu).toMatchObject({ code: '510100001', name: '成都市财政局', unit: '亿元' });
    expect(chengdu.tables.map((t) => [t.kind, t.unit])).toEqual([['three-public', '亿元']]);
    expect(values(chengdu.tables[0]!)).toEqual(['合计: 2.46', '一、因公出国(境)费: 0.31', '二、公务接待费: 0.42', '三、公务用车购置及运行费: 1.73', '其中:公务用车购置费: 0.58', '公务用车运行费: 1.15']);
    const hengyang = ingest('html-bars-hengyang-yuan.txt').entity;
    expect(hengyang).toMatchObject({ code: '430406101', name: '衡阳市雁峰区民政局' });
    expect(hengyang.tables.map((t) => [t.kind, t.unit])).toEqual([
      ['income-expenditure-summary', '元'],
      ['procurement', '元'],
    ]);
    expect(hengyang.tables[0]!.columns.map((c) => c.label)).toEqual(['收入 / 项目', '收入 / 预算数', '支出 / 项目', '支出 / 预算数']);
    expect(hengyang.totals).toEqual({ income: '876.54321', expenditure: '876.54321' });
    expect(values(hengyang.tables[1]!)).toEqual(['办公设备购置: 120000.00', '养老服务机构运营: [——]', '合计: 120000.00']);
  });
});

describe('space-aligned columns', () => {
  it('works out the columns from aligned numbers and labels, empty cells included', () => {
    const result = readFile('aligned-zhengzhou-wanyuan.txt');
    expect(result.layout).toBe('aligned-columns');
    const [table] = tables(result.blocks);
    expect(texts(table!)).toEqual([
      ['收入', '', '支出', ''],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', '2,345.67', '一、一般公共服务支出', '1,845.67'],
      ['二、政府性基金预算拨款收入', '', '二、社会保障和就业支出', '380.00'],
      ['三、事业收入', '20.00', '三、卫生健康支出', '140.00'],
      ['本年收入合计', '2,365.67', '本年支出合计', '2,365.67'],
      ['上年结转', '—', '结转下年', '—'],
      ['收入总计', '2,365.67', '支出总计', '2,365.67'],
    ]);
    expect(table!.rows[4]!.cells[1]).toEqual({ text: '20.00', line: 11, column: 40 });
    expect(table!.rows[3]!.cells[2]).toEqual({ text: '二、社会保障和就业支出', line: 10, column: 51 });
  });

  it('keeps indented codes and names in their columns', () => {
    const [basic, three] = tables(readFile('aligned-guangzhou-qianyuan.txt').blocks);
    expect(texts(basic!)).toEqual([
      ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
      ['', '合计', '5,432.1', '4,800.0', '632.1'],
      ['210', '卫生健康支出', '5,432.1', '4,800.0', '632.1'],
      ['21001', '卫生健康管理事务', '5,000.0', '4,400.0', '600.0'],
      ['2100101', '行政运行', '5,000.0', '4,400.0', '600.0'],
      ['21011', '行政事业单位医疗', '432.1', '400.0', '32.1'],
      ['2101101', '行政单位医疗', '432.1', '400.0', '32.1'],
    ]);
    expect(texts(three!).slice(4)).toEqual([
      ['公务用车购置及运行费', '60.0'],
      ['其中：公务用车运行费', '60.0'],
      ['公务用车购置费', '—'],
    ]);
  });

  it('recognizes a 部门收支总表 in 万元 and a 基本支出表 and “三公” table in 千元', () => {
    const zhengzhou = ingest('aligned-zhengzhou-wanyuan.txt').entity;
    expect(zhengzhou).toMatchObject({ code: '410105201', name: '郑州市金水区市场监督管理局', unit: '万元' });
    expect(zhengzhou.tables.map((t) => t.kind)).toEqual(['income-expenditure-summary']);
    expect(zhengzhou.totals).toEqual({ income: '2365.67', expenditure: '2365.67' });
    const guangzhou = ingest('aligned-guangzhou-qianyuan.txt').entity;
    expect(guangzhou.tables.map((t) => [t.kind, t.unit, t.number ?? null])).toEqual([
      ['general-budget-basic', '千元', null],
      ['three-public', '千元', null],
    ]);
    expect(guangzhou.tables[0]!.rows.map((r) => r.code ?? r.name)).toEqual(['合计', '210', '21001', '2100101', '21011', '2101101']);
    expect(values(guangzhou.tables[1]!)).toEqual(['合计: 86.0', '因公出国(境)费: [单位不需填列]', '公务接待费: 26.0', '公务用车购置及运行费: 60.0', '其中:公务用车运行费: 60.0', '公务用车购置费: [—]']);
    expect(guangzhou.findings).toEqual([]);
  });

  it('measures columns in display width when the text lines up that way, keeping label-only rows of the right half', () => {
    const result = readFile('aligned-nantong-wide.txt');
    expect(result.layout).toBe('aligned-columns');
    const found = tables(result.blocks);
    expect(found).toHaveLength(2);
    expect(texts(found[0]!)).toEqual([
      ['收入', '', '支出', ''],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', '5,482,300.00', '一、城乡社区支出', '4,860,000.00'],
      ['二、政府性基金预算拨款收入', '', '二、社会保障和就业支出', '352,300.00'],
      ['', '', '三、卫生健康支出', ''],
      ['', '', '四、住房保障支出', '270,000.00'],
      ['本年收入合计', '5,482,300.00', '本年支出合计', '5,482,300.00'],
      ['收入总计', '5,482,300.00', '支出总计', '5,482,300.00'],
    ]);
    expect(found[0]!.rows[4]!.cells[2]).toEqual({ text: '三、卫生健康支出', line: 13, column: 44 });
    // The title and the caption line after a blank line start a table of their own.
    expect(texts(found[1]!)[0]).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    expect(texts(found[1]!)[2]).toEqual(['208', '社会保障和就业支出', '352,300.00', '352,300.00', '']);
    const { entity } = ingest('aligned-nantong-wide.txt');
    expect(entity.tables.map((t) => [t.kind, t.unit])).toEqual([
      ['income-expenditure-summary', '元'],
      ['general-budget-expenditure', '元'],
    ]);
    expect(entity.totals).toEqual({ income: '548.23', expenditure: '548.23' });
  });

  it('puts a group heading centred over amount columns into the header, from its 合计 column on', () => {
    // A 基本支出决算表 in 元 whose 决算数 is printed centred over 合计 | 人员经费 | 公用经费.
    const lines = [
      '某县自然资源局2022年度一般公共预算财政拨款基本支出决算表',
      '',
      '部门：某县自然资源局                              单位：元',
      '',
      '                                                          决算数',
      '经济分类科目编码    经济分类科目名称          合计        人员经费        公用经费',
      '                    合计                 1,254,300.00    1,098,000.00      156,300.00',
      '301                 工资福利支出         1,098,000.00    1,098,000.00',
      '302                 商品和服务支出         156,300.00                      156,300.00',
    ];
    const entity = ingestSource('centred-group.txt', new TextEncoder().encode(`${lines.join('\n')}\n`)).entities[0]!;
    const table = entity.tables[0]!;
    expect([table.kind, table.unit]).toEqual(['general-budget-basic', '元']);
    expect(table.columns.map((c) => c.path.join('/'))).toEqual(['经济分类科目编码', '经济分类科目名称', '决算数/合计', '决算数/人员经费', '决算数/公用经费']);
    expect(values(table)).toEqual(['合计: 1254300.00 | 1098000.00 | 156300.00', '工资福利支出: 1098000.00 | 1098000.00', '商品和服务支出: 156300.00 | 156300.00']);
    expect(entity.findings).toEqual([]);
  });
});

describe('one cell per line without separators', () => {
  it('orders the values by the sub-columns of a two-row header, joining a label wrapped over two lines', () => {
    const result = readFile('cell-lines-ganzhou-sangong.txt');
    expect(result.layout).toBe('cell-lines');
    const [table] = tables(result.blocks);
    expect(table!.headerRows).toBe(2);
    expect(texts(table!)).toEqual([
      ['“三公”经费合计', '因公出国(境)费', '公务用车购置及运行费', '', '', '公务接待费'],
      ['', '', '小计', '公务用车购置费', '公务用车运行费', ''],
      ['56.8', '—', '40.5', '25', '15.5', '16.3'],
    ]);
    expect(table!.rows[0]!.cells[5]).toEqual({ text: '公务接待费', line: 9, column: 1 });
    expect(table!.rows[2]!.cells.map((c) => c.line)).toEqual([14, 15, 16, 17, 18, 19]);
  });

  it('starts a row at a subject code followed by a name and an amount', () => {
    const [table] = tables(readFile('cell-lines-guilin-codes.txt').blocks);
    expect(texts(table!)).toEqual([
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['207', '文化旅游体育与传媒支出', '2,410,000.00', '1,010,000.00', '1,400,000.00'],
      ['20701', '文化和旅游', '2,410,000.00', '1,010,000.00', '1,400,000.00'],
      ['221', '住房保障支出', '204,500.00', '204,500.00', '-'],
    ]);
    expect(table!.rows[1]!.cells[0]).toEqual({ text: '207', line: 10, column: 1 });
  });

  it('finds labelled rows from the count of numbers after each label', () => {
    const [table] = tables(readFile('cell-lines-zunyi-income.txt').blocks);
    expect(texts(table!)).toEqual([
      ['项目', '合计', '一般公共预算拨款', '政府性基金预算拨款', '事业收入'],
      ['合计', '4,860.5', '4,100.0', '560.0', '200.5'],
      ['农林水支出', '4,300.0', '3,740.0', '560.0', '/'],
      ['社会保障和就业支出', '560.5', '360.0', '单位不需填列', '200.5'],
    ]);
  });

  it('recognizes a “三公” table whose columns come from the header and a 收入预算表 in 千元', () => {
    const ganzhou = ingest('cell-lines-ganzhou-sangong.txt').entity;
    expect(ganzhou.tables.map((t) => [t.kind, t.unit])).toEqual([['three-public', '万元']]);
    expect(ganzhou.tables[0]!.columns.map((c) => c.label)).toEqual([
      '“三公”经费合计',
      '因公出国(境)费',
      '公务用车购置及运行费 / 小计',
      '公务用车购置及运行费 / 公务用车购置费',
      '公务用车购置及运行费 / 公务用车运行费',
      '公务接待费',
    ]);
    expect(values(ganzhou.tables[0]!)).toEqual([': 56.8 | [—] | 40.5 | 25 | 15.5 | 16.3']);
    expect(ganzhou.findings).toEqual([]);
    const zunyi = ingest('cell-lines-zunyi-income.txt').entity;
    expect(zunyi.tables.map((t) => [t.kind, t.unit])).toEqual([['income-summary', '千元']]);
    expect(values(zunyi.tables[0]!)).toEqual(['合计: 4860.5 | 4100.0 | 560.0 | 200.5', '农林水支出: 4300.0 | 3740.0 | 560.0 | [/]', '社会保障和就业支出: 560.5 | 360.0 | [单位不需填列] | 200.5']);
    expect(zunyi.findings).toEqual([]);
  });

  it('keeps short complete labels apart while joining a wrapped one', () => {
    const result = read('单位\n项目\n预算\n金额\n某某小学\n公用经费\n120.50\n某某中学\n设备购置\n300.00\n', new Reporter('short.txt'));
    expect(tables(result.blocks).map(texts)).toEqual([
      [
        ['单位', '项目', '预算金额'],
        ['某某小学', '公用经费', '120.50'],
        ['某某中学', '设备购置', '300.00'],
      ],
    ]);
  });

  it('keeps a 合计 row printed without a code under its columns, first or last', () => {
    const first = read(
      '支出总表\n科目编码\n科目名称\n合计\n基本支出\n项目支出\n合计\n520.00\n400.00\n120.00\n213\n农林水支出\n520.00\n400.00\n120.00\n21301\n农业农村\n520.00\n400.00\n120.00\n',
      new Reporter('first.txt'),
    );
    expect(tables(first.blocks).map(texts)).toEqual([
      [
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['', '合计', '520.00', '400.00', '120.00'],
        ['213', '农林水支出', '520.00', '400.00', '120.00'],
        ['21301', '农业农村', '520.00', '400.00', '120.00'],
      ],
    ]);
    expect(tables(first.blocks)[0]!.rows[1]!.cells[1]).toEqual({ text: '合计', line: 7, column: 1 });
    const last = read('科目编码\n科目名称\n金额\n205\n教育支出\n88.10\n20502\n普通教育\n88.10\n总计\n88.10\n', new Reporter('last.txt'));
    expect(tables(last.blocks).map(texts)).toEqual([
      [
        ['科目编码', '科目名称', '金额'],
        ['205', '教育支出', '88.10'],
        ['20502', '普通教育', '88.10'],
        ['', '总计', '88.10'],
      ],
    ]);
  });

  it('reads a two-sided 收支总表 whose longer side leaves the other side\'s cells out', () => {
    const result = read(
      [
        '收入', '支出', '项目', '预算数', '项目', '预算数',
        '一、财政拨款收入', '75.00', '一、教育支出', '60.00',
        '二、事业收入', '5.00', '二、卫生健康支出', '10.00',
        '三、住房保障支出', '10.00',
        '本年收入合计', '80.00', '本年支出合计', '80.00',
        '上年结转', '-', '结转下年', '-',
      ].join('\n'),
      new Reporter('sides.txt'),
    );
    expect(tables(result.blocks).map(texts)).toEqual([
      [
        ['收入', '', '支出', ''],
        ['项目', '预算数', '项目', '预算数'],
        ['一、财政拨款收入', '75.00', '一、教育支出', '60.00'],
        ['二、事业收入', '5.00', '二、卫生健康支出', '10.00'],
        ['', '', '三、住房保障支出', '10.00'],
        ['本年收入合计', '80.00', '本年支出合计', '80.00'],
        ['上年结转', '-', '结转下年', '-'],
      ],
    ]);
    expect(tables(result.blocks)[0]!.headerRows).toBe(2);
  });

  it('reads a two-sided table whose header names each side in its labels', () => {
    const result = read(['收入项目', '金额', '支出项目', '金额', '财政拨款收入', '12.00', '教育支出', '12.00', '收入合计', '12.00', '支出合计', '12.00'].join('\n'), new Reporter('named.txt'));
    expect(tables(result.blocks).map(texts)).toEqual([
      [
        ['收入项目', '金额', '支出项目', '金额'],
        ['财政拨款收入', '12.00', '教育支出', '12.00'],
        ['收入合计', '12.00', '支出合计', '12.00'],
      ],
    ]);
  });

  it('leaves the income side alone when the expenditure side is the shorter one', () => {
    const result = read(
      ['项目', '金额', '项目', '金额', '一般公共预算拨款收入', '30.00', '一般公共服务支出', '36.00', '事业收入', '6.00', '收入总计', '36.00', '支出总计', '36.00'].join('\n'),
      new Reporter('left.txt'),
    );
    expect(tables(result.blocks).map(texts)).toEqual([
      [
        ['项目', '金额', '项目', '金额'],
        ['一般公共预算拨款收入', '30.00', '一般公共服务支出', '36.00'],
        ['事业收入', '6.00', '', ''],
        ['收入总计', '36.00', '支出总计', '36.00'],
      ],
    ]);
  });

  it('leaves a list of short lines with page numbers as text', () => {
    const result = read('目录\n部门收支总表\n3\n收入总表\n4\n支出总表\n5\n', new Reporter('toc.txt'));
    expect(tables(result.blocks)).toEqual([]);
  });
});

describe('text a layout shows but no table can hold', () => {
  it('reports bar cells whose row width nothing shows, and keeps their text', () => {
    const reporter = new Reporter('bars.txt');
    const result = read('说明文字\n甲 |\n乙 |\n丙 |\n', reporter);
    expect(tables(result.blocks)).toEqual([]);
    expect(result.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type))).toEqual(['说明文字', '甲', '乙', '丙']);
    expect(reporter.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['read:cells-without-rows', 2, 1],
      ['read:unknown-layout', 0, 1],
    ]);
    expect(result.layout).toBe('plain');
  });

  it('reports numbers one per line with no header of their count, and keeps them as text', () => {
    const reporter = new Reporter('values.txt');
    const result = read('2024年预算\n说明\n123.45\n678.90\n111.11\n', reporter);
    expect(tables(result.blocks)).toEqual([]);
    expect(result.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(5);
    expect(reporter.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['read:values-without-header', 3],
      ['read:unknown-layout', 0],
    ]);
  });

  it('keeps a table page squashed onto one line of plain text as tokens', () => {
    const line = '教育局 2020年部门预算 表1 部门收支总表 单位:万元 一、一般公共预算拨款收入 16,745.59 一、一般公共服务支出 二、教育支出 12,204.85 三、社会保障和就业支出 1,663.86 四、卫生健康支出 1,235.48 五、住房保障支出 1,641.40';
    const result = read(`${line}\n`, new Reporter('flat.txt'));
    expect(result.layout).toBe('plain');
    const [block] = result.blocks;
    expect(block?.type).toBe('flat');
    if (block?.type === 'flat') expect(block.tokens.find((t) => t.text === '1,663.86')).toMatchObject({ line: 1, column: 94 });
  });
});

describe('documents mixing layouts', () => {
  it('reads tab rows, bar rows and an aligned table of one document', () => {
    const result = readFile('mixed-hangzhou.txt');
    expect(result.layout).toBe('tsv');
    const found = tables(result.blocks);
    expect(found.map((t) => [t.line, t.endLine])).toEqual([
      [7, 11],
      [15, 19],
      [23, 24],
    ]);
    expect(texts(found[1]!)[1]).toEqual(['合计', '12.30', '13.00']);
    expect(texts(found[2]!)).toEqual([
      ['项目', '合计', '基本支出', '项目支出'],
      ['合计', '0.00', '—', '0.00'],
    ]);
    const { entity } = ingest('mixed-hangzhou.txt');
    expect(entity.tables.map((t) => t.kind)).toEqual(['income-expenditure-summary', 'three-public', 'government-fund-expenditure']);
    expect(entity.totals).toEqual({ income: '612.40', expenditure: '612.40' });
  });
});
