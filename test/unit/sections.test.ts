/**
 * Explanation sections: hand-built regions for each rule, then the seeds
 * through the real read → regions → entities → segment pipeline.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import type { Section } from '../../src/ingest/model/schema.ts';
import type { HeadingBlock, ParagraphBlock } from '../../src/ingest/read/blocks.ts';
import { decode } from '../../src/ingest/read/decode.ts';
import { read } from '../../src/ingest/read/index.ts';
import type { RecognizeContext } from '../../src/ingest/recognize/context.ts';
import { identifyEntities, type EntityIdentity } from '../../src/ingest/recognize/entities.ts';
import { regionsOf, type Region, type TableRegion, type TextRegion } from '../../src/ingest/recognize/regions.ts';
import { recognizeSections } from '../../src/ingest/recognize/sections.ts';
import { continues, type TextItem } from '../../src/ingest/recognize/sections/flow.ts';
import { enumeratedHeadingRank, isDocumentTitle } from '../../src/ingest/recognize/sections/headings.ts';
import { inlineMarkdown } from '../../src/ingest/recognize/sections/markdown.ts';
import { segment, type Span } from '../../src/ingest/recognize/segment.ts';

const entity: EntityIdentity = { code: '450001', name: '测试局', level: 'unit', line: 1, children: [] };

function context(reporter = new Reporter('fixture.txt')): RecognizeContext {
  return { reporter, entity, year: 2024, defaultUnit: '万元' };
}

const p = (line: number, text: string): ParagraphBlock => ({ type: 'paragraph', text, line });
const h = (line: number, depth: number, text: string): HeadingBlock => ({ type: 'heading', depth, text, line });
const text = (...blocks: (HeadingBlock | ParagraphBlock)[]): TextRegion => ({ type: 'text', blocks, line: blocks[0]!.line, endLine: blocks.at(-1)!.line });
const table = (line: number, endLine: number): TableRegion => ({ type: 'table', captions: [], parts: [], notes: [], line, endLine });
const outline = (sections: Section[]) => sections.map((s) => [s.depth, s.title, s.line, s.endLine]);

describe('headings', () => {
  it.each([
    ['第一部分 单位概况', 1],
    ['一、单位职责及机构设置情况', 2],
    ['（一）主要职责：', 3],
    ['(四) 政府性基金预算支出情况', 3],
    ['1、收入说明', 4],
    ['1. 收入说明', 4],
    ['(1) 按照部门预算支出经济分类的类级科目说明', 5],
  ])('%s is a heading of rank %i', (line, rank) => {
    expect(enumeratedHeadingRank(line)).toBe(rank);
  });

  it.each([
    '（一）贯彻和拟订医疗保险、生育保险等医疗保障制度的法规并组织实施；',
    '一、财政拨款收入：是指市级财政当年拨付的资金。',
    '（一）因公出国（境）费 0万元。预算数与2023年持平，无增减变动。',
    '4、做好脱贫攻坚后评估工作，巩固拓展脱贫攻坚成果',
    '1、财政拨款收入：指本级财政当年拨付的资金',
    '- 一、主要职责',
    '单位职责：',
    '一、',
  ])('%s is not a heading', (line) => {
    expect(enumeratedHeadingRank(line)).toBeNull();
  });

  it('recognizes document titles printed as plain lines', () => {
    expect(isDocumentTitle('兴隆县医疗保障局本级 2025 年单位预算信息公开情况说明')).toBe(true);
    expect(isDocumentTitle('2024年单位综合预算公开报表')).toBe(true);
    expect(isDocumentTitle('人员情况构成饼图')).toBe(false);
    expect(isDocumentTitle('附件：济源产城融合示范区医疗保障局2024年度部门预算表')).toBe(false);
  });
});

describe('broken paragraphs', () => {
  const item = (line: number, value: string, bullet = false): TextItem => ({ kind: 'text', text: value, bullet, line, endLine: line });

  it('joins a sentence a page break cut', () => {
    expect(continues(item(947, '其中基本支出1124.62万元，包括人员经'), item(949, '费 1079.80 万元和日常公用经费 44.82 万元；'))).toBe(true);
    expect(continues(item(548, '- 9、"三公"经费:…伙食补助费、', true), item(550, '杂费、培训费等支出;'))).toBe(true);
  });

  it('keeps apart what is no continuation', () => {
    expect(continues(item(1, '全部收入。'), item(3, '支出说明'))).toBe(false);
    expect(continues(item(1, '增长的主要原因是：'), item(3, '2023年7月新招录两名工作人员'))).toBe(false);
    expect(continues(item(1, '本单位职责如下'), item(3, '一、贯彻执行'))).toBe(false);
    expect(continues(item(1, '本单位职责如下'), item(3, '贯彻执行', true))).toBe(false);
    expect(continues(item(1, '单位名称：西安市碑林区医疗保险经办中心'), item(3, '保密审查情况： 已审查'))).toBe(false);
    expect(continues(item(1, '4、做好脱贫攻坚后评估工作，巩固拓展脱贫攻坚成果'), item(2, '绩效目标：积极解决贫困人口就医过程中遇到的问题'))).toBe(false);
    expect(continues(item(1, '一段没有句号的话'), item(9, '隔了很多行'))).toBe(false);
  });

  it('lets a label-like line continue long prose', () => {
    const prose = '本单位2024年预算收入1,275.32万元，其中：一般公共预算拨款1,275.32万元，较上年增加29.15万元，增长2.34%，增长的';
    expect(continues(item(81, prose), item(83, '主要原因是：2023年7月新招录两名工作人员。'))).toBe(true);
  });
});

describe('inline markdown', () => {
  it('escapes HTML, links and entities so they show as printed', () => {
    expect(inlineMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(inlineMarkdown('[x](javascript:alert(1))')).toBe('\\[x\\](javascript:alert(1))');
    expect(inlineMarkdown('&lt;b&gt; a_b `c` ~d~ |e|')).toBe('\\&lt;b\\&gt; a\\_b \\`c\\` \\~d\\~ \\|e\\|');
  });

  it('escapes what would start a block', () => {
    expect(inlineMarkdown('1. 公用经费：包括…')).toBe('1\\. 公用经费：包括…');
    expect(inlineMarkdown('# 不是标题')).toBe('\\# 不是标题');
    expect(inlineMarkdown('---')).toBe('\\---');
    expect(inlineMarkdown('> 不是引用')).toBe('\\> 不是引用');
  });

  it('keeps emphasis and makes it render after punctuation', () => {
    expect(inlineMarkdown('1、**财政拨款收入**：指')).toBe('1、**财政拨款收入**：指');
    expect(inlineMarkdown('8、**事业单位经营支出：**指事业单位')).toBe('8、**事业单位经营支出**：指事业单位');
    expect(inlineMarkdown('其中，**公务用车购置费** 0万元')).toBe('其中，**公务用车购置费** 0万元');
  });

  it('moves edge punctuation and spaces out of emphasis that would not render', () => {
    expect(inlineMarkdown('含**“三公”经费**的')).toBe('含“**三公”经费**的');
    expect(inlineMarkdown('甲** 乙 **丙')).toBe('甲 **乙** 丙');
    expect(inlineMarkdown('甲**：**乙')).toBe('甲：乙');
  });

  it('drops a stray emphasis marker and empty pairs', () => {
    expect(inlineMarkdown('财政拨款收入：**指本级财政')).toBe('财政拨款收入：指本级财政');
    expect(inlineMarkdown('甲****乙')).toBe('甲乙');
    expect(inlineMarkdown('**甲****乙**')).toBe('**甲乙**');
  });
});

describe('recognizeSections on fixtures', () => {
  it('outlines a markdown document by its enumerators, not its # count', () => {
    const regions: Region[] = [
      text(
        h(1, 1, '测试局 2024 年单位预算信息公开情况说明'),
        p(3, '现将预算公开如下：'),
        h(5, 2, '一、单位职责及机构设置情况'),
        h(7, 3, '单位职责：'),
        p(9, '1、拟订政策。'),
        h(11, 2, '机构设置：'),
      ),
      table(13, 20),
      text(h(22, 2, '二、单位预算安排的总体情况'), h(24, 3, '1、收入说明'), p(26, '收入 724.39 万元。'), h(28, 4, '**三、名词解释**'), p(30, '- 甲：**指乙。')),
    ];
    const sections = recognizeSections(regions, context());
    expect(outline(sections)).toEqual([
      [1, '测试局 2024 年单位预算信息公开情况说明', 1, 30],
      [2, '一、单位职责及机构设置情况', 5, 20],
      [3, '单位职责：', 7, 9],
      [3, '机构设置：', 11, 20],
      [2, '二、单位预算安排的总体情况', 22, 26],
      [3, '1、收入说明', 24, 26],
      [2, '三、名词解释', 28, 30],
    ]);
    expect(sections.map((s) => s.id)).toEqual(['s-1', 's-2', 's-3', 's-4', 's-5', 's-6', 's-7']);
    expect(sections[0]!.markdown).toBe('现将预算公开如下：');
    expect(sections[5]!.html).toBe('<p>收入 724.39 万元。</p>');
    expect(sections[6]!.markdown).toBe('- 甲：指乙。');
    expect(sections[6]!.html).toBe('<ul>\n<li>甲：指乙。</li>\n</ul>');
  });

  it('outlines a plain-text document with numbered headings and keeps duties as paragraphs', () => {
    const regions: Region[] = [
      text(
        p(1, '2024年度测试局部门预算说明'),
        p(3, '第一部分 测试局部门概况'),
        p(5, '一、主要职责'),
        p(7, '（一）贯彻和拟订医疗保障制度的法规并组织实施；'),
        p(9, '（二）完成交办的其他任务。'),
        p(11, '二、机构设置'),
        p(13, '（一）内设机构'),
        p(15, '1、办公室'),
        p(17, '内设机构7个。'),
        p(19, '第二部分 预算情况说明'),
        p(21, '1. 收入6465.30万元。'),
      ),
    ];
    const sections = recognizeSections(regions, context());
    expect(outline(sections)).toEqual([
      [1, '2024年度测试局部门预算说明', 1, 1],
      [1, '第一部分 测试局部门概况', 3, 17],
      [2, '一、主要职责', 5, 9],
      [2, '二、机构设置', 11, 17],
      [3, '（一）内设机构', 13, 17],
      [4, '1、办公室', 15, 17],
      [1, '第二部分 预算情况说明', 19, 21],
    ]);
    expect(sections[2]!.markdown).toBe('（一）贯彻和拟订医疗保障制度的法规并组织实施；\n\n（二）完成交办的其他任务。');
    expect(sections[6]!.markdown).toBe('1\\. 收入6465.30万元。');
    expect(sections[6]!.html).toBe('<p>1. 收入6465.30万元。</p>');
  });

  it('joins a paragraph a page break cut, keeping every character', () => {
    const regions: Region[] = [text(h(1, 3, '2、支出说明'), p(3, '其中基本支出1124.62万元，包括人员经'), p(5, '费 1079.80 万元和日常公用经费 44.82 万元；'))];
    const [section] = recognizeSections(regions, context());
    expect(section!.markdown).toBe('其中基本支出1124.62万元，包括人员经费 1079.80 万元和日常公用经费 44.82 万元；');
    expect(section!.endLine).toBe(5);
  });

  it('does not join across a table, and the table does not end the section', () => {
    const regions: Region[] = [text(h(1, 2, '七、国有资产信息'), p(3, '上年末固定资产金额为')), table(5, 12), text(p(14, '详见下表'))];
    const sections = recognizeSections(regions, context());
    expect(outline(sections)).toEqual([[1, '七、国有资产信息', 1, 14]]);
    expect(sections[0]!.markdown).toBe('上年末固定资产金额为\n\n详见下表');
  });

  it('names text before any heading after its first line, or 概述', () => {
    const titled = recognizeSections([text(p(1, '测试局简介'), p(2, '本局设办公室。'))], context());
    expect(titled.map((s) => [s.title, s.markdown])).toEqual([['测试局简介', '本局设办公室。']]);
    const untitled = recognizeSections([text(p(1, '按照规定，现将预算公开如下：'))], context());
    expect(untitled.map((s) => [s.title, s.markdown, s.line])).toEqual([['概述', '按照规定，现将预算公开如下：', 1]]);
  });

  it('drops a table of contents with an info diagnostic', () => {
    const reporter = new Reporter('fixture.txt');
    const regions: Region[] = [
      text(
        p(1, '目 录'),
        p(3, '第一部分 单位概况'),
        p(4, '- 一、主要职责'),
        p(5, '第二部分 收支情况'),
        p(7, '第一部分 单位概况'),
        p(9, '一、主要职责'),
        p(11, '负责医疗保障。'),
      ),
    ];
    const sections = recognizeSections(regions, context(reporter));
    expect(outline(sections)).toEqual([
      [1, '第一部分 单位概况', 7, 11],
      [2, '一、主要职责', 9, 11],
    ]);
    expect(reporter.messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([['section:toc-dropped', 'info', 1]]);
  });

  it('drops dot-leader contents lines and keeps the same titles once the document begins', () => {
    const reporter = new Reporter('fixture.txt');
    const regions: Region[] = [
      text(h(1, 1, '2024 年单位预算信息公开目录'), p(3, '一、单位职责..... 15'), h(5, 3, '单位预算公开表'), p(6, '单位预算收支总表..... 2'), h(8, 3, '单位预算公开表'), p(9, '单位预算收支总表..... 25'), h(11, 2, '一、单位职责')),
    ];
    const sections = recognizeSections(regions, context(reporter));
    expect(outline(sections)).toEqual([[1, '一、单位职责', 11, 11]]);
    expect(reporter.messages.map((m) => m.message)).toEqual(['第 1–9 行是目录（章节名与页码），页面会按章节自动生成目录，不作为正文章节重复收录。']);
  });

  it('nests a label heading under nothing when it comes first', () => {
    const regions: Region[] = [text(h(1, 3, '单位职责：'), p(2, '负责医疗保障。'), h(3, 3, '机构设置：'), h(4, 2, '一、收入'))];
    expect(outline(recognizeSections(regions, context()))).toEqual([
      [1, '单位职责：', 1, 2],
      [1, '机构设置：', 3, 3],
      [1, '一、收入', 4, 4],
    ]);
  });

  it('drops the next unit’s part heading that closes the last region', () => {
    const reporter = new Reporter('fixture.txt');
    const regions: Region[] = [text(h(1, 2, '九、其他需要说明的事项'), p(3, '无。'), h(5, 2, '**第二部分 另一中心单位预算**'))];
    expect(outline(recognizeSections(regions, context(reporter)))).toEqual([[1, '九、其他需要说明的事项', 1, 3]]);
    expect(reporter.messages.map((m) => [m.ruleId, m.line])).toEqual([['section:next-part', 5]]);
  });

  it('shows markup in the source as text, never as HTML or a link', () => {
    const regions: Region[] = [
      text(h(1, 2, '一、说明'), p(2, '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) &lt;b&gt; 见 http://x.cn')),
    ];
    const [section] = recognizeSections(regions, context());
    expect(section!.html).toBe(
      '<p>&#x3C;script>alert(1)&#x3C;/script> &#x3C;img src=x onerror=alert(1)> [x](javascript:alert(1)) &#x26;lt;b&#x26;gt; 见 http://x.cn</p>',
    );
  });

  it('strips DOCX bookmark anchors', () => {
    const regions: Region[] = [text(p(1, '[bookmark: tz_0002_0001]一、单位职责及机构设置情况'), p(2, '[bookmark: _GoBack]单位职责：'), p(3, '[bookmark: _Toc1]'))];
    const [section] = recognizeSections(regions, context());
    expect([section!.title, section!.markdown]).toEqual(['一、单位职责及机构设置情况', '单位职责：']);
  });
});

/** What a reader sees: text of titles and rendered HTML, whitespace aside. */
function shown(sections: Section[]): string {
  const decodeHtml = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return sections.map((s) => s.title + decodeHtml(s.html)).join('').replace(/\s+/g, '');
}

