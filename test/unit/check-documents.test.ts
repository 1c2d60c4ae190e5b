/**
 * No false positives: consistent documents — hand-built ones covering every
 * table kind, and random ones generated with exact sums — produce no
 * findings; and breaking any one amount of a random document is caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEntity } from '../../src/ingest/check/index.ts';
import { dec, toString } from '../../src/ingest/model/decimal.ts';
import type { TableKindName } from '../../src/ingest/model/schema.ts';
import { makeEntity, makeTable } from '../fixtures/check/build.ts';
import { departmentDocument, unitDocument } from '../fixtures/check/documents.ts';

describe('consistent documents', () => {
  it('a unit document with every table kind has no findings', () => {
    const entity = unitDocument();
    const kinds = new Set(entity.tables.map((t) => t.kind));
    const all: TableKindName[] = [
      'income-expenditure-summary', 'income-summary', 'expenditure-summary', 'fiscal-summary', 'general-budget-expenditure',
      'general-budget-expenditure-economic', 'general-budget-basic', 'general-budget-basic-functional', 'economic-summary',
      'government-fund-expenditure', 'state-capital-expenditure', 'three-public', 'project-expenditure', 'carryover',
      'procurement', 'assets', 'organization', 'unit-performance', 'project-performance', 'special-fund-performance', 'other',
    ];
    expect(all.filter((k) => !kinds.has(k))).toEqual([]);
    expect(checkEntity(entity)).toEqual([]);
  });

  it('a department document (units, 其中 lines, funds side by side, rounding note) has no findings', () => {
    expect(checkEntity(departmentDocument())).toEqual([]);
  });
});

// Random subject trees: up to 3 类 × 3 款 × 3 项, each 项 with 基本支出 and 项目支出 in 分 (cents).
const CLASSES = [
  ['208', '八、社会保障和就业支出'],
  ['210', '十、卫生健康支出'],
  ['221', '二十、住房保障支出'],
] as const;
const cents = fc.integer({ min: 0, max: 50_000_000 });
const tree = fc.array(fc.array(fc.array(fc.tuple(cents, cents), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
type Tree = [number, number][][][];

const yuan = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
const total = (pairs: [number, number][]) => pairs.reduce((s, [b, p]) => [s[0] + b, s[1] + p] as [number, number], [0, 0] as [number, number]);

/** Rows of a subject table: [code, name, 合计, 基本支出, 项目支出]. */
function subjectRows(t: Tree): string[][] {
  const row = (code: string, [b, p]: [number, number]) => [code, `科目${code}`, yuan(b + p), yuan(b), yuan(p)];
  const rows = [row('', total(t.flat(2)))];
  rows[0]![1] = '合计';
  t.forEach((sections, i) => {
    const cls = CLASSES[i]![0];
    rows.push(row(cls, total(sections.flat())));
    sections.forEach((items, j) => {
      const sec = `${cls}${String(j + 1).padStart(2, '0')}`;
      rows.push(row(sec, total(items)));
      items.forEach((item, k) => {
        rows.push(row(`${sec}${String(k + 1).padStart(2, '0')}`, item));
      });
    });
  });
  return rows;
}

function document(t: Tree) {
  const rows = subjectRows(t);
  const [basic, project] = total(t.flat(2));
  const columns = ['科目编码#code', '科目名称#name', '合计', '基本支出', '项目支出'];
  const classLines = CLASSES.map(([, label], i) => ['', '', label, t[i] ? yuan(total(t[i]!.flat())[0] + total(t[i]!.flat())[1]) : '']);
  return makeEntity([
    makeTable({
      kind: 'income-expenditure-summary',
      columns: ['收入/项目#name', '收入/预算数', '支出/项目#name', '支出/预算数'],
      rows: [
        ['一、一般公共预算拨款收入', yuan(basic), ...classLines[0]!.slice(2)],
        ['二、政府性基金预算拨款收入', '', ...classLines[1]!.slice(2)],
        ['', '', ...classLines[2]!.slice(2)],
        ['本年收入合计', yuan(basic), '本年支出合计', yuan(basic + project)],
        ['上年结转结余', yuan(project), '年终结转结余', ''],
        ['收入总计', yuan(basic + project), '支出总计', yuan(basic + project)],
      ],
    }),
    // Income: 本年收入 pays the 基本支出, 上年结转 the 项目支出.
    makeTable({ kind: 'income-summary', line: 100, columns: ['科目编码#code', '科目名称#name', '合计', '本年收入/小计', '本年收入/财政拨款收入', '上年结转'], rows: rows.map((r) => [r[0]!, r[1]!, r[2]!, r[3]!, r[3]!, r[4]!]) }),
    makeTable({ kind: 'expenditure-summary', line: 200, columns, rows }),
    makeTable({ kind: 'general-budget-expenditure', line: 300, columns, rows }),
  ]);
}

describe('random consistent documents', () => {
  it('produce no findings', () => {
    fc.assert(
      fc.property(tree, (t) => {
        expect(checkEntity(document(t))).toEqual([]);
      }),
    );
  });

  it('report an error on the very cell when any one amount of the 支出总表 is changed', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.integer({ min: 2, max: 4 }), fc.integer({ min: -100_000, max: 100_000 }).filter((d) => d !== 0), (t, r, c, delta) => {
        const entity = document(t);
        const table = entity.tables.find((x) => x.kind === 'expenditure-summary')!;
        const row = table.rows[r % table.rows.length]!;
        const cell = row.cells[c]!;
        const value = dec(cell.value ?? '0.00').units + BigInt(delta);
        fc.pre(value >= 0n);
        cell.value = toString({ units: value, scale: 2 });
        const errors = checkEntity(entity).filter((f) => f.severity === 'error');
        expect(errors.some((f) => f.cells.some((x) => x.table === table.id && x.line === cell.line && x.column === cell.column))).toBe(true);
      }),
    );
  });
});
