/**
 * Performance target sheets: small hand-written regions for each form the
 * seeds print (000 TSV, 002 pipe tables, 003 OCR, 004 DOCX with 评（扣）分标准,
 * 001 wide multi-project table, unit sheets with tasks, empty special-fund
 * templates), then the real seeds end to end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PerformanceSheetSchema, UnitPerformanceSchema, type Indicator } from '../../src/ingest/model/schema.ts';
import {
  performanceKindOf,
  recognizeProjectSheets,
  recognizeUnitPerformance,
  type ProjectSheet,
} from '../../src/ingest/recognize/performance/index.ts';
import { classifyLabel } from '../../src/ingest/recognize/performance/labels.ts';
import { settleSplitCodes } from '../../src/ingest/recognize/performance/split-codes.ts';
import { parseTarget } from '../../src/ingest/recognize/performance/target.ts';
import { context, contextFor, loadSeed, part, region, rules, tableRegions } from '../fixtures/performance/build.ts';

const pick = (i: Indicator) => ({ level1: i.level1, level2: i.level2, name: i.name, value: i.value });
const byName = (list: readonly Indicator[], name: string) => {
  const found = list.find((i) => i.name === name);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
};

describe('parseTarget', () => {
  it.each([
    ['≥90%', { value: '≥90%', comparator: '≥', number: '90', unit: '%' }],
    ['≤7 万元', { value: '≤7 万元', comparator: '≤', number: '7', unit: '万元' }],
    ['100%', { value: '100%', number: '100', unit: '%' }],
    ['≥3000 套', { value: '≥3000 套', comparator: '≥', number: '3000', unit: '套' }],
    ['大于等于95%', { value: '大于等于95%', comparator: '≥', number: '95', unit: '%' }],
    ['≤4.5 万元/人/年', { value: '≤4.5 万元/人/年', comparator: '≤', number: '4.5', unit: '万元/人/年' }],
    ['≤1,307,190人次', { value: '≤1,307,190人次', comparator: '≤', number: '1307190', unit: '人次' }],
    ['＞５０％', { value: '＞５０％', comparator: '>', number: '50', unit: '%' }],
    ['12 月底前', { value: '12 月底前' }],
    ['2024年1-12月', { value: '2024年1-12月' }],
    ['显著提高', { value: '显著提高' }],
  ])('%s', (printed, expected) => {
    expect(parseTarget(printed)).toEqual(expected);
  });
});

describe('classifyLabel', () => {
  it('knows the framework and tells OCR noise from custom labels', () => {
    expect(classifyLabel('产出指标')).toBe('level1');
    expect(classifyLabel('服务对象 满意度指标')).toBe('level2');
    expect(classifyLabel('数量')).toBe('level2');
    expect(classifyLabel('成本指标')).toBe('both');
    expect(classifyLabel('年度绩效指标')).toBe('section');
    expect(classifyLabel('单位产出')).toBe('plausible');
    expect(classifyLabel('文山北扫')).toBe('other');
    expect(classifyLabel('绩效目标 一级指标 产出指标 效益指标')).toBe('other');
  });
});

describe('000-style sheet (TSV, key/value head, page break inside a row)', () => {
  const sheetRegion = region(
    '# 1、医疗保障运行经费绩效目标表',
    [
      part(10, [
        '项目编码\t13030024P008190100011\t\t项目名称\t医疗保障运行经费\t\t',
        '预算规模及 资金用途\t预算数\t30.00\t其中：财政资金\t28.00\t其他资金\t2.00',
        '\t主要用于审计和督导检查。\t\t\t\t\t',
        '资金支出计 划（%）\t3 月底\t\t6 月底\t10 月底\t12 月底\t',
        '\t\t\t60%\t90%\t100%\t',
        '绩效目标\t确保基金安全运行。\t\t\t\t\t',
        '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t',
        '产出指标\t数量指标\t评估检查的县区个数\t反映评估检查数量\t≥1 个\t年度工作计划\t',
        '\t质量指标\t结案率\t反映结案情况\t≥80%\t年度工作计划\t',
        '\t时效指标\t完成时限\t反映完成时限\t12 月底前\t年度工作计划\t',
        // The row lost its empty first cell: everything moved one column left.
        '成本指标\t印刷费\t根据工作需要，每年需印制大量业务表单、\t15 万元\t项目实施方案\t\t',
      ]),
      part(22, [
        '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
        // The end of line 20's description, wrapped onto the next page.
        '\t\t\t政策宣传单等费用。\t\t',
        '效益指标\t社会效益指标\t保障资金安全\t反映监管程度\t有效保障\t年度工作计划',
        '满意度指标\t服务对象满意度指标\t参保人员满意度\t反映满意程度\t≥90%\t满意度调查问卷',
      ]),
    ],
    ['单位：万元'],
  );

  it('is a project sheet', () => {
    expect(performanceKindOf(sheetRegion)).toBe('project-performance');
  });

  it('reads the head: code, amounts, purpose, schedule and goals', () => {
    const ctx = context();
    const [sheet] = recognizeProjectSheets(sheetRegion, ctx);
    expect(sheet).toMatchObject({
      code: '13030024P008190100011',
      name: '医疗保障运行经费',
      amount: '30.00',
      amountPrinted: { text: '30.00', unit: '万元', line: 11 },
      fiscalAmount: '28.00',
      otherAmount: '2.00',
    });
    expect(sheet!.performance.title).toBe('1、医疗保障运行经费绩效目标表');
    expect(sheet!.performance.purpose).toBe('主要用于审计和督导检查。');
    expect(sheet!.performance.goals).toBe('确保基金安全运行。');
    // 3 月底 has no percent; the percents sit under their periods.
    expect(sheet!.performance.schedule).toEqual([
      { period: '6 月底', percent: '60%' },
      { period: '10 月底', percent: '90%' },
      { period: '12 月底', percent: '100%' },
    ]);
  });

  it('reads every indicator, realigns the shifted row and joins the wrapped cell', () => {
    const ctx = context();
    const indicators = recognizeProjectSheets(sheetRegion, ctx)[0]!.performance.indicators;
    expect(indicators.map((i) => i.line)).toEqual([17, 18, 19, 20, 24, 25]);
    expect(indicators[0]).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      name: '评估检查的县区个数',
      description: '反映评估检查数量',
      value: '≥1 个',
      comparator: '≥',
      number: '1',
      unit: '个',
      basis: '年度工作计划',
      line: 17,
    });
    expect(indicators[2]!.value).toBe('12 月底前');
    expect(indicators[2]!.number).toBeUndefined();
    expect(indicators[3]).toEqual({
      level1: '产出指标',
      level2: '成本指标',
      name: '印刷费',
      description: '根据工作需要，每年需印制大量业务表单、政策宣传单等费用。',
      value: '15 万元',
      number: '15',
      unit: '万元',
      basis: '项目实施方案',
      line: 20,
    });
    expect(pick(indicators[4]!)).toEqual({ level1: '效益指标', level2: '社会效益指标', name: '保障资金安全', value: '有效保障' });
    expect(rules(ctx.reporter.messages, 'performance')).toEqual(['20:performance:realigned-row', '23:performance:wrapped-cell']);
    expect(ctx.reporter.messages.find((d) => d.line === 23)!.severity).toBe('warning');
  });
});

describe('002-style sheet (markdown pipes, misplaced labels)', () => {
  const sheetRegion = region('单位专项业务经费绩效目标表', [
    part(30, [
      '\t\t\t\t',
      '项目名称\t\t医保专网建设\t\t',
      '主管部门\t\t某某医疗保障局\t\t',
      '资金金额 (万元)\t实施期资金总额 :\t\t52.44\t',
      '\t其中 : 财政拨款\t\t52.44\t',
      '\t其他资金\t\t0\t',
      '总体目标\t全区接入医保专网。\t\t\t',
      '年度绩效指标\t一级指标\t二级指标\t指标内容\t指标值',
      '\t产出指标\t数量指标\t医保专线\t115条',
      '\t\t\t支付电话费\t10部',
      // 成本指标 printed in the level-1 column, the name repeated in the level-2 column.
      '\t成本指标\t购置办公用品\t购置办公用品\t6套',
      '\t\t\t网络服务费\t524400元',
      // Shifted left: level-1 in the row-label column and two level-2 labels.
      '效益指标\t社会效益指标\t经济效益指标\t印刷宣传资料\t30000元',
      // A level-1 that cannot hold this level-2.
      '\t效益指标\t成本指标\t稽核费\t200000元',
      '\t\t生态效益指标\t\t',
      '\t满意度指标\t服务对象 满意度指标\t服务站满意度\t≥98%',
    ]),
  ]);

  it('reads the head with its 万元 amounts', () => {
    const [sheet] = recognizeProjectSheets(sheetRegion, context({}, '元'));
    expect(sheet).toMatchObject({ name: '医保专网建设', amount: '52.44', fiscalAmount: '52.44', otherAmount: '0', amountPrinted: { text: '52.44', unit: '万元', line: 33 } });
    expect(sheet!.code).toBeUndefined();
    expect(sheet!.performance.goals).toBe('全区接入医保专网。');
  });

  it('recovers levels from what the labels say and reports the rest', () => {
    const ctx = context();
    const indicators = recognizeProjectSheets(sheetRegion, ctx)[0]!.performance.indicators;
    expect(indicators.map(pick)).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '医保专线', value: '115条' },
      { level1: '产出指标', level2: '数量指标', name: '支付电话费', value: '10部' },
      { level1: '产出指标', level2: '成本指标', name: '购置办公用品', value: '6套' },
      { level1: '产出指标', level2: '成本指标', name: '网络服务费', value: '524400元' },
      { level1: '效益指标', level2: '经济效益指标', name: '印刷宣传资料', value: '30000元' },
      { level1: '产出指标', level2: '成本指标', name: '稽核费', value: '200000元' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务站满意度', value: '≥98%' },
    ]);
    expect(byName(indicators, '网络服务费')).toMatchObject({ number: '524400', unit: '元' });
    expect(rules(ctx.reporter.messages, 'performance')).toEqual([
      '40:performance:extra-label',
      '42:performance:extra-label',
      '43:performance:level-mismatch',
    ]);
    expect(ctx.reporter.messages.map((d) => d.severity)).toEqual(['info', 'warning', 'warning']);
  });
});

describe('003-style sheet (OCR: split cells, garbled labels)', () => {
  const sheetRegion = region('1、2025年劳务派遣人员经费绩效目标表', [
    part(50, [
      '项目编码\t13082225P00018210001\tN\t项目名称\t2025 年劳务派遣人员经\t费\t',
      '预算规模及\t预算数\t27.00\t其中: 财政 资金\t27.00\t其他资金\t',
      '资金用途\t2025 年劳务派遣人员经\t费\t\t•\t\t•',
      '资金支出计\t\t3月底\t6月底\t10 月底\t12 月底\t',
      '划(%)\t\t25%\t50%\t75%\t100%\t',
      '绩效目标\t1.对人员工资及时足额发放\t\t\t\t\t',
      '一级指标\t二级指标\t三级指标\t绩效指标\t示描述\t指标值\t指标值确定 依据',
      '\t数量指标\t劳务派遣人数\t劳务派遣人员数量\t\t≥6人\t单位日常工 作要求',
      '文山北扫\t质量指标\t工资发放准确率\t岗位补贴工资发放准确率\t\t≥100%\t发放核定数',
      '产出指标\t时效指标\t发放及时\t按时发放工资\t\t每月 15 日前按时发放\t发放期限',
      '\t成本指标\t个人核定工资数额\t个人核定工资数额\t\t≤4.5 万元/人/年\t发放核定数',
      '\t社会效益指标\t尽职尽责率\t工作人员尽职尽责率\t\t≥100%\t文件规定',
      // The empty 示描述 cell was dropped: value and basis moved left.
      '满意度指标\t服务对象满意度指标\t工作人员满意度\t工作人员满意情况\t≥95%\t文件规定\t',
    ]),
  ]);

  it('reassembles the code and the name split across cells', () => {
    const ctx = context();
    const [sheet] = recognizeProjectSheets(sheetRegion, ctx);
    expect(sheet!.code).toBe('13082225P00018210001N');
    expect(sheet!.name).toBe('2025 年劳务派遣人员经费');
    expect(sheet!.performance.purpose).toBe('2025 年劳务派遣人员经费');
    expect(sheet!.performance.schedule.map((s) => `${s.period}=${s.percent}`)).toEqual(['3月底=25%', '6月底=50%', '10 月底=75%', '12 月底=100%']);
    expect(sheet!.codeCells?.map((c) => c.text)).toEqual(['13082225P00018210001', 'N']);
    // A lone sheet gives no code length to confirm the join against: it stands, with a warning.
    settleSplitCodes([sheet!], ctx);
    expect(sheet!.code).toBe('13082225P00018210001N');
    expect(rules(ctx.reporter.messages, 'performance:split-code')).toEqual(['50:performance:split-code-unconfirmed']);
  });

  it('assigns level-1 by the framework where OCR lost or garbled it', () => {
    const ctx = context();
    const indicators = recognizeProjectSheets(sheetRegion, ctx)[0]!.performance.indicators;
    expect(indicators.map((i) => `${i.line}:${i.level1}/${i.level2}`)).toEqual([
      '57:产出指标/数量指标',
      '58:产出指标/质量指标',
      '59:产出指标/时效指标',
      '60:产出指标/成本指标',
      '61:效益指标/社会效益指标',
      '62:满意度指标/服务对象满意度指标',
    ]);
    expect(indicators[0]).toMatchObject({ description: '劳务派遣人员数量', basis: '单位日常工作要求' });
    expect(indicators[3]).toMatchObject({ comparator: '≤', number: '4.5', unit: '万元/人/年' });
    expect(indicators[5]).toMatchObject({ value: '≥95%', description: '工作人员满意情况', basis: '文件规定' });
    expect(rules(ctx.reporter.messages, 'performance:garbled-label')).toEqual(['58:performance:garbled-label']);
  });

  it('prefers the title when the name cells are scrambled', () => {
    const ctx = context();
    const scrambled = region('7、2025年医疗救助聘用第三方服务费绩效目标表', [
      part(70, [
        '项目编码\t13082225P00018310001C\t\t项目名称\t2025 年医疗救助聘用第三\t三方服务费\t',
        '一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据',
        '产出指标\t数量指标\t聘请第三方机构数\t聘请第三方机构数\t≥1 个\t文件依据',
      ]),
    ]);
    const [sheet] = recognizeProjectSheets(scrambled, ctx);
    expect(sheet!.name).toBe('2025年医疗救助聘用第三方服务费');
    expect(rules(ctx.reporter.messages, 'performance:name-from-title')).toEqual(['70:performance:name-from-title']);
  });
});

describe('004-style unit sheet (DOCX, 评（扣）分标准, value split into 符号/值/单位)', () => {
  const unitRegion = region('（四）单位整体支出绩效指标', [
    part(80, [
      '一级指标\t二级指标\t三级指标\t评（扣）分标准\t绩效指标描述\t指标值\t指标值确定依据',
      '\t\t\t\t\t符号\t值\t单位\t',
      '单位产出\t数量\t开展监督检查次数\t每减少一次扣分值的10%\t开展监督检查次数\t≥\t2\t次\t工作安排',
      '\t质量\t机关运转率（%）\t每降低10%扣分值的10%\t机关工作正常运转率\t=\t100\t%\t工作安排',
      '\t成本\t预算控制数\t每降低10%扣分值的10%\t预算控制数\t文字描述\t\t预算批复数\t预算文本',
      '单位效果\t社会效益\t维护基金安全\t安全运行得满分，否则不得分\t加强监管\t文字描述\t\t安全运行\t工作安排',
      '\t满意度\t参保人满意度\t大于等于90%得满分\t确保待遇落实\t≥\t90\t%\t问卷调查',
    ]),
  ]);

  it('is a unit sheet, not a project sheet', () => {
    expect(performanceKindOf(unitRegion)).toBe('unit-performance');
    expect(recognizeProjectSheets(unitRegion, context())).toEqual([]);
  });

  it('composes values, keeps scoring rules and the template’s own level-1 names', () => {
    const ctx = context();
    const sheet = recognizeUnitPerformance(unitRegion, ctx)!;
    expect(sheet.tasks).toEqual([]);
    expect(sheet.indicators).toHaveLength(5);
    expect(sheet.indicators[0]).toEqual({
      level1: '单位产出',
      level2: '数量',
      name: '开展监督检查次数',
      scoring: '每减少一次扣分值的10%',
      description: '开展监督检查次数',
      value: '≥2次',
      comparator: '≥',
      number: '2',
      unit: '次',
      basis: '工作安排',
      line: 82,
    });
    expect(sheet.indicators[1]).toMatchObject({ value: '=100%', comparator: '=', number: '100', unit: '%' });
    expect(sheet.indicators[2]).toMatchObject({ value: '预算批复数', basis: '预算文本' });
    expect(sheet.indicators[2]!.comparator).toBeUndefined();
    expect(sheet.indicators[3]).toMatchObject({ level1: '单位效果', level2: '社会效益', value: '安全运行' });
    expect(sheet.indicators[4]).toMatchObject({ level1: '单位效果', level2: '满意度', value: '≥90%', number: '90' });
    expect(ctx.reporter.messages).toEqual([]);
  });
});

describe('001-style wide table (one project per row group)', () => {
  const wide = region('2024年度部门预算项目绩效目标表', [
    part(100, [
      '单位编码（项目编码）\t项目单位（项目名称）\t项目金额（万元）\t\t\t\t绩效目标\t\t\t\t\t\t\t\t',
      '\t\t\t\t\t\t成本指标\t\t产出指标\t\t效益指标\t\t满意度指标\t\t',
      '\t\t资金总额\t政府预算资金\t财政专户管理资金\t单位资金\t三级指标\t指标值\t三级指标\t指标值\t三级指标\t指标值\t三级指标\t指标值\t',
      '036\t\t150.00\t150.00\t\t\t\t\t\t\t\t\t\t\t',
      '036001\t某市医疗保障局\t117.00\t115.00\t\t\t\t\t\t\t\t\t\t\t',
      // This page prints the categories one column right of the header; the row lost its empty 成本 pair.
      '419001240000000004001\t综合业务-工作经费\t20.00\t20.00\t\t\t\t医保终端覆盖\t≥9家\t风险控制\t强化\t参保群众满意度\t≥85%\t\t',
      '\t\t\t\t\t\t\t监督管理体制\t完善\t\t\t\t\t\t',
      '41900123000000010510 4\tDRG付费方式改革\t82.00\t80.00\t\t2.00\t\t服务费\t≤82万元\t培训次数\t≥1次\t使用效率\t提高\t机构满意度\t≥85%',
      '\t\t\t\t\t\t\t\t\t覆盖机构数量\t≥20家\t\t\t\t',
    ]),
    // Next page: one column left of the header.
    part(110, [
      '41900124000000000500\t综合业务管\t15.00\t15.00\t\t\t\t印制宣传页\t≥40000份\t政策知晓率\t≥95%\t群众满意度\t≥95%',
    ]),
    // The project's code and name continue on the page after.
    part(112, [
      '6\t理-社会保险工作经费\t15.00\t15.00\t\t\t\t运行稳定率\t≥90%\t\t\t\t',
      '036002\t某市医疗保障服务中心\t30.00\t30.00\t\t\t\t\t\t\t\t\t',
      '41900124000000004055\t离休干部医疗费\t30.00\t30.00\t\t\t大病保险 130元\t受理申请率\t100%\t确保稳定\t稳定\t离休人员满意度\t≥95%',
      '--\t----\t--\t--\t--\t--\t--\t----\t--\t--\t--\t--\t--',
    ]),
  ]);

  it('is a project sheet', () => {
    expect(performanceKindOf(wide)).toBe('project-performance');
  });

  it('yields one sheet per project with unit, code and amounts', () => {
    const ctx = context({ code: '036' });
    const sheets = recognizeProjectSheets(wide, ctx);
    expect(sheets.map((s) => [s.code, s.name, s.unitCode, s.amount])).toEqual([
      ['419001240000000004001', '综合业务-工作经费', '036001', '20.00'],
      ['419001230000000105104', 'DRG付费方式改革', '036001', '82.00'],
      ['419001240000000005006', '综合业务管理-社会保险工作经费', '036001', '15.00'],
      ['41900124000000004055', '离休干部医疗费', '036002', '30.00'],
    ]);
    expect(sheets[1]).toMatchObject({ fiscalAmount: '80.00', otherAmount: '2.00', line: 107 });
    expect(sheets[0]!.performance).toMatchObject({ title: '2024年度部门预算项目绩效目标表', line: 105, endLine: 106 });
  });

  it('places each indicator under its category, whatever the page offset', () => {
    const ctx = context({ code: '036' });
    const sheets = recognizeProjectSheets(wide, ctx);
    const cats = (s: ProjectSheet) => s.performance.indicators.map((i) => `${i.level1}:${i.name}=${i.value}`);
    expect(cats(sheets[0]!)).toEqual(['产出指标:医保终端覆盖=≥9家', '效益指标:风险控制=强化', '满意度指标:参保群众满意度=≥85%', '产出指标:监督管理体制=完善']);
    expect(cats(sheets[1]!)).toEqual(['成本指标:服务费=≤82万元', '产出指标:培训次数=≥1次', '效益指标:使用效率=提高', '满意度指标:机构满意度=≥85%', '产出指标:覆盖机构数量=≥20家']);
    expect(cats(sheets[2]!)).toEqual(['产出指标:印制宣传页=≥40000份', '效益指标:政策知晓率=≥95%', '满意度指标:群众满意度=≥95%', '产出指标:运行稳定率=≥90%']);
    expect(cats(sheets[3]!)).toEqual(['成本指标:大病保险=130元', '产出指标:受理申请率=100%', '效益指标:确保稳定=稳定', '满意度指标:离休人员满意度=≥95%']);
    expect(sheets[1]!.performance.indicators[0]).toMatchObject({ comparator: '≤', number: '82', unit: '万元' });
    expect(rules(ctx.reporter.messages)).toEqual([
      '105:performance:realigned-row',
      '107:performance:split-code',
      '112:performance:split-code',
      '112:performance:wrapped-name',
    ]);
  });
});

describe('unit-wide sheet with tasks (002 style)', () => {
  const unitRegion = region('单位整体支出绩效目标表', [
    part(200, [
      '部门(单位)名称\t\t某某中心\t\t\t',
      '年度主要任务\t任务名称\t主要内容\t预算金额(万元)\t\t',
      '\t\t\t总额\t财政拨款\t',
      '\t1. 人员工资\t发放工资\t129.8\t129.8\t',
      '专网建设\t\t接入医保专网\t52.44\t52.44\t',
      '\t\t金额合计\t182.00\t182.00\t',
      '年度总体目标\t做好医保经办服务工作。\t\t\t\t',
      '\t一级指标\t二级指标\t指标内容\t指标值\t',
      '年度绩效指标\t产出指标\t数量指标\t参保人数\t11人\t',
      '\t时效指标\t质量指标\t合同执行率\t100%\t',
    ]),
    // A page with four columns and no header.
    part(211, [
      '成本指标\t支付电话费\t0.8万元\t',
      '效益指标\t经济效益指标\t\t',
      '\t社会效益指标\t提升档案完整性\t显著提高',
      '满意度指标\t服务对象满意度指标\t工作群体满意度\t≥95%',
    ]),
  ]);

  it('reads tasks, goals and indicators across pages of different widths', () => {
    const ctx = context();
    expect(performanceKindOf(unitRegion)).toBe('unit-performance');
    const sheet = recognizeUnitPerformance(unitRegion, ctx)!;
    expect(sheet.title).toBe('单位整体支出绩效目标表');
    expect(sheet.tasks).toEqual([
      { name: '人员工资', content: '发放工资', amount: '129.8', line: 203 },
      { name: '专网建设', content: '接入医保专网', amount: '52.44', line: 204 },
    ]);
    expect(sheet.goals).toBe('做好医保经办服务工作。');
    expect(sheet.indicators.map((i) => `${i.line}:${i.level1}/${i.level2}:${i.name}=${i.value}`)).toEqual([
      '208:产出指标/数量指标:参保人数=11人',
      '209:产出指标/质量指标:合同执行率=100%',
      '211:产出指标/成本指标:支付电话费=0.8万元',
      '213:效益指标/社会效益指标:提升档案完整性=显著提高',
      '214:满意度指标/服务对象满意度指标:工作群体满意度=≥95%',
    ]);
    expect(rules(ctx.reporter.messages, 'performance').filter((r) => !r.endsWith('realigned-row'))).toEqual([
      '205:performance:task-total',
      '209:performance:extra-label',
    ]);
  });
});

describe('special-fund template and non-sheets', () => {
  it('returns an empty sheet for an empty 专项资金总体绩效目标表 template', () => {
    const ctx = context();
    const template = region('专项资金总体绩效目标表', [
      part(300, [
        '项目名称\t\t\t\t\t',
        '资金金额 (万元)\t\t实施期资金总额 :\t\t年度资金总额 :\t',
        '总体目标\t实施期总目标\t\t\t年度目标\t',
        '\t目标1 : 目标2 : 目标3 :\t\t\t目标1 : 目标2 : 目标3 :\t',
        '绩效指标\t一级指标\t二级指标\t指标内容\t\t指标值',
        '\t产出指标\t数量指标\t\t\t',
        '\t效益指标\t经济效益指标\t\t\t',
      ]),
    ]);
    expect(performanceKindOf(template)).toBe('special-fund-performance');
    expect(recognizeUnitPerformance(template, ctx)).toEqual({
      title: '专项资金总体绩效目标表',
      line: 299,
      endLine: 306,
      schedule: [],
      indicators: [],
      tasks: [],
    });
    expect(ctx.reporter.messages).toEqual([]);
  });

  it('does not take a project-expenditure table for a sheet', () => {
    const table = region('项目支出预算表', [part(400, ['部门代码\t部门（项目）名称\t项目类型\t合计', '036001\t工作经费\t其他运转类\t20.00'])], ['单位：万元']);
    expect(performanceKindOf(table)).toBeNull();
    expect(recognizeProjectSheets(table, context())).toEqual([]);
    expect(recognizeUnitPerformance(table, context())).toBeNull();
  });

  it('reports a value that has no indicator name instead of dropping it', () => {
    const ctx = context();
    const sheet = region('某项目绩效目标表', [
      part(500, ['一级指标\t二级指标\t三级指标\t指标值', '产出指标\t数量指标\t培训次数\t≥2次', '\t\t\t≥5次']),
    ]);
    const [result] = recognizeProjectSheets(sheet, ctx);
    expect(result!.performance.indicators).toHaveLength(1);
    expect(rules(ctx.reporter.messages)).toEqual(['502:performance:value-without-name']);
    expect(ctx.reporter.messages[0]!.message).toContain('≥5次');
  });
});

describe('robustness', () => {
  it('splits sheets printed back to back in one region', () => {
    const ctx = context();
    const both = region('1、甲项目绩效目标表', [
      part(600, [
        '项目编码\tA0000000001\t项目名称\t甲项目',
        '一级指标\t二级指标\t三级指标\t指标值',
        '产出指标\t数量指标\t培训次数\t≥2次',
        '项目编码\tB0000000002\t项目名称\t乙项目',
        '预算数\t5.00\t\t',
        '一级指标\t二级指标\t三级指标\t指标值',
        '满意度指标\t服务对象满意度指标\t满意度\t≥90%',
      ]),
    ]);
    const sheets = recognizeProjectSheets(both, ctx);
    expect(sheets.map((s) => [s.code, s.name, s.amount, s.line, s.performance.indicators.map((i) => i.name)])).toEqual([
      ['A0000000001', '甲项目', undefined, 599, ['培训次数']],
      ['B0000000002', '乙项目', '5.00', 603, ['满意度']],
    ]);
    expect(ctx.reporter.messages).toEqual([]);
  });

  it('joins a value printed over 指标值 and 计量单位 columns, and reads a schedule without % signs', () => {
    const ctx = context();
    const sheet = region('某项目绩效目标表', [
      part(800, [
        '项目名称\t培训项目',
        '资金支出计划（%）\t1-6月\t全年',
        '\t40\t100',
        '一级指标\t二级指标\t三级指标\t指标值\t计量单位\t指标值确定依据',
        '产出指标\t数量指标\t培训次数\t≥2\t次\t工作计划',
        '\t质量指标\t合格率\t95\t%\t工作计划',
      ]),
    ]);
    const [result] = recognizeProjectSheets(sheet, ctx);
    expect(result!.performance.schedule).toEqual([
      { period: '1-6月', percent: '40' },
      { period: '全年', percent: '100' },
    ]);
    expect(result!.performance.indicators.map((i) => [i.value, i.comparator, i.number, i.unit, i.basis])).toEqual([
      ['≥2次', '≥', '2', '次', '工作计划'],
      ['95%', undefined, '95', '%', '工作计划'],
    ]);
    expect(ctx.reporter.messages).toEqual([]);
  });

  it('takes the first text column for the name when the header has no 三级指标', () => {
    const sheet = region('某项目绩效目标表', [part(700, ['一级指标\t二级指标\t绩效指标\t指标值', '产出指标\t数量指标\t培训次数\t≥2次'])]);
    const [result] = recognizeProjectSheets(sheet, context());
    expect(result!.performance.indicators.map(pick)).toEqual([{ level1: '产出指标', level2: '数量指标', name: '培训次数', value: '≥2次' }]);
  });
});

describe('any rows', () => {
  // Cells drawn from the vocabulary of performance sheets, shuffled into arbitrary rows.
  const cell = fc.oneof(
    fc.constantFrom('', '', '项目编码', '项目名称', '预算数', '其中：财政资金', '资金用途', '资金支出计划（%）', '6月底', '60%', '绩效目标', '年度主要任务',
      '任务名称', '主要内容', '一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据', '评（扣）分标准', '符号', '值', '单位', '产出指标', '数量指标',
      '成本指标', '满意度指标', '三级指标', '≥90%', '≤7 万元', '文字描述', '≥', '30.00', '036001', '13030024P008190100011', '6', '合计', '文山北扫', '--'),
    fc.string({ maxLength: 5 }),
  );
  const rowsArb = fc.array(fc.array(cell, { minLength: 1, maxLength: 9 }).map((cells) => cells.join('\t')), { minLength: 1, maxLength: 14 });

  it('never throws and returns sheets the schema accepts', () => {
    fc.assert(
      fc.property(rowsArb, rowsArb, fc.constantFrom('某项目绩效目标表', '单位整体支出绩效目标表', '专项资金总体绩效目标表', '项目绩效目标表'), (a, b, title) => {
        const r = region(title, [part(10, a), part(10 + a.length, b)]);
        const ctx = context();
        for (const sheet of recognizeProjectSheets(r, ctx)) {
          expect(sheet.name).toEqual(expect.any(String));
          PerformanceSheetSchema.parse(sheet.performance);
        }
        const unit = recognizeUnitPerformance(r, ctx);
        if (unit) UnitPerformanceSchema.parse(unit);
        for (const d of ctx.reporter.messages) expect(d.line).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('seeds', () => {
  const sheetsOf = (file: string) => {
    const seed = loadSeed(file);
    return seed.spans.map((span) => {
      const ctx = contextFor(seed, span);
      const regions = tableRegions(span);
      const sheets = regions.flatMap((r) => recognizeProjectSheets(r, ctx));
      const units = regions.map((r) => recognizeUnitPerformance(r, ctx)).filter((u) => u !== null);
      // Everything recognized is valid model data.
      for (const s of sheets) PerformanceSheetSchema.parse(s.performance);
      for (const u of units) UnitPerformanceSchema.parse(u);
      return { code: span.entity.code, sheets, units, messages: seed.reporter.messages };
    });
  };

  it('000: 4 + 2 project sheets with their indicators', () => {
    const [first, second] = sheetsOf('000_254f1c56485b7ccb.txt');
    expect(first!.code).toBe('450001');
    expect(first!.sheets.map((s) => s.code)).toEqual(['13030024P008190100011', '13030024P00822710001X', '13030023P00804610001Q', '13030023P008071100012']);
    expect(first!.sheets.map((s) => s.performance.indicators.length)).toEqual([11, 6, 7, 11]);
    expect(second!.code).toBe('450003');
    expect(second!.sheets.map((s) => [s.name, s.amount])).toEqual([
      ['医保运行保障与审计', '80.00'],
      ['离休干部医药费', '500.00'],
    ]);
    const audit = second!.sheets[0]!.performance.indicators;
    expect(audit).toHaveLength(17);
    expect(byName(audit, '档案托管的数量')).toMatchObject({ comparator: '≥', number: '3000', unit: '套' });
    expect(byName(audit, '医疗保险经办保障经费').description).toMatch(/办事指南、政策宣传单等/);
    expect(rules(first!.messages, 'performance:wrapped-cell')).toEqual(['988:performance:wrapped-cell']);
  });

  it('001: department sheet with tasks and 26 projects from the wide table', () => {
    const [dept] = sheetsOf('001_b299b4fe3ca604a5.txt');
    expect(dept!.code).toBe('036');
    expect(dept!.units).toHaveLength(1);
    expect(dept!.units[0]!.tasks.map((t) => t.name)).toEqual(['优化服务,提升群众医保获得感', '开源节流、保障基金安全运行', '改革创新,提升医保发展质效']);
    expect(dept!.units[0]!.indicators).toHaveLength(27);
    expect(byName(dept!.units[0]!.indicators, '评价结果应用率')).toMatchObject({ level1: '投入管理指标', level2: '绩效管理', value: '100%' });
    expect(dept!.sheets).toHaveLength(26);
    const codes = dept!.sheets.map((s) => s.code);
    expect(codes).toContain('419001230000000105105');
    expect(codes).toContain('419001240000000005006');
    const split = dept!.sheets.find((s) => s.code === '419001240000000005006')!;
    expect(split).toMatchObject({ name: '医疗保障综合业务管理-社会保险工作经费', unitCode: '036002', amount: '15.00' });
    expect(split.performance.indicators).toHaveLength(6);
    const expert = dept!.sheets.find((s) => s.code === '419001240000000004004')!;
    expect(byName(expert.performance.indicators, '聘请专家费')).toMatchObject({ level1: '成本指标', comparator: '≤', number: '500', unit: '元/人每天' });
    expect(dept!.sheets.filter((s) => s.unitCode === '036001')).toHaveLength(8);
    expect(dept!.sheets.at(-1)!.name).toBe('豫财社2023-248号2024年中央和省本级财政医疗救助补助资金用于城乡医疗救助');
  });

  it('002: seven project sheets, the unit sheet over three pages and the empty special-fund template', () => {
    const [unit] = sheetsOf('002_3ef43c7689782125.txt');
    expect(unit!.sheets.map((s) => s.name)).toEqual([
      '2024年春节期间区级领导走访慰问高层次人才工作',
      '经办中心运转经费',
      '劳务派遣人员工作经费',
      '双定机构费用审核及稽核委外业务',
      '医保业务档案寄存服务',
      '医保业务档案整理',
      '医保专网建设',
    ]);
    const net = unit!.sheets.at(-1)!;
    expect(net).toMatchObject({ amount: '52.44', fiscalAmount: '52.44', otherAmount: '0' });
    expect(net.performance.indicators).toHaveLength(7);
    expect(unit!.units).toHaveLength(2);
    expect(unit!.units[0]!.tasks).toHaveLength(11);
    expect(unit!.units[0]!.tasks.at(-1)).toEqual({ name: '公务员医疗救助', content: '按时足额发放全区公务员医疗救助待遇', amount: '200', line: 718 });
    expect(unit!.units[0]!.indicators).toHaveLength(60);
    expect(byName(unit!.units[0]!.indicators, '支付电话费')).toBeDefined();
    expect(unit!.units[1]!).toMatchObject({ title: '专项资金总体绩效目标表', indicators: [], tasks: [] });
  });

  it('003: nine OCR sheets with reassembled codes and garbled labels reported', () => {
    const [unit] = sheetsOf('003_2bc1f60d8e8166ed.txt');
    expect(unit!.sheets).toHaveLength(9);
    expect(unit!.sheets[0]!.code).toBe('13082225P00018210001N');
    expect(unit!.sheets.map((s) => s.performance.indicators.length)).toEqual([6, 8, 8, 6, 6, 6, 6, 6, 7]);
    expect(byName(unit!.sheets[0]!.performance.indicators, '个人核定工资数额')).toMatchObject({ level1: '产出指标', comparator: '≤', number: '4.5', unit: '万元/人/年' });
    expect(rules(unit!.messages, 'performance:garbled-label').map((r) => Number(r.split(':')[0]))).toEqual([354, 371, 388, 389, 390, 422, 470]);
  });

  it('004: the unit sheet with scoring rules and four project sheets without codes', () => {
    const [unit] = sheetsOf('004_b14cc660f2ed3abf.txt');
    expect(unit!.units).toHaveLength(1);
    const indicators = unit!.units[0]!.indicators;
    expect(indicators).toHaveLength(18);
    expect(indicators[0]).toMatchObject({ name: '开展监督检查次数', value: '≥2次', comparator: '≥', number: '2', unit: '次', scoring: '每减少一次扣分值的10%' });
    expect(unit!.sheets.map((s) => [s.name, s.code, s.amount, s.performance.indicators.length])).toEqual([
      ['城乡居民基本医疗保险补助资金[区级]', undefined, undefined, 7],
      ['城乡医疗救助基金[区级]', undefined, undefined, 10],
      ['代缴脱贫人口及易返贫致贫人口城乡居民基本医疗保险资金', undefined, undefined, 7],
      ['新冠病毒疫苗及接种费用财政补助资金', undefined, undefined, 8],
    ]);
  });
});
