import { describe, expect, it } from 'vitest';
import { normalizeQuery, yearHint, queryVariants, rankResults, similarity, type Loaded, expandProjects, parseProjectsMeta } from '../../src/scripts/search-rank.ts';

const result = (tier: number, order: number, title: string, meta: Record<string, string> = {}): Loaded => ({ tier, order, data: { url: `/${order}/`, excerpt: '', meta: { title, ...meta } } });

describe('queryVariants', () => {
  it('treats digit strings as subject codes', () => {
    expect(queryVariants('2101501')).toEqual({ text: '2101501', codes: ['2101501'] });
    expect(queryVariants(' ２１０ ')).toEqual({ text: '210', codes: ['210'] });
  });
  it('treats letter-and-digit strings as project codes, whatever the case or spacing', () => {
    expect(queryVariants('13082225P00018210001 N')).toEqual({ text: '13082225P00018210001N', codes: ['13082225P00018210001N'] });
    expect(queryVariants('13030024p008190100011').codes).toEqual(['13030024P008190100011']);
  });
  it('leaves Chinese text as typed', () => {
    expect(queryVariants('离休干部 医药费')).toEqual({ text: '离休干部 医药费', codes: [] });
  });
  it('normalizes full-width characters and spaces', () => {
    expect(normalizeQuery('３０２０１　')).toBe('30201');
  });
});

describe('rankResults', () => {
  it('puts the page of the exact code first, then titles containing the query, then exact, then loose matches', () => {
    const ranked = rankResults('21015', [
      result(3, 0, '某某局 2024 年单位预算', { kind: '单位' }),
      result(2, 1, '支出总表', { kind: '表格' }),
      result(0, 2, '2101501 行政运行', { kind: '科目', code: '2101501' }),
      result(0, 3, '21015 医疗保障管理事务', { kind: '科目', code: '21015' }),
    ]);
    expect(ranked.map((r) => r.order)).toEqual([3, 2, 1, 0]);
  });

  it('ranks a page whose title contains the whole phrase above pages that merely contain it', () => {
    const ranked = rankResults('医药费', [
      result(2, 0, '秦皇岛市医疗保险基金管理中心 2024 年单位预算', { kind: '单位' }),
      result(2, 1, '项目支出表', { kind: '表格' }),
      result(3, 2, '离休干部医药费', { kind: '项目' }),
    ]);
    expect(ranked[0]!.data.meta.title).toBe('离休干部医药费');
  });

  it('prefers an exact key (a glossary term) among pages that contain the query', () => {
    const ranked = rankResults('机关运行经费', [
      result(2, 0, '某某局 2024 年单位预算', { kind: '单位' }),
      result(2, 1, '名词解释', { kind: '名词解释', keys: '财政拨款收入|机关运行经费' }),
    ]);
    expect(ranked[0]!.data.meta.title).toBe('名词解释');
  });
});

