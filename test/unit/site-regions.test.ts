/**
 * The regions and years index (src/lib/site/regions.ts), built on its own from
 * entity heads: two regions of one name in different provinces get slugs
 * of their own, each region lists its years latest first.
 */
import { describe, expect, it } from 'vitest';
import { entityHead } from '../../src/lib/entity-head.ts';
import { entityRegionLabel, indexRegions, provinceAnchor } from '../../src/lib/site/regions.ts';
import { makeEntity } from '../fixtures/check/build.ts';

const head = (id: string, province: string, region: string, year: number, code: string) => entityHead(makeEntity([], { id, province, region, year, code, name: `${region}某局` }));

describe('indexRegions', () => {
  const entities = [
    head('a', '辽宁省', '朝阳市', 2024, '100001'),
    head('b', '辽宁省', '朝阳市', 2023, '100001'),
    head('c', '北京市', '朝阳区', 2024, '200001'),
    head('d', '吉林省', '朝阳市', 2024, '300001'),
  ];
  const index = indexRegions(entities);

  it('gives a second region of the same name a slug prefixed with its province', () => {
    expect(index.regions.map((r) => [r.label, r.slug])).toEqual([
      ['北京市 朝阳区', 'chaoyangqu'],
      ['吉林省 朝阳市', 'jilinsheng-chaoyangshi'],
      ['辽宁省 朝阳市', 'chaoyangshi'],
    ]);
  });

  it('lists each region\'s years latest first and its entities by year', () => {
    const liaoning = index.regionOf.get('b')!;
    expect(liaoning.years).toEqual([2024, 2023]);
    expect(liaoning.entities.map((e) => e.id)).toEqual(['a', 'b']);
    expect(index.years.map((y) => [y.year, y.entities.map((e) => e.id)])).toEqual([
      [2024, ['a', 'c', 'd']],
      [2023, ['b']],
    ]);
  });

  it('groups regions by province and names their anchors', () => {
    expect([...index.regionsByProvince.keys()]).toEqual(['北京市', '吉林省', '辽宁省']);
    expect(provinceAnchor('辽宁省')).toBe('prov-liaoningsheng');
    expect(provinceAnchor('')).toBe('prov-qita');
    expect(entityRegionLabel(entities[2]!)).toBe('北京市 朝阳区');
  });
});
