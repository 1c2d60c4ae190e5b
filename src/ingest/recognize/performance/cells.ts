/**
 * Small helpers over the rows of a table region: the rows of all its page
 * parts in order, cell texts, and joining text that a cell or a page break
 * wrapped.
 */
import type { Row } from '../../read/blocks.ts';
import type { RecognizeContext } from '../context.ts';
import { moneyUnitOf, type TableRegion } from '../regions.ts';
import { norm } from '../text.ts';
import type { MoneyUnit } from '../../model/money.ts';
import { CJK_TEXT, CJK_TEXT_RE as CJK_RE } from '../../han.ts';

export interface PartRow {
  row: Row;
  /** Index of the page part the row comes from. */
  part: number;
}

/** Rows of every table part, in order; flattened parts carry no cells and are skipped. */
export function regionRows(region: TableRegion): PartRow[] {
  const out: PartRow[] = [];
  region.parts.forEach((part, index) => {
    if (part.type === 'table') for (const row of part.rows) out.push({ row, part: index });
  });
  return out;
}

export function isBlankRow(row: Row): boolean {
  return row.cells.every((c) => !norm(c.text));
}

/** A row of rule characters (`--`, `----`) that some extractions print under a table. */
export function isRuleRow(row: Row): boolean {
  const texts = row.cells.map((c) => c.text.trim()).filter(Boolean);
  return texts.length > 0 && texts.every((t) => /^[-—–=_:|]+$/.test(t));
}

const CJK = CJK_TEXT;
const CJK_GAP_RE = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g');

/**
 * Text to publish: as printed (full-width punctuation kept), with the spaces
 * PDF extraction scatters between CJK characters removed (`资 金` → `资金`).
 */
export function printed(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').replace(CJK_GAP_RE, '$1').trim();
}

/** Join two pieces of wrapped text: no space at a CJK boundary, one space between Latin words. */
export function joinWrapped(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return CJK_RE.test(a.at(-1)!) || CJK_RE.test(b[0]!) ? a + b : `${a} ${b}`;
}

export function joinTexts(texts: readonly string[]): string {
  return printed(texts.map((t) => printed(t)).filter(Boolean).reduce(joinWrapped, ''));
}

/**
 * Join a name cut by a page or cell break. Extraction sometimes repeats the
 * end of the first piece at the start of the second (`…用于城乡医疗救` +
 * `资金用于城乡医疗救助`): the overlap is kept once.
 */
export function joinOverlapping(a: string, b: string): string {
  const max = Math.min(a.length, b.length);
  for (let n = max; n >= 2; n--) if (a.endsWith(b.slice(0, n))) return a + b.slice(n);
  return joinWrapped(a, b);
}

/** The money unit of a sheet: from a label such as `资金金额(万元)`, else the region's captions, else the document's. */
export function regionUnit(region: TableRegion, ctx: RecognizeContext): MoneyUnit {
  for (const caption of region.captions) {
    const unit = moneyUnitOf(caption.text);
    if (unit) return unit;
  }
  return ctx.defaultUnit;
}

/** The unit a label declares in parentheses: `预算金额(万元)`, `项目金额（元）`. */
export function unitInLabel(text: string): MoneyUnit | null {
  const m = /[(（]\s*(亿元|万元|千元|元)\s*[)）]/.exec(text);
  return m ? (m[1] as MoneyUnit) : null;
}
