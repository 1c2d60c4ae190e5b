/**
 * A code printed on several rows of a table: its parts are summed, its own
 * subtotal never added to them; subject pages, charts and key figures use the
 * rule, and a figure the document prints twice with different amounts shows
 * both. Hand-built documents (a cross-classified 云南 basic-expenditure table,
 * a subtotal-over-parts layout, a “三公” table whose 合计 and 小计 disagree),
 * then the seed cases with values read off the printed text.
 */
import { describe, expect, it } from 'vitest';
import { contentFolderReader } from '../../src/build/site-index-file.ts';
import { checkEntity } from '../../src/ingest/check/index.ts';
import { codeAmount, rowsOfCode } from '../../src/ingest/model/code-parts.ts';
import type { Entity, Table } from '../../src/ingest/model/schema.ts';
import { entitySummary } from '../../src/lib/figures.ts';
import { partsNote } from '../../src/lib/format.ts';
import { buildIndex } from '../../src/lib/site/build-index.ts';
import { makeEntity, makeTable } from '../fixtures/check/build.ts';

type Row = Table['rows'][number];

/** A basic-expenditure table cross-classified by 政府预算经济分类, as some 云南 counties print it. */
function crossClassified(): Table {
  const table = makeTable({
    kind: 'economic-summary',
    title: '部门支出经济分类汇总表',
    line: 40,
    columns: ['部门经济分类/科目编码#code', '部门经济分类/科目名称#name', '政府经济分类/科目编码#text', '政府经济分类/科目名称#text', '合计', '一般公共预算'],
    rows: [
      ['', '合计', '', '', '95.50', '95.50'],
      ['30103', '奖金', '50101', '工资奖金津补贴', '40.25', '40.25'],
      ['30103', '奖金', '50501', '工资福利支出', '3.75', '3.75'],
      ['30109', '职业年金缴费', '50102', '社会保障缴费', '6.00', '6.00'],
      ['30201', '办公费', '50201', '办公经费', '12.00', '12.00'],
      ['30201', '办公费', '50502', '商品和服务支出', '0.50', '0.50'],
      ['30201', '办公费', '50201', '办公经费', '12.00', '12.00'],
      ['30211', '差旅费', '50201', '办公经费', '33.00', '33.00'],
    ],
  });
  // The government code column (third) is the row's second classification.
  for (const row of table.rows) if (row.cells[2]?.text) row.govCode = row.cells[2].text;
  return table;
}

const main = (_table: Table) => (r: Row) => r.cells[4]?.value;

describe('codeAmount: parts of one code are summed, a subtotal never added to its parts', () => {
  it('sums rows told apart by their government economic code', () => {
    const t = crossClassified();
    const a = codeAmount(rowsOfCode(t, '30103'), main(t));
    expect(a.value).toBe('44.00');
    expect(a.parts).toEqual(['40.25', '3.75']);
    expect(partsNote(a.parts)).toBe('合计两行：40.25 + 3.75');
  });

  it('counts a row printed twice (a repeated page row) once', () => {
    const t = crossClassified();
    const a = codeAmount(rowsOfCode(t, '30201'), main(t));
    expect(a.value).toBe('12.50');
    expect(a.rows.map((r) => r.line)).toEqual([44, 45]);
  });

  it('takes the subtotal row alone when the code is printed above its parts', () => {
    const t = makeTable({
      kind: 'general-budget-basic',
      line: 70,
      columns: ['科目编码#code', '科目名称#name', '政府经济分类#text', '合计'],
      rows: [
        ['30108', '机关事业单位基本养老保险缴费', '', '57.30'],
        ['30108', '其中：社会保障缴费', '50102', '55.10'],
        ['30108', '其中：工资福利支出', '50501', '2.20'],
      ],
    });
    for (const row of t.rows) if (row.cells[2]?.text) row.govCode = row.cells[2].text;
    const a = codeAmount(rowsOfCode(t, '30108'), (r) => r.cells[3]?.value);
    expect(a.value).toBe('57.30');
    expect(a.subtotal?.line).toBe(70);
  });

  it('without a second code, a row printing the sum of the others is their subtotal', () => {
    const t = makeTable({
      kind: 'expenditure-summary',
      line: 90,
      columns: ['科目编码#code', '科目名称#name', '合计'],
      rows: [
        ['2080505', '机关事业单位基本养老保险缴费支出', '8.00'],
        ['2080505', '机关事业单位基本养老保险缴费支出', '20.00'],
        ['2080505', '机关事业单位基本养老保险缴费支出', '12.00'],
      ],
    });
    expect(codeAmount(rowsOfCode(t, '2080505'), (r) => r.cells[2]?.value).value).toBe('20.00');
    // Parts that do not add up to any one of them are all summed.
    t.rows[1]!.cells[2] = { ...t.rows[1]!.cells[2]!, text: '21.00', value: '21.00' };
    expect(codeAmount(rowsOfCode(t, '2080505'), (r) => r.cells[2]?.value).value).toBe('41.00');
  });
});

async function indexOf(entity: Entity) {
  return buildIndex({ sources: async () => [], entityIds: async () => [entity.id], entity: async () => entity });
}

