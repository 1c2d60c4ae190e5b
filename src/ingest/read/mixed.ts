/**
 * Documents that mix layouts: the reader chosen for the whole document
 * reads what it knows, and the text it left as paragraphs is offered to the
 * other readers, so a table in another layout (a web page's `|` rows among
 * tab-separated tables, an aligned table in prose) is still read as one.
 * Only stretches where another reader finds a table change; the rest stays
 * as the first reader gave it.
 */
import type { Block, ReadNote, Reader } from './blocks.ts';

/** Shift every line number of blocks read from a slice starting at line `offset` + 1. */
function shift(blocks: Block[], offset: number): Block[] {
  if (!offset) return blocks;
  for (const block of blocks) {
    block.line += offset;
    if (block.type === 'table') {
      block.endLine += offset;
      for (const row of block.rows) {
        row.line += offset;
        for (const cell of row.cells) cell.line += offset;
      }
    } else if (block.type === 'flat') {
      for (const token of block.tokens) token.line += offset;
    }
  }
  return blocks;
}

export interface Refined {
  blocks: Block[];
  /** Readers that found tables in the text left as paragraphs. */
  used: Reader[];
  /** What the readers could not place. */
  notes: ReadNote[];
}

/**
 * Re-read each run of consecutive paragraph lines with `others`, in order;
 * a reader's result replaces the run when it holds a table.
 */
export function refineParagraphs(blocks: readonly Block[], lines: readonly string[], others: readonly Reader[]): Refined {
  let current: Block[] = [...blocks];
  const used: Reader[] = [];
  const notes: ReadNote[] = [];
  for (const reader of others) {
    const out: Block[] = [];
    let run: Block[] = [];
    let found = false;
    const flush = () => {
      if (!run.length) return;
      const from = run[0]!.line - 1;
      const to = run.at(-1)!.line;
      const own: ReadNote[] = [];
      const reread = run.length >= 2 ? shift(reader.read(lines.slice(from, to), own), from) : [];
      // What a reader saw in its layout and could not place is reported even when it found no table there.
      notes.push(...own.map((n) => ({ ...n, line: n.line + from })));
      if (reread.some((b) => b.type === 'table')) {
        out.push(...reread);
        found = true;
      } else out.push(...run);
      run = [];
    };
    for (const block of current) {
      // A run is paragraphs on consecutive lines (blank lines between them allowed).
      if (block.type === 'paragraph' && (!run.length || lines.slice(run.at(-1)!.line, block.line - 1).every((l) => l.trim() === ''))) {
        run.push(block);
        continue;
      }
      flush();
      if (block.type === 'paragraph') run.push(block);
      else out.push(block);
    }
    flush();
    if (found) used.push(reader);
    current = out;
  }
  return { blocks: current, used, notes };
}
