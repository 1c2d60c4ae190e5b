/**
 * The explanation of one entity as a flow of headings, paragraphs and table
 * places, in document order: contents pages dropped, headings ranked,
 * paragraphs that a page break cut in two joined again.
 */
import type { Reporter } from '../../diagnostics.ts';
import type { HeadingBlock, ParagraphBlock } from '../../read/blocks.ts';
import type { Region, TextRegion } from '../regions.ts';
import { compact } from '../text.ts';
import {
  BULLET_RE,
  DOT_LEADER_RE,
  SENTENCE_END_RE,
  cleanTitle,
  enumeratedHeadingRank,
  enumeratorOf,
  isDocumentTitle,
  isProse,
  isLabelHeading,
  isTocTitle,
  stripArtifacts,
  tocKey,
} from './headings.ts';
import { HAN } from '../../han.ts';

export interface HeadingItem {
  kind: 'heading';
  title: string;
  /** Outline rank: 1 for parts and titles … 6; labels sit half a rank below their heading. */
  rank: number;
  /** `单位职责：`-style heading: nests under the heading before it, whatever its `#` count. */
  label: boolean;
  line: number;
}

export interface TextItem {
  kind: 'text';
  /** Text as printed, without conversion artifacts or list bullet. */
  text: string;
  bullet: boolean;
  line: number;
  /** Last source line, after joining a paragraph a page break had cut. */
  endLine: number;
}

/** Where a table region stands in the flow: the page shows tables on their own. */
export interface TableItem {
  kind: 'table';
  line: number;
  endLine: number;
}

export type FlowItem = HeadingItem | TextItem | TableItem;

type Block = HeadingBlock | ParagraphBlock;

/**
 * Contents pages are dropped, not kept as a 目录 section: their page numbers
 * point into the printed PDF, and the page builds its own contents from the
 * sections, so every entry would show twice. A contents block runs from its
 * `目录` title until a line repeats one of its entries (the document itself
 * has begun) or prose starts; without a title, over dot-leader lines only.
 * (A `toc` table a reader attached to the region is outside its blocks and
 * stays out for the same reason.)
 */
function dropContents(blocks: readonly Block[], reporter: Reporter | undefined): Block[] {
  const kept: Block[] = [];
  let i = 0;
  while (i < blocks.length) {
    const first = blocks[i]!;
    const titled = isTocTitle(first.text);
    if (!titled && !DOT_LEADER_RE.test(first.text)) {
      kept.push(first);
      i++;
      continue;
    }
    const keys = new Set([tocKey(first.text)]);
    let j = i + 1;
    for (; j < blocks.length; j++) {
      const block = blocks[j]!;
      const key = tocKey(block.text);
      // A repeated entry is where the document begins, unless more dot-leader entries follow
      // (a contents page listing the same sub-titles for several units).
      const repeated = keys.has(key) && !DOT_LEADER_RE.test(block.text) && !DOT_LEADER_RE.test(blocks[j + 1]?.text ?? '');
      if (repeated || isProse(block.text) || (!titled && !DOT_LEADER_RE.test(block.text))) break;
      keys.add(key);
    }
    const last = blocks[j - 1]!;
    reporter?.info(
      'recognize',
      'section:toc-dropped',
      `第 ${first.line}–${last.line} 行是目录（章节名与页码），页面会按章节自动生成目录，不作为正文章节重复收录。`,
      first.line,
    );
    i = j;
  }
  return kept;
}

function classify(block: Block): HeadingItem | TextItem | null {
  const text = stripArtifacts(block.text);
  if (!text) return null;
  const title = cleanTitle(text);
  if (block.type === 'heading' && title) {
    const enumerator = enumeratorOf(compact(title));
    const label = !enumerator && isLabelHeading(title);
    const rank = enumerator ? enumerator.rank : isDocumentTitle(title) ? 1 : block.depth;
    return { kind: 'heading', title, rank, label, line: block.line };
  }
  const rank = enumeratedHeadingRank(text) ?? (isDocumentTitle(text) ? 1 : null);
  if (rank !== null) return { kind: 'heading', title, rank, label: false, line: block.line };
  const bullet = BULLET_RE.exec(text);
  return { kind: 'text', text: bullet ? text.slice(bullet[0].length) : text, bullet: Boolean(bullet), line: block.line, endLine: block.line };
}

