/**
 * Hostile and broken input never crashes the ingest, never stops other
 * documents, and always gets a diagnostic that names the file and line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentFiles, settleDuplicates } from '../../src/ingest/corpus.ts';
import { ingestSource, type IngestResult } from '../../src/ingest/ingest.ts';

const dir = 'test/fixtures/bad';
const files = readdirSync(dir).sort();
const results = new Map<string, IngestResult>(files.map((f) => [f, ingestSource(f, readFileSync(`${dir}/${f}`))]));
const corpus = settleDuplicates([...results.values()]);
const rules = (file: string) => results.get(file)!.source.diagnostics.map((d) => d.ruleId);

describe('bad input', () => {
  it('ingests every fixture without throwing and writes valid content for all of them', () => {
    expect(results.size).toBe(files.length);
    const written = contentFiles(corpus);
    expect([...written.keys()].filter((k) => k.startsWith('sources/'))).toHaveLength(files.length);
  });

  it('empty file: located error, no entity', () => {
    expect(results.get('empty.txt')!.source.diagnostics[0]).toMatchObject({ file: 'empty.txt', ruleId: 'decode:empty', severity: 'error' });
    expect(results.get('empty.txt')!.entities).toEqual([]);
  });

  it('binary file: refused as not text', () => {
    expect(rules('binary.bin')).toEqual(['decode:binary']);
    expect(results.get('binary.bin')!.source.encoding).toBeNull();
  });

  it('GB18030 document: decoded, said so, fully recognized', () => {
    const { source, entities } = results.get('gb18030.txt')!;
    expect(source.encoding).toBe('gb18030');
    expect(rules('gb18030.txt')).toContain('decode:gb18030');
    expect(entities[0]).toMatchObject({ code: '990102', name: '示例市编码测试局本级', year: 2024 });
    expect(entities[0]!.tables.map((t) => t.kind)).toContain('expenditure-summary');
  });

  it('UTF-8 BOM and CRLF: same model as the clean document, line numbers kept', () => {
    for (const file of ['bom.txt', 'crlf.txt']) {
      const entity = results.get(file)!.entities[0]!;
      expect(entity.tables.find((t) => t.kind === 'expenditure-summary')!.rows.find((r) => r.code === '2101501')).toMatchObject({ line: 37 });
    }
    expect(rules('bom.txt')).toEqual(['decode:bom']);
    expect(rules('crlf.txt')).toEqual(['decode:line-ends']);
  });

  it('no recognizable table: read as plain text; the unit named by the title is published with its text', () => {
    expect(rules('no-table.txt')).toEqual(['read:unknown-layout']);
    expect(results.get('no-table.txt')!.source.layout).toBe('plain');
    const entity = results.get('no-table.txt')!.entities[0]!;
    expect(entity).toMatchObject({ name: '示例市无表测试局本级', year: 2024, tables: [] });
    expect(entity.code).toBeUndefined();
    expect(entity.notInDocument).toHaveLength(9);
  });

  it('table header without rows: an empty table and a warning at its line', () => {
    const { source, entities } = results.get('header-only.txt')!;
    const table = entities[0]!.tables.find((t) => t.kind === 'expenditure-summary')!;
    expect(table).toMatchObject({ empty: true, rows: [] });
    expect(source.diagnostics.find((d) => d.ruleId === 'table:header-only')).toMatchObject({ line: table.line });
  });

  it('truncated file: what was read is kept, the cut is reported', () => {
    const { source, entities } = results.get('truncated.txt')!;
    expect(entities[0]!.tables.find((t) => t.kind === 'expenditure-summary')!.rows.map((r) => r.code ?? r.name)).toEqual(['合计', '208', '20805', '2080505', '210', '21015']);
    expect(source.diagnostics.find((d) => d.ruleId === 'read:truncated')).toMatchObject({ line: 36, severity: 'warning' });
  });

  it('duplicate documents: the more complete one is published and both say why', () => {
    const published = corpus.entities.filter((e) => e.code === '990107');
    expect(published.map((e) => e.source)).toEqual(['duplicate-a.txt']);
    for (const file of ['duplicate-a.txt', 'duplicate-b.txt']) {
      const message = results.get(file)!.source.diagnostics.find((d) => d.ruleId === 'publish:duplicate-entity')!.message;
      expect(message).toContain('发布 duplicate-a.txt 中的版本');
    }
    expect(corpus.sources.find((s) => s.file === 'duplicate-b.txt')!.published).toBe(false);
  });

  it('the same code in two regions: both published under different ids', () => {
    const ids = corpus.entities.filter((e) => e.code === '990108').map((e) => e.id);
    expect(ids).toEqual(['dongchengxian-2024-990108', 'xichengxian-2024-990108']);
  });

  it('markup in cells stays text in the model (never interpreted)', () => {
    const entity = results.get('markup.txt')!.entities[0]!;
    const table = entity.tables.find((t) => t.kind === 'expenditure-summary')!;
    expect(table.rows[0]!.cells[2]!.text).toBe('合计<img src=x onerror="window.__pwned=\'img\'">');
    expect(table.rows[0]!.cells[3]!.value).toBe('100.00');
    const summary = entity.tables.find((t) => t.kind === 'income-expenditure-summary')!;
    expect(summary.rows.find((r) => r.line === 14)!.cells[3]!.text).toBe('一、社会保障和就业支出<script>window.__pwned="cell"</script>');
  });

  it('full-width digits, dash placeholders and bracketed negatives are understood', () => {
    const table = results.get('fullwidth.txt')!.entities[0]!.tables.find((t) => t.kind === 'expenditure-summary')!;
    const row = (code: string) => table.rows.find((r) => r.code === code)!;
    expect(row('208').cells.slice(3).map((c) => c.value)).toEqual(['20.00', '20.00', undefined]);
    expect(row('208').cells[5]!.text).toBe('—');
    expect(row('2080505').cells[5]!.value).toBe('0.00');
    expect(row('2109999').cells.slice(3).map((c) => c.value)).toEqual(['-12.00', '-12.00', '0.00']);
  });
});

describe('large input', () => {
  it('extremely long lines are read without loss', () => {
    const base = readFileSync('test/fixtures/good/consistent.txt', 'utf8');
    const text = base.replace('负责本市测试管理工作。', `负责本市测试管理工作。${'很长的说明文字，'.repeat(40000)}`).replace('其他医疗保障管理事务支出', `其他医疗保障管理事务支出${'（超长科目名称）'.repeat(5000)}`);
    const { entities } = ingestSource('long.txt', new TextEncoder().encode(text));
    const row = entities[0]!.tables.find((t) => t.kind === 'expenditure-summary')!.rows.find((r) => r.code === '2101599')!;
    expect(row.name!.length).toBeGreaterThan(40000);
    expect(row.cells[3]!.value).toBe('40.00');
  });

  // Speed is measured by `npm run bench`, not asserted here.
  it('a 5 MB document is ingested whole', () => {
    const base = readFileSync('test/fixtures/good/consistent.txt', 'utf8');
    const text = base + (`\n说明：${'预算公开的补充说明文字。'.repeat(200)}\n`).repeat(700);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(5_000_000);
    const { entities, source } = ingestSource('big.txt', bytes);
    expect(entities).toHaveLength(1);
    expect(source.lines).toBeGreaterThan(1400);
  });
});
