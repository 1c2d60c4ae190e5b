/**
 * A unit named only in the running text: explanation sections copied
 * without their title (说明 pages of a 决算, PDF text of one section) still
 * say who they are about, in two ways:
 * - in brackets after 本部门/本单位/我局 (`本部门（某某局）`);
 * - as the subject of its own sentences (`2022年，县文化广电旅游局机关运行
 *   经费支出…`, `截至12月31日，县文化广电旅游局共有…`): a name that opens at
 *   least two clauses.
 * The lines of a paragraph hard-wrapped by PDF extraction are read joined,
 * so a name broken over two lines is whole.
 */
import type { Block } from '../read/blocks.ts';
import { cleanName, isOrganisationName, type UnitMention } from './identity.ts';
import { forMatching } from './text.ts';

const SELF_RE = /(?:本部门|本单位|我部门|我单位|我局|我委|我中心|我院|我校)[（(]([^（）()]{3,40})[)）]/g;

/** How an organisation's name ends in a sentence (not 会, 部, 处 alone: 会议, 全部, 处理 end words too). */
const SUBJECT_END_RE = /(?:局|委员会|办公室|中心|学校|小学|中学|幼儿园|医院|卫生院|研究院|研究所|纪念馆|博物馆|图书馆|文化馆|服务站|工作站|大队|支队|办事处|人民政府|管委会|管理处|管理所)$/;

/** What may open a clause before its subject: a date (2022年，截至2022年12月31日，). */
const CLAUSE_LEAD_RE = /^(?:截至|截止)?(?:20\d\d年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?)?(?:末|底)?/;

const ENUMERATOR_RE = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])/;

/** Fewest clauses a name must open to be taken as the subject of the text. */
const MIN_SUBJECT_CLAUSES = 2;

/** Longest name tried as a clause's subject. */
const MAX_NAME = 30;

function subjectOf(clause: string): string | null {
  const rest = clause.replace(CLAUSE_LEAD_RE, '');
  for (let end = 3; end <= Math.min(MAX_NAME, rest.length); end++) {
    const name = rest.slice(0, end);
    if (SUBJECT_END_RE.test(name)) return isOrganisationName(name) ? name : null;
  }
  return null;
}

/** The prose of the document, hard-wrapped lines joined, spaces dropped, with the line each character came from. */
function prose(blocks: readonly Block[]): { text: string; lines: number[] } {
  let text = '';
  const lines: number[] = [];
  const close = (line: number) => {
    text += '。';
    lines.push(line);
  };
  for (const block of blocks) {
    if (block.type !== 'paragraph' && block.type !== 'heading') continue;
    const t = forMatching(block.text).replace(/\s+/g, '');
    // A heading, or a line opening with an enumerator (（二）, 3.), starts a clause; any other line may be a wrapped one and runs on.
    if (block.type === 'heading' || ENUMERATOR_RE.test(t)) close(block.line);
    text += t;
    for (let i = 0; i < t.length; i++) lines.push(block.line);
    if (block.type === 'heading') close(block.line);
  }
  return { text, lines };
}

/** The units the running text names as itself, most evident first; empty when it names none. */
export function proseMentions(blocks: readonly Block[]): UnitMention[] {
  const { text, lines } = prose(blocks);
  const out: UnitMention[] = [];
  for (const m of text.matchAll(SELF_RE)) {
    const name = cleanName(m[1]!);
    if (isOrganisationName(name)) out.push({ name, line: lines[m.index] ?? 0, via: 'prose' });
  }
  if (out.length) return out;
  const subjects = new Map<string, { count: number; line: number }>();
  const clause = /[^，,。；;：:！？!?]+/g;
  for (const m of text.matchAll(clause)) {
    const name = subjectOf(m[0]);
    if (!name) continue;
    const known = subjects.get(name);
    subjects.set(name, { count: (known?.count ?? 0) + 1, line: known?.line ?? lines[m.index] ?? 0 });
  }
  let best: [string, { count: number; line: number }] | undefined;
  for (const entry of subjects) if (entry[1].count >= MIN_SUBJECT_CLAUSES && (!best || entry[1].count > best[1].count)) best = entry;
  return best ? [{ name: best[0], line: best[1].line, via: 'prose' }] : [];
}
