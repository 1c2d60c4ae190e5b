/**
 * Who published the document and for which year: unit lines printed above
 * tables (`450001 秦皇岛市医疗保障局本级`), name labels (`单位名称：…`,
 * `部门名称：…`), the budget year (`预算年度：2024`, `2024年单位预算`).
 */
import type { Block } from '../read/blocks.ts';
import { toHalfWidth } from '../model/money.ts';

export interface UnitMention {
  code?: string;
  name: string;
  line: number;
  via: 'unit-line' | 'name-label' | 'row';
}

const CJK_NAME = '[\\u4e00-\\u9fff（）()·]{4,40}';
/** `450001 秦皇岛市医疗保障局本级` or `571001廊坊市广阳区医疗保障局本级`. */
export const UNIT_LINE_RE = new RegExp(`^(\\d{3,9})\\s*(${CJK_NAME})$`);
/** `单位名称：X`, `部门名称：X`, `部门(单位)名称 X`. */
const NAME_LABEL_RE = /^(?:单位|部门|部门[(（]单位[)）])名称\s*[:：]?\s*(.+?)\s*$/;
const YEAR_LABEL_RE = /预算年度\s*[:：]\s*(20\d\d)/;
const YEAR_TITLE_RE = /(20\d\d)\s*年度?[^，。,]{0,40}?预算/;
// A name must end like an organisation, not like a table title or a sentence.
const ORG_END_RE = /(?:局|中心|本级|院|所|站|委员会|委|办公室|办|会|处|队|馆|校|厅|署|社|室|台|园|团|部|科|组|司)$/;

export function cleanName(text: string): string {
  return toHalfWidth(text).replace(/\*\*|<\/?[a-z][^>]*>/gi, '').replace(/\s+/g, '').trim();
}

export function parseUnitLine(text: string): { code: string; name: string } | null {
  const match = UNIT_LINE_RE.exec(cleanName(text));
  if (!match || !ORG_END_RE.test(match[2]!)) return null;
  return { code: match[1]!, name: match[2]! };
}

export function parseNameLabel(text: string): string | null {
  const match = NAME_LABEL_RE.exec(cleanName(text));
  const name = match?.[1];
  return name && ORG_END_RE.test(name) ? name : null;
}

export function parseYear(text: string): number | null {
  const t = toHalfWidth(text);
  const match = YEAR_LABEL_RE.exec(t) ?? YEAR_TITLE_RE.exec(t);
  return match ? Number(match[1]) : null;
}

/** Every place a unit is named, in document order. */
export function unitMentions(blocks: readonly Block[]): UnitMention[] {
  const mentions: UnitMention[] = [];
  const consider = (text: string, line: number) => {
    const unit = parseUnitLine(text);
    if (unit) return void mentions.push({ ...unit, line, via: 'unit-line' });
    const name = parseNameLabel(text);
    if (name) mentions.push({ name, line, via: 'name-label' });
  };
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') consider(block.text, block.line);
    else if (block.type === 'table') {
      for (const row of block.rows) {
        const texts = row.cells.map((c) => c.text).filter(Boolean);
        for (const cell of row.cells) if (cell.text) consider(cell.text, cell.line);
        // A code cell next to a name cell: `036001	济源…医疗保障局`, `| 231002 | 西安市… |`.
        for (let i = 0; i + 1 < texts.length; i++) {
          const code = texts[i]!;
          const name = cleanName(texts[i + 1]!);
          if (/^\d{3,9}$/.test(code) && ORG_END_RE.test(name) && name.length >= 4) {
            mentions.push({ code, name, line: row.line, via: 'row' });
          }
        }
      }
    }
  }
  return mentions;
}

/** The budget year the document states most often. */
export function documentYear(blocks: readonly Block[]): number | null {
  const votes = new Map<number, number>();
  for (const block of blocks) {
    const texts = block.type === 'table' ? block.rows.flatMap((r) => r.cells.map((c) => c.text)) : block.type === 'flat' ? [] : [block.text];
    for (const text of texts) {
      const year = parseYear(text);
      if (year) votes.set(year, (votes.get(year) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let most = 0;
  for (const [year, count] of votes) if (count > most || (count === most && best !== null && year > best)) [best, most] = [year, count];
  return best;
}
