/**
 * The model of a budget disclosure, as zod schemas.
 *
 * This is the contract between the ingest (which writes `content/`), the
 * checks, the pages and the open-data downloads. Amounts are exact decimal
 * strings (never floats); every piece of data carries its source line.
 */
import { z } from 'astro/zod';
import { MONEY_UNITS } from './money.ts';

/** Exact decimal as a string: `724.39`, `-12`, `12753171.62`. */
const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'exact decimal string').describe('Exact decimal number as a string; never a float');

const CurrencyUnit = z.enum(MONEY_UNITS).describe('Currency unit the document prints amounts in');

const Phase = z.enum(['budget', 'final']).describe('预算 (what a unit plans to spend) or 决算 (its final accounts: what it spent)');
export type PhaseName = z.infer<typeof Phase>;

const SeverityEnum = z.enum(['error', 'warning', 'info']);

const DiagnosticSchema = z.object({
  file: z.string().describe('Source file name under seeds/'),
  line: z.number().int().min(0).describe('1-based line; 0 for the whole file'),
  column: z.number().int().min(1).describe('1-based column'),
  stage: z.enum(['decode', 'read', 'recognize', 'model', 'publish']).describe('Pipeline stage that reported it'),
  ruleId: z.string().describe('Stable rule identifier such as `table:unplaced-number`'),
  severity: SeverityEnum,
  message: z.string().describe('Plain-language message (Chinese)'),
});

export const CellSchema = z.object({
  text: z.string().describe('Cell text exactly as printed (markup is data, never HTML)'),
  value: DecimalString.optional().describe('Exact amount in the table unit when the cell is a number'),
  placeholder: z.literal(true).optional().describe('The cell prints “not filled” (—, /, 无, 单位不需填列): no value, distinct from 0'),
  line: z.number().int().min(1).describe('Source line of the cell'),
  column: z.number().int().min(1).describe('Source column of the cell'),
});

export interface HeaderCellData {
  label: string;
  line: number;
  col: number;
  span: number;
  children: HeaderCellData[];
}
const HeaderCellSchema: z.ZodType<HeaderCellData> = z.lazy(() =>
  z.object({
    label: z.string().describe('Header text (spaces inside Chinese words removed)'),
    line: z.number().int().min(1),
    col: z.number().int().min(0).describe('Index of the first column under this header'),
    span: z.number().int().min(1).describe('Number of columns under this header'),
    children: z.array(HeaderCellSchema).describe('Sub-headers; empty for a leaf column'),
  }),
);

export const ColumnRole = z.enum(['seq', 'code', 'code-part', 'name', 'unit-code', 'amount', 'text', 'percent', 'count']);

const ColumnSchema = z.object({
  key: z.string().describe('Stable key within the table, e.g. `c3`'),
  label: z.string().describe('Leaf label with its ancestors, joined by ` / `'),
  path: z.array(z.string()).describe('Labels from the top header row down to this leaf'),
  role: ColumnRole.describe('What the column holds'),
});

const CodeSystem = z.enum(['functional', 'economic', 'gov-economic']).describe('功能分类 / 部门预算经济分类 / 政府预算经济分类');
const CodeLevel = z.enum(['class', 'section', 'item']).describe('类 / 款 / 项 (for economic codes: 类 / 款)');

export const RowSchema = z.object({
  line: z.number().int().min(1).describe('Source line where the row starts'),
  code: z.string().optional().describe('Subject code, joined from 类/款/项 columns when split'),
  codeSystem: CodeSystem.optional(),
  level: CodeLevel.optional(),
  govCode: z.string().optional().describe('政府预算支出经济分类 code printed next to the 部门预算 economic code'),
  unitCode: z.string().optional().describe('Unit or department code of a row that is a unit (036001, 231002)'),
  name: z.string().optional().describe('Subject, item or unit name of the row'),
  total: z.boolean().optional().describe('True for 合计/总计/小计 rows'),
  cells: z.array(CellSchema).describe('One cell per leaf column, in column order'),
  partial: z.boolean().optional().describe('True when the reader could recover the row only in part'),
  unplaced: z.array(CellSchema).optional().describe('Numbers printed for this row whose column could not be recovered'),
});

