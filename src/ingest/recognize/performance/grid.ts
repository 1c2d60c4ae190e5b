/**
 * Reading an indicator grid into indicators, one row at a time.
 *
 * Rows are first read by the header's column roles. When a row does not fit
 * (its 指标值 column holds prose while a number sits one column to the left,
 * or the value column is empty), extraction dropped an empty cell and moved
 * the rest: the row is re-read from its value ("anchored"), the cells before
 * it being name and description, the cells after it 依据 / 评分标准. A row
 * holding only a description is the end of the previous row's cell wrapped
 * onto the next page. Nothing printed is dropped without a diagnostic.
 */
import type { Cell, Row } from '../../read/blocks.ts';
import type { Indicator } from '../../model/schema.ts';
import type { RecognizeContext } from '../context.ts';
import { isBlankRow, isRuleRow, joinTexts, joinWrapped, printed, type PartRow } from './cells.ts';
import { alignLayout, isIndicatorHeader, isSubHeader, layoutOf, type Layout, type Role } from './header.ts';
import { classifyLabel } from './labels.ts';
import { labelCell, resolveLevels, type LabelCell, type LevelState } from './levels.ts';
import { comparatorOf, composeTarget, isProseMarker, isStrongValue, parseTarget, type Target } from './target.ts';

interface Placed {
  cell: Cell;
  index: number;
  role: Role;
  text: string;
}

type BodyRole = 'name' | 'description' | 'value' | 'basis' | 'scoring';

interface ParsedRow {
  labels: LabelCell[];
  fields: Partial<Record<BodyRole, Placed[]>>;
  target?: Target;
  /** Cells the row could not place. */
  unplaced: Placed[];
  anchored: boolean;
}

const LABEL_ROLES: ReadonlySet<Role> = new Set(['row-label', 'level1', 'level2']);
const isStandardLabel = (text: string) => {
  const c = classifyLabel(text);
  return c === 'level1' || c === 'level2' || c === 'both' || c === 'section';
};

function add(fields: ParsedRow['fields'], role: BodyRole, placed: Placed): void {
  const list = fields[role] ?? [];
  list.push(placed);
  fields[role] = list;
}

/** Body roles in the order the header prints them. */
function orderOf(roles: readonly Role[], from: number, to: number, wanted: readonly BodyRole[]): BodyRole[] {
  const out: BodyRole[] = [];
  for (let i = Math.max(0, from); i < Math.min(roles.length, to); i++) {
    const r = roles[i] as BodyRole;
    if (wanted.includes(r) && !out.includes(r)) out.push(r);
  }
  return out;
}

function readSplitTarget(cells: readonly Placed[], unplaced: Placed[]): Target | undefined {
  const get = (...roles: Role[]) => cells.filter((c) => roles.includes(c.role));
  const symbol = get('comparator');
  const number = get('number', 'value');
  const unit = get('unit');
  const symText = symbol.map((c) => c.text).join('');
  let useSymbol = symText;
  if (symText && !comparatorOf(symText)) {
    // `文字描述` marks a prose value; anything else in the 符号 column is kept in a diagnostic.
    if (!isProseMarker(symText)) unplaced.push(...symbol);
    useSymbol = '';
  }
  return composeTarget(useSymbol, number.map((c) => c.text).join(''), unit.map((c) => c.text).join('')) ?? undefined;
}

