/**
 * Normalizing printed text for matching (never for publishing: the model
 * keeps text as printed).
 */
import { toHalfWidth } from '../model/money.ts';

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’';

const SPACE_BETWEEN_CJK_RE = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g');
const SPACE_BEFORE_PAREN_RE = new RegExp(`([${CJK}])\\s+(?=[()])`, 'g');
const SPACE_AFTER_PAREN_RE = new RegExp(`([()])\\s+(?=[${CJK}])`, 'g');
/** Characters that make normalizing do anything at all. */
const NEEDS_WORK_RE = /[\s<*_\uFF01-\uFF5E\u3000]/;

/**
 * Text for comparisons: half-width, no markdown emphasis or HTML tags, no
 * spaces between CJK characters (PDF extraction scatters them: `资 金 性 质`).
 */
export function norm(text: string): string {
  // Most cells (amounts, codes, short names) need nothing: skip the regex chain.
  if (!NEEDS_WORK_RE.test(text)) return text;
  return toHalfWidth(text)
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(SPACE_BETWEEN_CJK_RE, '$1')
    .replace(SPACE_BEFORE_PAREN_RE, '$1')
    .replace(SPACE_AFTER_PAREN_RE, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Like norm, with every space removed: for labels and names. */
export function compact(text: string): string {
  const normalized = norm(text);
  return normalized.includes(' ') ? normalized.replace(/\s+/g, '') : normalized;
}

/** Markdown heading markers, list bullets and emphasis removed, for titles. */
export function plainTitle(text: string): string {
  return compact(text.replace(/^#{1,6}\s+/, '').replace(/^[-*+]\s+/, ''));
}

/** Leading enumerators: 一、 (一) 1、 1. (1) 第一部分. */
export const ENUMERATOR_RE = /^(?:第[一二三四五六七八九十百]+部分|[一二三四五六七八九十百]+[、.]|[(（][一二三四五六七八九十百\d]+[)）]|\d+(?:\.\d+)*[、.．](?!\d)|[①-⑳])\s*/;

export function stripEnumerator(text: string): string {
  return text.replace(ENUMERATOR_RE, '');
}