const TableKind = z.enum([
  'income-expenditure-summary',
  'income-summary',
  'expenditure-summary',
  'fiscal-summary',
  'general-budget-expenditure',
  'general-budget-expenditure-economic',
  'general-budget-basic',
  'general-budget-basic-functional',
  'economic-summary',
  'government-fund-expenditure',
  'state-capital-expenditure',
  'three-public',
  'project-expenditure',
  'carryover',
  'procurement',
  'assets',
  'organization',
  'unit-performance',
  'project-performance',
  'special-fund-performance',
  'other',
]);
export type TableKindName = z.infer<typeof TableKind>;

const TableSchema = z.object({
  id: z.string().describe('URL-safe id unique within the entity, usually the kind'),
  kind: TableKind,
  title: z.string().describe('Title as printed'),
  number: z.string().optional().describe('Number in the document, e.g. 表5'),
  unit: CurrencyUnit.nullable().describe('Unit of the amounts in this table'),
  line: z.number().int().min(1),
  endLine: z.number().int().min(1),
  parts: z
    .array(
      z.object({
        line: z.number().int(),
        endLine: z.number().int(),
        headerLines: z.array(z.number().int()).describe('Header rows of this page (repeated headers on later pages)'),
      }),
    )
    .describe('Page segments merged into this table'),
  captions: z.array(z.object({ text: z.string(), line: z.number().int() })).describe('Lines printed above the table or its pages: unit line, year, money unit'),
  flattened: z
    .array(z.object({ text: z.string(), line: z.number().int() }))
    .optional()
    .describe('Pages of this table that extraction flattened into one line, as printed'),
  printedEntity: z.object({ code: z.string().optional(), name: z.string().optional(), line: z.number().int() }).optional().describe('Unit code/name printed above the table'),
  header: z.array(HeaderCellSchema).describe('Header as a tree (multi-row headers preserved)'),
  columns: z.array(ColumnSchema).describe('Leaf columns in order'),
  rows: z.array(RowSchema),
  empty: z.boolean().describe('True when the table has no data rows (空表)'),
  note: z.string().optional().describe('Note printed with the table, e.g. why it is empty'),
  phase: Phase.optional().describe('Phase of the table: its title\'s when the title names one, else the entity\'s (the ingest sets it on every table)'),
  declared: z
    .object({ empty: z.boolean(), reason: z.string().optional(), line: z.number().int() })
    .optional()
    .describe("What the document's own index (报表目录) says of this table"),
});
export type Table = z.infer<typeof TableSchema>;

