/**
 * Projects of an entity: the rows of its project-expenditure table (项目支出表
 * / 专项业务经费支出表) merged with its project performance sheets.
 *
 * A project table mixes project rows with total rows (合计), unit rows (a
 * unit code with the unit's name) and group rows (专用项目, 其他履职经费)
 * whose amount is the sum of the project rows under them; only project rows
 * are projects. Sheets are matched to rows by code, else by name (names
 * differ in punctuation width and brackets, and are truncated or wrapped),
 * within the same unit.
 */
import { add, compare, dec, ZERO, type Decimal } from '../model/decimal.ts';
import type { Project, Table } from '../model/schema.ts';
import type { RecognizeContext } from './context.ts';
import { amountOf, sameAmount, toWan } from './performance/amounts.ts';
import { printed } from './performance/cells.ts';
import { nameSimilarity } from './performance/names.ts';
import type { ProjectSheet } from './performance/types.ts';
import { compact } from './text.ts';
import { nameSlug } from '../ids.ts';
import type { MoneyUnit } from '../model/money.ts';

export interface ProjectRow {
  code?: string;
  name: string;
  unitCode?: string;
  /** 万元. */
  amount: string;
  type?: string;
  funding?: string;
  subjectCode?: string;
  line: number;
  /** The amount as printed in the table, in the table's unit. */
  amountPrinted?: { text: string; unit: MoneyUnit; line: number };
}

type Column = Table['columns'][number] & { index: number };

const TOTAL_NAME_RE = /^(?:合计|总计|小计|本年合计|金额合计)$/;
const UNIT_CODE_RE = /^\d{3,9}$/;
const ORG_END_RE = /(?:局|中心|本级|院|所|站|委员会|办公室|处|队|馆|校|厅|署|社|部|会)$/;

function columnsOf(table: Table) {
  const cols: Column[] = table.columns.map((c, index) => ({ ...c, index }));
  const label = (c: Column) => compact(c.label);
  const amounts = cols.filter((c) => c.role === 'amount');
  const total =
    amounts.find((c) => /^(?:合计|总计|项目金额|金额|预算金额|金额合计|预算数|项目支出)/.test(compact(c.path[0] ?? c.label))) ??
    amounts.find((c) => /合计|总计|金额/.test(label(c))) ??
    amounts[0];
  return {
    unitCode: cols.find((c) => c.role === 'unit-code') ?? cols.find((c) => c.role === 'code' && /单位|部门/.test(label(c)) && !/项目|科目/.test(label(c))),
    code: cols.find((c) => /项目(?:编码|代码|编号)/.test(label(c))),
    subject: cols.find((c) => c.role === 'code' && /科目|功能/.test(label(c))),
    name: cols.find((c) => c.role === 'name'),
    type: cols.find((c) => /项目(?:类型|类别)/.test(label(c))),
    funding: cols.find((c) => /资金(?:来源|性质)/.test(label(c))),
    total,
    // Funding-source columns (本年拨款 / 一般公共预算 …) other than the total.
    sources: amounts.filter((c) => c !== total),
  };
}

interface Candidate {
  row: ProjectRow;
  value: Decimal;
  unitRow: boolean;
  group: boolean;
  hasType: boolean;
}

/**
 * Project rows of a project-expenditure table: total, unit and group rows
 * skipped, 元 tables converted to 万元 exactly.
 */
export function projectRowsOf(table: Table, ctx: RecognizeContext): ProjectRow[] {
  const cols = columnsOf(table);
  const unit = table.unit ?? ctx.defaultUnit;
  const known = new Set(
    [ctx.entity.name, ctx.entity.parent?.name, ...ctx.entity.children.map((c) => c.name)].filter((n): n is string => !!n).map((n) => compact(n)),
  );
  const text = (row: Table['rows'][number], col: Column | undefined) => (col ? printed(row.cells[col.index]?.text ?? '') : '');

  const candidates: Candidate[] = [];
  let currentUnit: string | undefined;
  for (const row of table.rows) {
    const name = printed(row.name ?? text(row, cols.name));
    if (row.total || TOTAL_NAME_RE.test(compact(name))) continue;
    const unitCode = compact(text(row, cols.unitCode)) || row.unitCode || '';
    const type = text(row, cols.type);
    const cell = cols.total ? row.cells[cols.total.index] : undefined;
    const value = cell?.value ?? (cell ? amountOf(cell.text) : null);
    const unitRow =
      UNIT_CODE_RE.test(unitCode) && (known.has(compact(name)) || (!!cols.type && !type && ORG_END_RE.test(compact(name))));
    if (unitRow) currentUnit = unitCode;
    if (!name) continue;
    if (value === null) {
      if (!unitRow) ctx.reporter.warn('recognize', 'projects:no-amount', `项目支出表第 ${row.line} 行“${name}”没有金额，未作为项目。`, row.line);
      continue;
    }
    const out: ProjectRow = { name, amount: toWan(value, unit), line: row.line };
    if (cell) out.amountPrinted = { text: printed(cell.text), unit, line: cell.line };
    const code = compact(text(row, cols.code));
    if (code) out.code = code;
    const owner = UNIT_CODE_RE.test(unitCode) ? unitCode : currentUnit;
    if (owner) out.unitCode = owner;
    if (type) out.type = type;
    const funding = text(row, cols.funding);
    if (funding) out.funding = funding;
    else {
      // Which source columns carry the amount: 一般公共预算, 政府性基金预算 …
      const carrying = cols.sources.filter((c) => {
        const v = amountOf(row.cells[c.index]?.text ?? '');
        return v !== null && compare(dec(v), ZERO) !== 0;
      });
      const sources = [...new Set(carrying.map((c) => c.path.at(-1) ?? c.label))];
      if (sources.length) out.funding = sources.join('、');
    }
    const subject = compact(text(row, cols.subject));
    if (subject) out.subjectCode = subject;
    candidates.push({ row: out, value: dec(value), unitRow, group: false, hasType: !!type });
  }

  // Group rows: an amount equal to the sum of the (at least two) project rows
  // after it. Bottom-up, so a group of groups sees its inner groups already marked.
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    if (c.unitRow || c.row.code || (cols.type && c.hasType)) continue;
    let sum: Decimal = ZERO;
    let count = 0;
    for (let j = i + 1; j < candidates.length; j++) {
      const next = candidates[j]!;
      if (next.unitRow) break;
      if (next.group) continue;
      sum = add(sum, next.value);
      count++;
      const cmp = compare(sum, c.value);
      if (cmp === 0 && count >= 2) {
        c.group = true;
        break;
      }
      if (cmp > 0) break;
    }
  }
  return candidates.filter((c) => !c.unitRow && !c.group).map((c) => c.row);
}

