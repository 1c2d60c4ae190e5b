/**
 * Which lines of the explanation are headings, and how deep.
 *
 * Markdown sources mark headings with `#`, but their `#` count is not the
 * outline (`#### **九、…**` is a sibling of `## 八、…`), so the enumerator
 * decides the rank when there is one: 第一部分 1, 一、 2, （一） 3, 1、 4,
 * （1） 5, ① 6. Plain-text sources only have the enumerator, so a line is a
 * heading there when it is short and does not read as a sentence.
 */
import { compact } from '../text.ts';

/** `[bookmark: _GoBack]`: anchors a DOCX export leaves in the text. */
const ARTIFACT_RE = /\[bookmark:[^\]]*\]/g;

/** Conversion artifacts removed; the text is otherwise kept as printed. */
export function stripArtifacts(text: string): string {
  return text.replace(ARTIFACT_RE, '').trim();
}

/** A title for display: artifacts and `**` emphasis markers removed, spaces collapsed. */
export function cleanTitle(text: string): string {
  return stripArtifacts(text)
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const RANKS: readonly [RegExp, number][] = [
  [/^第[一二三四五六七八九十百]+部分/, 1],
  [/^[一二三四五六七八九十百]+[、.．]/, 2],
  [/^[(（][一二三四五六七八九十百]+[)）]/, 3],
  [/^\d+(?:\.\d+)*[、.．](?!\d)/, 4],
  [/^[(（]\d+[)）]/, 5],
  [/^[①-⑳]/, 6],
];

/** Longest heading per rank, in compact characters: longer lines are items or prose. */
const MAX_LENGTH: Record<number, number> = { 1: 50, 2: 40, 3: 40, 4: 25, 5: 30, 6: 25 };

/** The enumerator a line starts with: its rank and length, or null. */
export function enumeratorOf(text: string): { rank: number; length: number } | null {
  const t = stripArtifacts(text).replace(/^\*\*/, '');
  for (const [re, rank] of RANKS) {
    const match = re.exec(t);
    if (match) return { rank, length: match[0].length };
  }
  return null;
}

/** Punctuation a heading never contains: it would make the line a sentence or an item. */
const SENTENCE_RE = /[。；！？，;!?,]/;

/** Markdown bullets; a bulleted line is a list item, never a heading. */
export const BULLET_RE = /^[-*+•]\s+/;

/** `（一）主要职责：` is a heading, `1、财政拨款收入：指…` is not: a colon may only end it. */
function colonInside(t: string): boolean {
  return /[：:]/.test(t.replace(/[：:]$/, ''));
}

/** An enumerated line short enough and unpunctuated enough to be a heading. */
export function enumeratedHeadingRank(text: string): number | null {
  if (BULLET_RE.test(text)) return null;
  const t = compact(cleanTitle(text));
  const enumerator = enumeratorOf(t);
  if (!enumerator) return null;
  const body = t.slice(enumerator.length);
  if (!body || t.length > (MAX_LENGTH[enumerator.rank] ?? 25)) return null;
  if (SENTENCE_RE.test(t) || colonInside(t)) return null;
  return enumerator.rank;
}

/**
 * The document's title line, in sources that print it as plain text:
 * `兴隆县医疗保障局本级 2025 年单位预算信息公开情况说明`, `2024年单位综合预算公开报表`.
 */
export function isDocumentTitle(text: string): boolean {
  const t = compact(cleanTitle(text));
  if (t.length < 6 || t.length > 60 || enumeratorOf(text) || SENTENCE_RE.test(t) || /[：:]/.test(t)) return false;
  return /(?:预算|决算).{0,12}(?:说明|公开|报表|目录)$/.test(t);
}

/** A markdown heading without enumerator that ends with a colon (`### 单位职责：`): a label under the current heading. */
export function isLabelHeading(text: string): boolean {
  const t = compact(cleanTitle(text));
  return !enumeratorOf(text) && t.length <= 20 && /[：:]$/.test(t);
}

/** A title that opens a table of contents: `目 录`, `2025 年单位预算信息公开目录`. */
export function isTocTitle(text: string): boolean {
  const t = compact(cleanTitle(text));
  return t.length <= 40 && /目录$/.test(t) && !SENTENCE_RE.test(t);
}

/** Dot leaders followed by a page number: `单位预算收支总表..... 2`. */
export const DOT_LEADER_RE = /(?:\.{3,}|…{2,}|·{3,})\s*\d*\s*$/;

/** What a contents entry and the heading it announces have in common. */
export function tocKey(text: string): string {
  return compact(cleanTitle(text).replace(BULLET_RE, '').replace(DOT_LEADER_RE, ''));
}

/** A sentence ends here: the next paragraph does not continue it. */
export const SENTENCE_END_RE = /[。；：！？.;:!?…”’」』]$/;

/** A paragraph, not a heading or contents entry: a full sentence or a long line. */
export function isProse(text: string): boolean {
  const t = compact(cleanTitle(text));
  return /[。；！？]/.test(t) || t.length > 60;
}
