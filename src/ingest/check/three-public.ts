/**
 * “三公”经费 tables.
 *
 * - `three-public-sum`: the “三公” total equals 因公出国（境）费 + 公务用车购置及
 *   运维费 + 公务接待费; 公务用车购置及运维费 equals 购置费 + 运行维护费; a 合计
 *   line above the “三公”经费小计 equals it plus 会议费 and 培训费 when the table
 *   lists them. (Tables that print the kinds as columns are checked by the
 *   column identities of rows.ts under the same rule.)
 * - `three-public-vs-basic`: 公务用车运行维护费 and 公务接待费 equal the 30231
 *   and 30217 lines of the 基本支出表 when both are printed.
 */
import type { Entity, Finding, Table } from '../model/schema.ts';
import { stripEnumerator } from '../recognize/text.ts';
import { judge, otherColumns, SUSPICIOUS_NOTE, term, type Check, type Judgement, type Term } from './compare.ts';
import { cellRef, columnLabel, gap, makeFinding, money, tableName, unitOf } from './finding.ts';
import { amountIndices, grandColumn, headerGarbled, memberNamed, type Node } from './header.ts';
import { enumStyle } from './summary.ts';
import { nameOf, printed, suspicious, type Row } from './table-rows.ts';
import { roundingNoted, toleranceNote } from './tolerance.ts';
import { codeRows, termOf } from './views.ts';
import { isItem, wordingsOf } from '../vocabulary.ts';

interface Lines {
  total?: Row;
  subtotal?: Row;
  abroad?: Row;
  car?: Row;
  carBuy?: Row;
  carRun?: Row;
  reception?: Row;
  meeting?: Row;
  training?: Row;
}

const plain = (row: Row) => stripEnumerator(nameOf(row).replace(/^其中[:：]?/, ''));

/** The lines of a “三公” table that lists the kinds as rows. */
function linesOf(table: Table): Lines {
  const lines: Lines = {};
  const set = (key: keyof Lines, row: Row) => {
    if (!lines[key]) lines[key] = row;
  };
  for (const row of table.rows) {
    const name = nameOf(row);
    const p = plain(row);
    if (/^合计$/.test(name)) set('total', row);
    else if (/三公.*(?:小计|合计)/.test(name)) set('subtotal', row);
    else if (isItem('abroad', p) && !/^其中/.test(name)) set('abroad', row);
    else if (isItem('car', p)) set('car', row);
    else if (isItem('car-purchase', p)) set('carBuy', row);
    else if (isItem('car-running', p)) set('carRun', row);
    else if (isItem('reception', p)) set('reception', row);
    else if (/^会议费$/.test(p) && enumStyle(name)) set('meeting', row);
    else if (/^培训费$/.test(p) && enumStyle(name)) set('training', row);
  }
  return lines;
}

export function checkThreePublic(entity: Entity): Finding[] {
  const out: Finding[] = [];
  for (const table of entity.tables) {
    if (table.kind !== 'three-public' || table.empty || headerGarbled(table)) continue;
    const lines = linesOf(table);
    const rounding = roundingNoted(entity, table);
    const unit = unitOf(table, entity.unit);
    const columns = amountIndices(table);
    const sum = (total: Row | undefined, parts: (Row | undefined)[], what: string, partsName: string) => {
      const present = parts.filter((p): p is Row => !!p);
      if (!total || !present.length) return;
      const checks: Check[] = columns.map((i) => ({
        label: columnLabel(table, i),
        total: term(printed(total, i), [cellRef(table, total, i)], suspicious(total)),
        parts: present.map((r) => term(printed(r, i), [cellRef(table, r, i)], suspicious(r))),
      }));
      const j = judge(checks, rounding);
      if (j) out.push(finding(table, j, `${what}（第 ${total.line} 行）为`, partsName, unit));
    };
    const three = lines.subtotal ?? (lines.meeting || lines.training ? undefined : lines.total);
    const kinds = [lines.abroad, lines.car, lines.reception];
    if (kinds.filter(Boolean).length >= 2) sum(three, kinds, three === lines.total ? '“三公”经费合计' : '“三公”经费小计', '因公出国（境）费、公务用车购置及运维费、公务接待费之和为');
    if (lines.carBuy || lines.carRun) sum(lines.car, [lines.carBuy, lines.carRun], '公务用车购置及运维费', '公务用车购置费与运行维护费之和为');
    if (lines.total && lines.subtotal) {
      const others = lines.meeting || lines.training ? '与会议费、培训费' : '';
      sum(lines.total, [lines.subtotal, lines.meeting, lines.training], '合计', `“三公”经费小计${others}之和为`);
    }
    out.push(...againstBasic(entity, table, lines));
  }
  return out;
}

