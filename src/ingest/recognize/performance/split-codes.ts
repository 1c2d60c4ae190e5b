/**
 * Project codes printed across several cells (`13082225P00018210001 | N`):
 * how many of the cells belong to the code is settled by the length of the
 * document's other project codes, never by joining every code-like cell.
 *
 * A document's project codes share one length. The reference length is the
 * most common length of the codes printed whole in one cell; without those,
 * the length most split codes reach when joined, if more than half reach
 * it. A split code then takes as many of its cells as give the reference
 * length; the cells after stay as printed (the sheet's table keeps them),
 * with a diagnostic. When no number of cells gives the reference length, or
 * the document gives no reference, the joined code stands as read and a
 * diagnostic says the length could not be confirmed.
 */
import type { RecognizeContext } from '../context.ts';
import type { ProjectSheet } from './types.ts';

function mostCommon(lengths: readonly number[]): { length: number; count: number } | undefined {
  const counts = new Map<number, number>();
  for (const n of lengths) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: { length: number; count: number } | undefined;
  for (const [length, count] of counts) if (!best || count > best.count || (count === best.count && length < best.length)) best = { length, count };
  return best;
}

/** The length the document's project codes share, or undefined when it gives no evidence. */
export function referenceCodeLength(sheets: readonly ProjectSheet[]): number | undefined {
  const whole = sheets.filter((s) => s.code && !s.codeCells).map((s) => s.code!.length);
  if (whole.length) return mostCommon(whole)!.length;
  const joined = sheets.filter((s) => s.codeCells).map((s) => s.codeCells!.map((c) => c.text).join('').length);
  const best = mostCommon(joined);
  return best && joined.length >= 2 && best.count * 2 > joined.length ? best.length : undefined;
}

/** Settle every split code of one entity's sheets (in place). */
export function settleSplitCodes(sheets: ProjectSheet[], ctx: RecognizeContext): void {
  const reference = referenceCodeLength(sheets);
  for (const sheet of sheets) {
    const cells = sheet.codeCells;
    if (!cells) continue;
    const first = cells[0]!;
    if (reference === undefined) {
      ctx.reporter.warn('recognize', 'performance:split-code-unconfirmed', `第 ${first.line} 行的项目编码分在 ${cells.length} 个单元格中印刷，本文件没有可对照的编码长度，按拼接后的“${sheet.code}”读取，请核对原文。`, first.line, first.column);
      continue;
    }
    let text = '';
    let taken = 0;
    while (taken < cells.length && text.length < reference) text += cells[taken++]!.text;
    if (text.length !== reference) {
      ctx.reporter.warn(
        'recognize',
        'performance:split-code-unconfirmed',
        `第 ${first.line} 行的项目编码分在 ${cells.length} 个单元格中印刷，拼接后无法得到本文件项目编码的 ${reference} 位长度，按“${sheet.code}”读取，请核对原文。`,
        first.line,
        first.column,
      );
      continue;
    }
    if (taken === cells.length) {
      ctx.reporter.info('recognize', 'performance:split-code', `第 ${first.line} 行的项目编码分在 ${cells.length} 个单元格中印刷，拼接为“${text}”（与本文件其他项目编码同为 ${reference} 位）。`, first.line, first.column);
      continue;
    }
    const stray = cells.slice(taken);
    sheet.code = text;
    ctx.reporter.warn(
      'recognize',
      'performance:stray-code-cell',
      `第 ${first.line} 行项目编码“${text}”已有本文件项目编码的 ${reference} 位，其后的单元格“${stray.map((c) => c.text).join('')}”不并入编码，按原样保留。`,
      stray[0]!.line,
      stray[0]!.column,
    );
  }
}
