/**
 * Project rows of project-expenditure tables (hand-built Tables in the
 * model's shape) and their merge with performance sheets, then the seeds'
 * project lists end to end.
 */
import { describe, expect, it } from 'vitest';
import { ProjectSchema, type PerformanceSheet } from '../../src/ingest/model/schema.ts';
import { recognizeProjectSheets, type ProjectSheet } from '../../src/ingest/recognize/performance/index.ts';
import { assembleProjects, projectRowsOf, type ProjectRow } from '../../src/ingest/recognize/projects.ts';
import { columns, context, contextFor, loadSeed, projectTableOf, rows, rules, table, tableRegions } from '../fixtures/performance/build.ts';

const department = {
  code: '036',
  name: '某市医疗保障局',
  level: 'department' as const,
  children: [
    { code: '036001', name: '某市医疗保障局' },
    { code: '036002', name: '某市医疗保障服务中心' },
  ],
};

describe('projectRowsOf', () => {
  it('001 style: skips the total, department and unit rows, keeps the unit of each project', () => {
    const cols = columns([
      ['部门代码', 'unit-code'],
      ['部门（项目）名称', 'name'],
      ['项目类型', 'text'],
      ['合计', 'amount'],
      ['本年拨款/一般公共预算', 'amount'],
      ['本年拨款/政府性基金预算', 'amount'],
    ]);
    const t = table({
      columns: cols,
      unit: '万元',
      rows: rows(cols, 508, [
        '\t\t合计\t50.00\t38.00\t12.00',
        '036\t某市医疗保障局\t\t50.00\t38.00\t12.00',
        '036001\t某市医疗保障局\t\t32.00\t20.00\t12.00',
        '036001\t综合业务管理-工作经费\t其他运转类\t20.00\t20.00\t',
        '036001\t电子政务专项-骨干网络服务费\t特定目标类\t12.00\t\t12.00',
        '036002\t某市医疗保障服务中心\t\t18.00\t18.00\t',
        '036002\t综合业务管理-工作经费\t其他运转类\t10.00\t10.00\t',
        '036002\t综合救助专项-体检费\t特定目标类\t8.00\t8.00\t',
      ]),
    });
    const ctx = context(department);
    expect(projectRowsOf(t, ctx)).toEqual([
      { name: '综合业务管理-工作经费', unitCode: '036001', amount: '20.00', type: '其他运转类', funding: '一般公共预算', line: 511, amountPrinted: { text: '20.00', unit: '万元', line: 511 } },
      { name: '电子政务专项-骨干网络服务费', unitCode: '036001', amount: '12.00', type: '特定目标类', funding: '政府性基金预算', line: 512, amountPrinted: { text: '12.00', unit: '万元', line: 512 } },
      { name: '综合业务管理-工作经费', unitCode: '036002', amount: '10.00', type: '其他运转类', funding: '一般公共预算', line: 514, amountPrinted: { text: '10.00', unit: '万元', line: 514 } },
      { name: '综合救助专项-体检费', unitCode: '036002', amount: '8.00', type: '特定目标类', funding: '一般公共预算', line: 515, amountPrinted: { text: '8.00', unit: '万元', line: 515 } },
    ]);
    expect(ctx.reporter.messages).toEqual([]);
  });

  it('002 style: 元 to 万元 exactly, group rows whose amount is the sum of the rows under them skipped', () => {
    const cols = columns([
      ['单位编码', 'unit-code'],
      ['单位（项目）名称', 'name'],
      ['项目金额', 'amount'],
      ['项目简介', 'text'],
    ]);
    const t = table({
      columns: cols,
      unit: '元',
      rows: rows(cols, 485, [
        '\t合计\t1,250,401.00\t',
        '231\t某区医疗保障局\t1,250,401.00\t',
        '231002\t某区医疗保险经办中心\t1,250,401.00\t',
        '\t专用项目\t1,250,401.00\t',
        '\t其他履职经费\t1,250,401.00\t',
        '\t走访慰问工作\t198,000.00\t',
        '\t档案寄存服务\t1.00\t',
        '\t医保专网建设\t524,400.00\t',
        '\t档案整理\t528,000.00\t',
      ]),
    });
    const ctx = context({ code: '231002', name: '某区医疗保险经办中心', parent: { code: '231', name: '某区医疗保障局' } }, '元');
    const out = projectRowsOf(t, ctx);
    expect(out.map((r) => [r.name, r.amount, r.unitCode])).toEqual([
      ['走访慰问工作', '19.80', '231002'],
      ['档案寄存服务', '0.0001', '231002'],
      ['医保专网建设', '52.44', '231002'],
      ['档案整理', '52.80', '231002'],
    ]);
    expect(out[2]!.amountPrinted).toEqual({ text: '524,400.00', unit: '元', line: 492 });
  });

  it('does not take a project whose amount happens to equal a single following row for a group', () => {
    const cols = columns([
      ['单位（项目）名称', 'name'],
      ['项目金额', 'amount'],
    ]);
    const t = table({ columns: cols, unit: '万元', rows: rows(cols, 10, ['甲项目\t5.00', '乙项目\t5.00', '丙类\t7.00', '丁项目\t4.00', '戊项目\t3.00']) });
    // 丙类 is 丁 + 戊 (two rows): a group. 甲 equals 乙 alone, 乙 equals nothing after it: projects.
    expect(projectRowsOf(t, context()).map((r) => r.name)).toEqual(['甲项目', '乙项目', '丁项目', '戊项目']);
  });
});

