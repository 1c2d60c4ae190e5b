/**
 * The glossary: terms the 名词解释 / 专业名词解释 section(s) define.
 *
 * Documents print an item in many ways — `1、**财政拨款收入**：指…`,
 * `- 财政拨款收入：**指…`, `一、财政拨款收入：是指…`, `1. 公用经费：包括…`,
 * `- 1、**财政拨款收入:**指…`, `9、"三公"经费:…` — so an item is read as
 * bullet, enumerator and emphasis markers around `term：definition`.
 */
import type { z } from 'astro/zod';
import type { GlossaryTermSchema, Section } from '../model/schema.ts';
import type { RecognizeContext } from './context.ts';
import type { Region } from './regions.ts';
import type { TextItem } from './sections/flow.ts';
import { SENTENCE_END_RE, enumeratorOf } from './sections/headings.ts';
import { outline } from './sections/outline.ts';
import { compact } from './text.ts';

export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;

/** 名词解释, 专业名词解释, with or without enumerator or colon. */
const GLOSSARY_TITLE_RE = /名词解释[：:]?$/;

/** Words that open an explanatory sentence, not a term (`其中：…`). */
const NOT_A_TERM_RE = /^(?:其中|包括|主要|注|备注|说明|例如|如|即)$/;

/** How a definition opens: 指…, 是指…, 包括…. */
const DEFINITION_START_RE = /^(?:是指|系指|指|包括|反映|即|主要|用于)/;

/** Sentence punctuation a term never contains. */
const TERM_PUNCTUATION_RE = /[，。；！？,;!?]/;

export function isGlossaryTitle(title: string): boolean {
  return GLOSSARY_TITLE_RE.test(compact(title));
}

function clean(text: string): string {
  return text.replace(/\*\*/g, '').trim();
}

/** One item as `{ term, definition }`, or null when the paragraph is no item. */
export function parseItem(text: string, bullet = false): { term: string; definition: string } | null {
  let rest = text.trim();
  const bulletMatch = /^[-*+•]\s+/.exec(rest);
  if (bulletMatch) rest = rest.slice(bulletMatch[0].length);
  const marked = bullet || Boolean(bulletMatch);
  // The enumerator may stand inside the emphasis: `**1、财政拨款收入**：…`.
  const lead = rest.startsWith('**') ? '**' : '';
  const enumerator = enumeratorOf(rest.slice(lead.length));
  if (enumerator) rest = lead + rest.slice(lead.length + enumerator.length).trimStart();
  const colon = rest.search(/[：:]/);
  let term: string;
  let definition: string;
  if (colon > 0) {
    term = clean(rest.slice(0, colon));
    definition = clean(rest.slice(colon + 1));
  } else {
    // `**财政拨款收入**指…`: the emphasis alone marks the term.
    const strong = /^\*\*([^*]+)\*\*(.+)$/.exec(rest);
    if (!strong) return null;
    term = clean(strong[1]!);
    definition = clean(strong[2]!);
  }
  const emphasized = rest.startsWith('**');
  if (!term || !definition || term.length > 30 || TERM_PUNCTUATION_RE.test(term) || NOT_A_TERM_RE.test(term)) return null;
  // An unmarked `x：y` line (`附件：…`, `单位名称：…`) is a term only when it reads as a definition.
  if (!marked && !enumerator && !emphasized && (compact(term).length > 15 || !DEFINITION_START_RE.test(definition))) return null;
  return { term, definition };
}

/**
 * Terms defined in this entity's glossary section(s), with the source line
 * of each term. A paragraph that is no item continues the definition before
 * it only when that definition stops mid-sentence; anything else (`附件：…`,
 * a date) is reported and left out.
 */
export function recognizeGlossary(sections: readonly Section[], regions: readonly Region[], ctx: RecognizeContext): GlossaryTerm[] {
  const wanted = sections.filter((s) => isGlossaryTitle(s.title));
  if (!wanted.length) return [];
  const drafts = outline(regions, ctx.entity);
  const terms: GlossaryTerm[] = [];
  for (const section of wanted) {
    const draft = drafts.find((d) => d.line === section.line && d.title === section.title);
    const items = (draft?.items ?? []).filter((i): i is TextItem => i !== 'break');
    const before = terms.length;
    for (const item of items) {
      const parsed = parseItem(item.text, item.bullet);
      const last = terms.length > before ? terms.at(-1) : undefined;
      if (parsed) terms.push({ term: parsed.term, definition: parsed.definition, line: item.line });
      else if (last && !SENTENCE_END_RE.test(last.definition)) {
        // The definition before was cut mid-sentence (the flow joins most such cuts already).
        last.definition += clean(item.text);
      } else {
        ctx.reporter.info('recognize', 'glossary:not-an-item', `第 ${item.line} 行在“${section.title}”中，但不是“名词：解释”的形式，未收入名词表。`, item.line);
      }
    }
    if (terms.length === before) {
      ctx.reporter.warn('recognize', 'glossary:empty', `“${section.title}”中未识别出任何名词解释。`, section.line);
    }
  }
  return terms;
}
