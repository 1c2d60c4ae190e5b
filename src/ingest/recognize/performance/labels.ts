/**
 * The indicator framework of Chinese performance sheets (预算绩效指标体系):
 * 一级指标 产出/效益/满意度 (and 成本, a level-1 of its own in newer
 * templates), each with its standard 二级指标. Sheets print these labels in
 * merged cells, so a row often shows only one of them, OCR garbles them, and
 * PDF extraction moves them to the wrong column; the framework tells which
 * level-1 a known level-2 belongs to.
 */
import { compact } from '../text.ts';
import { HAN } from '../../han.ts';

const LEVEL1_NAMES = ['产出指标', '效益指标', '满意度指标', '成本指标'] as const;

/** Standard level-2 (without the 指标 suffix) → the level-1s it may sit under, the usual one first. */
const LEVEL2_PARENTS: Readonly<Record<string, readonly string[]>> = {
  数量: ['产出指标'],
  质量: ['产出指标'],
  时效: ['产出指标'],
  // Old templates: a level-2 of 产出指标; 2021+ templates: a level-1 of its own.
  成本: ['产出指标', '成本指标'],
  经济效益: ['效益指标'],
  社会效益: ['效益指标'],
  生态效益: ['效益指标'],
  可持续影响: ['效益指标'],
  服务对象满意度: ['满意度指标'],
  // 部门整体 templates print 满意度 as a level-2 of 效益指标.
  满意度: ['满意度指标', '效益指标'],
  经济成本: ['成本指标'],
  社会成本: ['成本指标'],
  生态环境成本: ['成本指标'],
};

/** Labels that name a block of the sheet, not a level: `年度绩效指标`, `绩效指标`. */
const SECTION_RE = /^(?:年度|项目)?绩效(?:指标|目标)$|^年度绩效指标$|^绩效指标体系$/;
/** What a non-standard but genuine level label looks like (单位产出, 投入管理指标, 履职效益). */
/** A label of Chinese characters and brackets only. */
const HAN_LABEL_RE = new RegExp(`^[${HAN}()（）]+$`);
const PLAUSIBLE_RE = /指标$|产出|效益|效果|满意|成本|投入|管理|履职|数量|质量|时效/;

export type LabelClass = 'empty' | 'section' | 'level1' | 'level2' | 'both' | 'plausible' | 'other';

/** Comparable form of a printed label: no spaces, half-width, no trailing colon. */
export function labelKey(text: string): string {
  return compact(text).replace(/[:：]+$/, '');
}

function level2Base(key: string): string {
  return key.replace(/指标$/, '');
}

export function classifyLabel(text: string): LabelClass {
  const key = labelKey(text);
  if (!key) return 'empty';
  if (SECTION_RE.test(key)) return 'section';
  if (key === '成本指标' || key === '成本') return 'both';
  if ((LEVEL1_NAMES as readonly string[]).includes(key)) return 'level1';
  if (LEVEL2_PARENTS[level2Base(key)]) return 'level2';
  if (key.length >= 2 && key.length <= 8 && HAN_LABEL_RE.test(key) && PLAUSIBLE_RE.test(key)) return 'plausible';
  return 'other';
}

export function isStandardLevel1(text: string): boolean {
  return (LEVEL1_NAMES as readonly string[]).includes(labelKey(text));
}

/** The level-1s a standard level-2 may sit under, or null for a non-standard level-2. */
export function parentsOf(level2: string): readonly string[] | null {
  return LEVEL2_PARENTS[level2Base(labelKey(level2))] ?? null;
}

/** True for level-2s that exist only under 成本指标 as a level-1 (经济成本指标 …). */
export function isCostLevel2(level2: string): boolean {
  const parents = parentsOf(level2);
  return parents !== null && parents.length === 1 && parents[0] === '成本指标';
}
