/**
 * Identities inside an explanation (rule `text-sum`): 基本支出 = 人员经费 +
 * 公用经费 and 收入总计 = 支出总计, stated in sentences, in 元 or 万元, with
 * the rounding of the printed precision allowed and other years' figures
 * left alone.
 */
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../src/ingest/ingest.ts';

function findings(body: string, title = '若羌县水利局2024年部门预算') {
  const [entity] = ingestSource('text-sums.txt', new TextEncoder().encode(`${title}\n\n${body}`)).entities;
  return entity!.findings.filter((f) => f.ruleId === 'text-sum').map((f) => ({ message: f.message, lines: f.cells.map((c) => c.line), expected: f.expected, actual: f.actual }));
}

describe('text-sum: the explanation against itself', () => {
  it('finds 基本支出 that its 人员经费 and 公用经费 do not add up to, in 元, with the lines of each amount', () => {
    const body = ['一、基本支出情况说明', '2024年本年一般公共预算基本支出 911000.39 元，其中：', '人员经费 809961.19 元，主要包括基本工资、津贴补贴。', '公用经费 71339.2 元，主要包括办公费。'].join('\n');
    expect(findings(body)).toEqual([
      {
        message:
          '说明“一、基本支出情况说明”称基本支出为 911,000.39 元，其中人员经费 809,961.19 元、公用经费 71,339.2 元，二者合计 881,300.39 元，与基本支出相差 29,700.00 元。这是原文说明自身的不一致，与本站读取无关。',
        lines: [4, 5, 6],
        expected: '91.100039',
        actual: '88.130039',
      },
    ]);
  });

  it('allows the rounding of amounts printed to fewer places', () => {
    const body = ['一、基本支出情况说明', '基本支出100.2万元，其中：人员经费80.12万元，公用经费20.05万元。'].join('\n');
    expect(findings(body)).toEqual([]);
  });

  it('finds 收、支总计 stated unequal, and leaves the change against another year alone', () => {
    const body = ['一、收入支出决算总体情况说明', '2023年度收、支总计各是4125.49,4143.91万元。与2022年相比，收、支总计各减少1267.86,2570.97万元。'].join('\n');
    expect(findings(body, '若羌县水利局2023年度部门决算')).toEqual([
      {
        message: '说明“一、收入支出决算总体情况说明”称收入总计为 4,125.49 万元、支出总计为 4,143.91 万元，二者应相等，相差 18.42 万元。这是原文说明自身的不一致，与本站读取无关。',
        lines: [4],
        expected: '4143.91',
        actual: '4125.49',
      },
    ]);
  });

  it('finds 收入总计 and 支出总计 of one paragraph unequal, and not another year’s', () => {
    const body = ['一、收支预算总体情况', '2024年收入预算总计1286.42万元；支出预算总计1268.42万元。', '二、上年情况', '2023年收入预算总计1000.00万元，2023年支出预算总计990.00万元。'].join('\n');
    expect(findings(body).map((f) => [f.expected, f.actual, f.lines])).toEqual([['1268.42', '1286.42', [4]]]);
  });

  it('finds nothing where the text is consistent', () => {
    const body = ['一、收支预算总体情况', '收入总计1286.42万元，支出总计1286.42万元。', '二、基本支出', '基本支出968.30万元，其中：人员经费850.00万元，公用经费118.30万元。'].join('\n');
    expect(findings(body)).toEqual([]);
  });
});
