/**
 * The portal's data as a Fiscal Data Package (Frictionless Data), the format
 * budget tools such as OpenSpending read:
 *
 *   data/datapackage.json   descriptor: resources, their table schemas, and the
 *                           fiscal model (measures in CNY with their factor,
 *                           dimensions unit, year, phase, table, subject codes)
 *   data/fdp/amounts.csv    one row per amount printed in a table cell
 *   data/fdp/units.csv      one row per published document (unit, year, phase) with its totals
 *
 * Amounts are exact decimal strings in 万元 (factor 10000): a table printed
 * in 元 is converted exactly, and the amount as printed and its unit are kept
 * beside it, so nothing is lost and every amount sums with the others.
 *
 * Pure: rows come from one entity, the descriptor from nothing but the
 * schemas, so the writer can stream entity after entity.
 */
import type { Entity, Table } from '../ingest/model/schema.ts';
import { toWan } from '../ingest/model/money.ts';
import { csvColumnLabel } from '../lib/header-labels.ts';
import { csvField, rowHeaderColumns, shownCellText } from '../lib/tables.ts';

/** The package's phase words, as budget tools name them. */
export const FDP_PHASE = { budget: 'budget', final: 'actual' } as const;

interface Field {
  name: string;
  title: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  description?: string;
}

export const AMOUNT_FIELDS: readonly Field[] = [
  { name: 'unit_id', title: '单位标识', type: 'string', description: '本站单位标识（地区-年度-编码），即单位页面地址 /units/<unit_id>/' },
  { name: 'unit_code', title: '单位代码', type: 'string' },
  { name: 'unit_name', title: '单位名称', type: 'string' },
  { name: 'region', title: '地区', type: 'string' },
  { name: 'division_code', title: '行政区划代码', type: 'string' },
  { name: 'fiscal_year', title: '年度', type: 'integer' },
  { name: 'phase', title: '预算或决算', type: 'string', description: 'budget = 预算, actual = 决算' },
  { name: 'table_id', title: '表标识', type: 'string' },
  { name: 'table_kind', title: '表类型', type: 'string' },
  { name: 'table_title', title: '表名（原文）', type: 'string' },
  { name: 'column', title: '栏目（原文表头）', type: 'string' },
  { name: 'row_name', title: '项目名称（原文）', type: 'string' },
  { name: 'function_code', title: '功能分类科目编码', type: 'string' },
  { name: 'economic_code', title: '经济分类科目编码', type: 'string' },
  { name: 'is_total', title: '是否合计行', type: 'boolean' },
  { name: 'amount', title: '金额（万元）', type: 'number', description: '精确小数，单位万元' },
  { name: 'printed_amount', title: '原文金额', type: 'string' },
  { name: 'printed_unit', title: '原文金额单位', type: 'string' },
  { name: 'source_file', title: '原文文件', type: 'string' },
  { name: 'source_line', title: '原文行', type: 'integer' },
];

export const UNIT_FIELDS: readonly Field[] = [
  ...AMOUNT_FIELDS.slice(0, 7),
  { name: 'level', title: '单位或部门', type: 'string', description: 'unit = 单位, department = 部门' },
  { name: 'total_income', title: '收入总计（万元）', type: 'number' },
  { name: 'total_expenditure', title: '支出总计（万元）', type: 'number' },
  { name: 'source_file', title: '原文文件', type: 'string' },
];

type Record_ = Record<string, string | number | boolean | undefined>;

const identity = (e: Entity): Record_ => ({
  unit_id: e.id,
  unit_code: e.code,
  unit_name: e.name,
  region: e.region,
  division_code: e.divisionCode,
  fiscal_year: e.year,
  phase: FDP_PHASE[e.phase],
});

/** Kinds whose amounts are not money of the year (the performance sheets' 指标值, the organization list). */
const NOT_MONEY = new Set<Table['kind']>(['unit-performance', 'project-performance', 'special-fund-performance', 'organization', 'other']);

/** One record per amount a table cell prints (placeholders such as — are left out: they print no amount). */
export function amountRecords(entity: Entity): Record_[] {
  const out: Record_[] = [];
  const head = identity(entity);
  for (const table of entity.tables) {
    if (!table.unit || NOT_MONEY.has(table.kind)) continue;
    const labelOf = rowHeaderColumns(table);
    const phase = FDP_PHASE[table.phase ?? entity.phase];
    table.columns.forEach((column, i) => {
      if (column.role !== 'amount') return;
      const label = csvColumnLabel(column);
      for (const row of table.rows) {
        const cell = row.cells[i];
        if (!cell?.value) continue;
        const nameCol = labelOf[i];
        const name = (nameCol !== undefined ? shownCellText(table, row, nameCol) : '') || row.name || '';
        const economic = row.codeSystem === 'economic' || row.codeSystem === 'gov-economic';
        out.push({
          ...head,
          phase,
          table_id: table.id,
          table_kind: table.kind,
          table_title: table.title,
          column: label,
          row_name: name,
          function_code: row.codeSystem === 'functional' ? row.code : undefined,
          economic_code: economic ? row.code : row.govCode,
          is_total: row.total === true,
          amount: toWan(cell.value, table.unit!),
          printed_amount: cell.text,
          printed_unit: table.unit!,
          source_file: entity.source,
          source_line: cell.line,
        });
      }
    });
  }
  return out;
}

