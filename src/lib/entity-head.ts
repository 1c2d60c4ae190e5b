/**
 * The part of an entity that portal-wide pages need (lists, cards, subject
 * and finding indexes): identity, totals, findings, glossary, and one line
 * per table, project and section. Rows, cells, section texts and performance
 * sheets stay on disk until the entity's own pages render, so the build's
 * memory grows with the number of documents, not with their size.
 */
import type { Entity, Finding, Project, Section, Table } from '../ingest/model/schema.ts';

export type TableHead = Pick<Table, 'id' | 'kind' | 'title' | 'number' | 'unit' | 'line' | 'endLine' | 'empty' | 'phase'> & {
  /** Data rows printed. */
  rows: number;
};

export type ProjectHead = Omit<Project, 'performance'> & {
  /** Number of performance indicators (0 without a sheet). */
  indicators: number;
  /** Last line of the performance sheet, when there is one. */
  endLine?: number;
};

export type SectionHead = Pick<Section, 'id' | 'title' | 'depth' | 'line' | 'endLine'>;

/**
 * A finding without its cells, only the source lines they are on: portal-wide
 * pages need no more, and the pages that show the cells read the whole entity
 * anyway (site.ts linkFindings).
 */
export type FindingHead = Omit<Finding, 'cells'> & {
  /** Source line of each cell, in cell order. */
  lines: number[];
};

// Execution rows stay with the entity's own page, like rows and cells.
export interface EntityHead extends Omit<Entity, 'tables' | 'projects' | 'sections' | 'unitPerformance' | 'findings' | 'execution'> {
  tables: TableHead[];
  findings: FindingHead[];
  projects: ProjectHead[];
  sections: SectionHead[];
  unitPerformance: { title: string; line: number; endLine: number }[];
}

function tableHead(t: Table): TableHead {
  return { id: t.id, kind: t.kind, title: t.title, ...(t.number ? { number: t.number } : {}), unit: t.unit, line: t.line, endLine: t.endLine, empty: t.empty, ...(t.phase ? { phase: t.phase } : {}), rows: t.rows.length };
}

export function entityHead(entity: Entity): EntityHead {
  const { tables, projects, sections, unitPerformance, findings, execution: _execution, ...rest } = entity;
  return {
    ...rest,
    findings: findings.map(({ cells, ...f }) => ({ ...f, lines: cells.map((c) => c.line) })),
    tables: tables.map(tableHead),
    projects: projects.map(({ performance, ...p }) => ({ ...p, indicators: performance?.indicators.length ?? 0, ...(performance ? { endLine: performance.endLine } : {}) })),
    sections: sections.map((s) => ({ id: s.id, title: s.title, depth: s.depth, line: s.line, endLine: s.endLine })),
    unitPerformance: unitPerformance.map((u) => ({ title: u.title, line: u.line, endLine: u.endLine })),
  };
}
