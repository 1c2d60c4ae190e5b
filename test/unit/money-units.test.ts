/**
 * Money units (元, 千元, 万元, 亿元) as captions print them, exact
 * conversions to 万元, and placeholders that mean "not filled".
 */
import { describe, expect, it } from 'vitest';
import { convertAmount, moneyUnitIn, moneyUnitOfLine, parseAmount, toWan } from '../../src/ingest/model/money.ts';
import { moneyUnitOf } from '../../src/ingest/recognize/regions.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';

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
    ['金额单位：人民币万元', '万元'],
    ['单位：人民币元', '元'],
    ['单位：万元（保留两位小数）', '万元'],
    ['单位(万元)', '万元'],
    ['单位：万元、%', '万元'],
  ])('reads the caption %j as %s', (line, unit) => {
    expect(moneyUnitOfLine(line)).toBe(unit);
    expect(moneyUnitOf(line)).toBe(unit);
  });

  it('finds a unit at the end of a caption line or in a header label', () => {
    expect(moneyUnitIn('部门：某某县林业局　　单位：千元')).toBe('千元');
    expect(moneyUnitIn('预算数（亿元）')).toBe('亿元');
    expect(moneyUnitIn('项目支出表')).toBeNull();
    expect(moneyUnitOfLine('部门：某某县林业局 单位：千元')).toBeNull();
    expect(moneyUnitIn('部门：某某县林业局　　金额单位：人民币元（保留两位小数）')).toBe('元');
    expect(moneyUnitOfLine('金额：万元以上的项目')).toBeNull();
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

describe('the unit of a document whose unit follows its name label', () => {
  it('is the unit printed after 单位名称, for the table and for the unit as a whole', () => {
    const text = '示例县水利局2024年部门预算\n\n表5 一般公共预算支出表\n单位名称：示例县水利局　　单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t2130101\t1130101\t1000000\n213\t农林水支出\t2130101\t1130101\t1000000\n';
    const [entity] = ingestSource('unit-after-name.txt', new TextEncoder().encode(text)).entities;
    expect([entity!.unit, entity!.tables[0]!.unit]).toEqual(['元', '元']);
    expect(entity!.tables[0]!.rows[0]!.cells.map((c) => c.value ?? null)).toEqual([null, null, '2130101', '1130101', '1000000']);
  });
});
