/**
 * Stable, readable, URL-safe ids. An entity is identified by its region,
 * budget year and code (`qinhuangdaoshi-2024-450001`), so the same code in
 * two regions or two years never collides and URLs do not change when other
 * documents are added.
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
  const parts = divisionsOf(region + '某单位');
  return (parts.length ? parts : [region]).map(slugify).filter(Boolean).join('-') || 'region';
}

export function entityId(region: string, year: number, code: string): string {
  return `${regionSlug(region)}-${year}-${slugify(code)}`;
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