function finding(table: Table, j: Judgement, what: string, partsName: string, unit: string): Finding {
  const { actual, expected, tolerance } = j.first;
  const message =
    `${tableName(table)}：${what} ${money(actual, unit)}，但${partsName} ${money(expected, unit)}，${gap(actual, expected, unit)}。` +
    otherColumns(j) +
    toleranceNote(tolerance, unit) +
    (j.severity === 'warning' ? SUSPICIOUS_NOTE : '');
  return makeFinding({ ruleId: 'three-public-sum', severity: j.severity, message, table: table.id, expected, actual, tolerance, cells: j.cells });
}

/** 公务用车运行维护费 ↔ 30231 and 公务接待费 ↔ 30217 of the 基本支出表. */
function againstBasic(entity: Entity, table: Table, lines: Lines): Finding[] {
  const basic = entity.tables.find((t) => t.kind === 'general-budget-basic' && !t.empty);
  if (!basic || basic.unit !== table.unit) return [];
  const codes = codeRows(basic, 'economic');
  const basicColumn = grandColumn(basic);
  if (!codes || !basicColumn) return [];
  // The “三公” amount paid from 一般公共预算 when the table splits by fund, else its total.
  const column = memberNamed(table, /一般公共预算/) ?? grandColumn(table);
  const rowBased = !!(lines.carRun || lines.reception);
  const out: Finding[] = [];
  const unit = unitOf(table, entity.unit);
  const pairs: [string, string, Row | undefined, RegExp][] = [
    ['30231', '公务用车运行维护费', lines.carRun, new RegExp(`^(?:${wordingsOf('car-running')})$`)],
    ['30217', '公务接待费', lines.reception, new RegExp(`^(?:${wordingsOf('reception')})$`)],
  ];
  for (const [code, name, row, label] of pairs) {
    const basicRows = codes.get(code);
    if (!basicRows) continue;
    let mine: Term;
    if (rowBased) {
      if (!row || !column) continue;
      mine = termOf(table, [row], column);
    } else {
      // Kinds printed as columns: one data row.
      const node: Node | undefined = memberNamed(table, label);
      const data = table.rows.filter((r) => r.cells.some((c) => c.value !== undefined));
      if (!node || data.length !== 1) continue;
      mine = termOf(table, data, node);
    }
    if (!mine.printed) continue;
    const theirs = termOf(basic, basicRows, { kind: 'leaf', index: basicColumn.index, labels: [], amount: true, addend: true });
    const j = judge([{ label: name, total: mine, parts: [theirs] }], false);
    if (!j) continue;
    const { actual, expected } = j.first;
    const message =
      `${tableName(table)}的${name}为 ${money(actual, unit)}，而${tableName(basic)}中 ${code}“${name}”为 ${money(expected, unit)}，${gap(actual, expected, unit)}。` +
      (j.severity === 'warning' ? SUSPICIOUS_NOTE : '');
    out.push(makeFinding({ ruleId: 'three-public-vs-basic', severity: j.severity, message, table: table.id, expected, actual, cells: j.cells }));
  }
  return out;
}

