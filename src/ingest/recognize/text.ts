/**
 * Normalizing printed text for matching (never for publishing: the model
 * keeps text as printed).
 */
import { toHalfWidth } from '../model/money.ts';

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’';

/**
 * Text for comparisons: half-width, no markdown emphasis or HTML tags, no
 * spaces between CJK characters (PDF extraction scatters them: `资 金 性 质`).
 */
export function norm(text: string): string {
  return toHalfWidth(text)
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g'), '$1')
    .replace(new RegExp(`([${CJK}])\\s+(?=[()])`, 'g'), '$1')
    .replace(new RegExp(`([()])\\s+(?=[${CJK}])`, 'g'), '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Like norm, with every space removed: for labels and names. */
export function compact(text: string): string {
  return norm(text).replace(/\s+/g, '');
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