describe('derived figures of a cross-classified document', () => {
  it('subject pages give the sum of the parts and list them', async () => {
    const entity = makeEntity([crossClassified()], { id: 'kunming-2025-118001', code: '118001' });
    const site = await indexOf(entity);
    const use = site.subjects.get('30103')!.uses[0]!;
    expect(use.main.value).toBe('44.00');
    expect(use.main.parts).toEqual(['40.25', '3.75']);
    expect(site.subjects.get('30109')!.uses[0]!.main.parts).toBeUndefined();
  });

  it('the chart by economic class sums every part of every code', () => {
    const entity = makeEntity([crossClassified()]);
    const b = entitySummary(entity, () => undefined).byEconomic!;
    expect(b.summed).toBe(true);
    expect(b.items.map((i) => [i.code, i.value])).toEqual([
      ['301', '50.00'],
      ['302', '45.50'],
    ]);
  });
});

describe('a key figure the document prints with two amounts', () => {
  const threePublic = () =>
    makeTable({
      kind: 'three-public',
      title: '“三公”经费预算表',
      line: 300,
      columns: ['序号#text', '项目#name', '合计', '一般公共预算财政拨款'],
      rows: [
        ['1', '合计', '5.10', '5.10'],
        ['2', '“三公”经费小计', '6.30', '6.30'],
        ['3', '一、因公出国（境）费', '', ''],
        ['4', '二、公务用车购置及运行费', '4.00', '4.00'],
        ['5', '三、公务接待费', '1.10', '1.10'],
      ],
    });

  it('shows the total its items add up to first, the other printed total beside it, and the finding', () => {
    const entity = makeEntity([threePublic()], { id: 'guilin-2025-207004', code: '207004' });
    entity.findings = checkEntity(entity);
    const f = entitySummary(entity, () => undefined).threePublic;
    expect(f.value).toBe('5.10');
    expect(f.conflict?.printed.map((p) => [p.value, p.line])).toEqual([
      ['5.10', 300],
      ['6.30', 301],
    ]);
    expect(f.conflict!.printed[1]!.where).toBe('“三公”经费小计，“三公”经费预算表第 301 行');
    expect(f.conflict?.finding?.href).toMatch(/#f-guilin-2025-207004-\d+$/);
  });

  it('has no conflict when the totals agree', () => {
    const t = threePublic();
    t.rows[1]!.cells[2] = { ...t.rows[1]!.cells[2]!, text: '5.10', value: '5.10' };
    const f = entitySummary(makeEntity([t]), () => undefined).threePublic;
    expect(f.value).toBe('5.10');
    expect(f.conflict).toBeUndefined();
  });
});

describe('seed documents', async () => {
  const reader = contentFolderReader('content');
  const site = await buildIndex(reader);
  const summaryOf = async (id: string) => entitySummary(await reader.entity(id), (code) => site.subjects.get(code)?.name || undefined);

  it('036: 30108 is 118.60 + 2.40 = 121.00 on the subject page', () => {
    const use = site.subjects.get('30108')!.uses.find((u) => u.entity.code === '036')!;
    expect(use.main.value).toBe('121.00');
    expect(use.main.parts).toEqual(['2.40', '118.60']);
    expect(use.others.map((o) => o.value)).toEqual(['121.00']);
    expect(site.subjects.get('30101')!.uses.find((u) => u.entity.code === '036')!.main.value).toBe('312.90');
  });

  it('036: the chart by economic class adds every printed part', async () => {
    const b = (await summaryOf('jiyuanchanchengrongheshifanqu-2024-036')).byEconomic!;
    expect(Object.fromEntries(b.items.map((i) => [i.code, i.value]))).toMatchObject({ '301': '3132.90', '302': '894.92' });
  });

  it('450003: the “三公” figure shows 合计 2.23 (line 905) and 小计 3.84 (line 906)', async () => {
    const f = (await summaryOf('qinhuangdaoshi-2024-450003')).threePublic;
    expect(f.value).toBe('2.23');
    expect(f.conflict?.printed.map((p) => [p.value, p.line])).toEqual([
      ['2.23', 905],
      ['3.84', 906],
    ]);
    expect(f.conflict?.finding).toBeDefined();
  });

  it('450003: the chart bar of 210 (903.47) carries the 1,483.47 the other tables print', async () => {
    const item = (await summaryOf('qinhuangdaoshi-2024-450003')).byFunction!.items.find((i) => i.code === '210')!;
    expect(item.value).toBe('903.47');
    expect(item.conflict?.printed.map((p) => [p.value, p.line])).toEqual([
      ['903.47', 705],
      ['1483.47', 677],
      ['1483.47', 798],
      ['1483.47', 625],
    ]);
  });

  it('450003: the subject page of 210 marks the amount other tables print differently', () => {
    const use = site.subjects.get('210')!.uses.find((u) => u.entity.code === '450003')!;
    expect(use.main.value).toBe('903.47');
    expect(use.main.conflict?.printed.map((p) => p.value)).toEqual(['903.47', '1483.47', '1483.47', '1483.47']);
  });

  it('036: 机关运行经费 is read from its wording 机关（机构）运转经费 (line 128)', async () => {
    const f = (await summaryOf('jiyuanchanchengrongheshifanqu-2024-036')).running;
    expect([f.status, f.value, f.cite]).toEqual(['ok', '130.50', '说明原文第 128 行']);
  });
});