/** Printed text of blocks without the markup the page renders (bullets, `**`, DOCX anchors). */
function printedText(blocks: readonly (HeadingBlock | ParagraphBlock)[]): string {
  return blocks
    .map((b) =>
      b.text
        .replace(/\[bookmark:[^\]]*\]/g, '')
        .trim()
        .replace(b.type === 'paragraph' ? /^[-*+•]\s+/ : /^$/, '')
        .replace(/\*\*/g, ''),
    )
    .join('')
    .replace(/\s+/g, '');
}

describe('recognizeSections on any text', () => {
  // Markup, enumerators and CJK punctuation; no dots or 目录/第…部分, which would (rightly) drop lines.
  const unit = fc.constantFrom(...'<>&*[]()#-+_`|~!:=/\\ \t"\'@一二三、（）(1)。：；，甲乙丙费javascript'.split(''), '**', '<script>', 'www', 'http', '1、', '（一）', '- ');
  const line = fc.string({ unit, minLength: 1, maxLength: 30 }).map((t) => t.trim()).filter(Boolean);
  const blocks = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), line), { minLength: 1, maxLength: 10 }).map((rows) =>
    rows.map(([depth, value], i): HeadingBlock | ParagraphBlock => (depth ? h(i * 2 + 1, depth, value) : p(i * 2 + 1, value))),
  );

  it('renders only paragraphs, lists and emphasis, without attributes', () => {
    fc.assert(
      fc.property(blocks, (list) => {
        for (const section of recognizeSections([text(...list)], context())) {
          const tags = new Set([...section.html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
          expect([...tags].filter((t) => !['p', 'ul', 'li', 'strong'].includes(t!))).toEqual([]);
          expect(section.html).not.toMatch(/<[a-z]+\s[^>]*>/);
        }
      }),
    );
  });

  it('shows every printed character, in order', () => {
    fc.assert(
      fc.property(blocks, (list) => {
        const sections = recognizeSections([text(...list)], context());
        const seen = shown(sections).replace(/^概述/, '');
        expect(seen).toBe(printedText(list));
      }),
    );
  });
});