const perf = (title: string, line: number): PerformanceSheet => ({ title, line, endLine: line + 5, schedule: [], indicators: [] });
const sheet = (s: Omit<ProjectSheet, 'performance'>): ProjectSheet => ({ ...s, performance: perf(`${s.name}绩效目标表`, s.line) });
const row = (r: ProjectRow): ProjectRow => r;

describe('assembleProjects', () => {
  it('matches by code, then by name within the unit, and keeps projects of either source', () => {
    const ctx = context(department);
    const rowsIn = [
      // Same name and amount in two units: only the unit tells them apart.
      row({ name: '打击欺诈骗保工作经费', unitCode: '036001', amount: '10.00', line: 512 }),
      row({ name: '打击欺诈骗保工作经费', unitCode: '036002', amount: '10.00', line: 520 }),
      row({ name: '豫财社2023-244号补助资金（能力建设部分）', unitCode: '036001', amount: '10.00', line: 518 }),
      row({ name: '医疗救助补助资金用于城乡医疗救助', unitCode: '036002', amount: '557.00', line: 530 }),
      row({ name: '离休干部医疗费', unitCode: '036002', amount: '450.00', line: 533, code: 'P-9' }),
      row({ name: '没有绩效目标表的项目', unitCode: '036002', amount: '1.00', line: 540 }),
    ];
    const sheets = [
      sheet({ code: 'P-9', name: '离休干部医药费', unitCode: '036002', amount: '450.00', line: 665 }),
      sheet({ code: '419001240000000004036', name: '打击欺诈骗保工作经费', unitCode: '036002', amount: '10.00', line: 634 }),
      sheet({ code: '419001240000000004004', name: '打击欺诈骗保工作经费', unitCode: '036001', amount: '10.00', line: 603 }),
      sheet({ code: '419001240000000037616', name: '豫财社2023-244号补助资金(能力建设部分)', unitCode: '036001', amount: '10.00', line: 622 }),
      // Truncated by a line break in the sheet.
      sheet({ code: '4190012400000000037614', name: '医疗救助补助资金用于城乡医疗救', unitCode: '036002', amount: '557.00', line: 683 }),
    ];
    const projects = assembleProjects(sheets, rowsIn, ctx);
    expect(projects.map((p) => [p.id, p.code, p.name, p.unitCode, p.amount, p.line])).toEqual([
      ['419001240000000004004', '419001240000000004004', '打击欺诈骗保工作经费', '036001', '10.00', 512],
      ['419001240000000037616', '419001240000000037616', '豫财社2023-244号补助资金（能力建设部分）', '036001', '10.00', 518],
      ['419001240000000004036', '419001240000000004036', '打击欺诈骗保工作经费', '036002', '10.00', 520],
      ['4190012400000000037614', '4190012400000000037614', '医疗救助补助资金用于城乡医疗救助', '036002', '557.00', 530],
      ['p-9', 'P-9', '离休干部医疗费', '036002', '450.00', 533],
      ['meiyoujixiaomubiaobiaodexiangmu', undefined, '没有绩效目标表的项目', '036002', '1.00', 540],
    ]);
    expect(projects[0]!.performance?.line).toBe(603);
    expect(projects.at(-1)!.performance).toBeUndefined();
    expect(ctx.reporter.messages).toEqual([]);
  });

  it('warns about a sheet without a table row and about amounts that disagree', () => {
    const ctx = context();
    const projects = assembleProjects(
      [sheet({ name: '医保专网建设', amount: '52.40', amountPrinted: { text: '52.40', unit: '万元', line: 684 }, line: 676 }), sheet({ name: '完全不同的名称', amount: '1.00', line: 700 })],
      [row({ name: '医保专网建设', amount: '52.44', line: 496 })],
      ctx,
    );
    expect(projects.map((p) => [p.id, p.name, p.amount])).toEqual([
      ['yibaozhuanwangjianshe', '医保专网建设', '52.44'],
      ['wanquanbutongdemingcheng', '完全不同的名称', '1.00'],
    ]);
    expect(rules(ctx.reporter.messages)).toEqual(['684:projects:amount-mismatch', '700:projects:unmatched-sheet']);
    expect(ctx.reporter.messages.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('keeps ids unique and URL-safe: from the code, else from the name, never from the position', () => {
    const projects = assembleProjects(
      [sheet({ code: 'AB12', name: '甲', line: 1 }), sheet({ code: 'AB12', name: '乙', line: 2 }), sheet({ code: '编码12', name: '丙', line: 3 }), sheet({ name: '丙', line: 4 })],
      [],
      context(),
    );
    expect(projects.map((p) => p.id)).toEqual(['ab12', 'ab12-2', 'bing', 'bing-2']);
  });

  it('gives a project without a code the same id when another project is added before it', () => {
    const alone = assembleProjects([sheet({ name: '医保专网建设', line: 20 })], [], context());
    const after = assembleProjects([sheet({ name: '医保业务档案整理', line: 10 }), sheet({ name: '医保专网建设', line: 20 })], [], context());
    expect(alone.map((p) => p.id)).toEqual(['yibaozhuanwangjianshe']);
    expect(after.map((p) => p.id)).toEqual(['yibaoyewudanganzhengli', 'yibaozhuanwangjianshe']);
  });
});

describe('seeds', () => {
  const projectsOf = (file: string) => {
    const seed = loadSeed(file);
    return seed.spans.map((span) => {
      const ctx = contextFor(seed, span);
      const regions = tableRegions(span);
      const sheets = regions.flatMap((r) => recognizeProjectSheets(r, ctx));
      const tables = regions.filter((r) => /项目支出|专项业务经费支出/.test(r.title?.text ?? '')).map(projectTableOf);
      const projectRows = tables.flatMap((t) => projectRowsOf(t, ctx));
      const projects = assembleProjects(sheets, projectRows, ctx);
      for (const p of projects) ProjectSchema.parse(p);
      return { code: span.entity.code, projects, messages: seed.reporter.messages };
    });
  };

  it('000: 4 and 2 projects from the sheets alone', () => {
    const [a, b] = projectsOf('000_254f1c56485b7ccb.txt');
    expect([a!.code, a!.projects.length, b!.code, b!.projects.length]).toEqual(['450001', 4, '450003', 2]);
    expect(a!.projects[0]).toMatchObject({ id: '13030024p008190100011', code: '13030024P008190100011', name: '医疗保障运行经费', amount: '30.00' });
    expect(b!.projects.find((p) => p.name === '离休干部医药费')).toMatchObject({ amount: '500.00', amountPrinted: { text: '500.00', unit: '万元', line: 1002 } });
  });

  it('001: 26 projects, every sheet of the wide table matched to its row', () => {
    const [dept] = projectsOf('001_b299b4fe3ca604a5.txt');
    expect(dept!.projects).toHaveLength(26);
    expect(dept!.projects.every((p) => p.code && p.performance && p.type && p.unitCode)).toBe(true);
    expect(dept!.projects.map((p) => p.name)).not.toContain('济源产城融合示范区医疗保障局');
    expect(dept!.projects.find((p) => p.code === '419001240000000005006')).toMatchObject({ name: '医疗保障综合业务管理-社会保险工作经费', unitCode: '036002', amount: '15.00', line: 521 });
    expect(dept!.projects.find((p) => p.code === '419001230000000105105')).toMatchObject({ unitCode: '036001', funding: '政府性基金预算', amount: '12.00' });
    expect(dept!.projects.filter((p) => p.unitCode === '036002')).toHaveLength(18);
    expect(rules(dept!.messages, 'projects')).toEqual([]);
  });

  it('002: 7 projects from 表10 in 元 merged with the 表14 sheets', () => {
    const [unit] = projectsOf('002_3ef43c7689782125.txt');
    expect(unit!.projects).toHaveLength(7);
    expect(unit!.projects.every((p) => p.performance && p.unitCode === '231002')).toBe(true);
    const net = unit!.projects.find((p) => p.name === '医保专网建设')!;
    expect(net).toMatchObject({ amount: '52.44', amountPrinted: { text: '524,400.00', unit: '元', line: 496 } });
    expect(net.performance!.indicators).toHaveLength(7);
    expect(rules(unit!.messages, 'projects')).toEqual([]);
  });

  it('003: 9 projects, 004: 4 projects without codes or amounts', () => {
    const [xinglong] = projectsOf('003_2bc1f60d8e8166ed.txt');
    expect(xinglong!.projects).toHaveLength(9);
    expect(xinglong!.projects.map((p) => p.code)).toContain('13082225P00018210001N');
    const [langfang] = projectsOf('004_b14cc660f2ed3abf.txt');
    expect(langfang!.projects.map((p) => [p.id, p.code, p.amount])).toEqual([
      ['chengxiangjuminjibenyiliaobaoxianbuzhuzijin-quji', undefined, undefined],
      ['chengxiangyiliaojiuzhujijin-quji', undefined, undefined],
      ['daijiaotuopinrenkoujiyifanpinzhipinrenkouchengxiangj-1wezg8b', undefined, undefined],
      ['xinguanbingduyimiaojijiezhongfeiyongcaizhengbuzhuzijin', undefined, undefined],
    ]);
  });
});
