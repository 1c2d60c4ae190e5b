/**
 * The standard items every budget disclosure reports, with the wordings the
 * documents use for them, kept in one place: recognizing 机关（机构）运转经费
 * as 机关运行经费 or 公务用车购置及运维费 as 公务用车购置及运行费 is a matter
 * of this list, not of each reader of it.
 *
 * Patterns apply to text as `compact` (recognize/text.ts) leaves it:
 * half-width brackets, no spaces. Item patterns match a whole item name with
 * its enumerator (`二、`, `其中：`) removed.
 */

export type StandardItem = 'running' | 'three-public' | 'abroad' | 'car' | 'car-purchase' | 'car-running' | 'reception';

interface ItemWording {
  /** The name the portal shows. */
  name: string;
  /** Every printed wording of the item, as a regex source (no anchors). */
  wordings: string;
}

export const STANDARD_ITEMS: Record<StandardItem, ItemWording> = {
  // 机关运行经费; 机关（机构）运转经费; 机关运转经费; 单位/部门运行经费 (never a project named …运行经费).
  running: { name: '机关运行经费', wordings: '(?:(?:行政\\(事业\\)单位)?机关(?:\\(机构\\))?|单位|部门)运[行转]经费' },
  'three-public': { name: '“三公”经费', wordings: '["“”]?三公["“”]?经费' },
  abroad: { name: '因公出国（境）费', wordings: '因公出国(?:\\(境\\))?(?:经)?费(?:用)?' },
  // 公务用车购置及运行费, 公务用车购置及运维费, 公务用车购置及运行维护费.
  car: { name: '公务用车购置及运行费', wordings: '公务用车购置及运(?:行维护|行|维)费' },
  // 公务用车购置费; 公务用车购置 printed without 费 under 其中 (never the start of 公务用车购置及运行费).
  'car-purchase': { name: '公务用车购置费', wordings: '公务用车购置(?:费|(?!及))' },
  // 公务用车运行费, 公务用车运行维护费, 公务用车运维费.
  'car-running': { name: '公务用车运行维护费', wordings: '公务用车运(?:行维护|行|维)费' },
  reception: { name: '公务接待费', wordings: '公务接待费' },
};

const WHOLE = Object.fromEntries(Object.entries(STANDARD_ITEMS).map(([k, w]) => [k, new RegExp(`^(?:${w.wordings})$`)])) as Record<StandardItem, RegExp>;

/** True when `name` (compact, enumerator removed) is a wording of `item`. */
export function isItem(item: StandardItem, name: string): boolean {
  return WHOLE[item].test(name);
}

/** The standard item a printed name stands for, if any. */
export function itemOf(name: string): StandardItem | undefined {
  return (Object.keys(WHOLE) as StandardItem[]).find((k) => WHOLE[k].test(name));
}

/** A regex source matching any wording of `item` inside running text. */
export function wordingsOf(item: StandardItem): string {
  return STANDARD_ITEMS[item].wordings;
}