describe('projects found through their unit page', () => {
  const meta = { kind: '单位', title: '某局 2024 年单位预算', entity: '某局', year: '2024', projects: JSON.stringify([['p1', '离休干部医药费', '500.00 万元', '13030024P00788510002D'], ['p2', '窗口服务经费', '', '']]) };
  const unit = (subs: { id?: string; marked: boolean }[]) => ({
    tier: 2,
    order: 7,
    data: {
      url: '/units/a/',
      excerpt: '某局',
      meta,
      sub_results: subs.map((s) => ({ title: s.id ?? '某局', url: `/units/a/${s.id ? `#${s.id}` : ''}`, excerpt: s.marked ? '<mark>医药费</mark>' : '无', ...(s.id ? { anchor: { id: s.id } } : {}) })),
    },
  });

  it('reads the projects metadata and ignores malformed entries', () => {
    const projects = parseProjectsMeta(meta.projects);
    expect([...projects.keys()]).toEqual(['p1', 'p2']);
    expect(projects.get('p1')).toEqual({ id: 'p1', name: '离休干部医药费', amount: '500.00 万元', code: '13030024P00788510002D' });
    expect(projects.get('p2')).toEqual({ id: 'p2', name: '窗口服务经费' });
    expect(parseProjectsMeta('not json').size).toBe(0);
    expect([...parseProjectsMeta('[["x"],[1,"y"],["z","名称"]]').keys()]).toEqual(['z']);
  });

  it('turns a matching project section into a project result linked to the project page', () => {
    const [project, ...rest] = expandProjects(unit([{ id: 'projects', marked: true }, { id: 'p-p1', marked: true }, { id: 'p-p2', marked: false }]));
    expect(rest).toEqual([]);
    expect(project!.data.url).toBe('/units/a/projects/p1/');
    expect(project!.data.meta).toEqual({ kind: '项目', title: '离休干部医药费', entity: '某局', year: '2024', amount: '500.00 万元', code: '13030024P00788510002D', keys: '离休干部医药费|13030024P00788510002D|13030024|P00788510002D|00788510002D' });
    expect(project!.tier).toBe(2);
    expect(project!.order).toBe(7);
  });

  it('keeps the unit after its projects when other sections matched too, but not under the kind 项目', () => {
    const entry = unit([{ id: 'p-p1', marked: true }, { id: 't-expenditure', marked: true }]);
    expect(expandProjects(entry).map((e) => e.data.url)).toEqual(['/units/a/projects/p1/', '/units/a/']);
    expect(expandProjects(entry, true).map((e) => e.data.url)).toEqual(['/units/a/projects/p1/']);
    expect(expandProjects(unit([{ id: 't-expenditure', marked: true }]), true)).toEqual([]);
    expect(expandProjects(unit([{ id: 't-expenditure', marked: true }]))).toHaveLength(1);
  });

  it('ranks the project above its unit', () => {
    const ranked = rankResults('医药费', expandProjects(unit([{ id: 'p-p1', marked: true }, { marked: true }])));
    expect(ranked.map((e) => e.data.meta.kind)).toEqual(['项目', '单位']);
    expect(ranked[0]!.tier).toBe(1);
  });
});

describe('projects of a unit found by its name', () => {
  it('do not inherit the tier of the unit', () => {
    const entry = {
      tier: 1,
      order: 0,
      data: {
        url: '/units/a/',
        excerpt: '',
        meta: { kind: '单位', title: '兴隆县医疗保障局本级 2025 年单位预算', keys: '兴隆县医疗保障局本级', projects: JSON.stringify([['p1', '医疗保障服务经费', '', '']]) },
        sub_results: [
          { title: '兴隆县医疗保障局本级', url: '/units/a/', excerpt: '<mark>兴隆县</mark>' },
          { title: '医疗保障服务经费', url: '/units/a/#p-p1', excerpt: '<mark>医疗保障</mark>服务经费', anchor: { id: 'p-p1' } },
        ],
      },
    };
    expect(rankResults('兴隆县医疗保障局', expandProjects(entry)).map((e) => e.data.url)).toEqual(['/units/a/', '/units/a/projects/p1/']);
  });
});

describe('yearHint', () => {
  it('takes the year and the phase out of a query that names them', () => {
    expect(yearHint('莲都区农业农村局 2024')).toEqual({ text: '莲都区农业农村局', year: '2024' });
    expect(yearHint('农业农村局2024年部门决算')).toEqual({ text: '农业农村局', year: '2024', phase: '决算' });
    expect(yearHint('2025年度 农业农村局 预算')).toEqual({ text: '农业农村局', year: '2025', phase: '预算' });
  });
  it('reads no year inside codes, and none in a query that is only a year', () => {
    expect(yearHint('2101501')).toBeUndefined();
    expect(yearHint('13082225P00018210001N')).toBeUndefined();
    expect(yearHint('2024年')).toBeUndefined();
  });
});

describe('loose project matches', () => {
  it('measure how much of the query a name holds, as the share of its character pairs', () => {
    expect(similarity('离休干部医药费', ['综合救助专项-离休干部医疗费'])).toBeCloseTo(4 / 6, 10);
    expect(similarity('离休干部医药费', ['医疗保障综合业务管理-医疗保障工作经费'])).toBe(0);
    expect(similarity('离休干部医药费', ['离休干部医药费'])).toBe(1);
    expect(similarity('疫苗', ['新冠病毒疫苗及接种费用财政补助资金'])).toBe(1);
    expect(similarity('drg', ['改革', 'DRG付费'])).toBe(1);
    expect(similarity('', ['离休'])).toBe(0);
  });

  const projectsMeta = JSON.stringify([
    ['p1', '综合救助专项-离休干部医疗费', '450.00 万元', ''],
    ['p2', '医疗保障综合业务管理-医疗保障工作经费', '20.00 万元', ''],
    ['p3', '打击欺诈骗保经费业务-打击欺诈骗保工作经费', '3.00 万元', ''],
    ['p4', '离休干部医药费', '500.00 万元', ''],
  ]);
  const section = (id: string, excerpt: string) => ({ title: id, url: `/units/b/#p-${id}`, excerpt, anchor: { id: `p-${id}` } });
  const looseUnit: Loaded = {
    tier: 3,
    order: 1,
    data: {
      url: '/units/b/',
      excerpt: '',
      meta: { kind: '部门', title: '济源医疗保障局', entity: '济源医疗保障局', year: '2024', projects: projectsMeta },
      sub_results: [
        section('p2', '医疗保障工作经<mark>费</mark>'),
        section('p1', '综合救助专项-<mark>离休</mark><mark>干部</mark>医疗<mark>费</mark>'),
        section('p3', '打击欺诈骗保工作经<mark>费</mark>'),
      ],
    },
  };

  it('are results of their own only when the name holds most of the query; the others are listed under their unit', () => {
    const expanded = expandProjects(looseUnit, false, '离休干部医药费');
    expect(expanded.map((e) => e.data.url)).toEqual(['/units/b/projects/p1/', '/units/b/']);
    expect(expanded[1]!.grouped).toEqual([
      { title: '医疗保障综合业务管理-医疗保障工作经费', url: '/units/b/projects/p2/' },
      { title: '打击欺诈骗保经费业务-打击欺诈骗保工作经费', url: '/units/b/projects/p3/' },
    ]);
    // Under the kind 项目 every matching project is a result (in the page's order; rankResults orders them).
    expect(expandProjects(looseUnit, true, '离休干部医药费').map((e) => e.data.url)).toEqual(['/units/b/projects/p2/', '/units/b/projects/p1/', '/units/b/projects/p3/']);
  });

  it('keep a project whose section holds the whole query as a result, whatever its name', () => {
    const unit: Loaded = { ...looseUnit, data: { ...looseUnit.data, sub_results: [section('p3', '用于<mark>离休干部医药费</mark>的补助')] } };
    expect(expandProjects(unit, false, '离休干部医药费').map((e) => e.data.url)).toEqual(['/units/b/projects/p3/']);
  });

  it('rank the exact match first, then among loose matches the names closest to the query', () => {
    const exactUnit: Loaded = {
      tier: 2,
      order: 0,
      data: { url: '/units/a/', excerpt: '', meta: { kind: '单位', title: '某中心', projects: projectsMeta }, sub_results: [{ ...section('p4', '<mark>离休干部医药费</mark>'), url: '/units/a/#p-p4' }] },
    };
    const ranked = rankResults('离休干部医药费', [exactUnit, looseUnit].flatMap((e) => expandProjects(e, false, '离休干部医药费')));
    expect(ranked.map((e) => e.data.url)).toEqual(['/units/a/projects/p4/', '/units/b/projects/p1/', '/units/b/']);
  });
});
