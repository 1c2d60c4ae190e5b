/**
 * Reader for tables printed as space-aligned columns (`pdftotext -layout`):
 * cells are separated by two spaces or more, an empty cell is a longer run
 * of spaces. Column boundaries are worked out for each table from the
 * alignment of its lines: numbers are right-aligned (their ends line up),
 * labels left-aligned (their starts line up). Header lines, whose labels may
 * be centred over their columns, are placed on the columns they overlap.
 */
import { parseAmount } from '../model/money.ts';
import type { Block, Cell, Reader, Row } from './blocks.ts';
import { heading, isBlank } from './lines.ts';

interface Field {
  text: string;
  /** 0-based index of the first character. */
  start: number;
  /** 0-based index after the last character. */
  end: number;
  value: boolean;
}

const FIELD_RE = /\S+(?: \S+)*/g;
const MAX_LINE = 400;
/** Amounts are short; longer fields are labels without parsing them. */
const MAX_AMOUNT = 24;
/** A centred heading starts past the label columns; titles and captions start near the margin. */
const GROUP_INDENT = 20;

/** East Asian wide characters (CJK, full-width forms): two columns on a screen and in an editor. */
const WIDE_RE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Fields of a line: text runs separated by two spaces or more (an ideographic space counts as two).
 * Positions count characters, or display columns when `wide` (a text aligned in an editor, where a
 * Chinese character takes two columns, rather than by `pdftotext`, where it takes one).
 */
function fieldsOf(line: string, wide = false): Field[] {
  // A printed table line is never this long: prose, read as a paragraph.
  if (line.length > MAX_LINE) return [];
  const text = line.replace(/\u3000/g, '  ');
  const columnAt: number[] = [0];
  for (let i = 0; i < text.length; i++) columnAt.push(columnAt[i]! + (wide && WIDE_RE.test(text[i]!) ? 2 : 1));
  const fields: Field[] = [];
  for (let m = FIELD_RE.exec(text); m; m = FIELD_RE.exec(text)) {
    const kind = m[0].length <= MAX_AMOUNT ? parseAmount(m[0]).kind : 'text';
    fields.push({ text: m[0], start: columnAt[m.index]!, end: columnAt[m.index + m[0].length]!, value: kind === 'amount' || kind === 'placeholder' });
  }
  FIELD_RE.lastIndex = 0;
  return fields;
}

/**
 * Whether a text's tables line up in display columns rather than in characters: the count that
 * gives the data lines fewer distinct edges (number ends, label starts) is the one they were aligned in.
 */
function alignedWide(lines: readonly string[]): boolean {
  const edges = (wide: boolean) => {
    const seen = new Set<number>();
    for (const line of lines) {
      const fields = fieldsOf(line, wide);
      if (!isDataLine(line, fields)) continue;
      for (const f of fields) seen.add(f.value ? f.end : -1 - f.start);
    }
    return seen.size;
  };
  return edges(true) < edges(false);
}

/** A table line: two fields or more and at least one number, no other layout's separators. */
function isDataLine(line: string, fields: readonly Field[]): boolean {
  return fields.length >= 2 && fields.some((f) => f.value) && !/[\t|]/.test(line) && !/[。；]/.test(line);
}

interface Column {
  kind: 'label' | 'value';
  anchor: number;
  start: number;
  end: number;
  lines: Set<number>;
}

/** Columns of a table from its data lines: fields grouped by the edge they align on. */
function columnsOf(lines: readonly { fields: Field[]; index: number }[]): { columns: Column[]; of: Map<Field, Column> } {
  const columns: Column[] = [];
  const of = new Map<Field, Column>();
  const all = lines.flatMap((l) => l.fields.map((f) => ({ f, index: l.index, anchor: f.value ? f.end : f.start })));
  all.sort((a, b) => a.anchor - b.anchor);
  for (const { f, index, anchor } of all) {
    const kind = f.value ? 'value' : 'label';
    let column = columns.find((c) => c.kind === kind && Math.abs(c.anchor - anchor) <= 2);
    if (!column) {
      column = { kind, anchor, start: f.start, end: f.end, lines: new Set() };
      columns.push(column);
    }
    column.start = Math.min(column.start, f.start);
    column.end = Math.max(column.end, f.end);
    column.lines.add(index);
    of.set(f, column);
  }
  columns.sort((a, b) => a.start - b.start || a.end - b.end);
  // Neighbouring columns of one kind that never share a line are one column printed unevenly (an indented 其中 row).
  for (let i = 0; i + 1 < columns.length; ) {
    const [a, b] = [columns[i]!, columns[i + 1]!];
    if (a.kind === b.kind && ![...a.lines].some((l) => b.lines.has(l))) {
      a.start = Math.min(a.start, b.start);
      a.end = Math.max(a.end, b.end);
      for (const l of b.lines) a.lines.add(l);
      for (const [f, c] of of) if (c === b) of.set(f, a);
      columns.splice(i + 1, 1);
    } else i++;
  }
  return { columns, of };
}

/**
 * The column a field of a header or label-only line sits on: the one whose
 * edge it lines up with (start of a label column, end of a number column),
 * else the one under its middle, else the leftmost it overlaps, else the nearest.
 */
function placeField(field: Field, columns: readonly Column[]): number {
  const aligned = columns.findIndex((c) => (c.kind === 'label' ? Math.abs(c.start - field.start) : Math.abs(c.end - field.end)) <= 1);
  if (aligned >= 0) return aligned;
  const middle = (field.start + field.end) / 2;
  const under = columns.findIndex((c) => c.start <= middle && middle < c.end);
  if (under >= 0) return under;
  const overlap = columns.findIndex((c) => field.start < c.end && c.start < field.end);
  if (overlap >= 0) return overlap;
  let best = 0;
  let distance = Infinity;
  columns.forEach((c, i) => {
    const d = Math.min(Math.abs(c.start - field.start), Math.abs(c.end - field.end));
    if (d < distance) [best, distance] = [i, d];
  });
  return best;
}

