/**
 * Wordings of the standard items (vocabulary.ts): each variant a document
 * prints is recognized as its item wherever the portal reads it — key
 * figures, the “三公” check and the text-against-table check. The documents
 * here are hand-written in a 江西 county's wording.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEntity } from '../../src/ingest/check/index.ts';
import { isItem, itemOf } from '../../src/ingest/vocabulary.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';
import { makeEntity, makeTable, section } from '../fixtures/check/build.ts';
import { useSiteSettings } from '../../src/config.ts';
import { entitySummary } from '../../src/lib/figures.ts';

// Key figures read the explanation from the source text: a folder of their own.
const seeds = mkdtempSync(join(tmpdir(), 'budget-vocabulary-'));
useSiteSettings({ seeds });
afterAll(() => rmSync(seeds, { recursive: true, force: true }));

describe('item wordings', () => {
  it('recognizes every printed variant and nothing else', () => {
    expect(['机关运行经费', '机关(机构)运转经费', '机关运转经费', '行政(事业)单位机关(机构)运转经费', '单位运行经费'].every((n) => isItem('running', n))).toBe(true);
    expect(isItem('running', '医疗保障运行经费')).toBe(false);
    expect(['公务用车购置及运行费', '公务用车购置及运维费', '公务用车购置及运行维护费'].map(itemOf)).toEqual(['car', 'car', 'car']);
    expect(['公务用车运行费', '公务用车运维费', '公务用车运行维护费'].map(itemOf)).toEqual(['car-running', 'car-running', 'car-running']);
    expect(itemOf('公务用车购置费')).toBe('car-purchase');
    expect(itemOf('公务用车购置')).toBe('car-purchase');
    expect(itemOf('因公出国(境)费')).toBe('abroad');
    expect(itemOf('会议费')).toBeUndefined();
  });
});

describe('key figures read any wording', () => {
  const text = ['一、部门概况', '', '二、机关（机构）运转经费', '', '赣州某县医疗保障局2025年机关（机构）运转经费支出预算86.40万元，比上年减少2.10万元。', ''].join('\n');
  writeFileSync(join(seeds, 'ganzhou.txt'), text);
  const threePublic = makeTable({
    kind: 'three-public',
    line: 3,
    columns: ['项目#name', '合计'],
    rows: [
      ['合计', '3.60'],
      ['一、因公出国（境）费', ''],
      ['二、公务用车购置及运维费', '2.80'],
      ['其中：公务用车运维费', '2.80'],
      ['三、公务接待费', '0.80'],
    ],
  });

  it('finds 机关（机构）运转经费 in the explanation and 公务用车购置及运维费 in the table', () => {
    const s = entitySummary(makeEntity([threePublic], { source: 'ganzhou.txt', endLine: 6 }), () => undefined);
    expect([s.running.status, s.running.value, s.running.cite]).toEqual(['ok', '86.40', '说明原文第 5 行']);
    expect(s.threePublicParts.map((p) => [p.key, p.value])).toEqual([
      ['abroad', undefined],
      ['cars', '2.80'],
      ['reception', '0.80'],
    ]);
  });

  it('the checks read the same wordings', () => {
    const basic = makeTable({ kind: 'general-budget-basic', line: 40, columns: ['科目编码#code', '科目名称#name', '合计', '人员经费', '公用经费'], rows: [['', '合计', '100.00', '13.60', '86.40']] });
    const entity = makeEntity([threePublic, basic], { sections: [section('二、机关（机构）运转经费', '2024年机关（机构）运转经费支出预算90.00万元。', 3)] });
    const findings = checkEntity(entity);
    expect(findings.map((f) => [f.ruleId, f.expected, f.actual])).toEqual([['text-vs-table', '86.40', '90.00']]);
  });
});

describe('a "三公" table whose purchase line is printed without 费', () => {
  it('adds 购置 and 运行维护费 into the car line without a finding', () => {
    const text = [
      '某某县2023年县本级“三公”经费预算表',
      '单位:万元',
      '项目 |',
      '预算数 |',
      '合计 |',
      '215 |',
      '1.因公出国(境)费用 |',
      '12 |',
      '2.公务接待费 |',
      '48 |',
      '3.公务用车购置及运行维护费 |',
      '155 |',
      '其中:公务用车运行维护费 |',
      '95 |',
      '公务用车购置 |',
      '60 |',
    ].join('\n');
    const { entities } = ingestSource('sangong.txt', new TextEncoder().encode(text));
    expect(entities.map((e) => e.name)).toEqual(['县本级']);
    expect(entities[0]!.findings.map((f) => f.ruleId)).toEqual([]);
  });
});
