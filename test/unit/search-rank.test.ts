import { describe, expect, it } from 'vitest';
import { normalizeQuery, queryVariants, rankResults, type Loaded } from '../../src/scripts/search-rank.ts';

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
