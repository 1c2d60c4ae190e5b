/**
 * The library behind the pages (no browser needed): money formatting,
 * header layout, CSV, and the key figures derived from the seeds' tables.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/ingest/model/schema.ts';
import { entitySummary } from '../../src/lib/figures.ts';
import { demoteHeadings, percent, printedText, termKey, toWan, wan } from '../../src/lib/format.ts';
import { headerGrid, rowAnchors, tableCsv } from '../../src/lib/tables.ts';
import { parseCsv } from '../support/model.ts';

const load = (id: string) => JSON.parse(readFileSync(`content/entities/${id}.json`, 'utf8')) as Entity;

describe('format', () => {
  it('converts 元 to 万元 exactly and formats without losing digits', () => {
    expect(toWan('12753171.62', '元')).toBe('1275.317162');
    expect(toWan('724.39', '万元')).toBe('724.39');
    expect(toWan('30000', '元')).toBe('3.00');
    expect(wan('1275.317162')).toBe('约 1,275.32');
    expect(wan('3')).toBe('3.00');
    expect(wan(undefined)).toBe('未公开');
  });
  it('computes shares exactly', () => {
    expect(percent('435.10', '724.39')).toBe('60.1%');
    expect(percent('1', '3')).toBe('33.3%');
    expect(percent('2', '3')).toBe('66.7%');
    expect(percent('1', '0')).toBe('');
  });
  it('shows printed text without emphasis markup and never as HTML', () => {
    expect(printedText('<b>724.39</b>')).toBe('724.39');
    expect(printedText('**合计**')).toBe('合计');
    expect(printedText('<script>x</script>')).toBe('<script>x</script>');
  });
  it('matches glossary terms across spacing, brackets, quotes and enumerators', () => {
    expect(termKey('一、因公出国（境）费')).toBe(termKey('因公出国(境)费'));
    expect(termKey('“三公”经费')).toBe(termKey('"三公"经费'));
  });
  it('demotes headings of section HTML', () => {
    expect(demoteHeadings('<h1>a</h1><h5 id="x">b</h5><hr>', 3)).toBe('<h4>a</h4><h6 id="x">b</h6><hr>');
  });
});

describe('tables', () => {
  const dept = load('jiyuanchanchengrongheshifanqu-2024-036');
  const income = dept.tables.find((t) => t.id === 'income-summary')!;

  it('lays the header tree out as rows with colspans and rowspans covering every column', () => {
    const { rows, leafChains } = headerGrid(income);
    expect(rows.length).toBe(3);
    expect(rows[0]!.map((h) => [h.label, h.colspan, h.rowspan])).toEqual([
      ['部门代码', 1, 3],
      ['部门名称', 1, 3],
      ['总计', 1, 3],
      ['本年收入', 11, 1],
      ['上年结转结余', 6, 1],
    ]);
    expect(rows[1]!.find((h) => h.label === '一般公共预算')!.colspan).toBe(2);
    expect(rows[1]!.find((h) => h.label === '合计')!.rowspan).toBe(2);
    expect(leafChains.length).toBe(income.columns.length);
    for (const chain of leafChains) expect(chain.length).toBeGreaterThan(0);
    // Each row of the grid spans the columns not already covered by a rowspan from above.
    const covered = Array.from({ length: rows.length }, () => 0);
    rows.forEach((row, r) => {
      for (const h of row) for (let k = r; k < r + h.rowspan; k++) covered[k]! += h.colspan;
    });
    expect(covered).toEqual(rows.map(() => income.columns.length));
  });

  it('gives rows sharing a source line distinct anchors', () => {
    const partial = load('xinglongxian-2025-362001').tables.find((t) => t.id === 'income-summary')!;
    const anchors = rowAnchors(partial);
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(anchors[0]).toBe('r-69');
    expect(anchors[1]).toBe('r-69-2');
  });

  it('writes CSV with a BOM, full labels, quoted commas and a column for unplaced numbers', () => {
    const csv = tableCsv(dept.tables.find((t) => t.id === 'economic-summary')!, { unit: dept.name, code: dept.code, year: dept.year });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]!.slice(0, 4)).toEqual(['单位', '单位代码', '年度', '部门预算经济分类 / 科目编码 / 类']);
    expect(rows[1]).toContain('6,465.30');
    const county = load('xinglongxian-2025-362001');
    const partial = tableCsv(county.tables.find((t) => t.id === 'income-summary')!, { unit: county.name, code: county.code, year: county.year });
    const prow = parseCsv(partial.slice(1));
    expect(prow[0]!.slice(-2)).toEqual(['位置未能确定的数字', '原文行']);
    expect(prow[1]!.at(-2)).toBe('3912.31 3909.31 3909.31 3.00');
  });
});

describe('key figures', () => {
  const names = () => undefined;
  it('reads 450001 from its tables and its explanation', () => {
    const s = entitySummary(load('qinhuangdaoshi-2024-450001'), names);
    expect([s.income.value, s.expenditure.value, s.basic.value, s.project.value, s.personnel.value, s.office.value, s.threePublic.value, s.running.value]).toEqual([
      '724.39', '724.39', '435.10', '289.29', '384.45', '50.65', '3.84', '50.65',
    ]);
    expect(s.basic.href).toMatch(/\/units\/qinhuangdaoshi-2024-450001\/tables\/expenditure-summary\/#r-\d+$/);
    expect(s.running.href).toBe('/sources/000_254f1c56485b7ccb/#L427');
    expect(s.threePublicParts.map((p) => [p.label, p.status, p.value])).toEqual([
      ['因公出国（境）费', 'blank', undefined],
      ['公务用车购置及运行费', 'ok', '3.60'],
      ['公务接待费', 'ok', '0.24'],
    ]);
    expect(s.byFunction!.items.map((i) => [i.code, i.value])).toEqual([['208', '59.14'], ['210', '635.16'], ['221', '30.09']]);
    expect(s.byFunction!.summed).toBe(false);
  });
  it('converts a document printed in 元 and falls back to the basic-expenditure table', () => {
    const s = entitySummary(load('xianshi-beilinqu-2024-231002'), names);
    expect(s.basic.value).toBe('1086.377162');
    expect(s.project.value).toBe('188.94');
    expect(s.threePublic.status).toBe('empty');
    expect(s.running.status).toBe('missing');
  });
  it('sums 项 rows by 类 for a department table without 类 rows, and reads a one-row 三公 table by column', () => {
    const s = entitySummary(load('jiyuanchanchengrongheshifanqu-2024-036'), (c) => (c === '212' ? '城乡社区支出' : undefined));
    expect(s.byFunction!.summed).toBe(true);
    expect(s.byFunction!.items.find((i) => i.code === '212')).toEqual({ code: '212', name: '城乡社区支出', value: '967.70' });
    expect(s.threePublic.value).toBe('3.20');
    expect(s.threePublicParts.map((p) => p.value)).toEqual([undefined, '2.00', '1.20']);
  });
  it('says so when a total is printed but its column could not be recovered', () => {
    const s = entitySummary(load('xinglongxian-2025-362001'), names);
    expect(s.threePublic.status).toBe('unplaced');
    expect(s.running.value).toBe('29.85');
  });
});

