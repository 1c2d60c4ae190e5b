/**
 * Links from a finding to the cells it is about: the row on the table page
 * and the line in the source.
 */
import type { Entity, Table } from '../ingest/model/schema.ts';
import { rowAnchors } from './tables.ts';
import { paths } from './urls.ts';

type Finding = Entity['findings'][number];
type FindingCell = Finding['cells'][number];

export interface CellLink {
  label: string;
  line: number;
  /** Row on the table page, when the cell belongs to a table. */
  tableHref?: string;
  tableTitle?: string;
  sourceHref: string;
}

/**
 * Anchor of the row that holds a cell printed at `line` (and `column`);
 * undefined for a line outside the rows (a header or caption line).
 */
export function anchorForLine(table: Table, line: number, column?: number): string | undefined {
  const anchors = rowAnchors(table);
  const exact = table.rows.findIndex((r) => r.cells.some((c) => c.line === line && (column === undefined || c.column === column)));
  if (exact >= 0) return anchors[exact]!;
  const onLine = table.rows.findIndex((r) => r.line === line || r.cells.some((c) => c.line === line) || r.unplaced?.some((c) => c.line === line));
  if (onLine >= 0) return anchors[onLine]!;
  // A cell on a continuation line of a row: the last row starting before it, within the table.
  if (line > table.endLine) return undefined;
  let best = -1;
  table.rows.forEach((r, i) => {
    if (r.line <= line) best = i;
  });
  return best >= 0 ? anchors[best]! : undefined;
}

const hashOf = (anchor: string | undefined) => (anchor ? `#${anchor}` : '');

export function cellLink(entity: Entity, finding: Finding, cell: FindingCell): CellLink {
  const tableId = cell.table ?? finding.table;
  const table = tableId ? entity.tables.find((t) => t.id === tableId) : undefined;
  return {
    label: cell.label,
    line: cell.line,
    ...(table ? { tableHref: paths.table(entity.id, table.id, undefined) + hashOf(anchorForLine(table, cell.line, cell.column)), tableTitle: table.title } : {}),
    sourceHref: paths.source(entity.source, cell.line),
  };
}

/** Whether a finding is about a table: its own, or one with a cell in it. */
export function isAboutTable(finding: Finding, table: Pick<Table, 'id'>): boolean {
  return finding.table === table.id || finding.cells.some((c) => c.table === table.id);
}

/** Findings about a table. */
export function findingsOfTable<T extends { finding: Finding }>(list: readonly T[], table: Table): T[] {
  return list.filter((f) => isAboutTable(f.finding, table));
}

/** Anchors of the table rows that findings point at, with the finding ids. */
export function findingRows(table: Table, list: readonly { id: string; finding: Finding }[]): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const f of list) {
    for (const cell of f.finding.cells) {
      const tableId = cell.table ?? f.finding.table;
      if (tableId !== table.id) continue;
      const anchor = anchorForLine(table, cell.line, cell.column);
      if (!anchor) continue;
      const ids = rows.get(anchor) ?? [];
      if (!ids.includes(f.id)) ids.push(f.id);
      rows.set(anchor, ids);
    }
  }
  return rows;
}

/**
 * The findings page lists every finding while there are few (with a filter
 * by unit and rule). Past DETAILED_MAX it would grow with the corpus, so it
 * becomes an overview: counts by rule, and the
 * units with findings, PER_PAGE to a page, each linking its findings on its
 * own page (every finding's home, see paths.finding).
 */
const FINDINGS_DETAILED_MAX = 500;
export const FINDING_UNITS_PER_PAGE = 200;

export function findingPages(findingCount: number, unitsWithFindings: number): number {
  return findingCount <= FINDINGS_DETAILED_MAX ? 1 : Math.max(1, Math.ceil(unitsWithFindings / FINDING_UNITS_PER_PAGE));
}
