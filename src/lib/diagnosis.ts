/**
 * Findings as a diagnosis: symptoms that share a cause are shown under one
 * explanation, and gaps that rounding explains are set apart as 尾差.
 *
 * One wrong block of rows makes many checks fail at once (its own row sums,
 * the 合计 row, every other table printing the same subjects), so a list of
 * findings overstates how many things are wrong. Two findings have one
 * cause when they point at the same printed cell, or when the same check
 * fails on the same tables in adjacent rows. Nothing here changes a finding:
 * it only orders and explains them.
 */
import { abs, compare, parseDecimal } from '../ingest/model/decimal.ts';
import type { Finding, Table } from '../ingest/model/schema.ts';
import { KIND_NAMES } from '../ingest/recognize/tables/kind.ts';

/** What a cause means for the reader. */
export type Meaning = 'document' | 'reading';

export const MEANING_NAMES: Readonly<Record<Meaning, string>> = {
  document: '原表数字不一致',
  reading: '可能是本站读取错位',
};

export interface Cause<T> {
  /** Anchor of the cause: its first symptom's id with `c-`. */
  id: string;
  symptoms: T[];
  severity: Finding['severity'];
  meaning: Meaning;
  /** Why the meaning: one or two sentences for the reader. */
  why: string;
  /** Where the symptoms meet: the table most of them involve and its printed lines. */
  focus?: { table: string; name: string; line: number; endLine: number; symptoms: number };
}

export interface Diagnosis<T> {
  causes: Cause<T>[];
  /** Gaps within what rounding the printed amounts explains. */
  rounding: T[];
}

interface Item {
  id: string;
  finding: Finding;
}

/**
 * True when a finding's gap is within half a unit of the last printed digit
 * per amount involved: amounts rounded one by one to 0.01 can add up to a
 * total printed 0.01 off, and that says nothing about the budget.
 */
export function roundingExplains(finding: Finding): boolean {
  if (finding.difference === undefined) return false;
  const d = parseDecimal(finding.difference);
  if (!d || d.units === 0n || finding.cells.length < 2) return false;
  const scale = Math.max(d.scale, ...[finding.expected, finding.actual].map((v) => (v ? (parseDecimal(v)?.scale ?? 0) : 0)));
  if (scale === 0) return false;
  const allowed = { units: 5n * BigInt(finding.cells.length), scale: scale + 1 };
  return compare(abs(d), allowed) <= 0;
}

const cellKey = (f: Finding, c: Finding['cells'][number]) => `${c.table ?? f.table ?? ''}:${c.line}:${c.column ?? ''}`;

/** Index of the row of `table` a line belongs to (the last row starting at or before it). */
function rowIndex(table: Table | undefined, line: number): number {
  if (!table) return line;
  let best = -1;
  table.rows.forEach((r, i) => {
    if (r.line <= line) best = i;
  });
  return best;
}