/** `单位名称：…`, `绩效指标：…`: a line that opens with its own short label. */
const LABEL_START_RE = /^[^，。；：:、\s]{1,16}[：:]/;

/** How many source lines a page break may put between the two halves of a paragraph. */
const MAX_BREAK = 3;

/** A line that may carry on a sentence: it starts with a Chinese character, 、 or ，. */
const PROSE_START_RE = new RegExp(`^[${HAN}，、]`);

/**
 * Whether `b` continues the sentence `a` was cut in: `a` does not end a
 * sentence (and is more than a short unpunctuated title), `b` goes on with
 * a CJK character and is no new item. A line with its own label
 * (`保密审查情况：…`) continues only long prose, never another label line
 * (`单位名称：…`) or a short item.
 */
export function continues(a: TextItem, b: TextItem): boolean {
  if (b.bullet || b.line - a.endLine > MAX_BREAK) return false;
  const end = a.text.replace(/\*\*$/, '').trimEnd();
  if (!end || SENTENCE_END_RE.test(end)) return false;
  // A short line without any punctuation is a title or label, not half a sentence.
  if (compact(end).length <= 20 && !/[\p{P}]/u.test(compact(end))) return false;
  const start = b.text.replace(/^\*\*/, '');
  if (!PROSE_START_RE.test(start) || enumeratorOf(start)) return false;
  if (LABEL_START_RE.test(compact(start))) {
    const prose = compact(a.text);
    if (prose.length < 40 || LABEL_START_RE.test(prose)) return false;
  }
  return true;
}

/** Join paragraphs cut by a page break; every character is kept, nothing inserted. */
function joinBroken(items: (HeadingItem | TextItem)[]): (HeadingItem | TextItem)[] {
  const out: (HeadingItem | TextItem)[] = [];
  for (const item of items) {
    const previous = out.at(-1);
    if (item.kind === 'text' && previous?.kind === 'text' && continues(previous, item)) {
      out[out.length - 1] = { ...previous, text: previous.text + item.text, endLine: item.endLine };
    } else out.push(item);
  }
  return out;
}

/**
 * A title printed on two lines (`西安市碑林区医疗保险经办中心` / `2024年单位预算公开说明`):
 * the short line right above a document title joins it.
 */
function mergeTitleLines(items: (HeadingItem | TextItem)[]): (HeadingItem | TextItem)[] {
  const out: (HeadingItem | TextItem)[] = [];
  for (const item of items) {
    const previous = out.at(-1);
    if (
      item.kind === 'heading' &&
      item.rank === 1 &&
      isDocumentTitle(item.title) &&
      previous?.kind === 'text' &&
      !previous.bullet &&
      previous.endLine === item.line - 1 &&
      compact(previous.text).length <= 30 &&
      !isProse(previous.text) &&
      !/[：:]/.test(previous.text) &&
      !enumeratorOf(previous.text)
    ) {
      out[out.length - 1] = { ...item, title: `${cleanTitle(previous.text)} ${item.title}`, line: previous.line };
    } else out.push(item);
  }
  return out;
}

function textFlow(region: TextRegion, reporter: Reporter | undefined): (HeadingItem | TextItem)[] {
  const classified = dropContents(region.blocks, reporter)
    .map(classify)
    .filter((item): item is HeadingItem | TextItem => item !== null);
  return mergeTitleLines(joinBroken(classified));
}

/** The flow of an entity's regions; diagnostics go to `reporter` when given. */
export function flowOf(regions: readonly Region[], reporter?: Reporter): FlowItem[] {
  const items: FlowItem[] = [];
  for (const region of regions) {
    if (region.type === 'table') items.push({ kind: 'table', line: region.line, endLine: region.endLine });
    else items.push(...textFlow(region, reporter));
  }
  return items;
}
