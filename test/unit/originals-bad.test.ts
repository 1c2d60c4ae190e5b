/**
 * Bad originals never stop the ingest and never lose the file: each gets a
 * Chinese diagnostic on its source, the original is still offered for
 * download, and the other documents of the folder are read as usual.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedFiles } from '../../src/ingest/corpus.ts';
import { ingestFile } from '../../src/ingest/ingest.ts';
import { ingestAll } from '../../src/ingest/parallel.ts';
import { originalFormatOf } from '../../src/ingest/read/originals/index.ts';
import { oleContainer, writeDocx, writeXlsm, writeXlsx, xlsxWithUncomputedFormula, type Item } from '../../src/bench/write-originals.ts';
import { HAN_RE } from '../../src/ingest/han.ts';

const ITEMS: Item[] = [
  { kind: 'heading', depth: 2, text: '单位预算支出总表' },
  { kind: 'paragraph', text: '530102 示例区农业农村局本级' },
  { kind: 'paragraph', text: '预算年度：2025' },
  { kind: 'paragraph', text: '单位：万元' },
  {
    kind: 'table',
    rows: [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', '30.00', '20.00', '10.00'],
      ['213', '农林水支出', '30.00', '20.00', '10.00'],
    ],
  },
];

const encrypted = oleContainer({ EncryptionInfo: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: new Uint8Array(64).fill(7) });
const oldWord = oleContainer({ WordDocument: new Uint8Array(512).fill(1), '1Table': new Uint8Array(64) });
const wholeDocx = await writeDocx(ITEMS);
const truncatedDocx = wholeDocx.slice(0, Math.floor(wholeDocx.length / 2));

const cases: [string, Uint8Array, string, RegExp][] = [
  ['加密.xlsx', encrypted, 'decode:encrypted', /密码/],
  ['加密.docx', encrypted, 'decode:encrypted', /密码/],
  ['损坏的旧版.doc', oldWord, 'decode:unreadable-original', /Word 97-2003（DOC）文件无法读取/],
  ['下载不全.docx', truncatedDocx, 'decode:corrupt-zip', /损坏/],
  ['公式.xlsx', xlsxWithUncomputedFormula(), 'read:formula-without-value', /支出.*B3.*没有保存公式的计算结果/],
  ['含宏.xlsm', writeXlsm(ITEMS), 'decode:macros', /宏不会运行/],
];

describe('bad originals', () => {
  it.each(cases)('%s: a located Chinese diagnostic, the file kept for download', async (file, bytes, ruleId, message) => {
    const { source } = await ingestFile(file, bytes);
    const diagnostic = source.diagnostics.find((d) => d.ruleId === ruleId);
    expect(diagnostic?.message).toMatch(message);
    expect(source.original?.download).toBe(file);
    expect(source.bytes).toBe(bytes.length);
  });

  it('a PDF that gives no text is kept for download with an error saying so', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n%\xe2\xe3\n');
    const { source, entities } = await ingestFile('扫描件.pdf', bytes);
    expect(source.format).toBe('pdf');
    expect(entities).toEqual([]);
    expect(source.diagnostics.some((d) => d.severity === 'error' && HAN_RE.test(d.message))).toBe(true);
    expect(source.original?.download).toBe('扫描件.pdf');
  });

  it('the formula saved without its value is located on its line and read as an empty cell', async () => {
    const { source } = await ingestFile('公式.xlsx', xlsxWithUncomputedFormula());
    const d = source.diagnostics.find((x) => x.ruleId === 'read:formula-without-value')!;
    expect(source.original!.text[d.line - 1]).toBe('合计\t');
    expect(source.original!.printedAt.find((p) => p.line === d.line)).toEqual({ line: d.line, sheet: '支出', cell: 'A3' });
  });

  it('a macro-enabled workbook is still read', async () => {
    const { entities } = await ingestFile('含宏.xlsm', writeXlsm(ITEMS));
    expect(entities.map((e) => e.code)).toEqual(['530102']);
  });

  it('tells formats by their bytes, whatever the name says', async () => {
    expect(originalFormatOf('a.xls', writeXlsx(ITEMS))).toBe('xlsx');
    expect(originalFormatOf('a.txt', wholeDocx)).toBe('docx');
    expect(originalFormatOf('a.bin', oldWord)).toBe('doc');
    expect(originalFormatOf('page.txt', new TextEncoder().encode('<!DOCTYPE html><html><body><p>预算</p></body></html>'))).toBe('html');
    expect(originalFormatOf('a.txt', new TextEncoder().encode('预算年度：2025'))).toBeNull();
  });

  describe('in a folder with good documents', () => {
    const dir = mkdtempSync(join(tmpdir(), 'originals-'));
    const cache = mkdtempSync(join(tmpdir(), 'originals-cache-'));
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    });
    it('the rest of the corpus is read', async () => {
      for (const [file, bytes] of cases) writeFileSync(join(dir, file), bytes);
      writeFileSync(join(dir, '正常.xlsx'), writeXlsx(ITEMS));
      const { records } = await ingestAll(dir, seedFiles(dir), cache);
      expect(records).toHaveLength(cases.length + 1);
      const good = records.find((r) => r.source.file === '正常.xlsx')!;
      expect(good.entities.map((e) => e.code)).toEqual(['530102']);
      expect(good.source.format).toBe('xlsx');
      expect(records.every((r) => r.source.original?.download === r.source.file)).toBe(true);
    });
  });
});
