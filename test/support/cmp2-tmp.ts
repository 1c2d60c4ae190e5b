import { readFileSync } from 'node:fs';
import { documentOf, writeXlsx } from './originals.ts';
import { read } from '../../src/ingest/read/index.ts';
import { readXlsx } from '../../src/ingest/read/originals/xlsx.ts';
import { Reporter } from '../../src/ingest/diagnostics.ts';
const file = process.argv[2]!;
const text = readFileSync(`seeds/${file}`, 'utf8');
const a = read(text, new Reporter('a')).blocks;
const b = (await readXlsx(writeXlsx(documentOf(text)), new Reporter('b')))!.blocks;
const sig = (x: any) => x.type === 'table' ? `table ${x.rows.length}x${x.rows.map((r: any) => r.cells.length).join(',')} ${x.rows.map((r: any) => r.cells.map((c: any) => c.text).join('|')).join(' / ').slice(0, 3000)}` : `${x.type} ${x.text}`;
let shown = 0;
for (let i = 0; i < Math.max(a.length, b.length); i++) {
  if (sig(a[i]) !== sig(b[i])) { console.log(i, 'A', a[i]?.line, sig(a[i]).slice(0, 300), '\n   B', sig(b[i]).slice(0, 300)); if (++shown > 6) break; }
}
console.log(a.length, b.length);