function parseRow(row: Row, layout: Layout): ParsedRow {
  const roles = layout.roles;
  const placed: Placed[] = row.cells
    .map((cell, index) => ({ cell, index, role: roles[index] ?? 'ignore', text: printed(cell.text) }))
    .filter((p) => p.text && !/^[•·●]$/.test(p.text));
  const out: ParsedRow = { labels: [], fields: {}, unplaced: [], anchored: false };
  // The value split over 符号 / 值 / 单位 columns (sub-header or columns of their own).
  const split = roles.includes('number') || roles.includes('comparator') || roles.includes('unit');
  const valueIndex = roles.indexOf(roles.includes('number') ? 'number' : 'value');
  const valueCells = placed.filter((p) => p.role === 'value');
  const labelZone = placed.filter((p) => LABEL_ROLES.has(p.role));

  // Is the row shifted? Find the anchor cell that really holds the value.
  let anchor: Placed | undefined;
  if (!split && valueIndex >= 0) {
    const strong = placed.filter((p) => p.role !== 'value' && !LABEL_ROLES.has(p.role) && isStrongValue(p.text));
    const nearest = (list: Placed[]) => [...list].sort((a, b) => Math.abs(a.index - valueIndex) - Math.abs(b.index - valueIndex))[0];
    const value = valueCells[0];
    const after = roles.findIndex((r, i) => i > valueIndex && (r === 'basis' || r === 'scoring'));
    const endsEarly = after < 0 || !printed(row.cells[after]?.text ?? '');
    if (value && !isStrongValue(value.text) && endsEarly) {
      anchor = nearest(strong.filter((p) => p.index < valueIndex));
    } else if (!value) {
      anchor = nearest(strong);
      if (!anchor) {
        // The row lost its first cell: name in the level-2 column, a short value under the name.
        const body = placed.filter((p) => p.index < valueIndex && !isStandardLabel(p.text));
        const last = body.at(-1);
        const before = body.at(-2);
        if (last && before && last.text.length <= 8 && last.text.length < before.text.length) anchor = last;
      }
    }
  }

  if (anchor) {
    out.anchored = true;
    const a = anchor;
    out.target = parseTarget(a.text);
    add(out.fields, 'value', a);
    // After the value: 依据 / 评分标准 in header order.
    const afterRoles = orderOf(roles, valueIndex + 1, roles.length, ['basis', 'scoring']);
    const afterCells = placed.filter((p) => p.index > a.index);
    afterCells.forEach((p, k) => {
      const role = afterRoles[k];
      if (role) add(out.fields, role, p);
      else out.unplaced.push(p);
    });
    // Before it: labels by what they say, then name and description.
    const before = placed.filter((p) => p.index < a.index);
    const body: Placed[] = [];
    for (const p of before) {
      if (isStandardLabel(p.text)) out.labels.push(labelCell(p.cell, LABEL_ROLES.has(p.role) ? p.role : 'level2'));
      else body.push(p);
    }
    const beforeRoles = orderOf(roles, 0, valueIndex, ['name', 'description', 'scoring']);
    if (!beforeRoles.includes('name')) beforeRoles.unshift('name');
    // Fewer cells than columns: the name first, then the description, then the scoring rule.
    const priority: BodyRole[] = ['name', 'description', 'scoring'];
    const kept = priority.filter((r) => beforeRoles.includes(r)).slice(0, body.length);
    const used = beforeRoles.filter((r) => kept.includes(r));
    const extra = body.length - used.length;
    body.forEach((p, k) => {
      // Leading cells beyond name and description are labels the row printed out of place.
      if (k < extra) out.labels.push(labelCell(p.cell, LABEL_ROLES.has(p.role) ? p.role : 'level2'));
      else add(out.fields, used[k - extra]!, p);
    });
    return out;
  }

  for (const p of labelZone) out.labels.push(labelCell(p.cell, p.role));
  for (const p of placed) {
    if (LABEL_ROLES.has(p.role)) continue;
    if (p.role === 'comparator' || p.role === 'number' || p.role === 'unit') continue;
    if (split && p.role === 'value') continue;
    if (p.role === 'ignore') out.unplaced.push(p);
    else add(out.fields, p.role as BodyRole, p);
  }
  if (split) {
    const target = readSplitTarget(placed, out.unplaced);
    if (target) out.target = target;
  } else if (out.fields.value) {
    out.target = parseTarget(joinTexts(out.fields.value.map((p) => p.text)));
  }
  return out;
}

const fieldText = (fields: ParsedRow['fields'], role: BodyRole) => (fields[role] ? joinTexts(fields[role].map((p) => p.text)) : '');

function quote(cells: readonly Placed[]): string {
  return cells.map((p) => `“${p.text}”`).join('、');
}

/**
 * Indicators of the grid whose header is at `rows[start]`, to the end of the
 * region. Later page parts may repeat the header (dropped) or come without
 * it and with another number of columns (aligned to the header).
 */
