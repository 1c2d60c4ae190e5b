/**
 * Level-1 / level-2 of each indicator row. Merged cells print a label once
 * (carried down), OCR may put it on a middle row of its group and garble the
 * others, and extraction moves labels between columns: labels are read by
 * what they say, checked against the standard framework, and every label
 * that is ignored is reported.
 */
import type { Cell } from '../../read/blocks.ts';
import type { RecognizeContext } from '../context.ts';
import { printed } from './cells.ts';
import type { Role } from './header.ts';
import { classifyLabel, isCostLevel2, isStandardLevel1, labelKey, parentsOf, type LabelClass } from './labels.ts';

export interface LabelCell {
  cell: Cell;
  /** The column role the cell was printed under. */
  role: Role;
  cls: LabelClass;
}

export interface LevelState {
  level1?: string | undefined;
  level2?: string | undefined;
}

export interface Levels {
  level1?: string;
  level2?: string;
}

export function labelCell(cell: Cell, role: Role): LabelCell {
  return { cell, role, cls: classifyLabel(cell.text) };
}

const isLevel1Column = (role: Role) => role === 'level1' || role === 'row-label';

/**
 * Resolve one row's labels, update the carried state and return the row's
 * levels. `name` is the indicator name, to recognise a label column that
 * merely repeats it.
 */
export function resolveLevels(labels: readonly LabelCell[], state: LevelState, ctx: RecognizeContext, name?: string): Levels {
  const level1s: LabelCell[] = [];
  const level2s: LabelCell[] = [];
  const hasCostLevel2 = labels.some((l) => l.cls === 'level2' && isCostLevel2(l.cell.text));
  for (const label of labels) {
    switch (label.cls) {
      case 'empty':
      case 'section':
        break;
      case 'level1':
        level1s.push(label);
        break;
      case 'level2':
        level2s.push(label);
        break;
      case 'both':
        // 成本指标 is a level-1 only in templates that give it cost level-2s.
        (hasCostLevel2 ? level1s : level2s).push(label);
        break;
      case 'plausible':
        (isLevel1Column(label.role) ? level1s : level2s).push(label);
        break;
      case 'other':
        if (label.role === 'level2') level2s.push(label);
        else {
          ctx.reporter.warn(
            'recognize',
            'performance:garbled-label',
            `一级指标栏的“${printed(label.cell.text)}”不是指标名称（可能是识别错误），已忽略，按二级指标归类。`,
            label.cell.line,
            label.cell.column,
          );
        }
        break;
    }
  }

  const pick = (cands: LabelCell[], what: string, last: boolean): LabelCell | undefined => {
    if (!cands.length) return undefined;
    // Prefer labels of the standard framework over custom ones; among equals
    // the one nearest the indicator name (last) for level-2, the first for level-1.
    const standard = cands.filter((c) => c.cls !== 'plausible' && c.cls !== 'other');
    const pool = standard.length ? standard : cands;
    const chosen = last ? pool.at(-1)! : pool[0]!;
    for (const other of cands) {
      if (other === chosen || labelKey(other.cell.text) === labelKey(chosen.cell.text)) continue;
      const dup = name !== undefined && labelKey(other.cell.text) === labelKey(name);
      ctx.reporter.report(
        'recognize',
        dup ? 'info' : 'warning',
        'performance:extra-label',
        dup
          ? `第 ${other.cell.line} 行${what}栏重复了指标名称“${printed(other.cell.text)}”，已忽略。`
          : `第 ${other.cell.line} 行同时印有“${printed(chosen.cell.text)}”和“${printed(other.cell.text)}”两个${what}，采用前者。`,
        other.cell.line,
        other.cell.column,
      );
    }
    return chosen;
  };

  const l1 = pick(level1s, '一级指标', false);
  const l2 = pick(level2s, '二级指标', true);
  let level1 = l1 ? printed(l1.cell.text) : state.level1;
  // A new level-1 group starts without the previous group's level-2.
  const level2 = l2 ? printed(l2.cell.text) : l1 ? undefined : state.level2;

  const parents = level2 ? parentsOf(level2) : null;
  if (parents) {
    if (!level1) level1 = parents[0];
    else if (isStandardLevel1(level1) && !parents.includes(labelKey(level1))) {
      if (l1) {
        ctx.reporter.warn(
          'recognize',
          'performance:level-mismatch',
          `第 ${l1.cell.line} 行一级指标“${level1}”与二级指标“${level2}”不符，按指标体系归入“${parents[0]}”。`,
          l1.cell.line,
          l1.cell.column,
        );
      }
      // A carried label that does not fit belonged to the rows above (merged cell printed mid-group).
      level1 = parents[0];
    }
  }
  state.level1 = level1;
  state.level2 = level2;
  const out: Levels = {};
  if (level1) out.level1 = level1;
  if (level2) out.level2 = level2;
  return out;
}
