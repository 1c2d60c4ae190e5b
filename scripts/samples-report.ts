/**
 * node --experimental-strip-types scripts/samples-report.ts <folder>
 *
 * How many text files of a folder of real disclosure passages the ingest
 * publishes as a unit: per file, the unit (name, place, year), its tables
 * and the amounts placed, or the error that kept it back. The folder is
 * read where it is; nothing of it is copied into the project.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestSource } from '../src/ingest/ingest.ts';

const HELP = `usage: node --experimental-strip-types scripts/samples-report.ts <folder>

Ingests every .txt file of <folder> and prints, as a markdown table, whether
it publishes a unit (its name, province / city / county, year), how many
tables and placed amounts it holds, or the errors that kept it back; then
how many files publish a unit.`;

const folder = process.argv[2];
if (!folder || folder === '-h' || folder === '--help') {
  console.log(HELP);
  process.exit(folder ? 0 : 1);
}

const files = readdirSync(folder)
  .filter((f) => f.endsWith('.txt'))
  .sort();
console.log('| file | unit | place | year | tables | amounts | errors |');
console.log('|---|---|---|---|---|---|---|');
let published = 0;
for (const file of files) {
  const { source, entities } = ingestSource(file, readFileSync(join(folder, file)));
  const errors = [...new Set(source.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId))].join(', ');
  if (entities.length) published++;
  if (!entities.length) console.log(`| ${file} | — | — | — | 0 | 0 | ${errors} |`);
  for (const e of entities) {
    const place = [e.province, e.city, e.county].map((p) => p ?? '?').join(' / ');
    const amounts = e.tables.reduce((n, t) => n + t.rows.reduce((m, r) => m + r.cells.filter((c) => c.value !== undefined).length, 0), 0);
    console.log(`| ${file} | ${e.name} | ${place} | ${e.year} | ${e.tables.length} | ${amounts} | ${errors} |`);
  }
}
console.log(`\n${published} of ${files.length} files publish a unit.`);
