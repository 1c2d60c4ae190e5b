/**
 * The place of a name that states its level of government but not which
 * one: a summary for `区本级` or `市级`, a unit called `县文化广电旅游局`
 * ("the county's"). The document names that place elsewhere, in a sentence
 * or a heading (`重庆市江北区2021年区本级…`, `大英县天府旅游…`); the place of
 * that level the text names most often is taken, with the city printed
 * in front of it when there is one. Nothing named at that level gives
 * nothing: the caller reports the name as unplaced.
 */
import { isDivisionName, levelsOfName } from './divisions.ts';

export type Level = 'province' | 'city' | 'county';

/** The level a name opens or ends with: 区本级, 县级, 市直部门, 县文化广电旅游局, 省本级. */
export function levelOfName(name: string): Level | null {
  // 市场监督管理局 opens with 市场 (market), not with the city.
  const m = /^(?:全)?(省|自治区|市(?!场)|州|盟|区(?!域)|县|旗)/.exec(name);
  if (!m) return null;
  const c = m[1]!;
  return c === '省' || c === '自治区' ? 'province' : c === '市' || c === '州' || c === '盟' ? 'city' : 'county';
}

const SUFFIXES: Readonly<Record<Level, RegExp>> = {
  province: /[省区]/,
  city: /[市州盟]/,
  county: /[区县旗市]/,
};

/** Longest place name tried, in characters (新疆维吾尔自治区 is 8). */
const MAX_NAME = 8;

/** Division names in `text` ending at `end` (inclusive), longest first; of `level` only when given. */
function namesEndingAt(text: string, end: number, level?: Level): string[] {
  const out: string[] = [];
  for (let length = Math.min(MAX_NAME, end + 1); length >= 2; length--) {
    const name = text.slice(end - length + 1, end + 1);
    if (/^[\u4e00-\u9fff]+$/.test(name) && (level ? levelsOfName(name).includes(level) : isDivisionName(name))) out.push(name);
  }
  return out;
}

/**
 * The place of `level` the text names most often, as parts outermost first
 * (`['重庆市', '江北区']`); null when it names none. A two-character name
 * (城区, 郊区 are divisions too) counts only when its city stands in front.
 */
export function placeNamedInText(text: string, level: Level): string[] | null {
  const votes = new Map<string, { count: number; parts: string[] }>();
  for (let i = 0; i < text.length; i++) {
    if (!SUFFIXES[level].test(text[i]!)) continue;
    const [name] = namesEndingAt(text, i, level);
    if (!name) continue;
    const before = i - name.length;
    const outer = before >= 0 ? namesEndingAt(text, before)[0] : undefined;
    if (name.length < 3 && !outer) continue;
    // The same name on its own and after its city is one place; the city's spelling is kept.
    const known = votes.get(name);
    const parts = outer ? [outer, name] : known?.parts ?? [name];
    votes.set(name, { count: (known?.count ?? 0) + 1, parts });
  }
  let best: { count: number; parts: string[] } | null = null;
  for (const vote of votes.values()) if (!best || vote.count > best.count) best = vote;
  return best?.parts ?? null;
}
