/**
 * npm run inspect -- <file> [--regions] [--entity <code>] [--json]
 *
 * Shows how the pipeline sees one source: its layout, entity spans and
 * regions (tables with their title, captions and page parts; text), or the
 * whole ingested model as JSON. A tool for writing readers and recognizers.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Reporter, formatDiagnostic } from '../src/ingest/diagnostics.ts';
import { ingestFile } from '../src/ingest/ingest.ts';
import { originalFormatOf, readOriginal } from '../src/ingest/read/originals/index.ts';
import { decode } from '../src/ingest/read/decode.ts';
import { read } from '../src/ingest/read/index.ts';
import { identifyEntities } from '../src/ingest/recognize/entities.ts';
import { regionsOf } from '../src/ingest/recognize/regions.ts';
import { segment } from '../src/ingest/recognize/segment.ts';
import { cli } from './lib/cli.ts';

const { values, positionals } = cli({
  usage: 'npm run inspect -- <file> [options]',
  summary: `Shows how the pipeline sees one source: its layout, entity spans and regions (tables with
their title, captions and page parts; text), or the whole ingested model as JSON.`,
  positionals: '<file>',
  options: {
    json: { type: 'boolean', description: 'print the ingested model as JSON' },
    entity: { type: 'string', value: '<code>', description: 'with --json, only the entity of this code' },
  },
});
const path = positionals[0];
if (!path || positionals.length > 1) {
  console.error('npm run inspect: give one file\nRun with --help to see every option.');
  process.exit(2);
}
const bytes = readFileSync(path);
if (values.json) {
  const { source, entities } = await ingestFile(basename(path), bytes);
  const chosen = values.entity ? entities.filter((e) => e.code === values.entity) : entities;
  console.log(JSON.stringify({ source, entities: chosen }, null, 2));
  process.exit(0);
}
const reporter = new Reporter(basename(path));
// An original (PDF, Word, Excel, web page) is shown as its reader read it.
const format = originalFormatOf(basename(path), bytes);
const reading = format ? await readOriginal(format, bytes, reporter) : null;
const { text } = reading ? { text: reading.lines.join('\n') } : format ? { text: null } : decode(bytes, reporter);
if (text === null) {
  for (const d of reporter.messages) console.log(formatDiagnostic(d));
  process.exit(1);
}
const result = reading ? { layout: reading.format, scores: {}, blocks: reading.blocks } : read(text, reporter);
const identity = identifyEntities(result.blocks);
const spans = segment(result.blocks, regionsOf(result.blocks), identity.entities, text.split('\n').length);
console.log(`layout ${result.layout} ${JSON.stringify(result.scores)}`);
for (const span of spans) {
  if (values.entity && span.entity.code !== values.entity) continue;
  console.log(`\n== ${span.entity.code} ${span.entity.name} (${span.entity.level}) lines ${span.line}-${span.endLine}`);
  for (const r of span.regions) {
    if (r.type === 'text') console.log(`  text  ${r.line}-${r.endLine}  ${r.blocks.length} blocks: ${r.blocks[0]!.text.slice(0, 40)}`);
    else {
      const parts = r.parts.map((p) => (p.type === 'table' ? `${p.line}-${p.endLine} (${p.rows.length} rows)` : `flat@${p.line}`)).join(', ');
      const number = r.number ? `${r.number.text} ` : '';
      const notes = r.notes.length ? `, ${r.notes.length} note(s)` : '';
      console.log(`  table ${r.line}-${r.endLine}  ${number}«${r.title?.text ?? '(untitled)'}»  parts ${parts || 'none'}${notes}`);
    }
  }
}
for (const d of reporter.messages) console.log(formatDiagnostic(d));
