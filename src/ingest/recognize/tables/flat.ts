/**
 * Rows from a table page that extraction flattened into one line of tokens
 * (cell order lost). Subject codes, or item labels when a table has no
 * codes, anchor the rows; each number goes to its nearest anchor. Which
 * column a number belongs to cannot be known, so the numbers stay
 * `unplaced` on a partial row and a diagnostic lists them: nothing is
 * dropped and nothing is guessed.
 */
import type { Cell, FlatBlock } from '../../read/blocks.ts';
import type { RecognizeContext } from '../context.ts';
import { parseAmount } from '../../model/money.ts';
import { compact } from '../text.ts';
import type { ModelCell, ModelRow } from './rows.ts';
import { levelOf, systemOfCode } from './rows.ts';

const AMOUNT_RE = /^-?\d[\d,]*\.\d+$/;
const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;
const TOTAL_RE = /^(?:合计|总计)$/;
const LABEL_RE = /^(?:合计|总计|小计|本年收入合计|本年支出合计|收入总计|支出总计)$|^[一二三四五六七八九十]+[、.]|^[“"']?三公[”"']?经费|(?:费|支出|收入)$/;

interface Anchor {
  index: number;
  token: Cell;
  code?: string;
  label?: string;
  amounts: Cell[];
}

export function flatRows(block: FlatBlock, ctx: RecognizeContext, columnCount: number): ModelRow[] {
  const tokens = block.tokens;
  const codes = tokens.map((t, i) => ({ t, i })).filter(({ t }) => CODE_RE.test(t.text) && systemOfCode(t.text) !== undefined);
  const byCode = codes.length > 0;
  // Rows are anchored on subject codes when the table has them (plus its total rows), else on item labels.
  const anchors: Anchor[] = byCode
    ? tokens.flatMap((t, i): Anchor[] => {
        if (CODE_RE.test(t.text) && systemOfCode(t.text) !== undefined) return [{ index: i, token: t, code: t.text, amounts: [] }];
        if (TOTAL_RE.test(compact(t.text))) return [{ index: i, token: t, label: compact(t.text), amounts: [] }];
        return [];
      })
    : tokens.flatMap((t, i) => (LABEL_RE.test(compact(t.text)) ? [{ index: i, token: t, label: compact(t.text), amounts: [] }] : []));
  const orphans: Cell[] = [];
  tokens.forEach((token, i) => {
    if (!AMOUNT_RE.test(token.text)) return;
    let best: Anchor | undefined;
    let distance = Infinity;
    for (const anchor of anchors) {
      // Labels print before their numbers; codes may sit on either side of theirs.
      const d = byCode ? Math.abs(anchor.index - i) + (anchor.index > i ? 0.5 : 0) : i > anchor.index ? i - anchor.index : Infinity;
      if (d < distance) [best, distance] = [anchor, d];
    }
    if (best) best.amounts.push(token);
    else orphans.push(token);
  });

  if (byCode) settleBoundaries(anchors, block, ctx);

  const rows: ModelRow[] = [];
  for (const anchor of anchors) {
    if (!anchor.amounts.length && !anchor.code) continue;
    const cells: ModelCell[] = Array.from({ length: columnCount }, () => ({ text: '', line: block.line, column: anchor.token.column }));
    const unplaced = anchor.amounts.map((t): ModelCell => {
      const parsed = parseAmount(t.text);
      return { text: t.text, ...(parsed.kind === 'amount' ? { value: parsed.value } : {}), line: t.line, column: t.column };
    });
    const row: ModelRow = { line: block.line, cells, partial: true, unplaced };
    if (anchor.code) {
      row.code = anchor.code;
      const system = systemOfCode(anchor.code);
      if (system) row.codeSystem = system;
      const level = levelOf(anchor.code);
      if (level) row.level = level;
    } else if (anchor.label) {
      row.name = anchor.label;
      if (/合计|总计/.test(anchor.label)) row.total = true;
    }
    rows.push(row);
    const what = anchor.code ? `科目 ${anchor.code}` : `“${anchor.label}”`;
    ctx.reporter.warn(
      'recognize',
      'table:flattened-row',
      `第 ${block.line} 行的表格被压平成一行，${what} 的数字 ${anchor.amounts.map((t) => t.text).join('、') || '（无）'} 无法确定所在列，按原样列为“未定位”。`,
      block.line,
      anchor.token.column,
    );
  }
  for (const token of orphans) {
    ctx.reporter.warn('recognize', 'table:unplaced-number', `第 ${block.line} 行被压平的表格中，数字 ${token.text} 无法归入任何一行。`, block.line, token.column);
  }
  return rows;
}

const sameAmounts = (a: readonly Cell[], b: readonly Cell[]) => {
  if (a.length !== b.length) return false;
  const x = a.map((c) => c.text).sort();
  const y = b.map((c) => c.text).sort();
  return x.every((t, i) => t === y[i]);
};

/**
 * Numbers printed between two code anchors go to the nearer one, which can
 * be the wrong one. A boundary number moves to the anchor before it only on
 * evidence from the code hierarchy: the earlier row is the only printed
 * child of its parent (or the only parent of its child), and with the
 * number its amounts become exactly that row's amounts, as a 项 alone under
 * its 款 must print. The later row keeps at least one number.
 */
function settleBoundaries(anchors: Anchor[], block: FlatBlock, ctx: RecognizeContext): void {
  const coded = anchors.filter((a) => a.code);
  const parentOf = (a: Anchor) => coded.filter((p) => p !== a && a.code!.startsWith(p.code!)).sort((x, y) => y.code!.length - x.code!.length)[0];
  const childrenOf = (p: Anchor) => coded.filter((c) => parentOf(c) === p);
  /** The row whose amounts `a` must repeat: its parent when `a` is its only child, or its only child. */
  const twinOf = (a: Anchor): Anchor | undefined => {
    const parent = parentOf(a);
    if (parent && childrenOf(parent).length === 1) return parent;
    const children = childrenOf(a);
    return children.length === 1 ? children[0] : undefined;
  };
  for (let k = 0; k + 1 < coded.length; k++) {
    const [a, b] = [coded[k]!, coded[k + 1]!];
    const twin = twinOf(a);
    if (!twin || twin === b || sameAmounts(a.amounts, twin.amounts)) continue;
    // Numbers of `b` printed before its code, nearest to `a` first.
    const before = b.amounts.filter((t) => block.tokens.indexOf(t) < b.index);
    for (let n = 1; n <= before.length && n < b.amounts.length; n++) {
      const moved = before.slice(0, n);
      if (!sameAmounts([...a.amounts, ...moved], twin.amounts)) continue;
      a.amounts.push(...moved);
      b.amounts = b.amounts.filter((t) => !moved.includes(t));
      ctx.reporter.info(
        'recognize',
        'table:flattened-number-moved',
        `第 ${block.line} 行被压平的表格中，数字 ${moved.map((t) => t.text).join('、')} 印在科目 ${a.code} 与 ${b.code} 之间，归入 ${a.code}：这样 ${a.code} 的数字与 ${twin.code} 相同，与其唯一的上下级关系相符。`,
        block.line,
        moved[0]!.column,
      );
      break;
    }
  }
}
