/** The orders the site lists entities in. */
import type { EntityHead } from '../entity-head.ts';

/** Coded units by code, then units known only by name, by name. */
export const byCodeOrName = (a: EntityHead, b: EntityHead) => (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff') || a.name.localeCompare(b.name, 'zh-CN');

/** By region, the latest year first, then by code or name. */
export const byRegionYearCode = (a: EntityHead, b: EntityHead) => a.region.localeCompare(b.region, 'zh-CN') || b.year - a.year || byCodeOrName(a, b);
