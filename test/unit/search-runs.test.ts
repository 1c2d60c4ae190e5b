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
    expect(asked).toEqual(['"疗保障"', '"疗 保 障"', '疗保障']);
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
