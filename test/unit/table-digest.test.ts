import { describe, expect, it } from 'vitest';
import type { Table } from '../../src/ingest/model/schema.ts';
import { tableDigests } from '../../src/search/table-digest.ts';

type Row = { code?: string; govCode?: string; unitCode?: string; name?: string };
// Only the id and the rows' codes and names reach the digest.
const table = (id: string, rows: Row[]) => ({ id, rows }) as unknown as Table;

describe('table digests', () => {
  it('names a row with the first table that has it, and lists its codes with every table', () => {
    const digests = tableDigests([
      table('expenditure-summary', [{ name: '合计' }, { code: '210', name: '卫生健康支出' }, { code: '2101501', name: '行政运行' }, { code: '2101599', name: '其他医疗保障\n  管理事务支出' }]),
      table('general-budget-expenditure', [{ name: '合计' }, { code: '210', name: '卫生健康支出' }, { code: '2101501', name: '行政运行' }, { code: '2101505', name: '医疗保障政策管理' }, { code: '2101599', name: '其他医疗保障 管理事务支出' }]),
      table('basic-economic', [{ code: '30201', govCode: '50201', name: '办公费' }, { code: '30202', name: '办公费' }]),
      table('empty', []),
    ]);
    expect([...digests]).toEqual([
      ['expenditure-summary', '合计；210 卫生健康支出；2101501 行政运行；2101599 其他医疗保障 管理事务支出'],
      // A name broken over lines is the same name; a row without codes is not repeated.
      ['general-budget-expenditure', '210；2101501；2101505 医疗保障政策管理；2101599'],
      ['basic-economic', '30201 50201 办公费；30202'],
      ['empty', ''],
    ]);
  });
});
