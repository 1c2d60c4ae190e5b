/**
 * The subject-code index: every code printed in a table row, as 政府经济分类
 * next to a row, or on a project, with its names, its place in the tree, and
 * each entity's amount under it. Entities are added one at a time while the
 * whole entity is at hand (the amounts need its rows); `finish` then orders
 * the uses and completes the tree.
 */
import { codeAmount, rowsOfCode } from '../../ingest/model/code-parts.ts';
import type { Entity, Table } from '../../ingest/model/schema.ts';
import type { EntityHead, ProjectHead, TableHead } from '../entity-head.ts';
import { crossTableConflict, type Conflict } from '../figure-conflicts.ts';
import { marksAt, type FigureMark } from '../figure-marks.ts';
import { codeLevel, guessCodeSystem, parentCode, printedText, type CodeLevelName, type CodeSystemName } from '../format.ts';
import { CLASS_NAMES } from '../subject-names.ts';
import { mainAmountWan, rowAnchors } from '../tables.ts';
import { byRegionYearCode } from './order.ts';

export interface SubjectEntry {
  entity: EntityHead;
  table: TableHead;
  anchor: string;
  /** Name as printed on that row. */
  name?: string;
  /** Main amount of the code in 万元: the sum of its rows when it is printed in parts (undefined when none prints one). */
  value?: string;
  /** The printed amounts summed into `value` (万元), when the code is printed on several rows. */
  parts?: string[];
  /** Other tables of the entity print a different amount for the code (cross-table finding). */
  conflict?: Conflict;
  /** Findings involving the rows of the amount, each a mark linking to it. */
  marks?: FigureMark[];
}

export interface SubjectEntityUse {
  entity: EntityHead;
  /** The row the comparison uses (the preferred table of the entity). */
  main: SubjectEntry;
  /** Other tables of the same entity printing the code. */
  others: SubjectEntry[];
}

export interface Subject {
  code: string;
  system: CodeSystemName;
  level: CodeLevelName;
  /** Most common printed name. */
  name: string;
  /** Every printed name with how often it is printed. */
  names: [string, number][];
  parent?: string;
  children: string[];
  uses: SubjectEntityUse[];
  projects: { entity: EntityHead; project: ProjectHead }[];
  /** True for codes only implied as the parent of a printed code. */
  implied: boolean;
  /** True when no document prints the name and it comes from the national classification. */
  referenceName?: boolean;
}

export interface SubjectsIndex {
  subjects: Map<string, Subject>;
  subjectTree: Record<CodeSystemName, string[]>;
}

/** Preferred tables for comparing a code between entities, best first. */
const SUBJECT_TABLE_ORDER: Record<CodeSystemName, Table['kind'][]> = {
  functional: ['expenditure-summary', 'general-budget-expenditure', 'income-summary', 'general-budget-basic-functional', 'government-fund-expenditure', 'state-capital-expenditure', 'project-expenditure'],
  economic: ['economic-summary', 'general-budget-expenditure-economic', 'general-budget-basic'],
  'gov-economic': ['economic-summary', 'general-budget-expenditure-economic', 'general-budget-basic'],
};

function rank(system: CodeSystemName, kind: Table['kind']): number {
  const i = SUBJECT_TABLE_ORDER[system].indexOf(kind);
  return i < 0 ? 99 : i;
}

const SUBJECT_CODE = /^\d{3,7}$/;

export interface SubjectCollector {
  /** Every code `entity` prints (`head` is its head, kept in the index). */
  add(entity: Entity, head: EntityHead): void;
  /** The index, once every entity is added; `entityById` holds the heads in site order. */
  finish(entityById: ReadonlyMap<string, EntityHead>): SubjectsIndex;
}

