/**
 * Old binary Word files (.doc). The fixtures are corpus documents saved as
 * Word 97-2003 by LibreOffice Writer 7.4 (from the DOCX the test writer
 * makes of them): c01, a budget whose header cells are merged across
 * columns, and c09, final accounts with a table whose rows the binary format
 * gives back run together.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACTS, loadExpected, measure } from '../../src/bench/corpus.ts';
import { ingestFile } from '../../src/ingest/ingest.ts';
import { widenMergedHeaders } from '../../src/ingest/read/originals/doc.ts';

const FIXTURES = new URL('../fixtures/originals/', import.meta.url);
const expected = (file: string) => loadExpected().find((d) => d.file === file)!;

async function ingestDoc(name: string) {
  return ingestFile(`${name}.doc`, readFileSync(new URL(`${name}.doc`, FIXTURES)));
}

describe('Word 97-2003 (.doc) originals', () => {
  it('reads a budget to every fact of its text, merged header cells restored from the row below', async () => {
    const { source, entities } = await ingestDoc('c01_ruoqiang_yibao_2024');
    expect(source.format).toBe('doc');
    const m = measure(expected('c01_ruoqiang_yibao_2024.txt'), entities);
    expect(FACTS.filter((f) => !m.facts[f])).toEqual([]);
    expect([m.tablesPresentFound, m.amountsPlaced]).toEqual([8, 134]);
    const threePublic = entities[0]!.tables.find((t) => t.kind === 'three-public')!;
    expect(threePublic.columns.map((c) => c.label)).toEqual(['合计', '因公出国(境)费', '公务用车购置及运行费 / 小计', '公务用车购置及运行费 / 公务用车购置费', '公务用车购置及运行费 / 公务用车运行费', '公务接待费']);
    expect(entities[0]!.findings).toEqual([]);
  });

  it('keeps a table whose rows came out run together as one reported line, never as invented columns', async () => {
    const { source, entities } = await ingestDoc('c09_wuhou_minzheng_juesuan_2024');
    const joined = source.diagnostics.filter((d) => d.ruleId === 'read:doc-joined-rows');
    expect(joined.length).toBeGreaterThan(0);
    const [entity] = entities;
    expect([entity!.name, entity!.year, entity!.phase, entity!.county]).toEqual(['成都市武侯区民政局', 2024, 'final', '武侯区']);
    expect(entity!.tables.every((t) => t.columns.length <= 12)).toBe(true);
    expect(entity!.findings).toEqual([]);
  });
});

describe('header cells merged across columns, restored from the row below', () => {
  it('widens a group label over the labelled run below it, and leaves data rows as read', () => {
    const lines = [
      '科目编码\t科目名称\t合计\t本年收入\t上年结转\t',
      '\t\t\t一般公共预算拨款收入\t事业收入\t',
      '\t合计\t100.00\t',
      '301\t工资福利支出\t90.00\t90.00\t\t10.00\t',
    ];
    expect(widenMergedHeaders(lines)).toEqual([
      '科目编码\t科目名称\t合计\t本年收入\t\t上年结转\t',
      '\t\t\t一般公共预算拨款收入\t事业收入\t',
      '\t合计\t100.00\t',
      '301\t工资福利支出\t90.00\t90.00\t\t10.00\t',
    ]);
  });
});
