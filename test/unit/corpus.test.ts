/**
 * Documents the ingest was not written for: the corpus of
 * test/fixtures/corpus/ (other provinces' templates, seven table layouts,
 * units without a code, 元/千元/亿元, partial documents, 繁體, markup in a
 * name, final accounts) against the facts written by hand in expected.json.
 *
 * Every fact of every document is its own test. The facts the ingest does
 * not get right yet are listed in KNOWN_GAPS, each with why, and run as
 * `it.fails`: when one starts passing, its test fails and says so, and the
 * entry is removed from the list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../src/ingest/ingest.ts';
import { CORPUS_DIR, FACTS, KNOWN_GAPS, loadExpected, measure, type ExpectedDocument } from '../../src/bench/corpus.ts';

const corpus = loadExpected();
const key = (doc: ExpectedDocument): string => doc.file.replace(/\.txt$/, '');

describe('corpus composition (the corpus covers what it claims)', () => {
  it('holds at least 18 documents from at least 8 provinces', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(18);
    expect(new Set(corpus.map((d) => d.province)).size).toBeGreaterThanOrEqual(8);
  });

  it('has at least 6 documents without a unit code and 3 partial ones', () => {
    expect(corpus.filter((d) => d.code === null).length).toBeGreaterThanOrEqual(6);
    const partial = corpus.filter((d) => d.tables.length <= 1);
    expect(partial.map(key)).toEqual([
      'c06_baohe_chengguan_sangong_2024',
      'c07_xiling_weijian_jixiao_2023',
      'c08_qixing_shijianju_shuoming_2024',
      'c20_weibin_zhujian_juesuan_shuoming_2021',
      'c21_ningling_nongye_flat_2021',
      'c22_beihu_danganguan_pdf_2023',
    ]);
  });

  it('prints amounts in 元 (2+), 千元 and 亿元', () => {
    const units = corpus.map((d) => d.unit);
    expect(units.filter((u) => u === '元').length).toBeGreaterThanOrEqual(2);
    expect(units).toContain('千元');
    expect(units).toContain('亿元');
  });

  it('shows every layout at least twice', () => {
    const counts = new Map<string, number>();
    for (const d of corpus) counts.set(d.layout, (counts.get(d.layout) ?? 0) + 1);
    for (const layout of ['tsv', 'md', 'nolead', 'htmlflat', 'space', 'tworow', 'docx']) expect(counts.get(layout), layout).toBeGreaterThanOrEqual(2);
  });

  it('pairs a budget with final accounts of the same unit and year, and two consecutive budgets of one unit', () => {
    const finals = corpus.filter((d) => d.phase === '决算');
    expect(finals.length).toBe(6);
    expect(finals.some((f) => corpus.some((b) => b.phase === '预算' && b.name === f.name && b.year === f.year))).toBe(true);
    const budgets = corpus.filter((d) => d.phase === '预算');
    expect(budgets.some((a) => budgets.some((b) => b.name === a.name && b.year === a.year + 1))).toBe(true);
  });

  it('has exactly two documents with one deliberate inconsistency each', () => {
    expect(corpus.filter((d) => d.inconsistency).map((d) => [key(d), d.inconsistency!.rule])).toEqual([
      ['c03_guangyang_weijian_2025', 'row-sum'],
      ['c12_lucheng_nongye_2023', 'three-public-sum'],
    ]);
  });

  it('lists a known gap only for documents of the corpus', () => {
    expect(Object.keys(KNOWN_GAPS).filter((k) => !corpus.some((d) => key(d) === k))).toEqual([]);
  });
});

for (const doc of corpus) {
  describe(key(doc), () => {
    const { entities } = ingestSource(doc.file, readFileSync(join(CORPUS_DIR, doc.file)));
    const measured = measure(doc, entities);
    const gap = KNOWN_GAPS[key(doc)];
    for (const fact of FACTS) {
      const known = gap?.facts.includes(fact) ?? false;
      const title = `${fact}${known ? ` — known gap: ${gap!.why}` : ''}`;
      const body = () => {
        expect(measured.facts[fact], `${fact}: the model gives ${JSON.stringify(measured.got[fact])}`).toBe(true);
      };
      if (known) it.fails(title, body);
      else it(title, body);
    }
  });
}

describe('the measurement can fail', () => {
  // A small document the ingest reads today, measured against facts written
  // by hand: the same facts on a copy with one total changed must stop holding.
  const file = 'consistent.txt';
  const bytes = readFileSync(join(CORPUS_DIR, '..', 'good', file));
  const expected: ExpectedDocument = {
    file,
    layout: 'tsv',
    name: '示例市测试管理局本级',
    code: '990101',
    province: '',
    city: '',
    county: '',
    year: 2024,
    phase: '预算',
    unit: '万元',
    tables: ['income-expenditure-summary', 'expenditure-summary', 'general-budget-basic'],
    amounts: 0,
    amountsByTable: { 'income-expenditure-summary': 9 },
    totals: { income: { printed: '100.00', wan: '100.00' }, expenditure: { printed: '100.00', wan: '100.00' } },
    inconsistency: null,
  };

  it('holds on the document as printed', () => {
    const m = measure(expected, ingestSource(file, bytes).entities);
    expect([m.facts.entity, m.facts.name, m.facts.code, m.facts.year, m.facts.tables, m.facts.totals, m.facts.findings]).toEqual([
      true, true, true, true, true, true, true,
    ]);
  });

  it('fails when the printed 收入总计 changes', () => {
    const text = new TextDecoder().decode(bytes);
    const printed = '收入总计\t100.00';
    expect(text.split(printed).length).toBe(2);
    const m = measure(expected, ingestSource(file, new TextEncoder().encode(text.replace(printed, '收入总计\t100.10'))).entities);
    expect(m.facts.totals).toBe(false);
    expect(m.facts.findings).toBe(false);
  });
});
