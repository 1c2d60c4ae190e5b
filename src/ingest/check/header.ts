/**
 * Which columns add up to which, read from the header tree.
 *
 * A group's 小计 (or a 合计 among siblings) is the sum of its siblings:
 * 合计 = 基本支出 + 项目支出 (+ 经营支出 …); 基本支出 小计 = 人员经费 + 公用经费;
 * 本年收入 合计 = 一般公共预算 + 政府性基金 + …. A sibling that is itself a
 * group counts with its own 小计 when it prints one, else with the sum of
 * its members. Columns titled 其中：… are a part of the column before them,
 * never an addend; unit prices, quantities and shares are not amounts that
 * add up.
 */
import type { Table } from '../model/schema.ts';
import { compact } from '../recognize/text.ts';
import { add, ZERO, type Decimal } from '../model/decimal.ts';
import { printed, type Row } from './table-rows.ts';

export interface Leaf {
  kind: 'leaf';
  index: number;
  /** Header labels this node stands for (a one-child group and its child collapse into one node). */
  labels: string[];
  /** Holds amounts that add up down the table. */
  amount: boolean;
  /** Holds amounts that are parts of the row's total (a 中小微企业 share is an amount, not a part). */
  addend: boolean;
}
export interface Group {
  kind: 'group';
  labels: string[];
  children: Node[];
}
export type Node = Leaf | Group;

const TOTAL_LABEL_RE = /^(?:合计|小计|总计)$|(?:合计|总计)$/;
const PART_LABEL_RE = /^其中/;
/** Numeric columns that do not add up at all: unit prices, quantities, a project's whole budget repeated per item. */
const NOT_AMOUNT_RE = /单价|数量|预算资金|计量|比例|占比|增长率|%|序号|栏次/;
/** Amounts that add up down the table but are not a part of the row's total. */
const NOT_ADDEND_RE = /份额/;

const isTotalLabel = (labels: readonly string[]) => labels.some((l) => TOTAL_LABEL_RE.test(l));
const isPartLabel = (labels: readonly string[]) => labels.some((l) => PART_LABEL_RE.test(l));
/** Header tree rebuilt from the leaf columns' paths, one-child groups collapsed. */
function columnTree(table: Table): Node[] {
  const root: Group = { kind: 'group', labels: [], children: [] };
  table.columns.forEach((column, index) => {
    const path = column.path.map(compact);
    if (path.length === 0) path.push(compact(column.label));
    let parent = root;
    for (const label of path.slice(0, -1)) {
      const last = parent.children[parent.children.length - 1];
      // Only the immediately preceding sibling can be the same spanning header cell.
      if (last?.kind === 'group' && last.labels[0] === label) parent = last;
      else {
        const group: Group = { kind: 'group', labels: [label], children: [] };
        parent.children.push(group);
        parent = group;
      }
    }
    const label = path[path.length - 1] ?? '';
    const amount = column.role === 'amount' && !NOT_AMOUNT_RE.test(path.join('/'));
    parent.children.push({ kind: 'leaf', index, labels: [label], amount, addend: amount && !NOT_ADDEND_RE.test(path.join('/')) });
  });
  return root.children.map(collapse);
}

function collapse(node: Node): Node {
  if (node.kind === 'leaf') return node;
  const children = node.children.map(collapse);
  if (children.length === 1) {
    const only = children[0]!;
    return { ...only, labels: [...node.labels, ...only.labels] } as Node;
  }
  return { kind: 'group', labels: node.labels, children };
}

function hasAmount(node: Node): boolean {
  return node.kind === 'leaf' ? node.amount : node.children.some(hasAmount);
}

function hasAddend(node: Node): boolean {
  return node.kind === 'leaf' ? node.addend : node.children.some(hasAddend);
}

/** The group's own total column (its 小计), if it prints one. */
export function totalLeaf(group: Group): Leaf | undefined {
  const totals = group.children.filter((c): c is Leaf => c.kind === 'leaf' && c.addend && isTotalLabel(c.labels));
  return totals.length === 1 ? totals[0] : undefined;
}

