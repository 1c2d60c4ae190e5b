/**
 * The forms a code can be searched by. A project code such as
 * 13082225P00018210001N is looked up whole, by the part before its first
 * letter (13082225, the unit's division and year) and by the part after it
 * (00018210001N, with or without the letter).
 */
export function projectCodeKeys(code: string): string[] {
  const upper = code.toUpperCase();
  const match = /^(\d+)([A-Z])([0-9A-Z]+)$/.exec(upper);
  if (!match) return [upper];
  const [, before, letter, after] = match as unknown as [string, string, string, string];
  return [...new Set([upper, before, `${letter}${after}`, after])];
}

/** A subject code and the codes of its ancestors: 2101501 → 210, 21015, 2101501. */
export function subjectCodePrefixes(code: string): string[] {
  const prefixes: string[] = [];
  for (let n = 3; n <= code.length; n += 2) prefixes.push(code.slice(0, n));
  return prefixes;
}
