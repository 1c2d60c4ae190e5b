/**
 * A unit named only in the running text (explanation sections without a
 * title): in brackets after 本单位/本部门, or as the subject of several of
 * its sentences; placed where the text names its level; its unit of money
 * from the amounts its sentences print.
 */
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';
import { read } from '../../src/ingest/read/index.ts';
import { proseMentions } from '../../src/ingest/recognize/prose-names.ts';

const mentions = (text: string) => proseMentions(read(text, new Reporter('t.txt')).blocks).map((m) => [m.name, m.line]);
const ingest = (text: string) => ingestSource('prose.txt', new TextEncoder().encode(text));

describe('units named in the running text', () => {
  it('reads the name in brackets after 本部门, joined across a hard line wrap', () => {
    expect(mentions('一、部门预算说明\n本部门（岳麓区市场监\n督管理局）2024 年一般公共预算支出 356.20 万元。\n')).toEqual([['岳麓区市场监督管理局', 2]]);
  });

  it('takes the name that opens two clauses, not one named once', () => {
    const text = [
      '（一）机关运行经费支出情况',
      '2023年，县自然资源局机关运行经费支出41.20万元，比上年减少3.10万元。',
      '（二）政府采购支出情况',
      '2023年，县自然资源局政府采购支出总额96.00万元，经县财政局审核。',
    ].join('\n');
    expect(mentions(text)).toEqual([['县自然资源局', 2]]);
    expect(mentions('2023年，县财政局下达资金12.00万元。\n')).toEqual([]);
  });

  it('publishes such a text as its unit, placed where the text names its county, in the unit of its amounts', () => {
    const text = [
      '第二部分 2022年度部门决算情况说明',
      '五、其他重要事项的情况说明',
      '2022年，县自然资源局机关运行经费支出412000.00元，主要用于泾阳县国土空间规划编制。',
      '截至2022年12月31日，县自然资源局共有车辆3辆。',
    ].join('\n');
    const { entities, source } = ingest(text);
    expect(source.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(entities.map((e) => [e.name, e.province, e.city, e.county, e.year, e.unit])).toEqual([['县自然资源局', '陕西省', '咸阳市', '泾阳县', 2022, '元']]);
  });

  it('a passage that names no unit keeps a located entity:not-found that lists the running-text forms looked for', () => {
    const { entities, source } = ingest('6\n六、一般公共预算基本支出情况说明\n2023 年本年一般公共预算基本支出 911000.39 元，其中：\n人员经费 809961.19 元。\n');
    expect(entities).toEqual([]);
    const notFound = source.diagnostics.find((d) => d.ruleId === 'entity:not-found')!;
    expect(notFound.message).toContain('本部门（某某局）');
    expect(notFound.message).toContain('以同一单位开头的多句叙述');
  });

  it('finds the title and year that open a table page squashed onto one line', () => {
    const line = '环境局 2022年部门预算 报送日期: 年 月 日 表1 部门收支总表 单位:万元 收 项 入 目 支 2022年预算数 项 出 目 一、一般公共预算拨款收入 820.50 一、节能环保支出 二、事业收入 二、住房保障支出 2022年预算数 780.00 40.50 本 年 收 入 合 计 820.50 本 年 支 出 合 计 820.50';
    const { entities } = ingest(`某某文库\n\n${line}\n`);
    expect(entities.map((e) => [e.name, e.year])).toEqual([['环境局', 2022]]);
  });
});
