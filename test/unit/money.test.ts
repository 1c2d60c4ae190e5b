import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../../src/ingest/model/money.ts';

describe('parseAmount', () => {
  it.each([
    ['724.39', '724.39'],
    ['5,497.60', '5497.60'],
    ['12,753,171.62', '12753171.62'],
    ['７２４．３９', '724.39'],
    ['(12.00)', '-12.00'],
    ['-12.00', '-12.00'],
    ['－3', '-3'],
    ['0.00', '0.00'],
    [' 30 ', '30'],
  ])('reads %j as %s', (printed, value) => {
    expect(parseAmount(printed)).toMatchObject({ kind: 'amount', value });
  });

  it.each(['—', '-', '－', '/', '——'])('treats %j as a placeholder', (printed) => {
    expect(parseAmount(printed).kind).toBe('placeholder');
  });

  it.each(['30 万元', '≥90%', '12.3.4', '1,23.00', 'abc', '2080505x'])('leaves %j as text', (printed) => {
    expect(parseAmount(printed).kind).toBe('text');
  });

  it('reads an empty cell as empty', () => {
    expect(parseAmount('  ').kind).toBe('empty');
  });
});

describe('formatAmount', () => {
  it('groups thousands and pads decimals', () => {
    expect(formatAmount('12753171.62')).toBe('12,753,171.62');
    expect(formatAmount('-1234', 2)).toBe('-1,234.00');
  });
});
