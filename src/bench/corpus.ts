/**
 * The corpus of test documents in templates and layouts other than the seeds:
 * its hand-written expected facts (test/fixtures/corpus/expected.json) and
 * the measurement of one ingested document against them. Shared by the unit
 * test and scripts/corpus-report.ts, so the two can never disagree.
 *
 * Fields the model does not have yet (city, county, phase) are read without
 * assuming them, so the measurement compiles today and counts them once the
 * model carries them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, parseDecimal } from '../ingest/model/decimal.ts';
import type { Entity, TableKindName } from '../ingest/model/schema.ts';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'corpus');

export type LayoutLabel = 'tsv' | 'md' | 'nolead' | 'htmlflat' | 'space' | 'tworow' | 'docx' | 'plain';

export interface PrintedTotal {
  /** As printed, in the document's unit. */
  printed: string;
  /** The same amount in 万元. */
  wan: string;
}

export interface ExpectedDocument {
  file: string;
  layout: LayoutLabel;
  name: string;
  /** Other spellings accepted as the name: the glossed or simplified form of a 繁體 name. */
  nameAlternatives?: string[];
  code: string | null;
  province: string;
  city: string;
  county: string;
  year: number;
  phase: '预算' | '决算';
  unit: '元' | '千元' | '万元' | '亿元';
  tables: TableKindName[];
  /** Amounts printed in the tables (placeholders and empty cells excluded; a printed 0.00 counts). */
  amounts: number;
  /** The same, table by table. */
  amountsByTable: Partial<Record<TableKindName, number>>;
  totals: { income: PrintedTotal; expenditure: PrintedTotal } | null;
  /** The one deliberate inconsistency of the document and the rule that should report it. */
  inconsistency: { rule: string; table: string; where: string; alsoMayFire?: string[] } | null;
  notes?: string;
}

export function loadExpected(): ExpectedDocument[] {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as ExpectedDocument[];
}

/** The facts checked for every document, in report order. */
export const FACTS = ['entity', 'name', 'code', 'province', 'city', 'county', 'year', 'phase', 'unit', 'tables', 'amounts', 'totals', 'findings'] as const;
export type Fact = (typeof FACTS)[number];

export interface Gap {
  facts: readonly Fact[];
  why: string;
}

/**
 * Facts the ingest gets wrong today, by document (file name without .txt),
 * whatever format the document is published in: the corpus tests run them as
 * `it.fails`, so one that starts passing says so.
 */
export const KNOWN_GAPS: Readonly<Record<string, Gap>> = {
  c21_ningling_nongye_flat_2021: {
    facts: ['tables', 'amounts', 'totals'],
    why: 'a 收支总表 squashed onto one line with its income and expenditure columns interleaved is kept as a flattened table: its amounts stay unplaced (read:flattened-table, table:flattened-row)',
  },
};

export interface Measured {
  entities: number;
  entity?: Entity;
  tablesRecognized: TableKindName[];
  tablesPresentFound: number;
  amountsPlaced: number;
  facts: Record<Fact, boolean>;
  /** What the model says for each fact, for failure messages and the report. */
  got: Record<Fact, unknown>;
}

/** A field of the entity that the schema may not declare yet. */
function field(entity: Entity | undefined, key: string): unknown {
  return entity ? (entity as unknown as Record<string, unknown>)[key] : undefined;
}

const PHASE_WORDS: Record<ExpectedDocument['phase'], readonly string[]> = {
  预算: ['预算', 'budget'],
  决算: ['决算', 'actual', 'final'],
};

/** Cells holding an amount across the entity's tables. */
export function amountsPlaced(entity: Entity | undefined): number {
  let n = 0;
  for (const table of entity?.tables ?? []) for (const row of table.rows) for (const cell of row.cells) if (cell.value !== undefined) n++;
  return n;
}

function sameAmount(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return !!x && !!y && compare(x, y) === 0;
}

/** The entity the document is about: the one whose name matches, else the first. */
function chooseEntity(entities: readonly Entity[], expected: ExpectedDocument): Entity | undefined {
  const names = [expected.name, ...(expected.nameAlternatives ?? [])];
  return entities.find((e) => names.includes(e.name)) ?? entities[0];
}

export function measure(expected: ExpectedDocument, entities: readonly Entity[]): Measured {
  const entity = chooseEntity(entities, expected);
  const names = [expected.name, ...(expected.nameAlternatives ?? [])];
  // A table counts as recognized when its kind is known and, if it prints
  // amounts, at least one of them landed in a cell: a title alone is not a table.
  const recognized = [
    ...new Set(
      (entity?.tables ?? [])
        .filter((t) => !expected.amountsByTable[t.kind] || t.rows.some((r) => r.cells.some((c) => c.value !== undefined)))
        .map((t) => t.kind),
    ),
  ];
  const present = expected.tables.filter((k) => recognized.includes(k)).length;
  const placed = amountsPlaced(entity);
  const totals = entity?.totals ?? {};
  const findings = entity?.findings ?? [];
  const phase = field(entity, 'phase');
  const withAmounts = (entity?.tables ?? []).filter((t) => t.rows.some((r) => r.cells.some((c) => c.value !== undefined)));
  const got: Record<Fact, unknown> = {
    entity: entities.length,
    name: entity?.name,
    code: entity?.code,
    province: entity?.province,
    city: field(entity, 'city'),
    county: field(entity, 'county'),
    year: entity?.year,
    phase,
    unit: entity?.unit,
    tables: recognized,
    amounts: placed,
    totals,
    findings: findings.map((f) => `${f.severity}:${f.ruleId}`),
  };
  const facts: Record<Fact, boolean> = {
    entity: entity !== undefined,
    // A name that carried markup is compared as printed (the model keeps it as printedName).
    name: entity !== undefined && (names.includes(entity.name) || (entity.printedName !== undefined && names.includes(entity.printedName))),
    code: entity !== undefined && (expected.code === null ? !entity.code : entity.code === expected.code),
    province: entity !== undefined && entity.province === expected.province,
    city: field(entity, 'city') === expected.city,
    county: field(entity, 'county') === expected.county,
    year: entity?.year === expected.year,
    phase: typeof phase === 'string' && PHASE_WORDS[expected.phase].includes(phase),
    // The document's unit, on the entity or on every table that holds amounts.
    unit:
      (entity?.unit as string | undefined) === expected.unit ||
      (withAmounts.length > 0 && withAmounts.every((t) => (t.unit as string | null) === expected.unit)),
    tables: entity !== undefined && present === expected.tables.length,
    amounts: entity !== undefined && placed === expected.amounts,
    totals:
      entity !== undefined &&
      (expected.totals === null
        ? totals.income === undefined && totals.expenditure === undefined
        : sameAmount(totals.income, expected.totals.income.wan) && sameAmount(totals.expenditure, expected.totals.expenditure.wan)),
    findings:
      entity !== undefined &&
      (expected.inconsistency === null
        ? !findings.some((f) => f.severity === 'error')
        : findings.some((f) => f.ruleId === expected.inconsistency!.rule)),
  };
  return { entities: entities.length, ...(entity ? { entity } : {}), tablesRecognized: recognized, tablesPresentFound: present, amountsPlaced: placed, facts, got };
}
