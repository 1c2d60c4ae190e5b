/**
 * One definition of Chinese characters (汉字) for every pattern that looks
 * for them: CJK Unified Ideographs (U+4E00–U+9FFF), Extension A
 * (U+3400–U+4DBF: rare characters of personal and place names in unit names)
 * and the CJK Compatibility Ideographs (U+F900–U+FAFF: some PDF and Word
 * fonts emit these for ordinary characters). Characters beyond the Basic
 * Multilingual Plane (Extension B on) are left out: they need the `u` flag in
 * every pattern this range is spliced into, and budget documents do not use
 * them. Kangxi radicals are not here either: PDF text maps them back to the
 * characters they stand for before any pattern sees it (read/originals/pdf/radicals.ts).
 *
 * The ranges are strings, to splice into a character class (`[${HAN}、]`).
 */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

/** One Chinese character anywhere in a text. */
export const HAN_RE = new RegExp(`[${HAN}]`);

/**
 * Chinese text: 汉字, CJK punctuation (U+3000–U+303F), full-width forms
 * (U+FF00–U+FFEF) and curly quotes. A line wrapped between two of these
 * joins without a space; a space between them is not a word break.
 */
export const CJK_TEXT = `${HAN}\\u3000-\\u303f\\uff00-\\uffef“”‘’`;

/** One character of Chinese text anywhere in a text. */
export const CJK_TEXT_RE = new RegExp(`[${CJK_TEXT}]`);
