import { describe, expect, it } from 'vitest';
import { search } from '../../src/scripts/search.ts';

/** A stand-in for Pagefind: answers each query with the pages listed for it, and records the queries asked. */
function fakePagefind(answers: Record<string, string[]>) {
  const asked: string[] = [];
  const pagefind = {
    options: async () => undefined,
    mergeIndex: async () => undefined,
    init: async () => undefined,
    filters: async () => ({}),
    search: async (query: string | null) => {
      asked.push(String(query));
      return {
        results: (answers[String(query)] ?? []).map((id) => ({
          id,
          score: 1,
          words: [0],
          data: async () => ({ url: `/${id}/`, excerpt: '', meta: { title: id } }),
        })),
      };
    },
  };
  return { pagefind, asked };
}

const pages = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('search runs', () => {
  it('asks for the name one character per word when the query as words finds less than a page, and ranks those pages first', async () => {
    const { pagefind, asked } = fakePagefind({ '"疗保障"': ['exact'], '"疗 保 障"': ['named'], 疗保障: ['loose', 'named', 'exact'] });
    const run = await search(pagefind, '疗保障', {});
    // The quoted and loose queries are asked at once; the one-character lookup once the quoted one answered.
    expect(asked).toEqual(['"疗保障"', '疗保障', '"疗 保 障"']);
    expect(run.total).toBe(3);
    expect((await run.next()).map((c) => [c.data.url, c.tier])).toEqual([
      ['/named/', 1],
      ['/exact/', 2],
      ['/loose/', 3],
    ]);
  });

  it('does not read the one-character index when the query as words fills the first page', async () => {
    const { pagefind, asked } = fakePagefind({ '"医疗保障局"': pages('e', 10), 医疗保障局: pages('l', 20) });
    const run = await search(pagefind, '医疗保障局', {});
    expect(asked).toEqual(['"医疗保障局"', '医疗保障局']);
    expect(run.total).toBe(30);
    expect((await run.next()).map((c) => c.data.url)).toEqual(pages('e', 10).map((id) => `/${id}/`));
  });

  it('never asks for codes one character per word, and puts pages filed under the code first', async () => {
    const { pagefind, asked } = fakePagefind({ 2101501: ['subject', 'unit'], '"2101501"': ['unit'] });
    const run = await search(pagefind, '2101501', {});
    expect(asked).toEqual(['2101501', '"2101501"', '2101501']);
    expect((await run.next()).map((c) => [c.data.url, c.tier])).toEqual([
      ['/subject/', 0],
      ['/unit/', 0],
    ]);
  });
});

describe('a query naming a year', () => {
  /** Pages of one unit, each with its year and phase; a search under filters answers only the pages that match them. */
  function unitYears() {
    const pages = [
      { id: 'budget-2025', year: '2025', phase: '预算' },
      { id: 'budget-2024', year: '2024', phase: '预算' },
      { id: 'final-2024', year: '2024', phase: '决算' },
    ];
    const asked: { query: string; filters: Record<string, string> }[] = [];
    const pagefind = {
      options: async () => undefined,
      mergeIndex: async () => undefined,
      init: async () => undefined,
      filters: async () => ({}),
      search: async (query: string | null, opts?: { filters?: Record<string, string | string[]> }) => {
        const filters = (opts?.filters ?? {}) as Record<string, string>;
        asked.push({ query: String(query), filters });
        if (!String(query).includes('农业农村局')) return { results: [] };
        const found = pages.filter((p) => (!filters.year || p.year === filters.year) && (!filters.phase || p.phase === filters.phase));
        return { results: found.map((p) => ({ id: p.id, score: 1, words: [0], data: async () => ({ url: `/${p.id}/`, excerpt: '', meta: { title: `莲都区农业农村局 ${p.year} 年` } }) })) };
      },
    };
    return { pagefind, asked };
  }

  it('finds that year\'s document first, then the unit\'s other years', async () => {
    const { pagefind, asked } = unitYears();
    const run = await search(pagefind, '莲都区农业农村局 2024', {});
    expect(asked[0]).toEqual({ query: '"莲都区农业农村局"', filters: { year: '2024' } });
    expect((await run.next()).map((c) => c.data.url)).toEqual(['/budget-2024/', '/final-2024/', '/budget-2025/']);
  });

  it('with 决算 in it, finds that year\'s final accounts first', async () => {
    const { pagefind } = unitYears();
    const run = await search(pagefind, '莲都区农业农村局2024年部门决算', {});
    expect((await run.next()).map((c) => c.data.url)).toEqual(['/final-2024/', '/budget-2025/', '/budget-2024/']);
  });
});
