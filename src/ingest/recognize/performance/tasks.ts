/**
 * 年度主要任务 of a unit-wide sheet: rows of 任务名称 / 主要内容 / 预算金额,
 * headed by a row naming those columns. The merged left label column
 * (年度主要任务, 预算情况) is printed on any row of its block, and some rows
 * put the task name in it; the budget summary rows that follow the tasks
 * (部门预算总额, 资金来源, 基本支出 …) are not tasks. A 合计 row is checked
 * against the sum of the task amounts.
 */
import type { Cell, Row } from '../../read/blocks.ts';
import { add, compare, dec, toString, ZERO, type Decimal } from '../../model/decimal.ts';
import type { RecognizeContext } from '../context.ts';
import { stripEnumerator } from '../text.ts';
import { amountOf, toWan } from './amounts.ts';
import { printed, unitInLabel } from './cells.ts';
import { labelKey } from './labels.ts';
import type { MoneyUnit } from '../../model/money.ts';

export interface Task {
  name: string;
  content?: string;
  amount?: string;
  line: number;
}

const TASKS_LABEL_RE = /^(?:年度)?主要任务$|^年度工作任务$/;
const SECTION_LABEL_RE = /^(?:年度)?主要任务$|^年度工作任务$|^预算情况$|^资金情况$/;
const BUDGET_RE = /预算总额|资金来源|资金结构|基本支出|项目支出|财政专户|单位资金|政府预算资金|上年结转|^\(?\d?\)?其他资金$/;
const TOTAL_RE = /^(?:金额)?合计$|^总计$/;

export function isTasksStart(row: Row): boolean {
  return row.cells.some((c) => TASKS_LABEL_RE.test(labelKey(c.text)));
}

export interface TaskReader {
  feed(row: Row): void;
  tasks: Task[];
}

interface Columns {
  name: number;
  content: number;
  amount: number;
}

export function createTaskReader(ctx: RecognizeContext, defaultUnit: MoneyUnit): TaskReader {
  const tasks: Task[] = [];
  const columns: Columns = { name: -1, content: -1, amount: -1 };
  let unit = defaultUnit;
  let sum: Decimal = ZERO;

  const headerOf = (row: Row): boolean => {
    const keys = row.cells.map((c) => labelKey(c.text));
    const name = keys.findIndex((k) => /^任务名称$|^任务$/.test(k));
    const content = keys.findIndex((k) => /主要内容|任务内容|工作内容/.test(k));
    const amount = keys.findIndex((k) => /金额|预算数|资金/.test(k) && !/^(?:金额)?合计$/.test(k));
    const total = keys.findIndex((k) => /^(?:总额|合计|小计)$/.test(k));
    if (name < 0 && content < 0 && total < 0) return false;
    if (name >= 0) columns.name = name;
    if (content >= 0) columns.content = content;
    if (total >= 0) columns.amount = total;
    else if (amount >= 0) columns.amount = amount;
    for (const c of row.cells) unit = unitInLabel(c.text) ?? unit;
    return true;
  };

  const feed = (row: Row) => {
    if (headerOf(row)) return;
    const cells: { cell: Cell; index: number; text: string }[] = row.cells
      .map((cell, index) => ({ cell, index, text: printed(cell.text) }))
      .filter((c) => c.text && !SECTION_LABEL_RE.test(labelKey(c.text)));
    if (!cells.length) return;
    const texts = cells.filter((c) => amountOf(c.text) === null);
    const amountCell = cells.find((c) => c.index === columns.amount && amountOf(c.text) !== null) ?? cells.find((c) => amountOf(c.text) !== null);
    const amount = amountCell ? amountOf(amountCell.text) : null;
    if (texts.some((c) => TOTAL_RE.test(labelKey(c.text)))) {
      if (amount !== null && tasks.some((t) => t.amount) && compare(dec(amount), sum) !== 0) {
        ctx.reporter.warn(
          'recognize',
          'performance:task-total',
          `第 ${row.line} 行任务金额合计 ${amount} 与各项任务金额之和 ${toString(sum)} 不一致。`,
          amountCell!.cell.line,
          amountCell!.cell.column,
        );
      }
      return;
    }
    const byCol = (i: number) => texts.find((c) => c.index === i);
    const nameCell = byCol(columns.name) ?? texts.find((c) => columns.content < 0 || c.index < columns.content);
    const contentCell = byCol(columns.content) ?? texts.find((c) => nameCell && c.index > nameCell.index);
    const name = nameCell ? stripEnumerator(nameCell.text) : '';
    // Budget summary rows (部门预算总额, 资金来源, 基本支出 …) follow the tasks in the same block.
    if (!name) return;
    if (BUDGET_RE.test(labelKey(name))) {
      // The model has no place for the budget summary: say what was printed, with its line.
      if (amount !== null) {
        ctx.reporter.info('recognize', 'performance:budget-row', `第 ${row.line} 行预算情况“${name}” ${amountCell!.text} 不是年度主要任务，未收入任务列表。`, row.line);
      }
      return;
    }
    const task: Task = { name, line: row.line };
    if (contentCell && contentCell !== nameCell) task.content = contentCell.text;
    if (amount !== null) {
      task.amount = toWan(amount, unit);
      sum = add(sum, dec(amount));
    }
    tasks.push(task);
  };

  return { feed, tasks };
}