// ---------------------------------------------------------------- seeds

function spansOf(file: string): { spans: Span[]; reporter: Reporter } {
  const reporter = new Reporter(file);
  const { text: source } = decode(readFileSync(`seeds/${file}`), reporter);
  if (source === null) throw new Error(`cannot decode ${file}`);
  const { blocks } = read(source, reporter);
  const spans = segment(blocks, regionsOf(blocks), identifyEntities(blocks).entities, source.split('\n').length);
  return { spans, reporter };
}

interface Seed {
  sections: Map<string, Section[]>;
  spans: Span[];
  reporter: Reporter;
}

const seeds = new Map<string, Seed>();
function seed(file: string): Seed {
  let result = seeds.get(file);
  if (!result) {
    const { spans, reporter } = spansOf(file);
    const sections = new Map(spans.map((span) => [span.entity.code ?? span.entity.name, recognizeSections(span.regions, { reporter, entity: span.entity, year: 2024, defaultUnit: '万元' })]));
    result = { sections, spans, reporter };
    seeds.set(file, result);
  }
  return result;
}

const FILES = {
  '000': '000_254f1c56485b7ccb.txt',
  '001': '001_b299b4fe3ca604a5.txt',
  '002': '002_3ef43c7689782125.txt',
  '003': '003_2bc1f60d8e8166ed.txt',
  '004': '004_b14cc660f2ed3abf.txt',
} as const;