export function collectSubjects(): SubjectCollector {
  const subjects = new Map<string, Subject>();
  const nameCounts = new Map<string, Map<string, number>>();
  // entity id → code → entries (first row per table)
  const entries = new Map<string, Map<string, SubjectEntry[]>>();
  // Row names and anchors repeat across entities: keep one copy of each.
  const pool = new Map<string, string>();
  const intern = (text: string): string => {
    const kept = pool.get(text);
    if (kept !== undefined) return kept;
    pool.set(text, text);
    return text;
  };
  const subjectOf = (code: string, system: CodeSystemName): Subject => {
    let s = subjects.get(code);
    if (!s) {
      s = { code, system, level: codeLevel(code), name: '', names: [], children: [], uses: [], projects: [], implied: false };
      subjects.set(code, s);
    }
    return s;
  };
  const countName = (code: string, name: string | undefined) => {
    if (!name) return;
    const shown = printedText(name).replace(/\s+/g, '');
    if (!shown) return;
    const m = nameCounts.get(code) ?? new Map<string, number>();
    m.set(shown, (m.get(shown) ?? 0) + 1);
    nameCounts.set(code, m);
  };

  const add = (entity: Entity, head: EntityHead) => {
    const own = new Map<string, SubjectEntry[]>();
    entries.set(entity.id, own);
    entity.tables.forEach((table, ti) => {
      const tHead = head.tables[ti]!;
      const anchors = rowAnchors(table);
      const seenInTable = new Set<string>();
      table.rows.forEach((row, i) => {
        const addCode = (code: string, system: CodeSystemName, name: string | undefined, withAmount: boolean) => {
          if (!SUBJECT_CODE.test(code)) return;
          subjectOf(code, system);
          countName(code, name);
          if (seenInTable.has(code)) return;
          seenInTable.add(code);
          // Every row printing the code in this table counts (parts of one code are summed).
          const amount = withAmount ? codeAmount(rowsOfCode(table, code), (r) => mainAmountWan(table, r)) : undefined;
          const entry: SubjectEntry = {
            entity: head,
            table: tHead,
            anchor: intern(anchors[i]!),
            ...(name ? { name: intern(printedText(name)) } : {}),
            ...(amount?.value !== undefined ? { value: amount.value } : {}),
            ...(amount && amount.parts.length > 1 ? { parts: amount.parts } : {}),
          };
          const conflict = amount?.value !== undefined && amount.rows.length === 1 ? crossTableConflict(entity, table, amount.rows[0]!, amount.value) : undefined;
          if (conflict) entry.conflict = conflict;
          const marks = amount?.value !== undefined ? [...new Map(amount.rows.flatMap((r) => marksAt(entity, { table: table.id, line: r.line })).map((m) => [m.href, m])).values()] : [];
          if (marks.length) entry.marks = marks;
          own.set(code, [...(own.get(code) ?? []), entry]);
        };
        if (row.code) addCode(row.code, row.codeSystem ?? guessCodeSystem(row.code), row.name, true);
        if (row.govCode) {
          // The government economic name is the name cell of its own column group, when printed.
          const govNameIdx = table.columns.findIndex((c, ci) => c.role === 'name' && ci > 0 && /政府/.test(c.label));
          addCode(row.govCode, 'gov-economic', govNameIdx >= 0 ? row.cells[govNameIdx]?.text : undefined, false);
        }
      });
    });
    for (const project of head.projects) {
      if (project.subjectCode && SUBJECT_CODE.test(project.subjectCode)) subjectOf(project.subjectCode, 'functional').projects.push({ entity: head, project });
    }
  };

  const finish = (entityById: ReadonlyMap<string, EntityHead>): SubjectsIndex => {
    for (const [entityId, own] of entries) {
      const entity = entityById.get(entityId)!;
      for (const [code, list] of own) {
        const s = subjects.get(code)!;
        const sorted = [...list].sort((a, b) => rank(s.system, a.table.kind) - rank(s.system, b.table.kind) || Number(b.value !== undefined) - Number(a.value !== undefined));
        s.uses.push({ entity, main: sorted[0]!, others: sorted.slice(1) });
      }
    }
    // Implied parents (a 款 of a printed 项 nobody printed) keep the tree whole.
    for (const code of [...subjects.keys()]) {
      let parent = parentCode(code);
      while (parent && !subjects.has(parent)) {
        const s = subjectOf(parent, subjects.get(code)!.system);
        s.implied = true;
        parent = parentCode(parent);
      }
    }
    for (const s of subjects.values()) {
      const counts = [...(nameCounts.get(s.code) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
      s.names = counts;
      s.name = counts[0]?.[0] ?? '';
      if (!s.name && CLASS_NAMES[s.code]) {
        s.name = CLASS_NAMES[s.code]!;
        s.referenceName = true;
      }
      const parent = parentCode(s.code);
      if (parent && subjects.has(parent)) {
        s.parent = parent;
        subjects.get(parent)!.children.push(s.code);
      }
      s.uses.sort((a, b) => byRegionYearCode(a.entity, b.entity));
      s.projects.sort((a, b) => byRegionYearCode(a.entity, b.entity));
    }
    for (const s of subjects.values()) s.children.sort();
    const subjectTree: Record<CodeSystemName, string[]> = { functional: [], economic: [], 'gov-economic': [] };
    for (const s of [...subjects.values()].sort((a, b) => a.code.localeCompare(b.code))) if (!s.parent) subjectTree[s.system].push(s.code);
    return { subjects, subjectTree };
  };

  return { add, finish };
}

/** `210 卫生健康支出`: the functional class a code belongs to, for search filters. */
export function functionalClass(index: Pick<SubjectsIndex, 'subjects'>, code: string | undefined): string | undefined {
  if (!code || !/^2\d{2}/.test(code)) return undefined;
  const c = code.slice(0, 3);
  const name = index.subjects.get(c)?.name;
  return name ? `${c} ${name}` : c;
}
