/**
 * Whether a document is a budget (预算: what a unit plans to spend) or its
 * final accounts (决算: what it spent, published the year after). The two
 * use nearly the same template, so the phase is read from the words of the
 * titles: 决算 against 预算, where the names of the budgets themselves
 * (一般公共预算, 政府性基金预算, 国有资本经营预算) and the budget columns a
 * 决算 table prints beside its actuals (年初预算数, 调整预算数) say nothing
 * of the phase.
 */
import type { PhaseName as Phase } from '../model/schema.ts';
import type { Block } from '../read/blocks.ts';
import { forMatching } from './text.ts';

export type { Phase };

/** Names of budgets and budget columns: 预算 in them is not the document's phase. */
const BUDGET_NAMES_RE = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|(?:年初|调整|全年)?预算数|预算(?:单位|科目|绩效|管理|执行|调整)/g;
/** Longest heading or title line considered: prose mentions both words freely. */
const TITLE_MAX = 60;

/** The phase a title names, or null when it names none. */
/** A budget table that prints last year's actuals beside its plan (`收支总表（含上年决算数）`) is still a budget. */
const PREVIOUS_ACTUALS_RE = /上年(?:度)?决算(?:数)?|\d{4}年(?:度)?决算数/g;

export function phaseOfTitle(title: string): Phase | null {
  const t = forMatching(title).replace(PREVIOUS_ACTUALS_RE, '');
  if (/决算/.test(t)) return 'final';
  return /预算/.test(t.replace(BUDGET_NAMES_RE, '')) ? 'budget' : null;
}

/** Short lines a document titles itself and its tables with. */
function titleLines(blocks: readonly Block[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.type === 'heading' || block.type === 'paragraph') {
      if (block.text.length <= TITLE_MAX) lines.push(block.text);
    } else if (block.type === 'table') {
      // Pages copied from sites print titles inside the table's own lines.
      for (const row of block.rows.slice(0, 3)) for (const cell of row.cells) if (cell.text.length <= TITLE_MAX && /[预决]算.*表$/.test(cell.text)) lines.push(cell.text);
    }
  }
  return lines;
}

/**
 * The phase most titles of the document name; a tie, or no title naming
 * one, is a budget (the portal's documents are budgets unless they say
 * otherwise).
 */
export function documentPhase(blocks: readonly Block[]): Phase {
  let final = 0;
  let budget = 0;
  for (const line of titleLines(blocks)) {
    const phase = phaseOfTitle(line);
    if (phase === 'final') final++;
    else if (phase === 'budget') budget++;
  }
  return final > budget ? 'final' : 'budget';
}

/**
 * The phase of one entity: what most of its table titles name (a budget
 * file may carry a unit's previous final accounts as an appendix, and the
 * reverse), else the document's.
 */
export function entityPhase(tableTitles: readonly string[], document: Phase): Phase {
  let final = 0;
  let budget = 0;
  for (const title of tableTitles) {
    const phase = phaseOfTitle(title);
    if (phase === 'final') final++;
    else if (phase === 'budget') budget++;
  }
  if (final > budget) return 'final';
  if (budget > final) return 'budget';
  return document;
}
