/**
 * The same unit in two documents (another year, a corrected file): a key
 * without the year. A coded unit is its place and code; an uncoded one its
 * place and its name in simplified characters without the place in front,
 * so 若羌县医疗保障局 and 新疆维吾尔自治区若羌县医疗保障局 meet. The place is the
 * GB/T 2260 division code when resolved, else the region as named, else
 * (a name without a place) the file.
 */
import { regionSlug, sourceId } from './ids.ts';
import { isDivisionName } from './recognize/divisions.ts';
import { divisionsOf } from './recognize/region.ts';
import { compact } from './recognize/text.ts';

export function unitKeyOf(entity: { code?: string | undefined; name: string; region: string; divisionCode?: string | undefined }, where: { named: boolean; source: string }): string {
  // A name that says nowhere where it is (教育局) meets no other document's unit of the same name.
  const place = entity.divisionCode ?? (where.named ? regionSlug(entity.region) : `file-${sourceId(where.source)}`);
  if (entity.code) return `${place}:${entity.code}`;
  const name = compact(entity.name).replace(/[()（）]/g, '');
  // Only the divisions of the national list come off (若羌县, not 经济开发区: that is part of who the unit is).
  let own = name;
  for (const part of divisionsOf(name)) {
    if (!isDivisionName(part) || !own.startsWith(part)) break;
    own = own.slice(part.length);
  }
  own ||= name;
  return `${place}:${own}`;
}