function sectionsOf(key: keyof typeof FILES, code: string): Section[] {
  const sections = seed(FILES[key]).sections.get(code);
  if (!sections) throw new Error(`no entity ${code} in ${key}`);
  return sections;
}

function byTitle(sections: Section[], title: string): Section {
  const section = sections.find((s) => s.title === title);
  if (!section) throw new Error(`no section ${title}`);
  return section;
}

describe('recognizeSections on the seeds', () => {
  it.each([
    ['000', '450001', 16],
    ['000', '450003', 16],
    ['001', '036', 22],
    ['002', '231002', 27],
    ['003', '362001', 14],
    ['004', '571001', 18],
  ] as const)('%s %s has %i sections', (key, code, count) => {
    expect(sectionsOf(key, code)).toHaveLength(count);
  });

  it('450001: the explanation in order, nested by enumerator', () => {
    expect(outline(sectionsOf('000', '450001'))).toEqual([
      [1, '第一部分 秦皇岛市医疗保障局本级单位预算', 57, 372],
      [1, '秦皇岛市医疗保障局本级 2024 年单位预算信息公开情况说明', 376, 591],
      [2, '一、单位职责及机构设置情况', 380, 407],
      [3, '单位职责：', 382, 400],
      [3, '机构设置：', 402, 407],
      [2, '二、单位预算安排的总体情况', 409, 423],
      [3, '1、收入说明', 413, 415],
      [3, '2、支出说明', 417, 419],
      [3, '3、比上年增减情况', 421, 423],
      [2, '三、机关运行经费安排情况', 425, 427],
      [2, '四、财政拨款“三公”经费预算情况及增减变化原因', 429, 431],
      [2, '五、单位项目预算安排情况及绩效目标', 433, 516],
      [2, '六、政府采购预算情况', 518, 547],
      [2, '七、国有资产信息', 549, 565],
      [2, '八、名词解释', 567, 587],
      [2, '九、其他需要说明的事项', 589, 591],
    ]);
  });

  it('000: drops the contents page; the next unit’s part heading opens that unit', () => {
    const messages = seed(FILES['000']).reporter.messages.filter((m) => m.ruleId.startsWith('section:'));
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['section:toc-dropped', 3]]);
    expect(sectionsOf('000', '450003')[0]).toMatchObject({ line: 593, depth: 1 });
    expect(messages[0]!.message).toContain('第 3–55 行');
  });

  it('450003: the page-broken 支出说明 is one paragraph', () => {
    const section = byTitle(sectionsOf('000', '450003'), '2、支出说明');
    expect(section.markdown).not.toContain('\n');
    expect(section.markdown).toContain('其中基本支出1124.62万元，包括人员经费 1079.80 万元和日常公用经费 44.82 万元；项目支出 580.00 万元');
    expect(section.html).toContain('包括人员经费 1079.80 万元');
    expect([section.line, section.endLine]).toEqual([945, 949]);
  });

  it('450003: bulleted duties are a list, stray ** dropped in the glossary text', () => {
    const sections = sectionsOf('000', '450003');
    expect(byTitle(sections, '单位职责：').html).toMatch(/^<ul>\n<li>1、贯彻落实党和国家的路线/);
    const glossary = byTitle(sections, '八、名词解释');
    expect(glossary.markdown).toContain('- 财政拨款收入：指本级财政当年拨付的资金');
    expect(glossary.html).toContain('8、<strong>事业单位经营支出</strong>：指事业单位');
  });

  it('036: parts, enumerated headings, joined paragraphs and the numbers', () => {
    const sections = sectionsOf('001', '036');
    expect(outline(sections).slice(0, 5)).toEqual([
      [1, '2024年度济源产城融合示范区医疗保障局部门 预算说明', 3, 3],
      [1, '第一部分 济源产城融合示范区医疗保障局 部门概况', 32, 72],
      [2, '一、济源产城融合示范区医疗保障局主要职责', 34, 60],
      [2, '二、机构设置及预算单位构成', 62, 72],
      [1, '第二部分 济源产城融合示范区医疗保障局 2024年度部门预算情况说明', 74, 150],
    ]);
    expect(byTitle(sections, '二、机构设置及预算单位构成').markdown).toContain('包括局机关本级预算和1个局属单位预算。');
    expect(byTitle(sections, '一、收入支出预算总体情况说明').markdown).toContain('收入总计6465.30万元，支出总计6465.30万元');
    expect(byTitle(sections, '七、“三公”经费支出预算情况说明').markdown).toContain('交叉检查的来客等。');
    const glossary = byTitle(sections, '第三部分 名词解释');
    expect([glossary.depth, glossary.line]).toEqual([1, 152]);
    expect(glossary.markdown).toContain('附件：济源产城融合示范区医疗保障局2024年度部门预算表');
    expect(byTitle(sections, '七、“三公”经费支出预算情况说明').html).toContain('<strong>公务用车购置费</strong> 0万元');
  });

  it('231002: a two-line title, five levels, and the report cover as its own section', () => {
    const sections = sectionsOf('002', '231002');
    expect(sections[0]!.title).toBe('西安市碑林区医疗保险经办中心 2024年单位预算公开说明');
    expect(outline(sections).filter(([depth]) => (depth as number) >= 4)).toEqual([
      [4, '1、一般公共预算当年拨款规模变化情况', 91, 93],
      [4, '2、支出按功能科目分类的明细情况', 95, 106],
      [4, '3、支出按经济科目分类的明细情况', 108, 136],
      [5, '(1) 按照部门预算支出经济分类的类级科目说明', 110, 123],
      [5, '(2) 按照政府预算支出经济分类的类级科目说明', 128, 136],
    ]);
    expect(byTitle(sections, '十、专业名词解释').html).toBe(
      [
        '<p>1. 公用经费：包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。</p>',
        '<p>2. “三公”经费：包括因公出国（境）费、公务接待费、公务用车购置及运行维护费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置及运行维护费反映单位公务用车车辆购置支出（含车辆购置税）、燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开展的各类公务接待（含外宾接待）支出。</p>',
        '<p>3. 财政拨款收入：指本级财政当年拨付的资金。</p>',
      ].join('\n'),
    );
    expect(byTitle(sections, '2024年单位综合预算公开报表').markdown).toBe('单位名称：西安市碑林区医疗保险经办中心\n\n保密审查情况： 已审查\n\n单位主要负责人审签情况： 已审签');
  });

  it('362001: the glossary definition cut by a page break is one list item', () => {
    const glossary = byTitle(sectionsOf('003', '362001'), '八、名词解释');
    expect(glossary.markdown).toContain('伙食补助费、杂费、培训费等支出;公务用车购置及运维费');
    expect(glossary.html.match(/<li>/g)).toHaveLength(9);
  });

  it('571001: parts printed inside 五、 nest under it, and 六、 closes them', () => {
    expect(outline(sectionsOf('004', '571001')).slice(8, 15)).toEqual([
      [2, '五、预算绩效信息', 1730, 2246],
      [3, '第一部分 单位整体绩效目标', 1731, 1958],
      [4, '（一）总体绩效目标', 1732, 1737],
      [4, '（二）分项绩效目标', 1738, 1750],
      [4, '（三）工作保障措施', 1751, 1958],
      [3, '第二部分 预算项目绩效目标', 1962, 2246],
      [2, '六、政府采购预算情况', 2250, 2301],
    ]);
  });

  /** The printed prose of a span, minus what was dropped on purpose. */
  function printed(span: Span, dropped: readonly (readonly [number, number])[]): string {
    const blocks = span.regions.flatMap((r) => (r.type === 'text' ? r.blocks : []));
    return printedText(blocks.filter((b) => !dropped.some(([from, to]) => b.line >= from && b.line <= to)));
  }

  it.each([
    ['000', '450001', [[3, 55], [593, 593]]],
    ['000', '450003', []],
    ['001', '036', [[5, 30]]],
    ['002', '231002', [[6, 34]]],
    ['003', '362001', [[1, 4]]],
    ['004', '571001', []],
  ] as const)('%s %s shows every printed character of its prose, in order', (key, code, dropped) => {
    const span = seed(FILES[key]).spans.find((s) => s.entity.code === code)!;
    expect(shown(sectionsOf(key, code))).toBe(printed(span, dropped));
  });
});
