/**
 * The one definition of Chinese characters: which code points count as 汉字
 * and which as Chinese text, named by hand.
 */
import { describe, expect, it } from 'vitest';
import { CJK_TEXT_RE, HAN_RE } from '../../src/ingest/han.ts';

describe('Chinese characters', () => {
  it.each([
    ['\u884c', 'U+884C, unified ideograph'],
    ['\u4e00', 'U+4E00, first unified ideograph'],
    ['\u9fff', 'U+9FFF, last of the block'],
    ['\u3400', 'U+3400, first of Extension A'],
    ['\u4dbf', 'U+4DBF, last of Extension A'],
    ['\uf900', 'U+F900, compatibility ideograph'],
    ['\ufaff', 'U+FAFF, end of the compatibility block'],
  ])('%s (%s) is a Chinese character and Chinese text', (ch) => {
    expect(HAN_RE.test(ch)).toBe(true);
    expect(CJK_TEXT_RE.test(ch)).toBe(true);
  });

  it.each([
    ['\uff0c', 'U+FF0C, full-width comma'],
    ['\u3001', 'U+3001, ideographic comma'],
    ['\u3000', 'U+3000, ideographic space'],
    ['\u201c', 'U+201C, curly quote'],
    ['\uff11', 'U+FF11, full-width digit'],
  ])('%s (%s) is Chinese text but no Chinese character', (ch) => {
    expect(HAN_RE.test(ch)).toBe(false);
    expect(CJK_TEXT_RE.test(ch)).toBe(true);
  });

  it.each([
    ['\u4dc0', 'U+4DC0, a Yijing hexagram between Extension A and the unified block'],
    ['\u2f00', 'U+2F00, Kangxi radical'],
    ['\u3042', 'U+3042, hiragana'],
    ['\uac00', 'U+AC00, hangul'],
    ['a', 'Latin letter'],
    ['1', 'digit'],
  ])('%s (%s) is neither', (ch) => {
    expect(HAN_RE.test(ch)).toBe(false);
    expect(CJK_TEXT_RE.test(ch)).toBe(false);
  });
});
