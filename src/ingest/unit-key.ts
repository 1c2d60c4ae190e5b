/**
 * The same unit in two documents (another year, a corrected file): a key
 * without the year. A coded unit is its place and code; an uncoded one its
 * place and its name in simplified characters without the place in front,
 * so 若羌县医疗保障局 and 新疆维吾尔自治区若羌县医疗保障局 meet. The place is the
 * GB/T 2260 division code when resolved, else the region as named.
 */
import { regionSlug } from './ids.ts';
import { divisionsOf } from './recognize/region.ts';
import { compact } from './recognize/text.ts';

export function unitKeyOf(entity: { code?: string | undefined; name: string; region: string; divisionCode?: string | undefined }): string {
  const place = entity.divisionCode ?? regionSlug(entity.region);
  if (entity.code) return `${place}:${entity.code}`;
  const name = compact(entity.name).replace(/[()（）]/g, '');
  const own = name.slice(divisionsOf(name).join('').length) || name;
  return `${place}:${own}`;
}