export function unitRecord(entity: Entity): Record_ {
  return { ...identity(entity), level: entity.level, total_income: entity.totals.income, total_expenditure: entity.totals.expenditure, source_file: entity.source };
}

/** A CSV line of `record` in the order of `fields` (RFC 4180; no BOM: the package is read by tools). */
export function csvLine(fields: readonly Field[], record: Record_): string {
  return `${fields.map((f) => csvField(record[f.name] === undefined ? '' : String(record[f.name]))).join(',')}\r\n`;
}

export const csvHeader = (fields: readonly Field[]) => `${fields.map((f) => f.name).join(',')}\r\n`;

const resource = (name: string, title: string, fields: readonly Field[]) => ({
  name,
  title,
  path: `fdp/${name}.csv`,
  profile: 'tabular-data-resource',
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8',
  dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
  schema: { fields: fields.map((f) => ({ ...f, ...(f.type === 'number' ? { decimalChar: '.', bareNumber: true } : {}) })), missingValues: [''] },
});

const dim = (attributes: Record<string, { source: string; labelfor?: string; parent?: string }>, primaryKey: string, dimensionType: string, extra: object = {}) => ({
  attributes,
  primaryKey,
  dimensionType,
  ...extra,
});

/** The descriptor (datapackage.json). `site` is the absolute address of the portal when known. */
export function dataPackageDescriptor(options: { created?: string | undefined; years: number[]; site?: string | undefined }) {
  const years = [...options.years].sort((a, b) => a - b);
  return {
    profile: 'tabular-data-package',
    name: 'budget-portal-fiscal-data',
    title: '预算公开门户 · 预算与决算数据（Fiscal Data Package）',
    description:
      '各单位、部门公开的预算和决算报表中的每一个金额，按单位、年度、预算或决算、报表、栏目、功能分类和经济分类科目列出，金额为精确小数（万元），附原文金额、单位和原文行号。数据取自各单位公开的文件，本站未作修改；核对发现的问题见各单位页面。',
    ...(options.site ? { homepage: options.site } : {}),
    ...(options.created ? { created: options.created } : {}),
    countryCode: 'CN',
    granularity: 'aggregated',
    ...(years.length ? { fiscalPeriod: { start: `${years[0]}-01-01`, end: `${years.at(-1)}-12-31` } } : {}),
    keywords: ['预算公开', '决算公开', 'budget', 'fiscal data', 'China'],
    sources: [{ title: '各单位、部门在其官方网站发布的预算、决算公开文件（见 units.csv 的 source_file 与本站原文页面）' }],
    resources: [resource('amounts', '报表金额', AMOUNT_FIELDS), resource('units', '单位与总额', UNIT_FIELDS)],
    model: {
      measures: {
        amount: { source: 'amount', resource: 'amounts', currency: 'CNY', factor: 10000, title: '金额（万元）' },
        total_income: { source: 'total_income', resource: 'units', currency: 'CNY', factor: 10000, direction: 'revenue', title: '收入总计（万元）' },
        total_expenditure: { source: 'total_expenditure', resource: 'units', currency: 'CNY', factor: 10000, direction: 'expenditure', title: '支出总计（万元）' },
      },
      dimensions: {
        unit: dim({ unit_id: { source: 'unit_id' }, unit_code: { source: 'unit_code' }, unit_name: { source: 'unit_name', labelfor: 'unit_id' } }, 'unit_id', 'entity'),
        region: dim({ division_code: { source: 'division_code' }, region: { source: 'region', labelfor: 'division_code' } }, 'division_code', 'location'),
        fiscal_year: dim({ fiscal_year: { source: 'fiscal_year' } }, 'fiscal_year', 'datetime'),
        phase: dim({ phase: { source: 'phase' } }, 'phase', 'other'),
        table: dim({ table_id: { source: 'table_id' }, table_kind: { source: 'table_kind' }, table_title: { source: 'table_title', labelfor: 'table_id' } }, 'table_id', 'other'),
        column: dim({ column: { source: 'column' } }, 'column', 'other'),
        function: dim({ function_code: { source: 'function_code' }, function_row_name: { source: 'row_name', labelfor: 'function_code' } }, 'function_code', 'classification', { classificationType: 'functional' }),
        economic: dim({ economic_code: { source: 'economic_code' }, economic_row_name: { source: 'row_name', labelfor: 'economic_code' } }, 'economic_code', 'classification', { classificationType: 'economic' }),
        line: dim({ row_name: { source: 'row_name' }, is_total: { source: 'is_total' }, source_file: { source: 'source_file' }, source_line: { source: 'source_line' } }, 'source_line', 'fact'),
      },
    },
  };
}
