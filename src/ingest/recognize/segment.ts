/**
 * Documents that publish several units one after another (第一部分 … 第二部分 …)
 * are cut into one span per entity. A span starts at the entity's first unit
 * line, or at the heading just before it that names the entity; everything
 * before the first span belongs to the first entity.
 */
import type { Block } from '../read/blocks.ts';
import type { EntityIdentity } from './entities.ts';
import type { Region, TextRegion } from './regions.ts';
import { compact } from './text.ts';

export interface Span {
  entity: EntityIdentity;
  line: number;
  endLine: number;
  regions: Region[];
}

/** How far back (in blocks) a heading naming the entity may stand before its first unit line. */
const LOOKBACK = 8;

function spanStarts(blocks: readonly Block[], entities: readonly EntityIdentity[]): number[] {
  return entities.map((entity, index) => {
    if (index === 0) return 1;
    const at = blocks.findIndex((b) => (b.type === 'table' ? b.endLine : b.line) >= entity.line);
    let start = entity.line;
    const name = compact(entity.name);
    for (let i = at - 1; i >= Math.max(0, at - LOOKBACK); i--) {
      const block = blocks[i]!;
      if ((block.type === 'heading' || block.type === 'paragraph') && compact(block.text).includes(name)) start = block.line;
    }
    return start;
  });
}

/** The first line of a region that belongs to its entity (its rows, not a title shared by a TOC). */
function anchorLine(region: Region): number {
  if (region.type === 'text') return region.line;
  const first = region.parts[0];
  const caption = region.captions[0];
  return caption?.line ?? (first ? (first.type === 'table' ? first.line : first.line) : region.line);
}

export function segment(blocks: readonly Block[], regions: readonly Region[], entities: readonly EntityIdentity[], lastLine: number): Span[] {
  const starts = spanStarts(blocks, entities);
  const spans: Span[] = entities.map((entity, i) => ({
    entity,
    line: starts[i]!,
    endLine: i + 1 < entities.length ? starts[i + 1]! - 1 : lastLine,
    regions: [],
  }));
  const spanOf = (line: number) => [...spans].reverse().find((s) => s.line <= line) ?? spans[0];
  for (const region of regions) {
    if (region.type === 'text') {
      // Prose that runs over a span boundary (名词解释 … 第二部分 某某中心单位预算) is cut there.
      let current: TextRegion | null = null;
      for (const block of region.blocks) {
        const span = spanOf(block.line);
        if (!span) continue;
        const last = span.regions.at(-1);
        if (current && last === current) {
          current.blocks.push(block);
          current.endLine = block.line;
        } else {
          current = { type: 'text', blocks: [block], line: block.line, endLine: block.line };
          span.regions.push(current);
        }
      }
      continue;
    }
    spanOf(anchorLine(region))?.regions.push(region);
  }
  return spans;
}