const IndicatorSchema = z.object({
  level1: z.string().optional().describe('一级指标'),
  level2: z.string().optional().describe('二级指标'),
  name: z.string().describe('三级指标 (the indicator itself)'),
  description: z.string().optional().describe('绩效指标描述'),
  comparator: z.enum(['≥', '≤', '>', '<', '=']).optional().describe('Comparator of the target value'),
  value: z.string().describe('Target value as printed, e.g. `≥90%`'),
  number: DecimalString.optional().describe('Numeric part of the target'),
  unit: z.string().optional().describe('Unit of the target, e.g. `%`, `人`, `万元`'),
  basis: z.string().optional().describe('指标值确定依据'),
  scoring: z.string().optional().describe('评（扣）分标准'),
  line: z.number().int().min(1),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

const ScheduleSchema = z.object({ period: z.string().describe('e.g. 6月底'), percent: z.string().describe('Cumulative share as printed') });

export const PerformanceSheetSchema = z.object({
  title: z.string(),
  line: z.number().int().min(1),
  endLine: z.number().int().min(1),
  goals: z.string().optional().describe('绩效目标 / 总体目标'),
  purpose: z.string().optional().describe('资金用途'),
  schedule: z.array(ScheduleSchema).describe('资金支出计划'),
  indicators: z.array(IndicatorSchema),
});
export type PerformanceSheet = z.infer<typeof PerformanceSheetSchema>;

export const ProjectSchema = z.object({
  id: z.string().describe('URL-safe id unique within the entity'),
  code: z.string().optional().describe('Project code, reassembled when split across cells or lines'),
  name: z.string(),
  unitCode: z.string().optional().describe('Code of the unit that runs the project'),
  amount: DecimalString.optional().describe('Amount in 万元'),
  amountPrinted: z.object({ text: z.string(), unit: CurrencyUnit, line: z.number().int() }).optional(),
  fiscalAmount: DecimalString.optional().describe('财政资金, 万元'),
  otherAmount: DecimalString.optional().describe('其他资金, 万元'),
  funding: z.string().optional().describe('Funding source, e.g. 一般公共预算'),
  type: z.string().optional().describe('项目类型, e.g. 特定目标类'),
  subjectCode: z.string().optional().describe('Functional subject code the project is charged to'),
  line: z.number().int().min(1),
  performance: PerformanceSheetSchema.optional(),
});
export type Project = z.infer<typeof ProjectSchema>;

export const UnitPerformanceSchema = PerformanceSheetSchema.extend({
  tasks: z
    .array(z.object({ name: z.string(), content: z.string().optional(), amount: DecimalString.optional(), line: z.number().int() }))
    .describe('年度主要任务'),
});
export type UnitPerformance = z.infer<typeof UnitPerformanceSchema>;

const SectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  depth: z.number().int().min(1).max(6),
  line: z.number().int().min(1),
  endLine: z.number().int().min(1),
  markdown: z.string().describe('Section text as markdown (source markup escaped)'),
  html: z.string().describe('Sanitized HTML rendered from the markdown with remark'),
});
export type Section = z.infer<typeof SectionSchema>;

export const GlossaryTermSchema = z.object({ term: z.string(), definition: z.string(), line: z.number().int().min(1) });
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;

const FindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string().describe('Plain-language explanation in Chinese'),
  table: z.string().optional().describe('Id of the table the finding is about'),
  expected: DecimalString.optional(),
  actual: DecimalString.optional(),
  difference: DecimalString.optional(),
  tolerance: DecimalString.optional(),
  cells: z.array(z.object({ table: z.string().optional(), line: z.number().int(), column: z.number().int().optional(), label: z.string() })).describe('Every cell involved'),
});
export type Finding = z.infer<typeof FindingSchema>;

/**
 * A row of a final-accounts table that prints budget columns beside its
 * actuals (年初预算数, 调整预算数, 决算数): information, never a finding, since
 * execution differs from the budget by nature.
 */
const ExecutionSchema = z.object({
  table: z.string().describe('Id of the table'),
  line: z.number().int().min(1),
  code: z.string().optional(),
  name: z.string().optional(),
  total: z.boolean().optional().describe('True for the 合计 row'),
  initial: DecimalString.optional().describe('年初预算数, in the table unit'),
  adjusted: DecimalString.optional().describe('调整预算数 (全年预算数), in the table unit'),
  final: DecimalString.describe('决算数, in the table unit'),
  rate: DecimalString.optional().describe('决算数 / 调整预算数 (or / 年初预算数 when no adjusted budget is printed), as a percentage rounded to 2 places'),
});
export type Execution = z.infer<typeof ExecutionSchema>;

const EntityRefSchema = z.object({ code: z.string(), name: z.string(), id: z.string().optional() });