export function readIndicators(rows: readonly PartRow[], start: number, ctx: RecognizeContext): Indicator[] {
  const indicators: Indicator[] = [];
  const state: LevelState = {};
  let layout: Layout | undefined;
  const partLayouts = new Map<number, Layout>();

  const layoutFor = (part: number, width: number): Layout | undefined => {
    if (!layout) return undefined;
    if (width === layout.roles.length) return layout;
    let aligned = partLayouts.get(part);
    if (!aligned) {
      const partRows = rows.filter((r) => r.part === part).map((r) => r.row);
      aligned = alignLayout(layout, partRows, width);
      partLayouts.set(part, aligned);
    }
    return aligned;
  };

  for (let i = start; i < rows.length; i++) {
    const { row, part } = rows[i]!;
    if (isBlankRow(row) || isRuleRow(row)) continue;
    if (isIndicatorHeader(row)) {
      const next = rows[i + 1]?.row;
      const sub = next && isSubHeader(next) ? next : undefined;
      layout = layoutOf(row, sub);
      partLayouts.clear();
      if (sub) i++;
      continue;
    }
    const current = layoutFor(part, row.cells.length);
    if (!current) continue;
    const parsed = parseRow(row, current);
    const name = fieldText(parsed.fields, 'name');
    const description = fieldText(parsed.fields, 'description');
    const basis = fieldText(parsed.fields, 'basis');
    const scoring = fieldText(parsed.fields, 'scoring');
    const target = parsed.target;
    const hasLabels = parsed.labels.some((l) => l.cls !== 'empty');

    for (const p of parsed.unplaced) {
      ctx.reporter.warn('recognize', 'performance:unplaced-cell', `第 ${row.line} 行的“${p.text}”不在任何指标栏目下，未能归入指标。`, p.cell.line, p.cell.column);
    }

    if (!name && !target && !hasLabels) {
      // The end of the previous row's cell, wrapped onto this row (often on the next page).
      const prev = indicators.at(-1);
      const pieces: [BodyRole, string][] = [['description', description], ['basis', basis], ['scoring', scoring]];
      for (const [role, text] of pieces) {
        if (!text) continue;
        if (prev) {
          const key = role as 'description' | 'basis' | 'scoring';
          prev[key] = joinWrapped(prev[key] ?? '', text);
          ctx.reporter.warn(
            'recognize',
            'performance:wrapped-cell',
            `第 ${row.line} 行只有“${text.slice(0, 20)}”，是上一行（第 ${prev.line} 行）单元格折到此行的内容，已接到上一行。`,
            row.line,
          );
        } else {
          ctx.reporter.warn('recognize', 'performance:unplaced-cell', `第 ${row.line} 行的“${text}”前面没有指标，未能归入指标。`, row.line);
        }
      }
      continue;
    }

    const levels = resolveLevels(parsed.labels, state, ctx, name || undefined);
    if (!name) {
      if (target?.value) {
        ctx.reporter.warn('recognize', 'performance:value-without-name', `第 ${row.line} 行的指标值“${target.value}”没有对应的指标名称，未能归入指标。`, row.line);
      }
      const stray = [description, basis, scoring].filter(Boolean);
      if (stray.length) {
        ctx.reporter.warn('recognize', 'performance:unplaced-cell', `第 ${row.line} 行的${stray.map((t) => `“${t}”`).join('、')}没有对应的指标名称，未能归入指标。`, row.line);
      }
      continue;
    }
    if (parsed.anchored) {
      const moved = [...(parsed.fields.value ?? [])];
      ctx.reporter.info(
        'recognize',
        'performance:realigned-row',
        `第 ${row.line} 行的单元格与表头错位，按指标值 ${quote(moved)} 的位置重新对齐。`,
        row.line,
      );
    }
    const indicator: Indicator = { ...levels, name, value: target?.value ?? '', line: row.line };
    if (description) indicator.description = description;
    if (target?.comparator) indicator.comparator = target.comparator;
    if (target?.number) indicator.number = target.number;
    if (target?.unit) indicator.unit = target.unit;
    if (basis) indicator.basis = basis;
    if (scoring) indicator.scoring = scoring;
    indicators.push(indicator);
  }
  return indicators;
}
