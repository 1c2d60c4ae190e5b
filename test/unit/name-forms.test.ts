/**
 * A unit is searched by its name as printed and in the other script: the
 * keys its page gives the index hold both, so a query typed in simplified
 * characters finds a name printed in 繁體 and the other way round.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../src/ingest/ingest.ts';
import { nameForms } from '../../src/search/name-forms.ts';
import { spaced } from '../../src/search/spaced.ts';

describe('unit names in both scripts', () => {
  it('gives a name printed in 繁體 its simplified form, and a simplified name its traditional form', () => {
    expect(nameForms('喀什市文化館')).toEqual(['喀什市文化館', '喀什市文化馆']);
    expect(nameForms('若羌县医疗保障局')).toEqual(['若羌县医疗保障局', '若羌縣醫療保障局']);
    expect(nameForms('123456')).toEqual(['123456']);
  });

  it('indexes a traditional-printed unit under the simplified name a query types, as a one-character-per-word key', () => {
    const { entities } = ingestSource('traditional.txt', readFileSync('test/fixtures/identity/traditional.txt'));
    const entity = entities[0]!;
    expect(entity.name).toBe('喀什市文化館');
    // The search page asks for a name it does not find as words one character per word (`"喀 什 市 …"`).
    expect(nameForms(entity.name).map(spaced)).toContain('喀 什 市 文 化 馆');
  });
});
