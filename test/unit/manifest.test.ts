/**
 * The sources manifest (seeds/sources.json): entries validated, bad ones
 * left out with a located Chinese diagnostic, unknown files reported.
 */
import { describe, expect, it } from 'vitest';
import { applyManifest, parseManifest, readManifest } from '../../src/ingest/manifest.ts';
import type { Source } from '../../src/ingest/model/schema.ts';

const source = (file: string): Source => ({
  file,
  sha256: '0'.repeat(64),
  bytes: 1,
  encoding: 'utf-8',
  layout: 'plain',
  layoutScores: {},
  lines: 1,
  phase: 'budget',
  entities: [],
  published: true,
  diagnostics: [],
});

const manifest = `[
  {
    "file": "a.pdf",
    "publisher": "某某县财政局",
    "title": "2023年部门决算",
    "url": "https://www.example.gov.cn/a.pdf",
    "published": "2024-08-30"
  },
  { "file": "b.txt", "publisher": "某某县教育局", "published": "2024年8月", "url": "" },
  { "file": "c.txt", "publisher": "", "pubisher": "x" },
  { "file": "gone.txt", "publisher": "某某县卫生健康委员会", "url": "", "published": "" }
]`;

describe('the sources manifest', () => {
  const parsed = parseManifest(manifest);

  it('takes a complete entry with its line', () => {
    expect(parsed.entries.get('a.pdf')).toEqual({ publisher: '某某县财政局', title: '2023年部门决算', url: 'https://www.example.gov.cn/a.pdf', published: '2024-08-30', line: 2 });
  });

  it('keeps empty address and date as not stated', () => {
    expect(parsed.entries.get('gone.txt')).toEqual({ publisher: '某某县卫生健康委员会', line: 11 });
  });

  it('leaves out bad entries, each with a located Chinese message', () => {
    expect(parsed.entries.has('b.txt')).toBe(false);
    expect(parsed.entries.has('c.txt')).toBe(false);
    expect(parsed.diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message])).toEqual([
      [9, 3, 'manifest:invalid-entry', '第 2 项（b.txt）未采用：发布日期 published 应写作 YYYY-MM-DD（如 2024-02-01），或留空'],
      [10, 3, 'manifest:invalid-entry', '第 3 项（c.txt）未采用：发布机构 publisher 不能为空；不认识的字段 pubisher（可用：file、publisher、title、url、published）'],
    ]);
  });

  it('puts each entry on its source, a bad entry’s problem on its file, and reports files not in the folder', () => {
    const sources = [source('a.pdf'), source('b.txt'), source('c.txt')];
    const loose = applyManifest(sources, parsed);
    expect(sources[0]!.publication?.publisher).toBe('某某县财政局');
    expect(sources[1]!.publication).toBeUndefined();
    expect(sources[1]!.diagnostics.map((d) => d.message)).toEqual(['来源清单 sources.json 第 9 行：第 2 项（b.txt）未采用：发布日期 published 应写作 YYYY-MM-DD（如 2024-02-01），或留空']);
    expect(loose.map((d) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual([
      'sources.json:9 manifest:invalid-entry',
      'sources.json:10 manifest:invalid-entry',
      'sources.json:11 manifest:unknown-file',
    ]);
  });

  it('never throws on a manifest that is not JSON or not a list', () => {
    const broken = parseManifest('[\n  { "file": "a.pdf", }\n]');
    expect(broken.entries.size).toBe(0);
    expect(broken.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[2, 'manifest:not-json']]);
    expect(parseManifest('{"file": "a.pdf"}').diagnostics.map((d) => d.ruleId)).toEqual(['manifest:not-a-list']);
  });

  it('describes all five seeds with their publisher as printed', () => {
    const seeds = readManifest('seeds');
    expect(seeds.diagnostics).toEqual([]);
    expect([...seeds.entries.values()].map((e) => e.publisher)).toEqual([
      '秦皇岛市医疗保障局本级、秦皇岛市医疗保险基金管理中心',
      '济源产城融合示范区医疗保障局',
      '西安市碑林区医疗保险经办中心',
      '兴隆县医疗保障局本级',
      '廊坊市广阳区医疗保障局本级',
    ]);
  });
});
