/**
 * Documents published for a whole level of government rather than one
 * unit: a district's "三公" summary (`2021年区本级“三公”经费预算支出表`), a
 * city's (`某某市市级2024年“三公”经费预算汇总情况`), the budget sheets of a
 * city's departments together (`某某市2022年市直部门预算项目支出绩效目标表`).
 * They name no unit, but they name who the figures belong to: the level
 * (区本级, 市级, 全县, 市直部门) with its place when printed.
 */
import { toHalfWidth } from '../model/money.ts';
import { isDivisionName } from './divisions.ts';
import { forMatching } from './text.ts';
import { HAN } from '../han.ts';

/** The level of government a summary covers: its own budget (本级, 级), all of it (全…), its departments (…直). */
const SCOPE = '(?:(?:省|市|州|区|县|旗)本级|(?:省|市|州|区|县|旗)级|全(?:省|市|州|区|县|旗)|(?:省|市|州|区|县|旗)直(?:部门|单位|机关)?)';
const PLACE = `[${HAN}]{1,14}?(?:省|自治区|自治州|市|州|盟|县|区|旗)`;
/** Place (optional), year (optional, before or after the scope), scope, then a budget word on the same line. */
const SCOPE_RE = new RegExp(`(${PLACE})?(?:20\\d\\d年度?)?(${SCOPE})(?:20\\d\\d年度?)?[^。；]{0,30}?(?:预算|决算|三公|汇总)`);

export interface RegionalPublisher {
  /** `重庆市市级`, `区本级`, `鄂州市市直部门`: the place when printed, then the level. */
  name: string;
  /** Whether a place of the national division list stands in front of the level. */
  placed: boolean;
}

/** The level of government a title or an opening sentence says the figures are for. */
export function parseRegionalPublisher(text: string): RegionalPublisher | null {
  const t = toHalfWidth(forMatching(text)).replace(/\s+/g, '');
  const match = SCOPE_RE.exec(t);
  if (!match) return null;
  const scope = match[2]!;
  // The place is kept only when the division list knows it (not `按照区`, `经汇总市`).
  const place = match[1] && isDivisionName(match[1]) ? match[1] : '';
  return { name: place + scope, placed: place !== '' };
}

/** `发布机构：市财政局`, or the label alone (`[ 发布机构 ]`) with the publisher on the next line. */
export function parsePublisherLabel(text: string): { value: string } | null {
  const match = /^\s*[[【(（]?\s*(?:发布机构|发布单位|公开单位|公开部门)\s*[\]】)）]?\s*[:：]?\s*(.*)$/.exec(toHalfWidth(forMatching(text)));
  return match ? { value: match[1]!.trim() } : null;
}