function sameUnit(a: string | undefined, b: string | undefined): boolean {
  return !a || !b || a.startsWith(b) || b.startsWith(a);
}

/** The id a project code gives, or undefined when the code is missing or not URL-safe. */
export function codeProjectId(code: string | undefined): string | undefined {
  return code && /^[0-9A-Za-z-]+$/.test(code) ? code.toLowerCase() : undefined;
}

/**
 * A project's id, from its code, else from its name (pinyin), so it does not
 * change when another project is added before it; a repeated name gets -2, -3….
 */
function projectId(code: string | undefined, name: string, taken: Set<string>): string {
  const base = codeProjectId(code) ?? (nameSlug('', name) || 'xiangmu');
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  taken.add(id);
  return id;
}

/**
 * Merge project rows and performance sheets into the entity's projects:
 * match by code, else by name within the unit; keep every project of
 * either source, ordered by source line, with ids unique in the entity.
 */
export function assembleProjects(sheets: ProjectSheet[], rows: ProjectRow[], ctx: RecognizeContext): Project[] {
  const rowOf = new Map<ProjectSheet, ProjectRow>();
  const usedRows = new Set<ProjectRow>();

  for (const sheet of sheets) {
    if (!sheet.code) continue;
    const row = rows.find((r) => !usedRows.has(r) && r.code === sheet.code);
    if (row) {
      rowOf.set(sheet, row);
      usedRows.add(row);
    }
  }
  const pairs: { sheet: ProjectSheet; row: ProjectRow; score: number }[] = [];
  for (const sheet of sheets) {
    if (rowOf.has(sheet)) continue;
    for (const row of rows) {
      if (usedRows.has(row) || !sameUnit(sheet.unitCode, row.unitCode)) continue;
      if (sheet.code && row.code && sheet.code !== row.code) continue;
      let score = nameSimilarity(sheet.name, row.name);
      if (sheet.amount !== undefined) score += sameAmount(sheet.amount, row.amount) ? 0.1 : -0.1;
      if (score >= 0.6) pairs.push({ sheet, row, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.row.line - b.row.line);
  for (const { sheet, row } of pairs) {
    if (rowOf.has(sheet) || usedRows.has(row)) continue;
    rowOf.set(sheet, row);
    usedRows.add(row);
  }

  const projects: Project[] = [];
  for (const sheet of sheets) {
    const row = rowOf.get(sheet);
    if (!row && rows.length) {
      ctx.reporter.warn(
        'recognize',
        'projects:unmatched-sheet',
        `第 ${sheet.line} 行绩效目标表的项目“${sheet.name}”在项目支出表中找不到对应的项目。`,
        sheet.line,
      );
    }
    if (row && sheet.amount !== undefined && !sameAmount(sheet.amount, row.amount)) {
      ctx.reporter.warn(
        'recognize',
        'projects:amount-mismatch',
        `项目“${row.name}”在绩效目标表（第 ${sheet.amountPrinted?.line ?? sheet.line} 行）中为 ${sheet.amount} 万元，在项目支出表（第 ${row.line} 行）中为 ${row.amount} 万元。`,
        sheet.amountPrinted?.line ?? sheet.line,
      );
    }
    projects.push(merge(sheet, row));
  }
  for (const row of rows) if (!usedRows.has(row)) projects.push(merge(undefined, row));

  projects.sort((a, b) => a.line - b.line);
  const taken = new Set<string>();
  for (const p of projects) p.id = projectId(p.code, p.name, taken);
  return projects;
}

function merge(sheet: ProjectSheet | undefined, row: ProjectRow | undefined): Project {
  const project: Project = { id: '', name: row?.name ?? sheet?.name ?? '', line: row?.line ?? sheet?.line ?? 1 };
  const code = sheet?.code ?? row?.code;
  if (code) project.code = code;
  const unitCode = row?.unitCode ?? sheet?.unitCode;
  if (unitCode) project.unitCode = unitCode;
  const amount = row?.amount ?? sheet?.amount;
  if (amount !== undefined) project.amount = amount;
  const amountPrinted = row?.amountPrinted ?? sheet?.amountPrinted;
  if (amountPrinted) project.amountPrinted = amountPrinted;
  if (sheet?.fiscalAmount !== undefined) project.fiscalAmount = sheet.fiscalAmount;
  if (sheet?.otherAmount !== undefined) project.otherAmount = sheet.otherAmount;
  const funding = row?.funding ?? sheet?.funding;
  if (funding) project.funding = funding;
  const type = row?.type ?? sheet?.type;
  if (type) project.type = type;
  const subjectCode = row?.subjectCode ?? sheet?.subjectCode;
  if (subjectCode) project.subjectCode = subjectCode;
  if (sheet) project.performance = sheet.performance;
  return project;
}
