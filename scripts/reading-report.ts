/**
 * Per unit of content/: findings before and after grouping into causes
 * (and how many are rounding gaps), and header labels rejected as
 * unreadable. `node --experimental-strip-types scripts/reading-report.ts`
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, HeaderCellData } from '../src/ingest/model/schema.ts';
import { diagnose } from '../src/lib/diagnosis.ts';
import { unreadableHeaders } from '../src/lib/header-labels.ts';
import { cli } from './lib/cli.ts';

const { config } = cli({
  usage: 'node --experimental-strip-types scripts/reading-report.ts [options]',
  summary: `Per unit of the content folder: findings before and after grouping into causes (and how many
are rounding gaps), and header labels rejected as unreadable.`,
  settings: ['content'],
});

const dir = join(config.content, 'entities');
const count = (cells: readonly HeaderCellData[]): number => cells.reduce((n, c) => n + (c.label ? 1 : 0) + count(c.children), 0);
for (const file of readdirSync(dir).sort()) {
  const entity = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Entity;
  const d = diagnose(entity.tables, entity.findings.map((finding, i) => ({ id: `f${i + 1}`, finding })));
  const labels = entity.tables.reduce((n, t) => n + count(t.header), 0);
  const rejected = entity.tables.flatMap((t) => unreadableHeaders(t.header));
  console.log(
    `${entity.source} ${entity.id}: findings ${entity.findings.length} → causes ${d.causes.length} (${d.causes.map((c) => `${c.symptoms.length} ${c.meaning}`).join(', ') || '-'}), 尾差 ${d.rounding.length}; header labels ${labels}, rejected ${rejected.length}${rejected.length ? `: ${rejected.join(' ')}` : ''}`,
  );
}
