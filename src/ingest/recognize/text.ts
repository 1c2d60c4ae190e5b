/**
 * Normalizing printed text for matching (never for publishing: the model
 * keeps text as printed).
 */
import { Converter, Locale } from 'opencc-js/t2cn';
import { toHalfWidth } from '../model/money.ts';
import { CJK_TEXT, HAN } from '../han.ts';

/**
 * Traditional → simplified, character by character (OpenCC `t` → `cn`,
 * no regional phrase rewriting), so that 預算 matches 预算 while the model
 * keeps the text as printed.
 */
const toSimplified = Converter({ from: 't', to: 'cn' });

/**
 * A pinyin gloss printed after a character, `務(wù)`, `預（yù）`: copy tools
 * of some sites add them to traditional text. Lower-case Latin with tone
 * marks (or a tone digit) in brackets, right after a CJK character.
 */
const PINYIN_GLOSS_RE = new RegExp(`(?<=[${HAN}])[(（][a-zàáâãāăǎèéêēěìíîīǐòóôõōǒùúûūǔüǖǘǚǜḿńňǹɑɡ]{1,7}[1-5]?[)）]`, 'g');
const GLOSS_HINT_RE = /[(（][a-zàáāǎèéēěìíīǐòóōǒùúūǔüǖǘǚǜ]/;

/**
 * Every character the converter's dictionaries change, as a bitmap of code
 * units: most text has none of them and is returned as it is without
 * running the converter (which costs as much as all other normalizing
 * together on long prose). Dictionaries are `source target|…` strings.
 */
function convertibleUnits(): Uint8Array {
  const units = new Uint8Array(0x10000);
  for (const group of Locale.to.cn ?? []) {
    for (const dict of group) {
      if (typeof dict !== 'string') continue;
      for (const entry of dict.split('|')) {
        const [source = '', target = ''] = entry.split(' ');
        // A phrase changes only some of its characters; those are the ones to look for.
        for (let i = 0; i < source.length; i++) {
          if (source.length !== target.length || source[i] !== target[i]) units[source.charCodeAt(i)] = 1;
        }
      }
    }
  }
  return units;
}

let convertible: Uint8Array | undefined;

function hasConvertible(text: string): boolean {
  convertible ??= convertibleUnits();
  for (let i = 0; i < text.length; i++) if (convertible[text.charCodeAt(i)]) return true;
  return false;
}

/**
 * Text as recognizers compare it: simplified characters and no pinyin
 * glosses. Only for matching: locations and published text come from the
 * printed text.
 */
export function forMatching(text: string): string {
  if (text.length < LONG_TEXT) return simplify(text);
  // Recognizers compare the same paragraph many times: long texts are converted once.
  let known = longTexts.get(text);
  if (known === undefined) {
    if (longTexts.size >= LONG_TEXTS_KEPT) longTexts.clear();
    known = simplify(text);
    longTexts.set(text, known);
  }
  return known;
}

const LONG_TEXT = 80;
const LONG_TEXTS_KEPT = 2000;
const longTexts = new Map<string, string>();

function simplify(text: string): string {
  const plain = stripGlosses(text);
  return hasConvertible(plain) ? toSimplified(plain) : plain;
}

/** The text without pinyin glosses (an artifact of copying, like markup). */
export function stripGlosses(text: string): string {
  return GLOSS_HINT_RE.test(text) ? text.replace(PINYIN_GLOSS_RE, '') : text;
}

const CJK = CJK_TEXT;

const SPACE_BETWEEN_CJK_RE = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g');
const SPACE_BEFORE_PAREN_RE = new RegExp(`([${CJK}])\\s+(?=[()])`, 'g');
const SPACE_AFTER_PAREN_RE = new RegExp(`([()])\\s+(?=[${CJK}])`, 'g');
/** Characters that make normalizing do anything at all. */
const NEEDS_WORK_RE = /[\s<*_\uFF01-\uFF5E\u3000]/;

/**
 * Text for comparisons: simplified characters without pinyin glosses,
 * half-width, no markdown emphasis or HTML tags, no
 * spaces between CJK characters (PDF extraction scatters them: `资 金 性 质`).
 */
export function norm(printed: string): string {
  return normPrinted(forMatching(printed));
}

/** Like norm, keeping the characters as printed (traditional stays traditional): for labels the model stores. */
function normPrinted(text: string): string {
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

/** Like compact, keeping the characters as printed. */
export function compactPrinted(text: string): string {
  const normalized = normPrinted(text);
  return normalized.includes(' ') ? normalized.replace(/\s+/g, '') : normalized;
}

/** Markdown heading markers, list bullets and emphasis removed, for titles. */
export function plainTitle(text: string): string {
  return compact(text.replace(/^#{1,6}\s+/, '').replace(/^[-*+]\s+/, ''));
}

/** Like plainTitle, keeping the characters as printed. */
export function plainTitlePrinted(text: string): string {
  return compactPrinted(text.replace(/^#{1,6}\s+/, '').replace(/^[-*+]\s+/, ''));
}

/** Leading enumerators: 一、 (一) 1、 1. (1) 第一部分. */
const ENUMERATOR_RE = /^(?:第[一二三四五六七八九十百]+部分|[一二三四五六七八九十百]+[、.]|[(（][一二三四五六七八九十百\d]+[)）]|\d+(?:\.\d+)*[、.．](?!\d)|[①-⑳])\s*/;

export function stripEnumerator(text: string): string {
  return text.replace(ENUMERATOR_RE, '');
}