function tablesOf(f: Finding): string[] {
  return [...new Set(f.cells.map((c) => c.table ?? f.table ?? '').filter(Boolean))].sort();
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Groups an entity's findings into causes, in the order of their first symptom. */
export function diagnose<T extends Item>(tables: readonly Table[], list: readonly T[]): Diagnosis<T> {
  const rounding = list.filter((f) => roundingExplains(f.finding));
  const rest = list.filter((f) => !roundingExplains(f.finding));
  const byId = new Map(tables.map((t) => [t.id, t]));
  const uf = new UnionFind(rest.length);

  // The same printed cell used by several checks.
  const owner = new Map<string, number>();
  rest.forEach((f, i) => {
    for (const c of f.finding.cells) {
      const key = cellKey(f.finding, c);
      const first = owner.get(key);
      if (first === undefined) owner.set(key, i);
      else uf.union(first, i);
    }
  });

  // The same check failing on the same tables in adjacent rows: one misaligned block.
  const runs = new Map<string, { i: number; row: number }[]>();
  rest.forEach((f, i) => {
    const own = f.finding.table ?? tablesOf(f.finding)[0];
    if (!own) return;
    const lines = f.finding.cells.filter((c) => (c.table ?? f.finding.table) === own).map((c) => c.line);
    if (lines.length === 0) return;
    const key = `${f.finding.ruleId}|${tablesOf(f.finding).join(',')}|${own}`;
    const rows = runs.get(key) ?? [];
    for (const line of new Set(lines)) rows.push({ i, row: rowIndex(byId.get(own), line) });
    runs.set(key, rows);
  });
  for (const rows of runs.values()) {
    rows.sort((a, b) => a.row - b.row);
    for (let k = 1; k < rows.length; k++) if (rows[k]!.row - rows[k - 1]!.row <= 1) uf.union(rows[k - 1]!.i, rows[k]!.i);
  }

  const groups = new Map<number, T[]>();
  rest.forEach((f, i) => {
    const root = uf.find(i);
    groups.set(root, [...(groups.get(root) ?? []), f]);
  });
  const causes = [...groups.values()].map((symptoms) => explain(byId, symptoms));
  return { causes, rounding };
}

function focusOf(byId: ReadonlyMap<string, Table>, symptoms: readonly Item[]): Cause<Item>['focus'] {
  const counts = new Map<string, { symptoms: number; cells: number; lines: number[] }>();
  for (const s of symptoms) {
    for (const id of tablesOf(s.finding)) {
      const c = counts.get(id) ?? { symptoms: 0, cells: 0, lines: [] };
      c.symptoms++;
      for (const cell of s.finding.cells) {
        if ((cell.table ?? s.finding.table) !== id) continue;
        c.cells++;
        c.lines.push(cell.line);
      }
      counts.set(id, c);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1].symptoms - a[1].symptoms || b[1].cells - a[1].cells)[0];
  if (!best) return undefined;
  const [id, c] = best;
  const table = byId.get(id);
  const name = table ? (table.kind === 'other' ? table.title : KIND_NAMES[table.kind]) : id;
  return { table: id, name, line: Math.min(...c.lines), endLine: Math.max(...c.lines), symptoms: c.symptoms };
}

/** Signs in the model that the portal's reading of these cells may be off. */
function readingDoubt(byId: ReadonlyMap<string, Table>, symptoms: readonly Item[]): string | undefined {
  if (symptoms.some((s) => /错位/.test(s.finding.message))) {
    return '这些数字整体错开一栏即可相符，像是原文排版或本站读取时错位了一栏。';
  }
  for (const s of symptoms) {
    for (const cell of s.finding.cells) {
      const table = byId.get(cell.table ?? s.finding.table ?? '');
      if (!table) continue;
      if (table.flattened?.length) return `${table.title}有页面在文字提取时被压成一行，本站按科目编码拆分还原，可能放错了栏。`;
      const row = table.rows[rowIndex(table, cell.line)];
      if (row?.partial || row?.unplaced?.length) return `涉及的第 ${row.line} 行本站只能部分读取，有数字未能确定所在的栏。`;
    }
  }
  return undefined;
}

function explain<T extends Item>(byId: ReadonlyMap<string, Table>, symptoms: T[]): Cause<T> {
  const severity = symptoms.some((s) => s.finding.severity === 'error') ? 'error' : 'warning';
  const focus = focusOf(byId, symptoms);
  const doubt = readingDoubt(byId, symptoms);
  const where = focus ? `${focus.name}第 ${focus.line}${focus.endLine > focus.line ? `–${focus.endLine}` : ''} 行` : '';
  const shared = focus && symptoms.length > 1 && focus.symptoms === symptoms.length ? `这 ${symptoms.length} 处不符都涉及${where}，问题很可能出在这几行。` : '';
  const numeric = symptoms.some((s) => s.finding.difference !== undefined);
  const why = doubt
    ? `${shared}${doubt}请对照原文核实。`
    : numeric
      ? `${shared}涉及的数字在原文中逐格印出，本站读取没有错位的迹象：是原文件自身的数字前后不一致。`
      : `${shared}原文件印的说明与表格内容彼此不符，与本站读取数字无关。`;
  return { id: `c-${symptoms[0]!.id}`, symptoms, severity, meaning: doubt ? 'reading' : 'document', why, ...(focus ? { focus } : {}) };
}
