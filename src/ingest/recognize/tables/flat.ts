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
