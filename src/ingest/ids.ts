/**
 * Stable, readable, URL-safe ids. An entity is identified by its region,
 * budget year and code (`qinhuangdaoshi-2024-450001`), or by its name when
 * the document prints no code (`ruoqiangxian-2024-yiliaobaozhangju`), so the
 * same code in two regions or two years never collides and URLs do not
 * change when other documents are added.
 */
import { pinyin } from 'pinyin-pro';
import { divisionsOf } from './recognize/region.ts';

export function slugify(text: string): string {
  const latin = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  return latin
    .replace(/[üÜ]/g, 'v')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function regionSlug(region: string): string {
  const parts = divisionsOf(`${region}某单位`);
  return (parts.length ? parts : [region]).map(slugify).filter(Boolean).join('-') || 'region';
}

/** Longest name slug kept whole; longer ones are cut and given a hash of the full name, so two long names never meet. */
const NAME_SLUG_MAX = 60;

/** FNV-1a: a short stable hash for cut slugs (the same in every runtime, no crypto needed). */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0').slice(-7);
}

/** The slug of a name without its region in front (若羌县医疗保障局 in 若羌县 → yiliaobaozhangju). */
export function nameSlug(region: string, name: string): string {
  const own = name.startsWith(region) && name.length > region.length ? name.slice(region.length) : name;
  const slug = slugify(own) || 'danwei';
  if (slug.length <= NAME_SLUG_MAX) return slug;
  return `${slug.slice(0, NAME_SLUG_MAX - 8).replace(/-+$/, '')}-${shortHash(own)}`;
}

/**
 * `<region>-<year>-<code>` when the document prints a unit code, else
 * `<region>-<year>-<slug of the name>` (pass the name in simplified characters);
 * final accounts (决算) of the same unit and year end in `-juesuan`, so they
 * stand beside the budget, whose id does not change.
 */
export function entityId(region: string, year: number, who: { code?: string | undefined; name: string }, phase: 'budget' | 'final' = 'budget'): string {
  const base = `${regionSlug(region)}-${year}-${who.code ? slugify(who.code) : nameSlug(region, who.name)}`;
  return phase === 'final' ? `${base}-juesuan` : base;
}

/**
 * File names are already unique; keep them readable in URLs. The extension of
 * an original stays in the id, so `a.pdf` and `a.xlsx` published side by side
 * get pages of their own.
 */
export function sourceId(file: string): string {
  // Originals keep their Chinese names as published (2024年某局部门预算.pdf): their ids spell them in pinyin.
  if (/\.(?:pdf|docx?|docm|xlsx?|xlsm|s?html?)$/i.test(file)) return slugify(file) || 'original';
  return file.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-');
}
