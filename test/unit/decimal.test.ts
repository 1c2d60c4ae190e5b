import { describe, expect, it } from 'vitest';
import { add, compare, dec, round, shiftPoint, sub, sum, toString } from '../../src/ingest/model/decimal.ts';

describe('decimal', () => {
  it('adds without binary float error', () => {
    expect(toString(add(dec('0.1'), dec('0.2')))).toBe('0.3');
    expect(toString(sum(['472.10', '252.29'].map(dec)))).toBe('724.39');
  });
  it('subtracts across scales and keeps the sign', () => {
    expect(toString(sub(dec('2.23'), dec('3.84')))).toBe('-1.61');
    expect(toString(sub(dec('10'), dec('0.05')))).toBe('9.95');
  });
  it('compares exactly', () => {
    expect(compare(dec('724.390'), dec('724.39'))).toBe(0);
    expect(compare(dec('-1'), dec('0'))).toBe(-1);
  });
  it('converts 元 to 万元 exactly', () => {
    expect(toString(shiftPoint(dec('12753171.62'), -4))).toBe('1275.317162');
  });
  it('rounds half away from zero', () => {
    expect(toString(round(dec('1275.317162'), 2))).toBe('1275.32');
    expect(toString(round(dec('-0.005'), 2))).toBe('-0.01');
  });
});
