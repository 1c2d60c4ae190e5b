/**
 * Who published the document and for which year: unit lines printed above
 * tables (`450001 秦皇岛市医疗保障局本级`, or a bare name with its place,
 * `若羌县医疗保障局`), name labels (`单位名称：…`, `部门名称：…`, `部门：…`),
 * the document title (`某某局2024年部门预算`), the budget year
 * (`预算年度：2024`, `2024年单位预算`). Traditional text is matched through
 * its simplified form; names keep the characters as printed.
 */
import type { Block } from '../read/blocks.ts';
import { toHalfWidth } from '../model/money.ts';
import { parsePublisherLabel, parseRegionalPublisher } from './publisher.ts';
import { divisionsOf } from './region.ts';
import { forMatching, stripEnumerator, stripGlosses } from './text.ts';
import { HAN } from '../han.ts';

export interface UnitMention {
  code?: string;
  /** The name without markup, control characters or spaces, characters as printed. */
  name: string;
  /** The name exactly as printed, when markup or control characters were taken out of it. */
  printed?: string;
  line: number;
  via: 'unit-line' | 'name-label' | 'row' | 'title' | 'publisher' | 'prose';
  /** For a level of government: whether a place stands in its name (`重庆市市级`, not `区本级`); absent for a labelled publisher. */
  placed?: boolean;
}

const CJK_NAME = `[${HAN}（）()·]{4,40}`;
/** A whole unit name: Chinese characters, half-width brackets and the middle dot. */
const HAN_NAME_RE = new RegExp(`^[${HAN}()·]{4,40}$`);
/** `450001 秦皇岛市医疗保障局本级` or `571001廊坊市广阳区医疗保障局本级`. */
const UNIT_LINE_RE = new RegExp(`^(\\d{3,9})\\s*(${CJK_NAME})$`);
/**
 * `单位名称：X`, `部门名称：X`, `部门(单位)名称 X`, `部门：X`, `预算单位：X`, with
 * the seal a printed form asks for (`编制单位（盖章）：X`);
 * the value ends where another field of the same line starts (`单位：万元`,
 * `年度：2024`) or at a run of spaces.
 */
const NAME_LABEL_RE =
  /^\s*(?:(?:单位|部门|部门[(（]单位[)）]|预算单位)\s*名\s*称\s*(?:[(（]\s*[盖公签]?章\s*[)）])?\s*[:：]?|(?:部门|单位|预算单位|预算部门|编制单位|编制部门|填报单位|编报单位)\s*(?:[(（]\s*[盖公签]?章\s*[)）])?\s*[:：])\s*(.+?)\s*(?:(?:\s{2,}|\t|[|｜]|\s*(?:金额)?单位\s*[:：]|\s*(?:预算)?年度\s*[:：]).*)?$/d;
const YEAR_LABEL_RE = /预算年度\s*[:：]\s*(20\d\d)/;
/**
 * A table title that opens with its year (`2023年项目支出绩效目标表`,
 * `2024年度“三公”经费支出情况表`): a document holding one sheet states its year nowhere else.
 */
const YEAR_TABLE_TITLE_RE = /^\s*(20\d\d)\s*年度?[^，。,；;]{0,40}?表$/;
const YEAR_TITLE_RE = /(20\d\d)\s*年度?[^，。,]{0,40}?预算/;
/** Final accounts (决算) name the year they account for: `2023年度部门决算`, `决算年度：2023`. */
const ACCOUNTS_YEAR_RE = /决算年度\s*[:：]\s*(20\d\d)|(20\d\d)\s*年度?[^，。,]{0,20}?决算/;
/** `某某局2024年部门预算`, `2024年某某局部门预算公开`, `某某中心2024年度单位预算`. */
const TITLE_NAME_RES = [
  // 某某局2024年部门预算, 某某园2017年度部门“三公”经费预算情况表
  /^(?:20\d\d年度?)?(.{3,40}?)20\d\d(?:年度?|-度)[^，。,；]{0,16}?[预决]算/d,
  // 2024年某某局部门预算
  /^20\d\d年度?(.{3,40}?)(?:部门|单位)(?:综合)?[预决]算/d,
  // 某某局部门预算
  /^(.{3,40}?)(?:部门|单位)(?:综合)?[预决]算/d,
];
// A name must end like an organisation, not like a table title or a sentence: offices, schools
// (小学, 中学, 大学), 人民政府, farms and works (林场, 水厂), palaces of culture (少年宫), federations
// (妇联, 科协), prisons, and towns, townships, villages and communities that keep their own budget.
const ORG_END_RE = /(?:局|中心|本级|机关|院|所|站|委员会|委|办公室|办|会|处|队|馆|校|学|厅|署|社|室|台|园|团|部|科|组|司|府|场|厂|宫|联|协|狱|镇|乡|街道|村|社区|苏木|嘎查)$/;
/**
 * `单位编码：118023`, `部门编码：341001　部门名称：…`, `预算单位代码 118023`: the
 * code of the unit the document speaks for, possibly followed by other fields.
 */
