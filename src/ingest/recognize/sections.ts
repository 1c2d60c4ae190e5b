/**
 * Explanation sections (情况说明, 职责, 机构设置, 名词解释 …) of one entity.
 *
 * The work is split in small steps under `sections/`: headings (what is a
 * heading and how deep), flow (contents dropped, broken paragraphs joined),
 * outline (the flow cut into sections) and markdown (source text escaped so
 * it renders as printed). Here the outline becomes the model's sections.
 */
import { renderMarkdown } from '../markdown/render.ts';
import type { Section } from '../model/schema.ts';
import type { RecognizeContext } from './context.ts';
import type { Region } from './regions.ts';
import { sectionMarkdown } from './sections/markdown.ts';
import { outline } from './sections/outline.ts';

/**
 * Sections of one entity from its regions in document order. Text regions
 * give the prose; a table region between prose paragraphs does not end a
 * section (the page shows tables separately) but keeps the paragraphs
 * around it apart.
 *
 * The list is flat and in document order: `markdown` is a section's own
 * text up to its first nested section, `depth` places it in the contents,
 * and `line`–`endLine` covers its nested sections and tables. Ids are
 * `s-1`, `s-2` … in document order.
 */
export function recognizeSections(regions: readonly Region[], ctx: RecognizeContext): Section[] {
  return outline(regions, ctx.entity, ctx.reporter).map((section, i) => {
    const markdown = sectionMarkdown(section.items);
    return {
      id: `s-${i + 1}`,
      title: section.title,
      depth: section.depth,
      line: section.line,
      endLine: section.endLine,
      markdown,
      html: renderMarkdown(markdown),
    };
  });
}
