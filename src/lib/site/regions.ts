/** The regions index (each region's entities and years, regions by province) and the years index. */
import { regionSlug, slugify } from '../../ingest/ids.ts';
import type { EntityHead } from '../entity-head.ts';
import { byCodeOrName } from './order.ts';

export interface RegionGroup {
  slug: string;
  region: string;
  province?: string;
  /** `河北省 秦皇岛市` */
  label: string;
  entities: EntityHead[];
  years: number[];
}

export interface RegionsIndex {
  regions: RegionGroup[];
  /** Regions by province ('' for regions without one), in the order of `regions`. */
  regionsByProvince: Map<string, RegionGroup[]>;
  regionOf: Map<string, RegionGroup>;
  years: { year: number; entities: EntityHead[] }[];
}

/** `河北省 秦皇岛市`; the region alone when its name already starts with the province. */
export function entityRegionLabel(e: EntityHead): string {
  return e.province && !e.region.startsWith(e.province) ? `${e.province} ${e.region}` : e.region;
}

/** Anchor of a province on the region index (`/regions/#prov-hebeisheng`; `prov-qita` for regions without one). */
export function provinceAnchor(province: string): string {
  return `prov-${slugify(province) || 'qita'}`;
}

/** Regions and years of `entities` (in site order). */
export function indexRegions(entities: readonly EntityHead[]): RegionsIndex {
  // Slugs are unique; the province disambiguates two regions of the same name.
  const regionMap = new Map<string, RegionGroup>();
  const slugOwners = new Map<string, string>();
  const regionOf = new Map<string, RegionGroup>();
  for (const e of entities) {
    const key = `${e.province ?? ''}|${e.region}`;
    let group = regionMap.get(key);
    if (!group) {
      let slug = regionSlug(e.region);
      if (slugOwners.has(slug) && slugOwners.get(slug) !== key) slug = `${slugify(e.province ?? 'qita')}-${slug}`;
      let n = 2;
      const bare = slug;
      while (slugOwners.has(slug) && slugOwners.get(slug) !== key) slug = `${bare}-${n++}`;
      slugOwners.set(slug, key);
      group = { slug, region: e.region, ...(e.province ? { province: e.province } : {}), label: entityRegionLabel(e), entities: [], years: [] };
      regionMap.set(key, group);
    }
    group.entities.push(e);
    regionOf.set(e.id, group);
  }
  const regions = [...regionMap.values()].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  for (const r of regions) {
    r.entities.sort((a, b) => b.year - a.year || byCodeOrName(a, b));
    r.years = [...new Set(r.entities.map((e) => e.year))].sort((a, b) => b - a);
  }
  const regionsByProvince = new Map<string, RegionGroup[]>();
  for (const r of regions) {
    const list = regionsByProvince.get(r.province ?? '') ?? [];
    list.push(r);
    regionsByProvince.set(r.province ?? '', list);
  }
  const yearMap = new Map<number, EntityHead[]>();
  for (const e of entities) {
    const list = yearMap.get(e.year) ?? [];
    list.push(e);
    yearMap.set(e.year, list);
  }
  const years = [...yearMap.entries()].sort((a, b) => b[0] - a[0]).map(([year, list]) => ({ year, entities: list }));
  return { regions, regionsByProvince, regionOf, years };
}
