/**
 * Where an entity is: the region as its name (or the document title) names
 * it, and the province, city and county that region is in the national
 * division list. A name shared by several places that the document does not
 * settle gives a message instead of a guess.
 */
import { divisionLabel, isDivisionName, resolveDivision } from './recognize/divisions.ts';
import { impliedProvince } from './recognize/implied-province.ts';
import { divisionsOf } from './recognize/region.ts';
import { cleanName } from './recognize/identity.ts';
import { levelOfName, placeNamedInText } from './recognize/text-place.ts';

export interface Place {
  /** The divisions named at the front of the name or title; the name itself when it names no place. */
  region: string;
  /** False when neither the name nor the title names a place. */
  named: boolean;
  province?: string;
  city?: string;
  county?: string;
  divisionCode?: string;
  /** Message (Chinese) when the region's name is shared by several divisions and the document does not say which. */
  ambiguous?: string;
}

/** The parts at the front that the national list knows. */
function knownFront(parts: readonly string[]): string[] {
  const known = parts.findIndex((p) => !isDivisionName(p));
  return known < 0 ? [...parts] : parts.slice(0, known);
}

/**
 * All arguments in simplified characters: the entity's name, the document
 * title, the whole text (searched for the province and city names that
 * settle a shared county name).
 */
export function placeOf(name: string, title: string | undefined, text: string): Place {
  let parts = divisionsOf(name);
  // A title may open with its year (`2021年区本级…`), which is no part of a place, nor is what follows the place (`渝中区2021年区本级`).
  if (!parts.length && title) parts = knownFront(divisionsOf(cleanName(title).replace(/^20\d\d年度?/, '')));
  // A name that states its level but not which one (区本级, 县文化广电旅游局) is placed where the text names that level.
  const level = parts.length ? null : levelOfName(name);
  if (level) parts = placeNamedInText(text, level) ?? [];
  const region = parts.length ? parts.join('') : name;
  const implied = impliedProvince(text, region);
  const resolution = resolveDivision(parts, { text, ...(implied ? { impliedProvince: implied } : {}) });
  const division = resolution.division;
  if (division) {
    const place: Place = { region, named: true, province: division.province, divisionCode: division.code };
    if (division.city) place.city = division.city;
    if (division.county) place.county = division.county;
    return place;
  }
  const place: Place = { region, named: parts.length > 0 };
  const { candidates } = resolution;
  const shared = <K extends 'province' | 'city'>(key: K) => (candidates.length && candidates.every((c) => c[key] === candidates[0]![key]) ? candidates[0]![key] : undefined);
  const province = shared('province') ?? implied;
  if (province) place.province = province;
  const city = shared('city');
  if (city) place.city = city;
  if (resolution.ambiguousName) {
    const list = candidates.map(divisionLabel).join('、');
    place.ambiguous = `“${resolution.ambiguousName}”在全国行政区划中有 ${candidates.length} 处（${list}），文中没有能确定是哪一处的省、市名称；未填${province ? '市、区县' : '省、市、区县'}。`;
  }
  return place;
}
