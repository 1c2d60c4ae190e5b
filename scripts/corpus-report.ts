/**
 * node --experimental-strip-types scripts/corpus-report.ts [--json] [--write-seed-baseline]
 *
 * How well the ingest reads documents it was not written for: every document
 * of test/fixtures/corpus/ against its hand-written facts (expected.json), and
 * the five seeds against the baseline of what the model held for them when
 * the baseline was written (seeds-baseline.json), so a change that reads new
 * layouts can show that it reads the seeds no worse.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestSource } from '../src/ingest/ingest.ts';
import { compare, parseDecimal } from '../src/ingest/model/decimal.ts';
import type { Entity } from '../src/ingest/model/schema.ts';
import { amountsPlaced, CORPUS_DIR, loadExpected, measure } from '../src/bench/corpus.ts';
import { cli } from './lib/cli.ts';

const { values } = cli({
  usage: 'node --experimental-strip-types scripts/corpus-report.ts [options]',
  summary: `Prints, as markdown tables, for each corpus document (test/fixtures/corpus/) and
each seed (seeds/): the layout, whether the entity is found, whether its name,
region (province/city/county) and year are right, tables recognized out of
tables present, amounts placed out of amounts present, and whether the totals
are right. For the seeds, "present" is the baseline in
test/fixtures/corpus/seeds-baseline.json.`,
  options: {
    json: { type: 'boolean', description: 'print the figures as JSON instead of markdown' },
    'write-seed-baseline': { type: 'boolean', description: 'rewrite seeds-baseline.json from the current ingest' },
  },
});

const ROOT = join(CORPUS_DIR, '..', '..', '..');
const SEEDS_DIR = join(ROOT, 'seeds');
const BASELINE = join(CORPUS_DIR, 'seeds-baseline.json');

const mark = (ok: boolean): string => (ok ? 'yes' : '**no**');
const ratio = (a: number, b: number): string => (a === b ? `${a}/${b}` : `**${a}/${b}**`);

// ---- corpus ---------------------------------------------------------------
interface CorpusRow {
  file: string;
  layout: string;
  readAs: string;
  entity: boolean;
  name: boolean;
  region: { province: boolean; city: boolean; county: boolean };
  year: boolean;
  phase: boolean;
  unit: boolean;
  tables: [number, number];
  amounts: [number, number];
  totals: boolean;
  findings: boolean;
}

const corpus: CorpusRow[] = loadExpected().map((doc) => {
  const { source, entities } = ingestSource(doc.file, readFileSync(join(CORPUS_DIR, doc.file)));
  const m = measure(doc, entities);
  return {
    file: doc.file,
    layout: doc.layout,
    readAs: source.layout,
    entity: m.facts.entity,
    name: m.facts.name,
    region: { province: m.facts.province, city: m.facts.city, county: m.facts.county },
    year: m.facts.year,
    phase: m.facts.phase,
    unit: m.facts.unit,
    tables: [m.tablesPresentFound, doc.tables.length],
    amounts: [m.amountsPlaced, doc.amounts],
    totals: m.facts.totals,
    findings: m.facts.findings,
  };
});

// ---- seeds ----------------------------------------------------------------
interface SeedEntityBaseline {
  id: string;
  name: string;
  province?: string;
  year: number;
  tables: string[];
  amounts: number;
  totals: { income?: string | undefined; expenditure?: string | undefined };
}
type SeedBaseline = Record<string, SeedEntityBaseline[]>;

function seedEntities(): Record<string, Entity[]> {
  const out: Record<string, Entity[]> = {};
  for (const file of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    out[file] = ingestSource(file, readFileSync(join(SEEDS_DIR, file))).entities;
  }
  return out;
}

const seeds = seedEntities();
if (values['write-seed-baseline']) {
  const baseline: SeedBaseline = {};
  for (const [file, entities] of Object.entries(seeds)) {
    baseline[file] = entities.map((e) => ({
      id: e.id,
      name: e.name,
      ...(e.province ? { province: e.province } : {}),
      year: e.year,
      tables: [...new Set(e.tables.map((t) => t.kind))],
      amounts: amountsPlaced(e),
      totals: e.totals,
    }));
  }
  writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 1)}\n`);
  console.error(`wrote ${BASELINE}`);
}
const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as SeedBaseline;

const same = (a: string | undefined, b: string | undefined): boolean => {
  if (a === undefined || b === undefined) return a === b;
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  return !!x && !!y && compare(x, y) === 0;
};

interface SeedRow {
  file: string;
  entity: string;
  found: boolean;
  name: boolean;
  /** The province the model gives now; a regression only when the baseline had one and it changed. */
  province: string;
  provinceKept: boolean;
  year: boolean;
  tables: [number, number];
  amounts: [number, number];
  totals: boolean;
}

