/**
 * Fidelity: every number printed in a table region of a seed reaches the
 * model — as a cell of a data row (same line and column), a header label,
 * a caption, a repeated header or flattened page kept as printed, an
 * unplaced number of a partial row — or is named in a diagnostic of its line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';
import type { HeaderCellData, Table } from '../../src/ingest/model/schema.ts';
import { read } from '../../src/ingest/read/index.ts';
import { regionsOf } from '../../src/ingest/recognize/regions.ts';
import { compact } from '../../src/ingest/recognize/text.ts';

const DIGIT_RE = /\d/;

interface Printed {
  text: string;
  line: number;
  column: number;
}

/** Every cell or token with a digit in the table regions of a document. */
function printedNumbers(text: string, file: string): Printed[] {
  const { blocks } = read(text, new Reporter(file));
  const out: Printed[] = [];
  for (const region of regionsOf(blocks)) {
    if (region.type !== 'table') continue;
    for (const part of region.parts) {
      const cells = part.type === 'table' ? part.rows.flatMap((r) => r.cells) : part.tokens;
      for (const cell of cells) if (DIGIT_RE.test(cell.text)) out.push(cell);
    }
  }
  return out;
}

function headerLabels(nodes: readonly HeaderCellData[], out: Map<number, string[]>): void {
  for (const node of nodes) {
    out.set(node.line, [...(out.get(node.line) ?? []), node.label]);
    headerLabels(node.children, out);
  }
}

function coverage(file: string) {
  const bytes = readFileSync(`seeds/${file}`);
  const { source, entities } = ingestSource(file, bytes);
  const tables: Table[] = entities.flatMap((e) => e.tables);
  const placed = new Set<string>();
  const key = (line: number, column: number) => `${line}:${column}`;
  const lineTexts = new Map<number, string[]>();
  const addLineText = (line: number, text: string) => lineTexts.set(line, [...(lineTexts.get(line) ?? []), compact(text)]);
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of [...row.cells, ...(row.unplaced ?? [])]) if (cell.text) placed.add(`${key(cell.line, cell.column)}:${cell.text}`);
    }
    const labels = new Map<number, string[]>();
    headerLabels(table.header, labels);
    for (const [line, texts] of labels) for (const t of texts) addLineText(line, t);
    for (const caption of table.captions) addLineText(caption.line, caption.text);
    for (const flat of table.flattened ?? []) addLineText(flat.line, flat.text);
    for (const part of table.parts) for (const line of part.headerLines) addLineText(line, '*');
  }
  for (const d of source.diagnostics) addLineText(d.line, d.message);
  const printed = printedNumbers(new TextDecoder().decode(bytes), file);
  const missing = printed.filter((cell) => {
    if (placed.has(`${key(cell.line, cell.column)}:${cell.text}`)) return false;
    const texts = lineTexts.get(cell.line) ?? [];
    return !texts.some((t) => t === '*' || t.includes(compact(cell.text)));
  });
  return { printed: printed.length, missing };
}

describe('every number in a table region reaches the model', () => {
  const files = readdirSync('seeds').filter((f) => !f.startsWith('.') && f !== 'sources.json').sort();
  it.each(files)('%s', (file) => {
    const { printed, missing } = coverage(file);
    const percent = ((100 * (printed - missing.length)) / printed).toFixed(2);
    console.log(`fidelity ${file}: ${printed - missing.length}/${printed} numeric cells (${percent} %)`);
    expect(missing.slice(0, 10)).toEqual([]);
    expect(printed).toBeGreaterThan(100);
  });
});
