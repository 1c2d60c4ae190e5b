/**
 * The key/value rows above an indicator grid: 项目编码, 项目名称, 预算数 /
 * 其中：财政资金 / 其他资金 (or 实施期资金总额 / 其中：财政拨款), 资金用途,
 * 资金支出计划（%） with its row of percents, 绩效目标 / 总体目标.
 *
 * A label's value is in the cells after it, up to the next label; a label
 * with no value on its row (资金用途 printed in the left column of a two-row
 * block, 资金支出计划 over a row of percents) takes the next unlabelled row.
 */
import type { Cell, Row } from '../../read/blocks.ts';
import type { RecognizeContext } from '../context.ts';
import { toHalfWidth, type MoneyUnit } from '../../model/money.ts';
import { amountOf } from './amounts.ts';
import { joinTexts, printed, unitInLabel } from './cells.ts';
import { labelKey } from './labels.ts';

export type HeadKey =
  | 'code'
  | 'name'
  | 'amount'
  | 'fiscal'
  | 'other'
  | 'purpose'
  | 'schedule'
  | 'goals'
  | 'type'
  | 'funding'
  | 'subject'
  | 'section'
  | 'ignore';

const KEYS: readonly (readonly [HeadKey, RegExp])[] = [
  ['code', /^项目(?:编码|代码|编号)$/],
  ['name', /^项目名称$/],
  ['amount', /^(?:预算数|预算金额|资金总额|实施期资金总额|年度资金总额|项目金额|项目总金额|项目资金|年度预算数|项目预算数)$/],
  ['fiscal', /^(?:财政资金|财政拨款|财政拨款资金|本年财政拨款|财政性资金)$/],
  ['other', /^(?:其他资金|其他来源资金)$/],
  ['purpose', /资金用途$/],
  ['schedule', /^资金支出计/],
  ['goals', /^(?:绩效目标|总体目标|年度总体目标|年度绩效目标|项目绩效目标|实施期总目标|年度目标|年度履职目标|整体绩效目标|项目目标)$/],
  ['type', /^项目(?:类型|类别)$/],
  ['funding', /^资金(?:来源|性质)$/],
  ['subject', /^(?:功能科目|支出功能(?:分类)?科目|科目编码|功能分类科目)$/],
  ['section', /^(?:预算规模及?|资金金额|预算情况|资金情况)$/],
  ['ignore', /^(?:主管部门|主管单位|实施单位|项目单位|预算单位|单位名称|部门名称|部门\(单位\)名称|实施期限|项目期|项目周期|项目负责人|联系电话|项目属性)$/],
];

/** What a cell is as a label of the sheet's head, or null when it is a value. */
export function headKeyOf(text: string): HeadKey | null {
  const key = labelKey(text)
    .replace(/^其中[:：]?/, '')
    .replace(/[(（](?:万元|元|%)[)）]$/, '')
    .replace(/[:：]$/, '');
  for (const [kind, re] of KEYS) if (re.test(key)) return kind;
  return null;
}

export interface Located {
  text: string;
  line: number;
  column: number;
}

export interface HeadAmount extends Located {
  /** Exact decimal in `unit`. */
  value: string;
  unit: MoneyUnit;
}

export interface SheetHead {
  /** The code as printed, its pieces joined; `parts` are the cells it was printed in. */
  code?: Located & { pieces: number; parts: Located[] };
  name?: Located;
  amount?: HeadAmount;
  fiscal?: HeadAmount;
  other?: HeadAmount;
  purpose?: string;
  goals?: string;
  schedule: { period: string; percent: string }[];
  type?: string;
  funding?: string;
  subjectCode?: string;
}

const PERIOD_RE = /^(?:\d{1,2}\s*月(?:底|末|份)?(?:前)?|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月|第?[一二三四1-4]\s*季度末?|[上下]半年|全年|年[底末])$/;
// Under a 资金支出计划（%） label a bare number is a percent too.
const PERCENT_RE = /^\d{1,3}(?:\.\d+)?\s*%?$/;
const isPeriod = (text: string) => PERIOD_RE.test(toHalfWidth(text).replace(/\s+/g, ''));
const CODE_PIECE_RE = /^[0-9A-Za-z][0-9A-Za-z\s-]*$/;
// Template placeholders (`目标1 : 目标2 : 目标3 :`) are not goals.
const PLACEHOLDER_RE = /^(?:目标\s*\d+\s*[:：]?\s*)+$/;

interface Indexed {
  cell: Cell;
  index: number;
  text: string;
}

export interface HeadReader {
  /** Read one row; returns false when the row has nothing the head understands. */
  feed(row: Row): boolean;
  head: SheetHead;
}

