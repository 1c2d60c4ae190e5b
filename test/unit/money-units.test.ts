/**
 * Money units (元, 千元, 万元, 亿元) as captions print them, exact
 * conversions to 万元, and placeholders that mean "not filled".
 */
import { describe, expect, it } from 'vitest';
import { convertAmount, moneyUnitIn, moneyUnitOfLine, parseAmount, toWan } from '../../src/ingest/model/money.ts';
import { moneyUnitOf } from '../../src/ingest/recognize/regions.ts';

describe('money unit labels', () => {
  it.each([
    ['单位：万元', '万元'],
    ['单位:万元', '万元'],
    ['金额单位：元', '元'],
    ['（单位：元）', '元'],
    ['(单位:千元)', '千元'],
    ['单位：亿元', '亿元'],
    ['单位 , 亿元', '亿元'],
    ['金额单位：千元', '千元'],
  ])('reads the caption %j as %s', (line, unit) => {
    expect(moneyUnitOfLine(line)).toBe(unit);
    expect(moneyUnitOf(line)).toBe(unit);
  });

  it('finds a unit at the end of a caption line or in a header label', () => {
    expect(moneyUnitIn('部门：某某县林业局　　单位：千元')).toBe('千元');
    expect(moneyUnitIn('预算数（亿元）')).toBe('亿元');
    expect(moneyUnitIn('项目支出表')).toBeNull();
    expect(moneyUnitOfLine('部门：某某县林业局 单位：千元')).toBeNull();
  });
});

describe('exact conversions', () => {
  it.each([
    ['12345.67', '元', '1.234567'],
    ['1000', '元', '0.10'],
    ['1234.5', '千元', '123.45'],
    ['3', '千元', '0.3'],
    ['724.39', '万元', '724.39'],
    ['6.08', '亿元', '60800.00'],
    ['0.66', '亿元', '6600.00'],
    ['1.23456789', '亿元', '12345.6789'],
  ] as const)('%s %s is %s 万元', (value, unit, wan) => {
    expect(toWan(value, unit)).toBe(wan);
  });

  it('converts between any two units without floats', () => {
    expect(convertAmount('0.1', '亿元', '元')).toBe('10000000.0');
    expect(convertAmount('0.3', '万元', '千元')).toBe('3.0');
    expect(convertAmount('0.2', '千元', '万元')).toBe('0.02');
  });
});

describe('placeholders', () => {
  it.each(['—', '——', '-', '－', '/', '／', '无', '单位不需填列', '本单位不需填列', '（单位不需填列）', '不适用', '—  —'])(
    'reads %j as not filled',
    (printed) => {
      expect(parseAmount(printed)).toEqual({ kind: 'placeholder' });
    },
  );

  it('keeps zero an amount, distinct from not filled', () => {
    expect(parseAmount('0')).toMatchObject({ kind: 'amount', value: '0' });
    expect(parseAmount('0.00')).toMatchObject({ kind: 'amount', value: '0.00' });
    expect(parseAmount('单位需填列').kind).toBe('text');
  });
});
