/**
 * The amounts an explanation states for “三公”经费 and its parts, read from
 * the sentence as printed (the line numbers are those of the source).
 */
import { describe, expect, it } from 'vitest';
import { statedThreePublic } from '../../src/lib/stated-figures.ts';

const at = (lines: string[]) => statedThreePublic('000_x.txt', lines, 1, lines.length);
const values = (found: ReturnType<typeof at>) => Object.fromEntries(Object.entries(found).map(([k, s]) => [k, `${s.value}@${s.line}`]));

describe('statedThreePublic', () => {
  it('reads the total and each part from a sentence with full-width punctuation and no spaces', () => {
    const lines = [
      '四、财政拨款“三公”经费预算情况及增减变化原因',
      '2024年，我单位财政拨款“三公”经费预算安排2.23万元，其中因公出国（境）费0.00万元；公务用车购置及运维费1.81万元（其中：公务用车购置费为0.00万元，公务用车运维费1.81万元）；公务接待费0.42万元。',
    ];
    expect(values(at(lines))).toEqual({ total: '2.23@2', abroad: '0.00@2', cars: '1.81@2', reception: '0.42@2' });
  });

  it('reads a sentence printed with spaces around the amounts and straight quotes', () => {
    const lines = ['2025年,我单位财政拨款"三公"经费预算安排 3.00 万元,其中因公出国(境)费 0.00 万元;公务用车购置及运维费 3.00 万元(其中:公务用车购置费为 0.00 万元,公务用车运维费 3.00 万元);公务接待费 0.00 万元。'];
    expect(values(at(lines))).toEqual({ total: '3.00@1', abroad: '0.00@1', cars: '3.00@1', reception: '0.00@1' });
  });

  it('converts 元 to 万元 and states only the total when the sentence names no part', () => {
    expect(values(at(['本部门2024年“三公”经费支出预算为32000元。']))).toEqual({ total: '3.20@1' });
  });

  it('skips a definition and a heading without an amount', () => {
    expect(at(['“三公”经费：是指用财政拨款安排的因公出国（境）费 0 万元等。', '四、“三公”经费情况'])).toEqual({});
  });
});
