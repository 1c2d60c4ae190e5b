import { readFileSync, writeFileSync } from 'node:fs';
import { documentOf, writeDocx, writeXlsx, writeHtml } from '/work/wt/h20orig/test/support/originals.ts';
import { ingestFile, ingestSource } from '/work/wt/h20orig/src/ingest/ingest.ts';
const file = process.argv[2]!;
const text = readFileSync(`/work/wt/h20orig/seeds/${file}`, 'utf8');
const items = documentOf(text);
const outs: [string, Uint8Array][] = [['x.docx', await writeDocx(items)], ['x.xlsx', writeXlsx(items)], ['x.html', new TextEncoder().encode(writeHtml(items))]];
const base = ingestSource(file, readFileSync(`/work/wt/h20orig/seeds/${file}`));
const sum = (r: any) => r.entities.map((e: any) => `${e.id} tables=${e.tables.length} rows=${e.tables.reduce((n: number, t: any) => n + t.rows.length, 0)} kinds=${e.tables.map((t: any) => t.kind).join(',')}`).join('\n   ');
console.log('text', sum(base), base.source.diagnostics.length);
for (const [name, bytes] of outs) {
  writeFileSync(`/tmp/${file}.${name}`, bytes);
  const t0 = performance.now();
  const r = await ingestFile(name, bytes);
  console.log(name, (performance.now() - t0).toFixed(0), 'ms', r.source.layout, r.source.lines, '\n  ', sum(r), r.source.diagnostics.length);
  for (const d of r.source.diagnostics.filter((d) => d.severity !== 'info').slice(0, 8)) console.log('    ', d.ruleId, d.line, d.message.slice(0, 100));
}
