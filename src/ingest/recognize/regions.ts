/**
 * Document structure: group blocks into table regions (a title, caption
 * lines such as `单位：万元`, one or more page parts, notes) and text regions
 * (the prose between them). A table broken over pages comes back as one
 * region whose parts are the pages; a title with captions but no rows is
 * still a region (the document announced a table and printed none).
 */
import type { Block, FlatBlock, HeadingBlock, ParagraphBlock, TableBlock } from '../read/blocks.ts';
import { parseBareUnitLine, parseNameLabel, parseUnitLine, parseYear } from './identity.ts';
import { compact, plainTitle, stripEnumerator } from './text.ts';
import { moneyUnitIn, moneyUnitOfLine, type MoneyUnit } from '../model/money.ts';

export interface Line {
  text: string;
  line: number;
}

export interface TableRegion {
  type: 'table';
  title?: Line;
  /** Number printed before the title, e.g. `表5`, `表14-2`. */
  number?: Line;
  /** Lines printed between title and rows, and above later page parts. */
  captions: Line[];
  parts: (TableBlock | FlatBlock)[];
  notes: Line[];
  line: number;
  endLine: number;
}

export interface TextRegion {
  type: 'text';
  blocks: (HeadingBlock | ParagraphBlock)[];
  /** A table of contents (dot leaders, page numbers): kept as text, not data. */
  toc?: TableBlock;
  line: number;
  endLine: number;
}

export type Region = TableRegion | TextRegion;

/** `表5`, `表14-2`; final accounts number theirs `公开02表` or `公开表02`, often on the line after the title. */
const TABLE_NUMBER_RE = /^(?:表\s*\d+(?:\s*[-－—]\s*\d+)?|公开\s*\d+\s*表|公开表\s*\d+)$/;
const TITLE_END_RE = /(?:表|一览|清单)(?:[(（][^()（）]{1,20}[)）])?$/;
const TITLE_WORD_RE = /政府采购预算$|机构设置情况$|绩效(?:目标|指标)$|资产占用情况$|报表目录$/;
const NOTE_RE = /^注\s*[:：\d]/;
const YEAR_ONLY_RE = /^[(（]?\s*20\d\d\s*年度?\s*[)）]?$/;
const AS_OF_RE = /^截[止至]\s*(?:时间|日期)?\s*[:：]/;
const GARBLED_UNIT_LINE_RE = /^\d{6,9}\s+\S{1,20}$/;
const DOT_LEADER_RE = /\.{4,}|…{2,}|·{4,}/;

/** A line naming the table: ends with 表 or is one of the few untitled kinds. */
export function isTitle(text: string): boolean {
  const t = stripEnumerator(plainTitle(text));
  if (t.length < 4 || t.length > 90 || /[，。；]/.test(t)) return false;
  return TITLE_END_RE.test(t) || TITLE_WORD_RE.test(t);
}

/** The money unit a caption line declares (`单位：万元`, `单位: 元`, `单位,亿元`, `（单位：千元）`). */
export function moneyUnitOf(text: string): MoneyUnit | null {
  return moneyUnitOfLine(text);
}

/** The money unit a caption declares, alone on its line or after other labels (`单位名称：某某局　单位：元`). */
export function captionUnitOf(text: string): MoneyUnit | null {
  return moneyUnitOfLine(text) ?? (/单位[:：]/.test(text) ? moneyUnitIn(text) : null);
}

/**
 * Caption lines printed above a table or a page of it: unit line (with or
 * without its code), name labels, budget year, money unit, cut-off date, table number.
 */
export function isCaption(text: string): boolean {
  const t = compact(text);
  if (isOneCaption(t) || GARBLED_UNIT_LINE_RE.test(text.trim())) return true;
  // Labels printed apart on one line and joined when the text was extracted (部门编码：341001部门名称：某某局).
  const pieces = t.split(LABEL_START_RE).filter(Boolean);
  return pieces.length > 1 && pieces.every(isOneCaption);
}

/** Where a label of a caption line starts inside a line: 单位名称：, 部门编码：, 编制单位：. */
const LABEL_START_RE = /(?=(?:单位|部门|编制|预算)(?:名称|编码|代码|单位|部门)?[:：])/;

function isOneCaption(t: string): boolean {
  return (
    parseUnitLine(t) !== null ||
    parseNameLabel(t) !== null ||
    parseBareUnitLine(t) !== null ||
    /^(?:单位|部门|部门[(（]单位[)）])名称[:：]?/.test(t) ||
    /^(?:预算)?(?:单位|部门)(?:编码|代码)[:：]\s*\d{3,}$/.test(t) ||
    (parseYear(t) !== null && t.length <= 20) ||
    moneyUnitOf(t) !== null ||
    (/单位[:：]/.test(t) && !/[，。；]/.test(t) && moneyUnitIn(t) !== null) ||
    YEAR_ONLY_RE.test(t) ||
    AS_OF_RE.test(t) ||
    TABLE_NUMBER_RE.test(t)
  );
}

function isNote(text: string): boolean {
  return NOTE_RE.test(compact(text));
}

/** A table of contents: most rows end in dot leaders or follow a 目录 title. */
function isTocTable(block: TableBlock): boolean {
  const leaders = block.rows.filter((r) => r.cells.some((c) => DOT_LEADER_RE.test(c.text))).length;
  return leaders > 0 && leaders >= block.rows.length / 2;
}