/** Value of a column node in a row: a leaf's cell; a group's 小计, else the sum of its addends. */
export function nodeValue(node: Node, row: Row): { value: Decimal; indices: number[] } {
  if (node.kind === 'leaf') return { value: printed(row, node.index) ?? ZERO, indices: [node.index] };
  const total = totalLeaf(node);
  if (total) return nodeValue(total, row);
  let value = ZERO;
  const indices: number[] = [];
  for (const child of addendsOf(node.children)) {
    const v = nodeValue(child, row);
    value = add(value, v.value);
    indices.push(...v.indices);
  }
  return { value, indices };
}

function addendsOf(children: readonly Node[]): Node[] {
  return children.filter((c) => hasAddend(c) && !isPartLabel(c.labels) && !(c.kind === 'leaf' && isTotalLabel(c.labels)));
}

/** One column identity: total = Σ addends, evaluated on each row. */
export interface ColumnIdentity {
  total: Leaf;
  addends: Node[];
  /** Label of the group the identity lives in ('' at the top level). */
  group: string;
}

/** Every identity the header implies. Needs exactly one total and two or more addends among siblings. */
export function columnIdentities(table: Table): ColumnIdentity[] {
  const out: ColumnIdentity[] = [];
  const visit = (children: readonly Node[], group: string) => {
    const totals = children.filter((c): c is Leaf => c.kind === 'leaf' && c.addend && isTotalLabel(c.labels) && !isPartLabel(c.labels));
    const addends = addendsOf(children);
    if (totals.length === 1 && addends.length >= 2) out.push({ total: totals[0]!, addends, group });
    for (const c of children) if (c.kind === 'group') visit(c.children, c.labels.join('/'));
  };
  visit(columnTree(table), '');
  return out;
}

/** Top-level column member whose label starts with `prefix` (基本支出, 项目支出, 人员经费 …). */
export function memberNamed(table: Table, prefix: RegExp): Node | undefined {
  const search = (nodes: readonly Node[]): Node | undefined => {
    for (const n of nodes) {
      if (hasAmount(n) && !isPartLabel(n.labels) && n.labels.some((l) => prefix.test(l))) return n;
    }
    for (const n of nodes) if (n.kind === 'group') {
      const found = search(n.children);
      if (found) return found;
    }
    return undefined;
  };
  return search(columnTree(table));
}

/** The column that holds each row's grand amount (合计 / 总计), if the header says which. */
export function grandColumn(table: Table): Leaf | undefined {
  const tree = columnTree(table);
  const top = tree.filter((c): c is Leaf => c.kind === 'leaf' && c.amount && isTotalLabel(c.labels) && !isPartLabel(c.labels));
  if (top.length === 1) return top[0];
  const leaves: Leaf[] = [];
  const walk = (nodes: readonly Node[]): void => {
    for (const n of nodes) {
      if (n.kind === 'leaf') leaves.push(n);
      else walk(n.children);
    }
  };
  walk(tree);
  const amounts = leaves.filter((l) => l.amount);
  return amounts.find((l) => isTotalLabel(l.labels) && !isPartLabel(l.labels)) ?? (amounts.length === 1 ? amounts[0] : undefined);
}

/** Amount columns whose values add up down the table. */
export function amountIndices(table: Table): number[] {
  const out: number[] = [];
  const walk = (nodes: readonly Node[]): void => {
    for (const n of nodes) {
      if (n.kind !== 'leaf') walk(n.children);
      else if (n.amount) out.push(n.index);
    }
  };
  walk(columnTree(table));
  return out.sort((a, b) => a - b);
}

/** A header the reader garbled (OCR): brackets that never close. Arithmetic on it would check the reader, not the document. */
export function headerGarbled(table: Table): boolean {
  return table.columns.some((c) =>
    c.path.some((p) => {
      const open = (p.match(/[(（]/g) ?? []).length;
      const close = (p.match(/[)）]/g) ?? []).length;
      return open !== close;
    }),
  );
}
