/**
 * Data rows printed one cell to the right of their header. Text extraction
 * sometimes splits one header column into two data cells (a 科目编码 column
 * headed `类 款 项` printed as `210 | 15 99`), so every later cell of the row
 * sits under the header of its right-hand neighbour: the amount under 说明,
 * the item name under 采购目录.
 *
 * Evidence comes from the header: the row leaves an amount column (预算金额,
 * 金额, 合计 …) blank while the text column right of it (说明, 备注 …) holds
 * an amount. The row is realigned only when that evidence holds and the split
 * is found where the header has one code column and the row two code-like
 * cells; after the realignment every amount must sit under an amount
 * header. Otherwise the row stays as printed with a diagnostic.
 */
import type { Cell, Row } from '../../read/blocks.ts';
import type { RecognizeContext } from '../context.ts';
import { compact } from '../text.ts';

const AMOUNT_RE = /^-?\d[\d,]*\.\d+$/;
const AMOUNT_HEADER_RE = /(?:金额|预算数|合计|小计|总计|预算)$/;
const TEXT_HEADER_RE = /(?:说明|备注|名称|项目|目录|内容|型号|时间)$/;
/** A header naming several levels of one code (`科目编码类款项`). */
const SPLIT_CODE_HEADER_RE = /编码.*(?:类.*款|款.*项)|^类款项?$/;
const CODE_CELL_RE = /^[\d\s]*$/;

const leaf = (path: readonly string[]) => compact(path.at(-1) ?? '');
const text = (row: Row, i: number) => compact(row.cells[i]?.text ?? '');

/** The amount column a row leaves blank while the text column after it holds an amount. */
function displacedAmount(paths: readonly string[][], row: Row): number | undefined {
  for (let j = 0; j + 1 < paths.length; j++) {
    if (!AMOUNT_HEADER_RE.test(leaf(paths[j]!)) || !TEXT_HEADER_RE.test(leaf(paths[j + 1]!))) continue;
    if (text(row, j) === '' && AMOUNT_RE.test(text(row, j + 1))) return j;
  }
  return undefined;
}

function fits(paths: readonly string[][], row: Row): boolean {
  return row.cells.every((c, i) => !AMOUNT_RE.test(compact(c.text)) || (paths[i] !== undefined && !TEXT_HEADER_RE.test(leaf(paths[i]!))));
}

/** The row with cells `at` and `at + 1` joined into one. */
function merged(row: Row, at: number): Row {
  const [a, b] = [row.cells[at]!, row.cells[at + 1]!];
  const joined: Cell = { text: [a.text, b.text].filter((t) => t.trim() !== '').join(' '), line: a.line, column: a.column };
  return { ...row, cells: [...row.cells.slice(0, at), joined, ...row.cells.slice(at + 2)] };
}

export function realignShiftedRows(paths: readonly string[][], rows: readonly Row[], title: string, ctx: RecognizeContext): Row[] {
  const split = paths.findIndex((p) => SPLIT_CODE_HEADER_RE.test(compact(p.join(''))));
  return rows.map((row) => {
    const j = displacedAmount(paths, row);
    if (j === undefined) return row;
    const canMerge = split >= 0 && split + 1 < row.cells.length && CODE_CELL_RE.test(text(row, split)) && CODE_CELL_RE.test(text(row, split + 1));
    const fixed = canMerge ? merged(row, split) : undefined;
    if (fixed && displacedAmount(paths, fixed) === undefined && fits(paths, fixed) && AMOUNT_RE.test(text(fixed, j))) {
      ctx.reporter.info(
        'recognize',
        'table:shifted-row-realigned',
        `“${title}”第 ${row.line} 行的数据比表头右移了一格（“${leaf(paths[split]!)}”一栏印成了“${row.cells[split]!.text}”“${row.cells[split + 1]!.text}”两格），已按表头对齐：${text(fixed, j)} 归入“${leaf(paths[j]!)}”。`,
        row.line,
        row.cells[split]!.column,
      );
      return fixed;
    }
    ctx.reporter.warn(
      'recognize',
      'table:shifted-row',
      `“${title}”第 ${row.line} 行的“${leaf(paths[j]!)}”一栏为空，而右边的“${leaf(paths[j + 1]!)}”一栏印着金额 ${text(row, j + 1)}：这一行可能与表头错开了一格，按原样保留，请核对原文。`,
      row.line,
      row.cells[j + 1]?.column,
    );
    return row;
  });
}