const CODE_LABEL_RE = /^\s*(?:单位|部门|部门[(（]单位[)）]|预算单位)\s*(?:编\s*码|代\s*码)\s*[:：]?\s*(\d{3,12})(?!\d)(.*)$/;
/** How many lines a code label and the name label it goes with may stand apart. */
const CODE_NAME_LINES = 3;
const BRACKETED_END_RE = /[(（]([^()（）]{1,12})[)）]$/;
// A sentence that happens to end in an organisation (根据财政局2024年预算…, 本单位2024年预算…).
const SENTENCE_START_RE = /^(?:根据|按照|依据|关于|为了|经过|本单位|本部门|我)/;
const NOT_A_NAME_RE = /年度|说明|情况|[，。；:：、]/;

/** Control, zero-width and direction characters: never part of a name. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern removes.
const INVISIBLE_RE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
/** Script and style elements with their content, then any other tag. */
const MARKUP_RE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?[a-z][^>]*>/gi;

/** Markup escaped as character references (`&lt;b&gt;`), as text copied from a page's source prints it. */
const ESCAPES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };
const ESCAPE_RE = /&(lt|gt|amp|quot|apos|nbsp|#\d{1,6}|#x[0-9a-f]{1,6});/gi;

function unescapeMarkup(text: string): string {
  return text.replace(ESCAPE_RE, (all, ref: string) => {
    const r = ref.toLowerCase();
    if (!r.startsWith('#')) return ESCAPES[r] ?? all;
    const point = r.startsWith('#x') ? parseInt(r.slice(2), 16) : Number(r.slice(1));
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : all;
  });
}

/** A printed name as the entity is called: no markup (also escaped), controls, emphasis or spaces; characters as printed. */
export function cleanName(text: string): string {
  const plain = unescapeMarkup(unescapeMarkup(toHalfWidth(text)));
  return stripGlosses(plain.replace(INVISIBLE_RE, '')).replace(MARKUP_RE, '').replace(/\*\*/g, '').replace(/\s+/g, '').trim();
}

/** Whether the name ends like an organisation (matched on its simplified form). */
export function isOrganisationName(name: string): boolean {
  const t = forMatching(name);
  // `某某集中区(管委会)`, `某某局(本级)`: the bracket says what the organisation is.
  const end = BRACKETED_END_RE.exec(t)?.[1] ?? t;
  return ORG_END_RE.test(end) && !NOT_A_NAME_RE.test(t) && !SENTENCE_START_RE.test(t) && !/[A-Za-z]/.test(t);
}

/** What a mention keeps of its printed form: only when cleaning took out more than spaces. */
function printedForm(raw: string, name: string): { printed?: string } {
  const printed = raw.trim();
  return printed.replace(/\s+/g, '') !== name && cleanName(printed) === name && printed !== name ? { printed } : {};
}

export function parseUnitLine(text: string): { code: string; name: string } | null {
  const match = UNIT_LINE_RE.exec(cleanName(text));
  if (!match || !isOrganisationName(match[2]!)) return null;
  return { code: match[1]!, name: match[2]! };
}

function nameLabelOf(text: string): { name: string; raw: string; code?: string } | null {
  const bare = stripGlosses(text.replace(INVISIBLE_RE, '').replace(/\*\*/g, ''));
  const matching = toHalfWidth(forMatching(bare));
  const match = NAME_LABEL_RE.exec(matching);
  const at = match?.indices?.[1];
  if (!match?.[1] || !at) return null;
  // The label is matched on the simplified text; the name is cut from the printed one where both have the same length.
  let raw = matching.length === bare.length ? toHalfWidth(bare).slice(at[0], at[1]) : match[1];
  // `编制部门：203001某某局`: the value opens with the unit's code.
  const coded = /^\s*(\d{3,12})\s*(?=\D)/.exec(raw);
  if (coded) raw = raw.slice(coded[0].length);
  const name = cleanName(raw);
  if (name.length < 2 || !isOrganisationName(name)) return null;
  return coded ? { name, raw, code: coded[1]! } : { name, raw };
}

/** A code label (`单位编码：118023`) with what follows it on the line (`部门名称：…`). */
export function parseCodeLabel(text: string): { code: string; rest: string } | null {
  const match = CODE_LABEL_RE.exec(toHalfWidth(forMatching(text.replace(INVISIBLE_RE, '').replace(/\*\*/g, ''))));
  if (!match) return null;
  // The rest is cut from the printed text, which keeps its characters (and their count) after the code.
  const printed = text.replace(INVISIBLE_RE, '').replace(/\*\*/g, '');
  const rest = printed.length === match[0].length ? printed.slice(printed.length - match[2]!.length) : match[2]!;
  return { code: match[1]!, rest: rest.replace(/^[\s\u3000,，;；]+/, '') };
}

export function parseNameLabel(text: string): string | null {
  return nameLabelOf(text)?.name ?? null;
}

/** The organisation a document title names (`若羌县医疗保障局2024年部门预算`). */
export function parseTitleName(text: string): string | null {
  const name = cleanName(stripEnumerator(text.replace(/^#{1,6}\s+/, '').trim()));
  // Four Chinese numerals become four digits: the positions in `name` stay those of `matching`.
  const matching = arabicYears(forMatching(name));
  for (const re of TITLE_NAME_RES) {
    const match = re.exec(matching);
    const at = match?.indices?.[1];
    if (!match?.[1] || !at || !isOrganisationName(match[1])) continue;
    return matching.length === name.length ? name.slice(at[0], at[1]) : match[1];
  }
  return null;
}

/**
 * A line that is only an organisation's name with its place in front
 * (`若羌县医疗保障局`): how many sites print the unit above a table when
 * it has no code.
 */
export function parseBareUnitLine(text: string): string | null {
  const name = cleanName(stripEnumerator(text.replace(/^#{1,6}\s+/, '').trim()));
  if (!HAN_NAME_RE.test(name) || !isOrganisationName(name)) return null;
  return divisionsOf(forMatching(name)).length ? name : null;
}

const CHINESE_DIGITS: Readonly<Record<string, string>> = { 〇: '0', 零: '0', '○': '0', 'Ｏ': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const CHINESE_YEAR_RE = /([〇零○Ｏ一二三四五六七八九]{4})(?=\s*年)/g;

/** Years written in Chinese numerals, as covers and official titles print them (二〇二四年, 二零二四年), in digits. */
function arabicYears(text: string): string {
  return text.replace(CHINESE_YEAR_RE, (year) => {
    const digits = [...year].map((ch) => CHINESE_DIGITS[ch]).join('');
    return /^(?:19|20)\d\d$/.test(digits) ? digits : year;
  });
}

export function parseYear(text: string): number | null {
  const t = arabicYears(toHalfWidth(forMatching(text)));
  const match = YEAR_LABEL_RE.exec(t) ?? YEAR_TITLE_RE.exec(t);
  return match ? Number(match[1]) : null;
}

export function parseTableTitleYear(text: string): number | null {
  const match = YEAR_TABLE_TITLE_RE.exec(arabicYears(toHalfWidth(forMatching(text.replace(/^#{1,6}\s+/, '')))).replace(/\s+/g, ''));
  return match ? Number(match[1]) : null;
}

function parseAccountsYear(text: string): number | null {
  const match = ACCOUNTS_YEAR_RE.exec(arabicYears(toHalfWidth(forMatching(text))));
  return match ? Number(match[1] ?? match[2]) : null;
}

/** Longest line read for a unit's name (a label line with other fields, a title). */
const MENTION_CHARS = 200;

/** How far into a document its title may stand (a copied page may carry site navigation above it). */
const TITLE_LINES = 40;

const PART_RE = /^第[一二三四五六七八九十]+部分/;

/** How many blocks (title, captions) may stand between a unit line and its table. */
const CAPTION_BLOCKS = 4;

function tableFollows(blocks: readonly Block[], index: number): boolean {
  return blocks.slice(index + 1, index + 1 + CAPTION_BLOCKS).some((b) => b.type === 'table' || b.type === 'flat');
}

/** Every place a unit is named, in document order. */
export function unitMentions(blocks: readonly Block[]): UnitMention[] {
  const mentions: UnitMention[] = [];
  /** Code labels printed on a line of their own (`单位编码：118023`). */
  const codeLabels: { code: string; line: number }[] = [];
  /** The line before, for titles broken over two lines. */
  let previous: { text: string; line: number } | undefined;
  /** A `发布机构` label with no value: the publisher stands on the next line. */
  let publisherNext = false;
  const consider = (text: string, line: number, prose: boolean, captionLine = false) => {
    if (publisherNext) {
      publisherNext = false;
      const name = cleanName(text);
      if (name.length <= MENTION_CHARS && isOrganisationName(name)) return void mentions.push({ name, line, via: 'publisher' });
    }
    const publisherLabel = parsePublisherLabel(text);
    if (publisherLabel) {
      const name = cleanName(publisherLabel.value);
      if (name && isOrganisationName(name)) mentions.push({ name, line, via: 'publisher' });
      else if (!name) publisherNext = true;
      return;
    }
    // A summary for a level of government (`2021年区本级“三公”经费预算`) names who its figures belong to.
    if (prose && line <= TITLE_LINES) {
      const regional = parseRegionalPublisher(text.slice(0, MENTION_CHARS));
      if (regional) mentions.push({ name: regional.name, line, via: 'publisher', placed: regional.placed });
    }
    // Names, labels and titles are short lines; a title may open a long flattened line.
    if (text.length > MENTION_CHARS) {
      if (prose && line <= TITLE_LINES) considerTitle(text.slice(0, MENTION_CHARS), line);
      return;
    }
    const unit = parseUnitLine(text);
    if (unit) return void mentions.push({ ...unit, ...printedForm(text.replace(/^\s*\d+/, ''), unit.name), line, via: 'unit-line' });
    const codeLabel = parseCodeLabel(text);
    if (codeLabel) {
      const named = nameLabelOf(codeLabel.rest);
      // Code and name on one line speak for the document as a unit line does; a code alone waits for its name label.
      if (named) return void mentions.push({ code: codeLabel.code, name: named.name, ...printedForm(named.raw, named.name), line, via: 'unit-line' });
      return void codeLabels.push({ code: codeLabel.code, line });
    }
    const label = nameLabelOf(text);
    if (label?.code) return void mentions.push({ code: label.code, name: label.name, ...printedForm(label.raw, label.name), line, via: 'unit-line' });
    if (label) return void mentions.push({ name: label.name, ...printedForm(label.raw, label.name), line, via: 'name-label' });
    // A bare name counts as a caption line only (above a table): elsewhere it is a signature or a heading of prose.
    const bare = captionLine ? parseBareUnitLine(text) : null;
    if (bare) return void mentions.push({ name: bare, ...printedForm(text.replace(/^#{1,6}\s+/, ''), bare), line, via: 'unit-line' });
    if (!prose) return;
    // Titles stand at the top, or open a part of a document that publishes several units (第二部分 某某中心2024年单位预算).
    if (line > TITLE_LINES && !PART_RE.test(text.replace(/^#{1,6}\s+/, '').trim())) return;
    considerTitle(text, line);
  };
  const considerTitle = (text: string, line: number) => {
    const titled = parseTitleName(text);
    // A title broken over two lines: `某某管委会2024年` / `一般公共预算“三公”经费预算`.
    const joined = !titled && previous && previous.line >= line - 2 ? parseTitleName(previous.text + text) : null;
    if (titled) mentions.push({ name: titled, line, via: 'title' });
    else if (joined && previous) mentions.push({ name: joined, line: previous.line, via: 'title' });
    previous = { text, line };
  };
  for (const [i, block] of blocks.entries()) {
    if (block.type === 'paragraph' || block.type === 'heading') consider(block.text, block.line, true, tableFollows(blocks, i));
    // A table page squashed onto one line opens with the page's title (`教育局 2020年部门预算 报送日期…`).
    else if (block.type === 'flat' && block.line <= TITLE_LINES) considerTitle(block.text.slice(0, MENTION_CHARS), block.line);
    else if (block.type === 'table') {
      for (const row of block.rows) {
        const texts = row.cells.map((c) => c.text).filter(Boolean);
        // A row of one cell, or the first row, holds caption lines that the reader kept with the table (DOCX dumps).
        const lone = texts.length === 1 || row === block.rows[0];
        for (const cell of row.cells) if (cell.text) consider(cell.text, cell.line, false, lone);
        // A code cell next to a name cell: `036001	济源…医疗保障局`, `| 231002 | 西安市… |`.
        for (let i = 0; i + 1 < texts.length; i++) {
          const code = texts[i]!;
          const name = cleanName(texts[i + 1]!);
          if (/^\d{3,9}$/.test(code) && isOrganisationName(name) && name.length >= 4) {
            mentions.push({ code, name, line: row.line, via: 'row' });
          }
        }
      }
    }
  }
  return [...mentions, ...labelledCodes(codeLabels, mentions)];
}

/**
 * A code label on its own line names the unit of the nearest name label
 * (`单位编码：118023` / `单位名称：某某小学`): together they are a unit line.
 */
function labelledCodes(codes: readonly { code: string; line: number }[], mentions: readonly UnitMention[]): UnitMention[] {
  const labels = mentions.filter((m) => m.via === 'name-label');
  return codes.flatMap(({ code, line }) => {
    const near = labels.filter((m) => Math.abs(m.line - line) <= CODE_NAME_LINES);
    near.sort((a, b) => Math.abs(a.line - line) - Math.abs(b.line - line) || a.line - b.line);
    const label = near[0];
    if (!label) return [];
    return [{ code, name: label.name, ...(label.printed ? { printed: label.printed } : {}), line: Math.min(line, label.line), via: 'unit-line' as const }];
  });
}

/**
 * The budget year the document states most often; for final accounts
 * (决算), the year they account for, which they state beside the budget
 * years they compare with (`与2022年预算相比`).
 */
export function documentYear(blocks: readonly Block[], finalAccounts = false): number | null {
  const texts = blocks.flatMap((block) => (block.type === 'table' ? block.rows.flatMap((r) => r.cells.map((c) => c.text)) : block.type === 'flat' ? [] : [block.text]));
  // A table page squashed onto one line states its year in its title, read when nothing else states one.
  const flat = blocks.flatMap((block) => (block.type === 'flat' ? [block.text.slice(0, MENTION_CHARS)] : []));
  if (finalAccounts) return mostStated(texts, parseAccountsYear) ?? mostStated(texts, parseYear) ?? mostStated(brokenTitles(blocks), parseYear) ?? mostStated(texts, parseTableTitleYear) ?? mostStated(flat, parseAccountsYear);
  return mostStated(texts, parseYear) ?? mostStated(texts, parseAccountsYear) ?? mostStated(brokenTitles(blocks), parseYear) ?? mostStated(texts, parseTableTitleYear) ?? mostStated(flat, parseYear);
}

/** Adjacent lines near the top joined: a title broken after its year (`某某管委会2024年` / `“三公”经费预算`). */
function brokenTitles(blocks: readonly Block[]): string[] {
  const lines = blocks.filter((b) => (b.type === 'heading' || b.type === 'paragraph') && b.line <= TITLE_LINES) as { text: string; line: number }[];
  return lines.slice(1).flatMap((b, i) => (b.line - lines[i]!.line <= 2 ? [lines[i]!.text + b.text] : []));
}

function mostStated(texts: readonly string[], parse: (text: string) => number | null): number | null {
  const votes = new Map<number, number>();
  for (const text of texts) {
    const year = parse(text);
    if (year) votes.set(year, (votes.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  let most = 0;
  for (const [year, count] of votes) if (count > most || (count === most && best !== null && year > best)) [best, most] = [year, count];
  return best;
}
