/**
 * The glossary: each item style on its own, then the terms of every seed
 * entity through the real pipeline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import type { HeadingBlock, ParagraphBlock } from '../../src/ingest/read/blocks.ts';
import { decode } from '../../src/ingest/read/decode.ts';
import { read } from '../../src/ingest/read/index.ts';
import type { RecognizeContext } from '../../src/ingest/recognize/context.ts';
import { identifyEntities, type EntityIdentity } from '../../src/ingest/recognize/entities.ts';
import { isGlossaryTitle, parseItem, recognizeGlossary, type GlossaryTerm } from '../../src/ingest/recognize/glossary.ts';
import { regionsOf, type Region, type TextRegion } from '../../src/ingest/recognize/regions.ts';
import { recognizeSections } from '../../src/ingest/recognize/sections.ts';
import { segment } from '../../src/ingest/recognize/segment.ts';

const entity: EntityIdentity = { code: '450001', name: '测试局', level: 'unit', line: 1, children: [] };
const context = (reporter = new Reporter('fixture.txt')): RecognizeContext => ({ reporter, entity, year: 2024, defaultUnit: '万元' });
const p = (line: number, text: string): ParagraphBlock => ({ type: 'paragraph', text, line });
const h = (line: number, depth: number, text: string): HeadingBlock => ({ type: 'heading', depth, text, line });
const text = (...blocks: (HeadingBlock | ParagraphBlock)[]): TextRegion => ({ type: 'text', blocks, line: blocks[0]!.line, endLine: blocks.at(-1)!.line });

function glossaryOf(regions: Region[], ctx = context()): GlossaryTerm[] {
  return recognizeGlossary(recognizeSections(regions, ctx), regions, ctx);
}

describe('parseItem', () => {
  it.each([
    ['1、**财政拨款收入**：指本级财政当年拨付的资金。', '财政拨款收入', '指本级财政当年拨付的资金。'],
    ['- 财政拨款收入：**指本级财政当年拨付的资金。', '财政拨款收入', '指本级财政当年拨付的资金。'],
    ['一、财政拨款收入：是指市级财政当年拨付的资金。', '财政拨款收入', '是指市级财政当年拨付的资金。'],
    ['1. 公用经费：包括办公及印刷费。', '公用经费', '包括办公及印刷费。'],
    ['- 1、**财政拨款收入:**指本级财政当年拨付的资金,包括…', '财政拨款收入', '指本级财政当年拨付的资金,包括…'],
    ['9、"三公"经费:纳入财政预算管理的"三公"经费', '"三公"经费', '纳入财政预算管理的"三公"经费'],
    ['8、**事业单位经营支出：**指事业单位…', '事业单位经营支出', '指事业单位…'],
    ['**1、上年结转**：指以前年度安排的资金。', '上年结转', '指以前年度安排的资金。'],
    ['**项目支出**指在基本支出之外的支出。', '项目支出', '指在基本支出之外的支出。'],
    ['- 5、事业单位经营收入: 指事业单位…', '事业单位经营收入', '指事业单位…'],
    ['基本支出：指为保障机构正常运转的开支。', '基本支出', '指为保障机构正常运转的开支。'],
  ])('%s', (line, term, definition) => {
    expect(parseItem(line)).toEqual({ term, definition });
  });

  it.each([
    '附件：济源产城融合示范区医疗保障局2024年度部门预算表',
    '单位名称：西安市碑林区医疗保险经办中心',
    '2024年5月26日',
    '其中：因公出国（境）费反映单位公务出国（境）的住宿费。',
    '1、根据上述职责，区医疗保险经办中心设1个内设机构：主任1名。',
    '1、财政拨款收入：',
  ])('%s is no item', (line) => {
    expect(parseItem(line)).toBeNull();
  });
});

describe('recognizeGlossary on fixtures', () => {
  it('reads the terms of the 名词解释 section only, with their lines', () => {
    const regions: Region[] = [
      text(
        h(1, 2, '七、国有资产信息'),
        p(3, '1、车辆：1 辆。'),
        h(5, 2, '八、名词解释'),
        p(7, '1、**财政拨款收入**：指本级财政当年拨付的资金。'),
        p(9, '- 事业收入：**指事业单位开展专业业务活动及辅助活动所取得的收入。'),
        h(11, 2, '九、其他需要说明的事项'),
        p(13, '1、说明：无。'),
      ),
    ];
    expect(glossaryOf(regions)).toEqual([
      { term: '财政拨款收入', definition: '指本级财政当年拨付的资金。', line: 7 },
      { term: '事业收入', definition: '指事业单位开展专业业务活动及辅助活动所取得的收入。', line: 9 },
    ]);
  });

  it('keeps a definition a page break cut in one piece', () => {
    const regions: Region[] = [text(p(1, '八、名词解释'), p(3, '- 9、"三公"经费:…伙食补助费、'), p(5, '杂费、培训费等支出。'), p(6, '10、**机关运行经费:**是指公用经费。'))];
    expect(glossaryOf(regions)).toEqual([
      { term: '"三公"经费', definition: '…伙食补助费、杂费、培训费等支出。', line: 3 },
      { term: '机关运行经费', definition: '是指公用经费。', line: 6 },
    ]);
  });

  it('continues a definition cut mid-sentence even when the flow keeps the parts apart', () => {
    const regions: Region[] = [text(h(1, 2, '八、名词解释'), p(3, '1、基本支出：指为保障机构正常运转，'), p(9, '完成日常工作任务所必需的开支。'), p(11, '本表无数据。'))];
    const reporter = new Reporter('fixture.txt');
    expect(glossaryOf(regions, context(reporter))).toEqual([{ term: '基本支出', definition: '指为保障机构正常运转，完成日常工作任务所必需的开支。', line: 3 }]);
    expect(reporter.messages.map((m) => [m.ruleId, m.line])).toEqual([['glossary:not-an-item', 11]]);
  });

  it('finds nothing without a 名词解释 section', () => {
    expect(glossaryOf([text(h(1, 2, '九、其他需要说明的事项'), p(3, '1、甲：指乙。'))])).toEqual([]);
  });

  it('reports paragraphs that are no item and a glossary without terms', () => {
    const reporter = new Reporter('fixture.txt');
    const regions: Region[] = [text(p(1, '第三部分 名词解释'), p(3, '一、财政拨款收入：是指市级财政当年拨付的资金。'), p(5, '附件：预算表'), h(7, 2, '十、专业名词解释'), p(9, '详见附表。'))];
    expect(glossaryOf(regions, context(reporter)).map((t) => t.term)).toEqual(['财政拨款收入']);
    expect(reporter.messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([
      ['glossary:not-an-item', 'info', 5],
      ['glossary:not-an-item', 'info', 9],
      ['glossary:empty', 'warning', 7],
    ]);
  });

  it('knows glossary titles', () => {
    expect(['八、名词解释', '第三部分 名词解释', '十、专业名词解释', '名词解释', '九、名词解释：'].every(isGlossaryTitle)).toBe(true);
    expect(isGlossaryTitle('名词解释说明以外的事项')).toBe(false);
  });
});

describe('recognizeGlossary on the seeds', () => {
  function termsOf(file: string): Map<string, GlossaryTerm[]> {
    const reporter = new Reporter(file);
    const { text: source } = decode(readFileSync(`seeds/${file}`), reporter);
    if (source === null) throw new Error(`cannot decode ${file}`);
    const { blocks } = read(source, reporter);
    const spans = segment(blocks, regionsOf(blocks), identifyEntities(blocks).entities, source.split('\n').length);
    return new Map(
      spans.map((span) => {
        const ctx: RecognizeContext = { reporter, entity: span.entity, year: 2024, defaultUnit: '万元' };
        return [span.entity.code ?? span.entity.name, recognizeGlossary(recognizeSections(span.regions, ctx), span.regions, ctx)];
      }),
    );
  }
  const seeds = {
    '000': termsOf('000_254f1c56485b7ccb.txt'),
    '001': termsOf('001_b299b4fe3ca604a5.txt'),
    '002': termsOf('002_3ef43c7689782125.txt'),
    '003': termsOf('003_2bc1f60d8e8166ed.txt'),
    '004': termsOf('004_b14cc660f2ed3abf.txt'),
  };
  const terms = (key: keyof typeof seeds, code: string) => seeds[key].get(code) ?? [];

  it.each([
    ['000', '450001', 10],
    ['000', '450003', 10],
    ['001', '036', 8],
    ['002', '231002', 3],
    ['003', '362001', 10],
    ['004', '571001', 10],
  ] as const)('%s %s defines %i terms', (key, code, count) => {
    expect(terms(key, code)).toHaveLength(count);
  });

  it('450001 and 450003 each get their own glossary', () => {
    const first = terms('000', '450001');
    const second = terms('000', '450003');
    expect(first.map((t) => t.term)).toEqual(second.map((t) => t.term));
    expect(first.map((t) => t.term)).toEqual([
      '财政拨款收入',
      '财政专户管理资金收入',
      '单位资金收入',
      '事业收入',
      '事业单位经营收入',
      '上年结转',
      '单位预算支出',
      '事业单位经营支出',
      '“三公”经费',
      '机关运行经费',
    ]);
    expect(first.map((t) => t.line)).toEqual([569, 571, 573, 575, 577, 579, 581, 583, 585, 587]);
    expect(second.map((t) => t.line)).toEqual([1060, 1061, 1062, 1063, 1064, 1066, 1068, 1070, 1072, 1074]);
    expect(second[0]!.definition).toBe('指本级财政当年拨付的资金，包括一般公共预算拨款、政府性基金预算拨款、国有资本经营预算拨款。');
    expect(second[7]!.definition.startsWith('指事业单位在专业业务活动')).toBe(true);
  });

  it('036: 一、-numbered terms, the annex line left out', () => {
    const list = terms('001', '036');
    expect(list.map((t) => t.term)).toEqual([
      '财政拨款收入',
      '事业收入',
      '其他收入',
      '用事业基金弥补收支差额',
      '基本支出',
      '项目支出',
      '“三公”经费',
      '行政（事业）单位机关（机构）运转经费',
    ]);
    expect(list[0]).toEqual({ term: '财政拨款收入', definition: '是指市级财政当年拨付的资金。', line: 154 });
  });

  it('231002: 1.-numbered terms', () => {
    const list = terms('002', '231002');
    expect(list.map((t) => [t.term, t.line])).toEqual([
      ['公用经费', 184],
      ['“三公”经费', 185],
      ['财政拨款收入', 186],
    ]);
    expect(list[0]!.definition.startsWith('包括办公及印刷费、邮电费')).toBe(true);
  });

  it('362001: ASCII colons and the definition continued after a page break', () => {
    const list = terms('003', '362001');
    expect(list[0]).toMatchObject({ term: '财政拨款收入', line: 540 });
    expect(list[8]!.term).toBe('"三公"经费');
    expect(list[8]!.line).toBe(548);
    expect(list[8]!.definition).toContain('伙食补助费、杂费、培训费等支出;');
    expect(list[8]!.definition.endsWith('公务接待费反映单位按规定开支的各类公务接待(含外宾接待)支出。')).toBe(true);
    expect(list[9]).toMatchObject({ term: '机关运行经费', line: 552 });
  });

  it('571001: plain 1、-numbered terms', () => {
    const list = terms('004', '571001');
    expect(list.map((t) => t.term).slice(0, 3)).toEqual(['一般公共预算拨款收入', '事业收入', '其他收入']);
    expect(list.at(-1)).toMatchObject({ term: '事业单位经营支出', line: 2349 });
    expect(list[5]!.definition).toBe('指下级单位上缴上级的支出。');
  });
});
