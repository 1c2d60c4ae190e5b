import { readFileSync } from 'node:fs';
import { ingestSource } from '/work/wt/h21/src/ingest/ingest.ts';
for (const f of process.argv.slice(2)) {
  const r = ingestSource(f.split('/').pop()!, readFileSync(f));
  console.log(f, r.source.layout, r.source.phase, r.source.title);
  for (const d of r.source.diagnostics) console.log('  D', d.line, d.ruleId, d.message.slice(0, 100));
  for (const e of r.entities) {
    console.log(' E', e.id, e.unitKey, e.phase, e.year, JSON.stringify(e.totals));
    for (const t of e.tables) console.log('   T', t.id, t.phase, t.title, t.rows.length, t.columns.map((c) => c.role + ':' + c.label).join(','));
    for (const f of e.findings) console.log('   F', f.ruleId, f.message.slice(0, 120));
    for (const x of e.execution ?? []) console.log('   X', JSON.stringify(x));
  }
}
