/**
 * The flow cut into sections: a heading and its own text up to the next
 * heading of any level. Sections form a flat list in document order with a
 * depth, so a page renders them one after the other and builds its contents
 * from titles and depths; a section's line range still covers its nested
 * sections and the tables inside it.
 */
import type { Reporter } from '../../diagnostics.ts';
import type { EntityIdentity } from '../entities.ts';
import type { Region } from '../regions.ts';
import { compact } from '../text.ts';
import { flowOf, type HeadingItem, type TextItem } from './flow.ts';
import { cleanTitle, enumeratorOf, isProse } from './headings.ts';

export interface OutlineSection {
  title: string;
  depth: number;
  line: number;
  /** Last line of the section with its nested sections and tables. */
  endLine: number;
  /** The section's own text; `break` where a table stands between paragraphs. */
  items: (TextItem | 'break')[];
}

interface Open {
  rank: number;
  label: boolean;
}

/** Headings deeper than this share the last depth the schema allows. */
const MAX_DEPTH = 6;

/**
 * Text before the first heading: its first line is the title when it reads
 * as one (short, not a sentence), otherwise the section is called 概述.
 */
function introOf(first: TextItem): { title: string; consumed: boolean } {
  const title = cleanTitle(first.text);
  if (!first.bullet && compact(title).length <= 40 && !isProse(first.text) && !/[，。；：:]/.test(title)) return { title, consumed: true };
  return { title: '概述', consumed: false };
}

export function outline(regions: readonly Region[], entity: EntityIdentity, reporter?: Reporter): OutlineSection[] {
  const sections: (OutlineSection & { ownEnd: number })[] = [];
  const stack: Open[] = [];

  /** Rank of 第X部分 headings in this entity, once the first one fixed it. */
  let partRank: number | null = null;

  const open = (heading: Pick<HeadingItem, 'title' | 'rank' | 'label' | 'line'>) => {
    let rank = heading.rank;
    if (isPart(heading.title)) {
      // Parts that first appear inside a 一、 heading (`五、预算绩效信息` / `第一部分 单位整体绩效目标`)
      // are parts of that heading: they and their siblings nest under it, and `六、` closes them.
      partRank ??= stack.some((s) => s.rank > 1) ? stack.at(-1)!.rank + 0.5 : 1;
      rank = partRank;
    }
    // A label (`单位职责：`) sits just below the nearest real heading; it never holds another
    // heading, so the next label or real heading closes it.
    while (stack.at(-1)?.label) stack.pop();
    if (!heading.label) while (stack.length && stack.at(-1)!.rank >= rank) stack.pop();
    if (heading.label) rank = (stack.at(-1)?.rank ?? 0) + 0.5;
    stack.push({ rank, label: heading.label });
    sections.push({ title: heading.title, depth: Math.min(stack.length, MAX_DEPTH), line: heading.line, endLine: heading.line, ownEnd: heading.line, items: [] });
  };

  for (const item of flowOf(regions, reporter)) {
    if (item.kind === 'heading') {
      open(item);
      continue;
    }
    let current = sections.at(-1);
    if (item.kind === 'table') {
      // Tables before any heading (the entity's first pages) belong to no section.
      if (!current) continue;
      if (current.items.length && current.items.at(-1) !== 'break') current.items.push('break');
      current.ownEnd = item.endLine;
      continue;
    }
    if (!current) {
      const intro = introOf(item);
      open({ title: intro.title, rank: 1, label: false, line: item.line });
      current = sections.at(-1)!;
      current.ownEnd = item.endLine;
      if (intro.consumed) continue;
    }
    current.items.push(item);
    current.ownEnd = item.endLine;
  }
  dropNextPart(sections, entity, reporter);

  // A section ends where its last nested section does.
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!;
    section.endLine = section.ownEnd;
    for (let j = i + 1; j < sections.length && sections[j]!.depth > section.depth; j++) {
      section.endLine = Math.max(section.endLine, sections[j]!.ownEnd);
    }
    while (section.items.at(-1) === 'break') section.items.pop();
  }
  return sections.map(({ ownEnd: _ownEnd, ...section }) => section);
}

/**
 * A `第二部分 <next unit>` heading that closes the last text region belongs
 * to the entity after this one: segmentation assigns whole regions, so it
 * lands here with nothing under it.
 */
function isPart(title: string): boolean {
  return enumeratorOf(compact(title))?.rank === 1;
}

function dropNextPart(sections: (OutlineSection & { ownEnd: number })[], entity: EntityIdentity, reporter?: Reporter): void {
  const last = sections.at(-1);
  if (!last || last.items.length || last.ownEnd !== last.line) return;
  if (!isPart(last.title) || compact(last.title).includes(compact(entity.name))) return;
  sections.pop();
  reporter?.info('recognize', 'section:next-part', `第 ${last.line} 行“${last.title}”是下一部分的标题，下面没有本单位的内容，不作为本单位的章节。`, last.line);
}
