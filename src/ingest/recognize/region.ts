/**
 * Regions: the administrative divisions a unit belongs to, read off the
 * front of its name (秦皇岛市医疗保障局本级 → 秦皇岛市) by their form alone.
 * Which divisions they are is looked up in the national list
 * (divisions.ts); this stays free of it, as page code uses it for slugs.
 */

// Words that belong to an organisation, never to a place name.
const ORG_WORD_RE = /局|中心|委员会|办公室|政府|医院|学校|大学|协会|公司|服务|管理|保障|保险|经办|社区|街道/;
const SEGMENT_RE = /^(.{2,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|示范区|新区|开发区|高新区|地区|省|市|州|盟|县|区|旗))/;

/** Administrative divisions at the start of `name`, outermost first. */
export function divisionsOf(name: string): string[] {
  const parts: string[] = [];
  let rest = name;
  while (parts.length < 4) {
    const match = SEGMENT_RE.exec(rest);
    if (!match?.[1] || ORG_WORD_RE.test(match[1])) break;
    parts.push(match[1]);
    rest = rest.slice(match[1].length);
  }
  return rest.length >= 2 ? parts : [];
}