export function createHeadReader(ctx: RecognizeContext, unit: MoneyUnit): HeadReader {
  const head: SheetHead = { schedule: [] };
  let pending: { key: 'purpose' | 'goals' | 'schedule'; periods?: Indexed[]; goalColumn?: number } | null = null;
  let amountUnit = unit;
  const purposes: string[] = [];
  const goals: string[] = [];

  const pairSchedule = (periods: Indexed[], percents: Indexed[], line: number) => {
    const free = [...periods];
    const pairs: { period: Indexed; percent: Indexed }[] = [];
    for (const percent of percents) {
      // Same column first; else the nearest period still free (extraction shifts cells).
      let at = free.findIndex((p) => p.index === percent.index);
      if (at < 0) {
        let best = -1;
        free.forEach((p, k) => {
          if (best < 0 || Math.abs(p.index - percent.index) < Math.abs(free[best]!.index - percent.index)) best = k;
        });
        at = best;
      }
      if (at < 0) {
        ctx.reporter.warn('recognize', 'performance:schedule-unpaired', `第 ${line} 行的支出进度“${percent.text}”找不到对应的时间节点，未能归入资金支出计划。`, percent.cell.line, percent.cell.column);
        continue;
      }
      pairs.push({ period: free[at]!, percent });
      free.splice(at, 1);
    }
    pairs.sort((a, b) => a.period.index - b.period.index);
    for (const { period, percent } of pairs) head.schedule.push({ period: period.text, percent: percent.text.replace(/\s+/g, '') });
  };

  const amount = (values: Indexed[], labelText: string): HeadAmount | undefined => {
    for (const v of values) {
      const value = amountOf(v.text);
      if (value !== null) return { value, unit: unitInLabel(labelText) ?? amountUnit, text: v.text, line: v.cell.line, column: v.cell.column };
    }
    return undefined;
  };

  const feed = (row: Row): boolean => {
    const cells: Indexed[] = row.cells.map((cell, index) => ({ cell, index, text: printed(cell.text) })).filter((c) => c.text && !/^[•·●]$/.test(c.text));
    const labels = cells.map((c) => ({ c, key: headKeyOf(c.text) })).filter((l): l is { c: Indexed; key: HeadKey } => l.key !== null);

    if (!labels.length) {
      if (!cells.length) return true;
      if (pending?.key === 'schedule') {
        const percents = cells.filter((c) => PERCENT_RE.test(toHalfWidth(c.text).trim()));
        if (!pending.periods?.length) {
          const periods = cells.filter((c) => isPeriod(c.text));
          if (periods.length) {
            pending.periods = periods;
            return true;
          }
        }
        pairSchedule(pending.periods ?? [], percents, row.line);
        pending = null;
        return true;
      }
      if (pending?.key === 'purpose') {
        purposes.push(joinTexts(cells.map((c) => c.text)));
        return true;
      }
      if (pending?.key === 'goals') {
        const column = pending.goalColumn;
        const texts = cells.filter((c) => column === undefined || c.index >= column).map((c) => c.text).filter((t) => !PLACEHOLDER_RE.test(t));
        if (texts.length) goals.push(joinTexts(texts));
        return true;
      }
      return false;
    }

    pending = null;
    labels.forEach(({ c, key }, k) => {
      const end = labels[k + 1]?.c.index ?? Infinity;
      const values = cells.filter((v) => v.index > c.index && v.index < end);
      const texts = values.map((v) => v.text);
      switch (key) {
        case 'code': {
          const pieces: Indexed[] = [];
          for (const v of values) {
            if (!CODE_PIECE_RE.test(toHalfWidth(v.text))) break;
            pieces.push(v);
          }
          const first = pieces[0];
          if (first) {
            const parts = pieces.map((p) => ({ text: toHalfWidth(p.text).replace(/\s+/g, ''), line: p.cell.line, column: p.cell.column }));
            head.code = { text: parts.map((p) => p.text).join(''), line: first.cell.line, column: first.cell.column, pieces: pieces.length + (/\s/.test(first.text) ? 1 : 0), parts };
          }
          break;
        }
        case 'name': {
          const first = values[0];
          if (first) head.name = { text: joinTexts(texts), line: first.cell.line, column: first.cell.column };
          break;
        }
        case 'amount':
        case 'fiscal':
        case 'other': {
          const found = amount(values, c.text);
          if (found) head[key] = found;
          break;
        }
        case 'section': {
          const u = unitInLabel(c.text);
          if (u) amountUnit = u;
          break;
        }
        case 'purpose':
          if (texts.length) purposes.push(joinTexts(texts));
          else pending = { key: 'purpose' };
          break;
        case 'goals': {
          // Sub-labels (实施期总目标 | 年度目标) head columns of the next row: the year's goal is wanted.
          const yearColumn = values.find((v) => /^年度(?:绩效)?目标$/.test(labelKey(v.text)))?.index;
          const real = texts.filter((t) => !/^(?:实施期总目标|年度(?:绩效)?目标)$/.test(labelKey(t)) && !PLACEHOLDER_RE.test(t));
          if (real.length) goals.push(joinTexts(real));
          pending = yearColumn !== undefined ? { key: 'goals', goalColumn: yearColumn } : { key: 'goals' };
          break;
        }
        case 'schedule': {
          const periods = values.filter((v) => isPeriod(v.text));
          pending = { key: 'schedule', periods };
          break;
        }
        case 'type':
          if (texts.length) head.type = joinTexts(texts);
          break;
        case 'funding':
          if (texts.length) head.funding = joinTexts(texts);
          break;
        case 'subject':
          if (texts.length) head.subjectCode = toHalfWidth(texts.join('')).replace(/\s+/g, '');
          break;
        case 'ignore':
          break;
      }
    });
    return true;
  };

  return {
    feed,
    get head() {
      const out = head;
      if (purposes.length) out.purpose = joinTexts(purposes);
      else delete out.purpose;
      if (goals.length) out.goals = joinTexts(goals);
      else delete out.goals;
      return out;
    },
  };
}
