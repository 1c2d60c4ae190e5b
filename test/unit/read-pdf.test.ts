import { greyPng } from '../../src/bench/png.ts';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import type { Cell, TableBlock } from '../../src/ingest/read/blocks.ts';
import { readPdf } from '../../src/ingest/read/originals/pdf.ts';
import { gridsOf, tableOfGrid } from '../../src/ingest/read/originals/pdf/ruled.ts';
import type { OriginalReading } from '../../src/ingest/read/originals/types.ts';
import { recognize } from '../../src/ingest/recognize/index.ts';
import { BUDGET_DOCUMENT, UNRULED_DOCUMENT } from '../support/pdf-fixtures.ts';
import { CJK_FONT_FILE, requireCjkFont, writePdf } from '../../src/bench/pdf-writer.ts';

const tables = (reading: OriginalReading) => reading.blocks.filter((b): b is TableBlock => b.type === 'table');
const texts = (cells: readonly Cell[]) => cells.map((c) => c.text);
const spans = (cells: readonly Cell[]) => cells.map((c) => [c.rowSpan ?? 1, c.colSpan ?? 1]);
const pageOf = (reading: OriginalReading, line: number) => reading.printedAt[line - 1]?.page;

describe('PDF reader on a budget printed with ruled tables', { timeout: 300_000 }, () => {
  let reading: OriginalReading;
  let reporter: Reporter;
  beforeAll(async () => {
    requireCjkFont();
    reporter = new Reporter('budget.pdf');
    reading = (await readPdf(await writePdf(BUDGET_DOCUMENT, { footer: true }), reporter))!;
  }, 300_000);

  it('reads every page, reports nothing and leaves page footers out', () => {
    expect(reading.format).toBe('pdf');
    expect(reading.parts).toBe(3);
    expect(reporter.messages).toEqual([]);
    expect(reading.lines.filter((l) => /第\s*\d+\s*页/.test(l))).toEqual([]);
  });

  it('keeps the title as a heading and joins the lines of a paragraph', () => {
    expect(reading.blocks[0]).toMatchObject({ type: 'heading', depth: 2, text: '桐江市文化旅游局2026年部门预算', line: 1 });
    const paragraph = reading.blocks[1]!;
    expect(paragraph.type).toBe('paragraph');
    expect(paragraph.type === 'paragraph' && paragraph.text).toBe(
      '桐江市文化旅游局主要负责全市公共文化服务体系建设、文物保护和旅游市场管理。本部门预算包括局本级和所属图书馆、文化馆的收支，收入和支出均按功能分类科目列示，金额单位为万元。',
    );
    expect(reading.lines).toContain('单位：万元');
    expect(reading.lines).toContain('604012 桐江市文化旅游局');
  });

  it('reads the two-sided summary with its merged 收入 and 支出 header cells', () => {
    const summary = tables(reading)[0]!;
    expect(summary.rows).toHaveLength(8);
    expect(texts(summary.rows[0]!.cells)).toEqual(['收入', '', '支出', '']);
    expect(spans(summary.rows[0]!.cells)).toEqual([[1, 2], [1, 1], [1, 2], [1, 1]]);
    expect(texts(summary.rows[1]!.cells)).toEqual(['项目', '预算数', '项目', '预算数']);
    expect(texts(summary.rows[2]!.cells)).toEqual(['一、一般公共预算拨款收入', '1,286.40', '一、一般公共服务支出', '']);
    expect(texts(summary.rows[5]!.cells)).toEqual(['四、事业收入', '—', '四、住房保障支出', '83.00']);
    const row = summary.rows[4]!;
    expect(row.cells.map((c) => [c.line, c.column])).toEqual([[row.line, 1], [row.line, 16], [row.line, 17], [row.line, 29]]);
    expect(reading.lines[row.line - 1]).toBe('三、国有资本经营预算拨款收入\t\t三、社会保障和就业支出\t142.68');
    expect(pageOf(reading, row.line)).toBe(2);
  });

  it('reads the expenditure table over two pages, each part with its two-row merged header', () => {
    const [, first, second] = tables(reading);
    expect(texts(first!.rows[0]!.cells)).toEqual(['功能分类科目', '', '合计', '基本支出', '项目支出']);
    expect(spans(first!.rows[0]!.cells)).toEqual([[1, 2], [1, 1], [2, 1], [2, 1], [2, 1]]);
    expect(texts(first!.rows[1]!.cells)).toEqual(['科目编码', '科目名称', '', '', '']);
    expect(texts(first!.rows[2]!.cells)).toEqual(['', '合计', '1,406.40', '612.30', '794.10']);
    expect(texts(first!.rows[7]!.cells)).toEqual(['2070108', '文化活动', '(12.00)', '', '(12.00)']);
    expect(texts(first!.rows[9]!.cells)).toEqual(['2070199', '其他文化和旅游支出', '—', '', '—']);
    expect(texts(first!.rows.at(-1)!.cells)).toEqual(['2080505', '机关事业单位基本养老保险缴费支出', '112.08', '112.08', '']);
    expect(pageOf(reading, first!.line)).toBe(2);
    expect(texts(second!.rows[0]!.cells)).toEqual(['功能分类科目', '', '合计', '基本支出', '项目支出']);
    expect(texts(second!.rows[2]!.cells)).toEqual(['221', '住房保障支出', '83.00', '83.00', '']);
    expect(texts(second!.rows.at(-1)!.cells)).toEqual(['2210203', '购房补贴', '-12.00', '-12.00', '']);
    expect(second!.rows.map((r) => pageOf(reading, r.line))).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it('gives the recognizer the standard tables, the table over two pages as one', () => {
    const recognizer = new Reporter('budget.pdf');
    const recognized = recognize(reading.blocks, recognizer, reading.lines.length);
    expect(recognized.year).toBe(2026);
    expect(recognized.unit).toBe('万元');
    expect(recognized.entities.map((e) => [e.identity.code, e.identity.name])).toEqual([['604012', '桐江市文化旅游局']]);
    const [summary, expenditure] = recognized.entities[0]!.tables;
    expect(summary!.kind).toBe('income-expenditure-summary');
    expect(summary!.columns.map((c) => c.label)).toEqual(['收入 / 项目', '收入 / 预算数', '支出 / 项目', '支出 / 预算数']);
    expect(summary!.rows.at(-1)!.cells.map((c) => c.value ?? null)).toEqual([null, '1406.40', null, '1406.40']);
    expect(expenditure!.kind).toBe('expenditure-summary');
    expect(expenditure!.parts).toHaveLength(2);
    expect(expenditure!.columns.map((c) => c.label)).toEqual(['功能分类科目 / 科目编码', '功能分类科目 / 科目名称', '合计', '基本支出', '项目支出']);
    expect(expenditure!.rows.map((r) => r.code ?? '')).toEqual([
      '', '207', '20701', '2070101', '2070104', '2070108', '2070109', '2070199', '208', '20805', '2080501', '2080505', '221', '22102', '2210201', '2210203',
    ]);
    const values = (code: string) => expenditure!.rows.find((r) => r.code === code)!.cells.slice(2).map((c) => c.value ?? null);
    expect(values('2070108')).toEqual(['-12.00', null, '-12.00']);
    expect(values('2070199')).toEqual([null, null, null]);
    expect(values('2210203')).toEqual(['-12.00', '-12.00', null]);
    expect(values('207')).toEqual(['1180.72', '386.62', '794.10']);
  });
});

async function pdfWith(draw: (doc: InstanceType<typeof PDFDocument>) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('PDF reader on the bytes a file read gives', { timeout: 300_000 }, () => {
  it('reads a PDF handed over as a Node Buffer, as the corpus ingest reads files', async () => {
    const reporter = new Reporter('buffer.pdf');
    const bytes = await writePdf(UNRULED_DOCUMENT);
    const reading = await readPdf(Buffer.from(bytes), reporter);
    expect(reporter.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(reading?.parts).toBe(1);
  });
});

describe('PDF reader on a table printed without rules', { timeout: 300_000 }, () => {
  it('finds the columns from the amounts, a header label over two columns and labels merged down the header', async () => {
    const reporter = new Reporter('unruled.pdf');
    const reading = (await readPdf(await writePdf(UNRULED_DOCUMENT), reporter))!;
    expect(reporter.messages).toEqual([]);
    // The captions beside each other stay lines of their own, above the table.
    expect(reading.lines.slice(0, 4)).toEqual(['一般公共预算“三公”经费支出表', '532801 澜沧县林业和草原局', '预算年度：2026', '单位：元']);
    const [table] = tables(reading);
    expect(table!.rows.map((r) => texts(r.cells))).toEqual([
      ['项目', '本年预算数', '', '上年预算数'],
      ['', '小计', '其中：财政拨款', ''],
      ['合计', '12,800.00', '12,800.00', '15,600.00'],
      ['因公出国（境）费', '—', '—', '—'],
      ['公务接待费', '3,200.00', '3,200.00', '4,100.00'],
      ['公务用车购置及运行费', '9,600.00', '9,600.00', '11,500.00'],
      ['其中：公务用车运行费', '9,600.00', '9,600.00', '(1,500.00)'],
    ]);
    expect(spans(table!.rows[0]!.cells)).toEqual([[2, 1], [1, 2], [1, 1], [2, 1]]);
    expect(reading.lines.at(-1)).toBe('注：本单位2026年无因公出国（境）费预算。');

    const recognized = recognize(reading.blocks, reporter, reading.lines.length);
    const [three] = recognized.entities[0]!.tables;
    expect(three!.kind).toBe('three-public');
    expect(three!.unit).toBe('元');
    expect(three!.columns.map((c) => c.label)).toEqual(['项目', '本年预算数 / 小计', '本年预算数 / 其中:财政拨款', '上年预算数']);
    expect(three!.rows.map((r) => r.cells.map((c) => c.value ?? null))).toEqual([
      [null, '12800.00', '12800.00', '15600.00'],
      [null, null, null, null],
      [null, '3200.00', '3200.00', '4100.00'],
      [null, '9600.00', '9600.00', '11500.00'],
      [null, '9600.00', '9600.00', '-1500.00'],
    ]);
    expect(three!.note).toBe('注：本单位2026年无因公出国（境）费预算。');
  });
});

describe('PDF reader on text written as one string over several cells', { timeout: 300_000 }, () => {
  it('cuts a string printed across a rule at its spaces, and a line padded with spaces at the padding', async () => {
    requireCjkFont();
    const reporter = new Reporter('padded.pdf');
    const bytes = await pdfWith((doc) => {
      doc.font(CJK_FONT_FILE, 'NotoSansCJKsc-Regular').fontSize(10);
      doc.text('单位名称：南浦县水利局                        单位：万元', 50, 60, { lineBreak: false });
      doc.lineWidth(0.5);
      for (const y of [100, 120, 140]) doc.moveTo(50, y).lineTo(350, y).stroke();
      for (const x of [50, 200, 350]) doc.moveTo(x, 100).lineTo(x, 140).stroke();
      doc.text('项目', 55, 105, { lineBreak: false });
      doc.text('金额', 205, 105, { lineBreak: false });
      // One string for both cells of the row, as some writers print a row.
      doc.text(`水利工程运行维护${' '.repeat(60)}1,024.50`, 55, 125, { lineBreak: false });
    });
    const reading = (await readPdf(bytes, reporter))!;
    expect(reading.lines).toEqual(['单位名称：南浦县水利局', '单位：万元', '', '项目\t金额', '水利工程运行维护\t1,024.50']);
  });
});

describe('ruled grid', () => {
  it('cuts a run printed across a rule at its spaces', () => {
    const grid = gridsOf([
      { horizontal: true, pos: 100, from: 50, to: 350 },
      { horizontal: true, pos: 120, from: 50, to: 350 },
      { horizontal: false, pos: 50, from: 100, to: 120 },
      { horizontal: false, pos: 200, from: 100, to: 120 },
      { horizontal: false, pos: 350, from: 100, to: 120 },
    ]);
    expect(grid).toHaveLength(1);
    const run = { text: '合计 1,024.50', x0: 55, x1: 345, top: 105, bottom: 115, size: 10 };
    expect(tableOfGrid(grid[0]!, [run]).rows.map((r) => r.map((c) => c.text))).toEqual([['合计', '1,024.50']]);
  });

  it('keeps two tables stacked on a page apart when their right borders differ by a point', () => {
    const box = (top: number, bottom: number, right: number) => [
      { horizontal: true, pos: top, from: 50, to: right },
      { horizontal: true, pos: bottom, from: 50, to: right },
      { horizontal: false, pos: 50, from: top, to: bottom },
      { horizontal: false, pos: 200, from: top, to: bottom },
      { horizontal: false, pos: right, from: top, to: bottom },
    ];
    // The lower table (ending at 788) sorts before the upper one (790) along the shared border.
    const grids = gridsOf([...box(50, 280, 790), ...box(320, 410, 788)]);
    expect(grids.map((g) => [g.ys[0], g.ys.at(-1)])).toEqual([
      [50, 280],
      [320, 410],
    ]);
  });
});

describe('PDF reader on frames', { timeout: 300_000 }, () => {
  it('reads a title and a note drawn inside a table frame as lines, and text in a plain box as text', async () => {
    const reporter = new Reporter('framed.pdf');
    const bytes = await writePdf([
      { paragraph: '本部门无政府性基金预算收支，以下为空表说明。' },
      {
        table: {
          widths: [200, 100, 150],
          amountColumns: [1],
          header: [[{ text: '项目支出预算表', colSpan: 3 }], ['项目名称', '金额', '备注']],
          rows: [['图书采购', '52.00', ''], ['文物普查', '1,208.00', '跨年度'], [{ text: '注：金额单位为万元。', colSpan: 3 }]],
        },
      },
    ]);
    const reading = (await readPdf(bytes, reporter))!;
    expect(reading.lines).toEqual(['本部门无政府性基金预算收支，以下为空表说明。', '项目支出预算表', '', '项目名称\t金额\t备注', '图书采购\t52.00\t', '文物普查\t1,208.00\t跨年度', '', '注：金额单位为万元。']);

    const boxed = new Reporter('boxed.pdf');
    const box = await pdfWith((doc) => {
      doc.rect(40, 40, 515, 760).stroke();
      doc.font(CJK_FONT_FILE, 'NotoSansCJKsc-Regular').fontSize(11).text('一、部门主要职责', 60, 80);
      doc.text('负责全县水资源的统一规划和管理。', 60, 100);
    });
    expect((await readPdf(box, boxed))!.lines).toEqual(['一、部门主要职责', '负责全县水资源的统一规划和管理。']);
  });
});

describe('PDF reader on page furniture', { timeout: 300_000 }, () => {
  it('leaves out “第 N 页，共 M 页” even on a document of two pages', async () => {
    const reporter = new Reporter('two.pdf');
    const reading = await readPdf(await writePdf([{ paragraph: '第一部分 部门职责' }, { pageBreak: true }, { paragraph: '第二部分 预算说明' }], { footer: true }), reporter);
    expect(reading?.lines).toEqual(['第一部分 部门职责', '', '第二部分 预算说明']);
    expect(reading?.printedAt).toEqual([{ page: 1 }, undefined, { page: 2 }]);
  });
});

describe('PDF reader on bad originals', { timeout: 300_000 }, () => {
  const rules = (reporter: Reporter) => reporter.messages.map((m) => [m.ruleId, m.severity]);

  it('reports a password-protected PDF as encrypted, in Chinese', async () => {
    const reporter = new Reporter('locked.pdf');
    const bytes = await writePdf([{ heading: '加密的预算' }], { userPassword: 'secret' });
    expect(await readPdf(bytes, reporter)).toBeNull();
    expect(rules(reporter)).toEqual([['decode:encrypted', 'error']]);
    expect(reporter.messages[0]!.message).toContain('已加密');
  });

  it('reads a PDF that restricts only printing or copying (an owner password, no user password)', async () => {
    const reporter = new Reporter('restricted.pdf');
    const bytes = await writePdf([{ heading: '限制编辑的预算' }], { ownerPassword: 'owner', userPassword: '' });
    const reading = await readPdf(bytes, reporter);
    expect(reading?.lines).toEqual(['限制编辑的预算']);
  });

  it('reports bytes that are no PDF, and a PDF cut short, as corrupt without throwing', async () => {
    const notPdf = new Reporter('notes.pdf');
    expect(await readPdf(new TextEncoder().encode('这不是一个 PDF 文件。'), notPdf)).toBeNull();
    expect(rules(notPdf)).toEqual([['decode:corrupt', 'error']]);

    const whole = await writePdf(BUDGET_DOCUMENT);
    const cut = new Reporter('cut.pdf');
    const reading = await readPdf(whole.subarray(0, 900), cut);
    expect(reading === null || reading.lines.length < 40).toBe(true);
    expect(cut.messages.map((m) => m.ruleId).every((id) => id.startsWith('decode:'))).toBe(true);
    expect(cut.messages.length).toBeGreaterThan(0);
  });

  it('says a scan without a text layer needs OCR', async () => {
    const reporter = new Reporter('scan.pdf');
    const bytes = await pdfWith((doc) => {
      doc.image(greyPng(60, 80), 50, 50, { width: 495 });
      doc.addPage();
      doc.image(greyPng(60, 80), 50, 50, { width: 495 });
    });
    expect(await readPdf(bytes, reporter)).toBeNull();
    expect(rules(reporter)).toEqual([['decode:needs-ocr', 'error']]);
    expect(reporter.messages[0]!.message).toContain('OCR');
  });

  it('says a PDF of blank pages has nothing to read', async () => {
    const reporter = new Reporter('blank.pdf');
    const bytes = await pdfWith((doc) => {
      doc.rect(100, 100, 200, 100).stroke();
      doc.addPage();
    });
    expect(await readPdf(bytes, reporter)).toBeNull();
    expect(rules(reporter)).toEqual([['decode:no-text', 'error']]);
  });

  it('reads the text pages of a PDF with one scanned page and names that page', async () => {
    requireCjkFont();
    const reporter = new Reporter('mixed.pdf');
    const bytes = await pdfWith((doc) => {
      doc.font(CJK_FONT_FILE, 'NotoSansCJKsc-Regular').text('第一部分 部门概况');
      doc.addPage();
      doc.image(greyPng(60, 80), 50, 50, { width: 495 });
      doc.addPage();
    });
    const reading = await readPdf(bytes, reporter);
    expect(reading?.lines).toEqual(['第一部分 部门概况']);
    expect(reading?.parts).toBe(3);
    // Page 3 is blank: only the scanned page 2 needs OCR.
    expect(reporter.messages.map((m) => [m.ruleId, m.severity, m.message.includes('第 2 页')])).toEqual([['decode:needs-ocr', 'warning', true]]);
  });
});