function rowOf(lineNo: number, fields: readonly Field[], columns: readonly Column[], of: Map<Field, Column>): Row {
  const texts: (Cell | null)[] = columns.map(() => null);
  for (const field of fields) {
    const known = of.get(field);
    const index = known ? columns.indexOf(known) : placeField(field, columns);
    const cell = texts[index];
    texts[index] = cell ? { ...cell, text: `${cell.text} ${field.text}` } : { text: field.text, line: lineNo, column: field.start + 1 };
  }
  return { line: lineNo, cells: texts.map((c, i) => c ?? { text: '', line: lineNo, column: columns[i]!.start + 1 }) };
}

interface Span {
  from: number;
  to: number;
}

/** One label, no caption or sentence, standing far right of where rows start: it heads columns, it is no title. */
function isGroupHeading(line: string, fields: readonly Field[]): boolean {
  return fields.length === 1 && !fields[0]!.value && fields[0]!.start >= GROUP_INDENT && !/[:：\t|。；，]/.test(line);
}

/** Line ranges of the tables: data lines with the header lines just above them and label-only lines between them. */
function tableSpans(lines: readonly string[], fields: readonly Field[][]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isDataLine(lines[i]!, fields[i]!)) {
      i++;
      continue;
    }
    let to = i;
    let j = i + 1;
    let dataLines = 1;
    const labelStarts = fields[i]!.filter((f) => !f.value).map((f) => f.start);
    // Continue over label-only lines and single blank lines while data lines follow.
    while (j < lines.length) {
      if (isDataLine(lines[j]!, fields[j]!)) {
        labelStarts.push(...fields[j]!.filter((f) => !f.value).map((f) => f.start));
        to = j;
        dataLines++;
        j++;
        continue;
      }
      const blank = isBlank(lines[j]!);
      const line = lines[j]!;
      const indent = line.length - line.trimStart().length;
      // A label-only line is a row when it starts near the margin or where a label column of the rows above starts
      // (the right half of a two-sided table); a caption (部门：…  单位：万元) is never a row.
      const onLabelColumn = fields[j]!.length >= 1 && labelStarts.some((s) => Math.abs(s - fields[j]![0]!.start) <= 2);
      const labelOnly = !blank && fields[j]!.length >= 1 && !/[\t|。；，:：]/.test(line) && fields[j]!.every((f) => !f.value) && (indent < 20 || onLabelColumn);
      if (!blank && !labelOnly) break;
      // After a blank line, a line of one label is a title or heading: the next table or the text after this one.
      if (labelOnly && isBlank(lines[j - 1]!) && fields[j]!.length === 1) break;
      if (blank && j + 1 < lines.length && isBlank(lines[j + 1]!)) break;
      j++;
    }
    // Header lines: the lines right above, of two fields or more without numbers and without `：` captions.
    let from = i;
    while (from > 0 && fields[from - 1]!.length >= 2 && !/[:：\t|。；，]/.test(lines[from - 1]!) && fields[from - 1]!.every((f) => !f.value)) from--;
    // A group heading centred over amount columns (决算数 over 合计 | 基本支出 | 项目支出) is one label far from the margin, right above the header.
    if (from < i && from > 0 && isGroupHeading(lines[from - 1]!, fields[from - 1]!)) from--;
    // One line of numbers is a table only under a header that lines up with it.
    if (dataLines >= 2 || from < i) spans.push({ from, to });
    i = to + 1;
  }
  return spans;
}

function readTable(lines: readonly string[], fields: readonly Field[][], span: Span): Row[] {
  const data = [];
  for (let i = span.from; i <= span.to; i++) if (isDataLine(lines[i]!, fields[i]!)) data.push({ fields: fields[i]!, index: i });
  const { columns, of } = columnsOf(data);
  const rows: Row[] = [];
  for (let i = span.from; i <= span.to; i++) if (fields[i]!.length) rows.push(rowOf(i + 1, fields[i]!, columns, of));
  return rows;
}

export const alignedReader: Reader = {
  name: 'aligned-columns',
  description: 'Tables as `pdftotext -layout` prints them: columns aligned with spaces, empty cells as runs of spaces',
  sniff(lines) {
    let total = 0;
    let hits = 0;
    for (const line of lines) {
      if (isBlank(line)) continue;
      total++;
      if (line.length <= MAX_LINE && isDataLine(line, fieldsOf(line))) hits++;
    }
    return total ? hits / total : 0;
  },
  read(lines) {
    const wide = alignedWide(lines);
    const fields = lines.map((line) => fieldsOf(line, wide));
    const spans = tableSpans(lines, fields);
    const blocks: Block[] = [];
    let next = 0;
    const text = (i: number) => {
      const line = lines[i]!;
      if (isBlank(line)) return;
      blocks.push(heading(line, i + 1) ?? { type: 'paragraph', text: line.trim(), line: i + 1 });
    };
    for (const span of spans) {
      for (let i = next; i < span.from; i++) text(i);
      const rows = readTable(lines, fields, span);
      blocks.push({ type: 'table', rows, line: rows[0]!.line, endLine: rows.at(-1)!.line });
      next = span.to + 1;
    }
    for (let i = next; i < lines.length; i++) text(i);
    return blocks;
  },
};