export const EntitySchema = z.object({
  id: z.string().describe('URL-safe id unique across regions and years'),
  code: z.string().optional().describe('Unit/department code as printed; absent when the document prints none'),
  name: z.string().describe('Name as printed, without markup, control characters or spaces'),
  printedName: z.string().optional().describe('The name exactly as printed, when it carried markup or control characters (text, never HTML)'),
  unitKey: z
    .string()
    .describe('The same unit across years and corrected files: division (or region) and code, else division (or region) and the normalized name; no year'),
  level: z.enum(['unit', 'department']).describe('单位 or 部门'),
  parent: EntityRefSchema.optional(),
  children: z.array(EntityRefSchema),
  region: z.string().describe('Region as named in the document (simplified characters)'),
  province: z.string().optional().describe('Province, from the national division list or what the document implies'),
  city: z.string().optional().describe('Prefecture-level city (for a municipality, the municipality), from the national division list'),
  county: z.string().optional().describe('County-level division, from the national division list'),
  divisionCode: z.string().regex(/^\d{6}$/).optional().describe('GB/T 2260 code of the innermost division resolved (130300 for a city)'),
  year: z.number().int().describe('Budget year; for final accounts, the year they account for'),
  phase: Phase,
  unit: CurrencyUnit.describe('Currency unit of the document'),
  source: z.string().describe('Source file name'),
  line: z.number().int().min(1).describe('Line where the entity starts in the source'),
  endLine: z.number().int().min(1),
  totals: z.object({ income: DecimalString.optional(), expenditure: DecimalString.optional() }).describe('收入总计/支出总计 in 万元'),
  tables: z.array(TableSchema),
  projects: z.array(ProjectSchema),
  unitPerformance: z.array(UnitPerformanceSchema),
  sections: z.array(SectionSchema),
  glossary: z.array(GlossaryTermSchema),
  notInDocument: z
    .array(z.object({ kind: TableKind, name: z.string() }))
    .describe('Standard tables this document does not contain (a partial disclosure): listed, never reported as errors'),
  findings: z.array(FindingSchema),
  execution: z.array(ExecutionSchema).optional().describe('Final accounts: 决算数 against the budget columns printed in the same table'),
});
export type Entity = z.infer<typeof EntitySchema>;

const SourceFormat = z.enum(['text', 'pdf', 'docx', 'doc', 'xlsx', 'xls', 'html']).describe('Kind of file the source is');

const PrintedAtSchema = z.object({
  line: z.number().int().min(1).describe('First line of the text as read printed here; the place holds until the next entry'),
  page: z.number().int().min(1).optional().describe('1-based PDF page'),
  sheet: z.string().optional().describe('Spreadsheet sheet name'),
  cell: z.string().optional().describe('A1 reference of the row’s first cell'),
  table: z.number().int().min(1).optional().describe('1-based table of a Word file or web page'),
  row: z.number().int().min(1).optional().describe('1-based row of that table'),
  paragraph: z.number().int().min(1).optional().describe('1-based paragraph of a Word file'),
  htmlLine: z.number().int().min(1).optional().describe('1-based line of the web page’s HTML'),
});
export type PrintedAtEntry = z.infer<typeof PrintedAtSchema>;

const OriginalSchema = z.object({
  download: z.string().describe('File name the original is offered for download under'),
  parts: z.number().int().min(0).describe('Pages (PDF) or sheets (spreadsheet) read'),
  text: z.array(z.string()).describe('The text as read, one entry per line (line numbers of every location refer to it)'),
  printedAt: z.array(PrintedAtSchema).describe('Where the lines were printed in the original, one entry where the place changes'),
});

export const PublicationSchema = z.object({
  publisher: z.string().describe('Publishing body, as the manifest names it'),
  title: z.string().optional().describe('Title of the publication'),
  url: z.string().optional().describe('Official address (http/https); absent when not stated'),
  published: z.string().optional().describe('Publication date YYYY-MM-DD; absent when not stated'),
  line: z.number().int().min(1).describe('Line of the entry in the seeds folder’s sources.json'),
});
export type Publication = z.infer<typeof PublicationSchema>;

export const SourceSchema = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  encoding: z.string().nullable().describe('Detected encoding; null when the file is not text'),
  layout: z.string().describe('Reader that read it'),
  layoutScores: z.record(z.string(), z.number()),
  lines: z.number().int().min(0),
  title: z.string().optional().describe('Document title as printed'),
  phase: Phase.describe('Phase most titles of the document name'),
  entities: z.array(z.string()).describe('Ids of the entities published from it'),
  published: z.boolean().describe('False when a duplicate of another source'),
  diagnostics: z.array(DiagnosticSchema),
  format: SourceFormat.optional().describe('Absent for text'),
  original: OriginalSchema.optional().describe('An original file (PDF, Word, Excel, web page) as read'),
  publication: PublicationSchema.optional().describe('What the sources manifest (seeds/sources.json) says of the file: publisher, official address, date, title'),
});
export type Source = z.infer<typeof SourceSchema>;
