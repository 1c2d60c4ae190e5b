/**
 * Source text → markdown that renders as exactly that text.
 *
 * The source is data: `<b>`, `[x](…)`, `&lt;`, `1.` must show as printed,
 * so every character markdown would act on is backslash-escaped. Only two
 * kinds of markup the source meant survive: `- ` bullets (as lists) and
 * `**…**` emphasis. Bare addresses (`www.…`, `a@b.cn`) cannot be escaped
 * out of GFM's literal autolinks; renderMarkdown turns those back into text.
 */
import type { TextItem } from './flow.ts';

/** Characters markdown (with GFM) acts on anywhere in a line. */
const INLINE_RE = /[\\`*_[\]<>&~|]/g;

function escapeInline(text: string): string {
  return text.replace(INLINE_RE, '\\$&');
}

/**
 * What a line may not start with: `#` (heading), `-`/`+`/`=` (list, rule,
 * setext underline), `1.`/`1)` (ordered list: its number would become list
 * numbering, and a source `3.` after `1.` would show as 2).
 */
function escapeLineStart(markdown: string): string {
  return markdown.replace(/^[#+=-]/, '\\$&').replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

const PUNCTUATION_RE = /[\p{P}\p{S}]/u;
const SPACE_RE = /\s/u;

/** CommonMark: can `**` open before `next`, with `previous` before it? */
function canOpen(previous: string | undefined, next: string | undefined): boolean {
  if (next === undefined || SPACE_RE.test(next)) return false;
  if (!PUNCTUATION_RE.test(next)) return true;
  return previous === undefined || SPACE_RE.test(previous) || PUNCTUATION_RE.test(previous);
}

/** CommonMark: can `**` close after `previous`, with `next` after it? */
function canClose(previous: string | undefined, next: string | undefined): boolean {
  if (previous === undefined || SPACE_RE.test(previous)) return false;
  if (!PUNCTUATION_RE.test(previous)) return true;
  return next === undefined || SPACE_RE.test(next) || PUNCTUATION_RE.test(next);
}

interface Run {
  text: string;
  strong: boolean;
  /** Characters moved out in front of / behind the markers. */
  lead: string;
  trail: string;
}

/**
 * Split text at `**` into plain and emphasized runs. Markers pair up in
 * order; an unpaired last one is a stray (`财政拨款收入：**指…`) and is
 * dropped, as are empty pairs; `**a****b**` is one emphasis.
 */
function emphasisRuns(text: string): Run[] {
  const parts = text.split('**');
  if (parts.length % 2 === 0) {
    const last = parts.pop()!;
    parts[parts.length - 1] += last;
  }
  const runs: Run[] = [];
  parts.forEach((part, i) => {
    const strong = i % 2 === 1;
    const previous = runs.at(-1);
    if (previous && previous.strong === strong) previous.text += part;
    else if (part) runs.push({ text: part, strong, lead: '', trail: '' });
  });
  return runs;
}

/**
 * Inline markdown for one line of source text. Emphasis that CommonMark
 * would not recognize (`**财政拨款收入:**指`: closing after punctuation,
 * before a letter) has its edge characters moved outside the markers:
 * the same characters in the same order, and the emphasis renders.
 */
export function inlineMarkdown(text: string): string {
  const runs = emphasisRuns(text);
  runs.forEach((run, i) => {
    if (!run.strong) return;
    const chars = [...run.text];
    const before = runs[i - 1]?.text.at(-1);
    const after = runs[i + 1]?.text[0];
    while (chars.length && !canOpen(run.lead.at(-1) ?? before, chars[0])) run.lead += chars.shift()!;
    while (chars.length && !canClose(chars.at(-1), run.trail[0] ?? after)) run.trail = chars.pop()! + run.trail;
    run.text = chars.join('');
  });
  const markdown = runs
    .map((r) => (r.strong ? escapeInline(r.lead) + (r.text ? `**${escapeInline(r.text)}**` : '') + escapeInline(r.trail) : escapeInline(r.text)))
    .join('');
  // Trim again: a dropped stray marker may uncover indentation, which would start a code block.
  return escapeLineStart(markdown.trim());
}

/**
 * A section's text: paragraphs apart, consecutive bullets as one list.
 * A table between two paragraphs keeps them apart (the caller passes it
 * as a break).
 */
export function sectionMarkdown(items: readonly (TextItem | 'break')[]): string {
  const blocks: string[] = [];
  let list: string[] = [];
  const flushList = () => {
    if (list.length) blocks.push(list.join('\n'));
    list = [];
  };
  for (const item of items) {
    if (item === 'break') {
      flushList();
      continue;
    }
    const line = inlineMarkdown(item.text.trim());
    if (!line) continue;
    if (item.bullet) list.push(`- ${line}`);
    else {
      flushList();
      blocks.push(line);
    }
  }
  flushList();
  return blocks.join('\n\n');
}