const seedRows: SeedRow[] = [];
for (const [file, expected] of Object.entries(baseline)) {
  const entities = seeds[file] ?? [];
  for (const b of expected) {
    const e = entities.find((x) => x.id === b.id) ?? entities.find((x) => x.name === b.name);
    const kinds = new Set(e?.tables.map((t) => t.kind) ?? []);
    seedRows.push({
      file,
      entity: b.name,
      found: e !== undefined,
      name: e?.name === b.name,
      province: e?.province ?? '',
      provinceKept: b.province === undefined || e?.province === b.province,
      year: e?.year === b.year,
      tables: [b.tables.filter((k) => kinds.has(k as never)).length, b.tables.length],
      amounts: [amountsPlaced(e), b.amounts],
      totals: !!e && same(e.totals.income, b.totals.income) && same(e.totals.expenditure, b.totals.expenditure),
    });
  }
}

// ---- output ---------------------------------------------------------------
if (values.json) {
  console.log(JSON.stringify({ corpus, seeds: seedRows }, null, 2));
  process.exit(0);
}

const sumOf = (rows: { tables: [number, number]; amounts: [number, number] }[], k: 'tables' | 'amounts', i: 0 | 1): number =>
  rows.reduce((s, r) => s + r[k][i], 0);

console.log('## Corpus (test/fixtures/corpus)\n');
console.log('| document | layout | read as | entity | name | province / city / county | year | phase | unit | tables | amounts | totals | findings |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of corpus) {
  const region = [r.region.province, r.region.city, r.region.county].map(mark).join(' / ');
  console.log(
    `| ${r.file.replace(/\.txt$/, '')} | ${r.layout} | ${r.readAs} | ${mark(r.entity)} | ${mark(r.name)} | ${region} | ${mark(r.year)} | ${mark(r.phase)} | ${mark(r.unit)} | ${ratio(...r.tables)} | ${ratio(...r.amounts)} | ${mark(r.totals)} | ${mark(r.findings)} |`,
  );
}
const count = (p: (r: CorpusRow) => boolean): string => `${corpus.filter(p).length}/${corpus.length}`;
console.log(
  `\nEntities found ${count((r) => r.entity)}; name right ${count((r) => r.name)}; region right ${count((r) => r.region.province && r.region.city && r.region.county)}; ` +
    `year right ${count((r) => r.year)}; tables ${sumOf(corpus, 'tables', 0)}/${sumOf(corpus, 'tables', 1)}; amounts ${sumOf(corpus, 'amounts', 0)}/${sumOf(corpus, 'amounts', 1)}; ` +
    `totals right ${count((r) => r.totals)}; findings as expected ${count((r) => r.findings)}.`,
);

console.log('\n## Seeds (against seeds-baseline.json)\n');
console.log('| seed | entity | found | name | province (now) | year | tables | amounts | totals |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of seedRows) {
  console.log(
    `| ${r.file.replace(/\.txt$/, '')} | ${r.entity} | ${mark(r.found)} | ${mark(r.name)} | ${r.provinceKept ? r.province || '–' : `**${r.province || '–'} (was other)**`} | ${mark(r.year)} | ${ratio(...r.tables)} | ${ratio(...r.amounts)} | ${mark(r.totals)} |`,
  );
}
console.log(`\nSeeds: tables ${sumOf(seedRows, 'tables', 0)}/${sumOf(seedRows, 'tables', 1)}; amounts ${sumOf(seedRows, 'amounts', 0)}/${sumOf(seedRows, 'amounts', 1)}.`);
