/**
 * A small synthetic corpus for page tests: the real content/ of one seed
 * with projects, performance sheets, findings and glossary terms added by
 * hand, so the pages that render them are tested even before the ingest
 * produces them for every seed. Built with `--content` / `--dist` into a
 * temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '../../src/ingest/model/schema.ts';
import { buildEnv } from './env.ts';
import { switches } from '../../src/bench/switches.ts';

export const FIXTURE_ENTITY = 'qinhuangdaoshi-2024-450001';

function indicator(level1: string, level2: string, name: string, value: string, line: number, extra: Record<string, string> = {}) {
  return { level1, level2, name, value, line, ...extra };
}

/** Adds projects, a unit-wide sheet, findings and glossary terms to the entity. */
function enrich(entity: Entity): Entity {
  const income = entity.tables.find((t) => t.id === 'income-summary')!;
  const total = income.rows.find((r) => r.total)!;
  const row = income.rows.find((r) => r.code === '2101501')!;
  entity.projects = [
    {
      id: 'p-001',
      code: '13030024T000000123456',
      name: '医疗保障运行经费',
      amount: '202.00',
      amountPrinted: { text: '202.00', unit: '万元', line: 500 },
      fiscalAmount: '202.00',
      funding: '一般公共预算',
      type: '特定目标类',
      subjectCode: '2101501',
      line: 500,
      performance: {
        title: '医疗保障运行经费绩效目标表',
        line: 500,
        endLine: 520,
        goals: '保障医保经办机构正常运转。\n提高群众满意度。',
        schedule: [
          { period: '6月底', percent: '50%' },
          { period: '9月底', percent: '75%' },
          { period: '12月底', percent: '100%' },
        ],
        indicators: [
          indicator('产出指标', '数量指标', '保障人数', '≥30人', 505, { comparator: '≥', number: '30', unit: '人', basis: '年度计划', scoring: '未完成按比例扣分' }),
          indicator('产出指标', '数量指标', '窗口数量', '=6个', 506, { comparator: '=', number: '6', unit: '个' }),
          indicator('产出指标', '时效指标', '资金拨付及时率', '100%', 507),
          indicator('满意度指标', '服务对象满意度指标', '参保群众满意度', '≥90%', 510, { comparator: '≥', number: '90', unit: '%' }),
        ],
      },
    },
    { id: 'p-002', name: '窗口服务经费', amount: '30.00', line: 530 },
  ];
  entity.unitPerformance = [
    {
      title: '单位整体支出绩效目标表',
      line: 540,
      endLine: 560,
      goals: '全面完成年度医保工作任务。',
      schedule: [],
      tasks: [{ name: '基本支出', content: '保障人员和日常运转', amount: '435.10', line: 545 }],
      indicators: [indicator('效益指标', '社会效益指标', '群众获得感', '明显提升', 550)],
    },
  ];
  entity.findings = [
    {
      ruleId: 'sum:column',
      severity: 'error',
      message: '“合计”行的“合计”栏与各科目之和不符。',
      table: income.id,
      expected: '724.39',
      actual: '724.40',
      difference: '0.01',
      cells: [
        { table: income.id, line: total.line, column: total.cells[3]!.column, label: '合计行 · 合计' },
        { table: income.id, line: row.line, label: '2101501 行政运行' },
      ],
    },
    { ruleId: 'cross:totals', severity: 'warning', message: '收支总表与收入总表的收入合计不一致。', cells: [{ line: 70, label: '收支总表 一般公共预算拨款收入' }] },
  ];
  if (entity.glossary.length === 0) {
    entity.glossary = [
      { term: '财政拨款收入', definition: '指本级财政当年拨付的资金。', line: 569 },
      { term: '“三公”经费', definition: '指因公出国（境）费、公务用车购置及运行费和公务接待费。', line: 585 },
    ];
  }
  return entity;
}

/** Writes the fixture corpus and builds it (optionally under a base path and site URL); returns the dist folder. */
export function buildFixtureSite(options: { root?: string; base?: string; siteUrl?: string } = {}): string {
  const root = options.root ?? join(switches.scratch, 'budget-portal-fixture');
  const content = join(root, 'content');
  const dist = join(root, 'dist');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(content, 'entities'), { recursive: true });
  cpSync('content/sources', join(content, 'sources'), { recursive: true });
  for (const file of readdirSync('content/entities')) {
    const entity = JSON.parse(readFileSync(join('content/entities', file), 'utf8')) as Entity;
    writeFileSync(join(content, 'entities', file), JSON.stringify(entity.id === FIXTURE_ENTITY ? enrich(entity) : entity));
  }
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/build.ts', '--only', 'astro', '--content', content, '--dist', dist], {
    stdio: 'inherit',
    env: buildEnv({ ...(options.base ? { BASE_PATH: options.base } : {}), ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}) }),
  });
  if (result.status !== 0) throw new Error('fixture site build failed');
  return dist;
}
