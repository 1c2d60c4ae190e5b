/**
 * Radicals in place of characters. Many PDFs (browsers', office suites')
 * map some glyphs back to a Kangxi radical or a CJK radical-supplement code
 * point that looks the same as the character: “项⽬” for 项目, “第 1 ⻚” for
 * 第 1 页. Searching, matching headers and page numbers need the characters.
 */

/** Radical-supplement forms (which Unicode normalization leaves alone) and the characters they stand for. */
const SUPPLEMENT: Record<string, string> = {
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};

const RADICAL_RE = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** Text with radicals replaced by the characters they stand for; other text unchanged. */
export function unifyRadicals(text: string): string {
  // Kangxi radicals (U+2F00–U+2FDF) have a compatibility mapping to their character.
  return text.replace(RADICAL_RE, (ch) => SUPPLEMENT[ch] ?? (ch >= '\u2f00' ? ch.normalize('NFKC') : ch));
}