const NUMBER_RE = /^[-(（]?\d[\d,]*(\.\d+)?[)）]?$/;

function hasNumbers(block: TableBlock | FlatBlock): boolean {
  if (block.type === 'flat') return true;
  return block.rows.some((r) => r.cells.some((c) => NUMBER_RE.test(c.text.trim()) && !/^\d{1,2}$/.test(c.text.trim())));
}

function rowsAsText(block: TableBlock | FlatBlock): ParagraphBlock[] {
  if (block.type === 'flat') return [{ type: 'paragraph', text: block.text, line: block.line }];
  return block.rows.map((r) => ({ type: 'paragraph', text: r.cells.map((c) => c.text).filter(Boolean).join(' '), line: r.line }));
}

function endOf(part: TableBlock | FlatBlock): number {
  return part.type === 'table' ? part.endLine : part.line;
}

export function regionsOf(blocks: readonly Block[]): Region[] {
  const regions: Region[] = [];
  let text: (HeadingBlock | ParagraphBlock)[] = [];
  let pending: { number?: Line; title?: Line; captions: Line[] } | null = null;
  /** The table region that a following page or note may continue. */
  let open: TableRegion | null = null;
  let lastNoteLine = -1;

  const flushText = () => {
    if (!text.length) return;
    regions.push({ type: 'text', blocks: text, line: text[0]!.line, endLine: text.at(-1)!.line });
    text = [];
  };
  const toText = (lines: Line[]) => {
    for (const l of lines) text.push({ type: 'paragraph', text: l.text, line: l.line });
  };
  /** A title that no rows followed: a table announced but not printed, or a section heading. */
  const flushPending = () => {
    if (!pending) return;
    const { number, title, captions } = pending;
    pending = null;
    const announced = stripEnumerator(plainTitle(title?.text ?? ''));
    if (title && (captions.length || number) && TITLE_END_RE.test(announced) && !/报表$/.test(announced)) {
      flushText();
      const lines = [number, title, ...captions].filter((l): l is Line => l !== undefined);
      const region: TableRegion = { type: 'table', title, captions, parts: [], notes: [], line: lines[0]!.line, endLine: lines.at(-1)!.line };
      if (number) region.number = number;
      regions.push(region);
      open = region;
      return;
    }
    toText([number, title, ...captions].filter((l): l is Line => l !== undefined));
  };

  for (const block of blocks) {
    if (block.type === 'heading' || block.type === 'paragraph') {
      const line: Line = { text: block.text, line: block.line };
      const t = compact(block.text);
      if (open && (!pending || (!pending.title && !pending.number)) && isNote(block.text)) {
        if (pending) open.captions.push(...pending.captions);
        pending = null;
        open.notes.push(line);
        open.endLine = block.line;
        lastNoteLine = block.line;
        continue;
      }
      if (open && !pending && lastNoteLine === block.line - 1 && block.type === 'paragraph' && !isTitle(block.text) && !isCaption(block.text)) {
        // A note that wraps onto the next line (`注：…` / `本表仅含…`).
        open.notes.push(line);
        open.endLine = block.line;
        lastNoteLine = block.line;
        continue;
      }
      if (TABLE_NUMBER_RE.test(t)) {
        // A number printed under its title belongs to it.
        if (pending?.title && !pending.number) {
          pending.number = line;
          continue;
        }
        flushPending();
        pending = { number: line, captions: [] };
        continue;
      }
      if (isTitle(block.text)) {
        if (pending?.title) flushPending();
        pending ??= { captions: [] };
        pending.title = line;
        continue;
      }
      if (isCaption(block.text) && (pending || open)) {
        if (pending) pending.captions.push(line);
        else {
          // Caption of a following page; kept only if a page part follows.
          pending = { captions: [line] };
        }
        continue;
      }
      flushPending();
      open = null;
      text.push(block);
      continue;
    }

    // A table or a flattened table line.
    if (block.type === 'table' && isTocTable(block)) {
      flushPending();
      text.push(...rowsAsText(block));
      open = null;
      continue;
    }
    const p = pending as { number?: Line; title?: Line; captions: Line[] } | null;
    if (p?.title || p?.number) {
      flushText();
      const region: TableRegion = {
        type: 'table',
        title: p.title ?? p.number!,
        captions: p.captions,
        parts: [block],
        notes: [],
        line: (p.number ?? p.title)!.line,
        endLine: endOf(block),
      };
      if (p.number && p.title) region.number = p.number;
      pending = null;
      regions.push(region);
      open = region;
    } else if (open) {
      open.parts.push(block);
      if (p) open.captions.push(...p.captions);
      open.endLine = endOf(block);
      pending = null;
    } else if (!hasNumbers(block)) {
      // Untitled rows without a single number (a garbled contents line): prose, not data.
      flushPending();
      text.push(...rowsAsText(block));
      continue;
    } else {
      flushText();
      const captions = p?.captions ?? [];
      const region: TableRegion = { type: 'table', captions, parts: [block], notes: [], line: captions[0]?.line ?? block.line, endLine: endOf(block) };
      pending = null;
      regions.push(region);
      open = region;
    }
    lastNoteLine = -1;
  }
  flushPending();
  flushText();
  return regions;
}
