/**
 * Web pages (.html/.htm): the article a bureau's site shows, parsed by a
 * browser-grade HTML parser. Data tables keep their rows and cells with
 * `rowspan`/`colspan`; tables that only lay out the page (they hold other
 * tables) are read as containers. Site navigation, headers, footers, share
 * bars and visit counters around the article are not part of the document
 * and are left out.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { decode } from '../decode.ts';
import { layOut, ReadingBuilder, type SpanRow } from './reading.ts';
import type { OriginalReader, PrintedAt } from './types.ts';

/** Elements that are never article text. */
const SKIPPED_TAGS = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'aside', 'form', 'iframe', 'button', 'select', 'textarea', 'input', 'object', 'svg', 'canvas', 'map', 'audio', 'video']);

/** Class or id words of site chrome: menus, breadcrumbs, share bars, counters, copyright footers. */
const CHROME_RE = /(?:^|[\s_-])(?:nav|navbar|menu|topbar|toolbar|breadcrumbs?|crumbs?|position|location|share|bdshare|copyright|footer|foot|bottom|sidebar|banner|login|search|friendlink|links|counter|visit|hits|print|close)(?:$|[\s_-])/i;

/** Whole class or id words of a site's page head (a part word, as in `article-header`, belongs to the article). */
const PAGE_HEAD_RE = /(?:^|\s)(?:header|head|top|logo)(?:\s|$)/i;

/** Lines of page tools around the article: visit counters, font-size switches, print/close links. */
const TOOL_LINE_RE = /^(?:(?:浏览|访问|阅读|点击)(?:次数|量)|(?:发布|更新)(?:时间|日期)[:：]|(?:信息)?来源[:：]|字号|字体[:：]?\s*[大中小]|【?\s*(?:打印|关闭)(?:本页|窗口)?\s*】?$|分享到|上一篇|下一篇|扫一扫)/;

/** Bracketed page tools that sites print in a row: 【打印本页】【关闭窗口】【字体：大 中 小】. */
const TOOL_TOKEN_RE = /【\s*(?:打印(?:本页)?|关闭(?:本页|窗口)?|字体[:：]?[\s大中小]*|收藏(?:本页)?|返回顶部|加入收藏)\s*】/g;

function isToolLine(text: string): boolean {
  return TOOL_LINE_RE.test(text) || (text.trim() !== '' && text.replace(TOOL_TOKEN_RE, '').trim() === '');
}

const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'table', 'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'hr', 'address', 'figure', 'figcaption', 'header', 'footer', 'body', 'html', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function attr(el: Element, name: string): string {
  const v = el.properties?.[name];
  return Array.isArray(v) ? v.join(' ') : v === undefined || v === null ? '' : String(v);
}

/** A list whose every item is a link only: a site's menu or related links, not text of the document. */
function isLinkList(el: Element): boolean {
  if (el.tagName !== 'ul' && el.tagName !== 'ol') return false;
  const items = elements(el.children).filter((e) => e.tagName === 'li');
  const linkText = (nodes: readonly ElementContent[]): string => elements(nodes).map((e) => (e.tagName === 'a' ? textOf(e) : linkText(e.children))).join('');
  return items.length > 0 && items.every((li) => {
    const all = li.children.map(textOf).join('').replace(/\s+/g, '');
    return all !== '' && linkText(li.children).replace(/\s+/g, '') === all;
  });
}

function isChrome(el: Element, inArticle: boolean): boolean {
  if (SKIPPED_TAGS.has(el.tagName) || isLinkList(el)) return true;
  if ((el.tagName === 'header' || el.tagName === 'footer') && !inArticle) return true;
  if (attr(el, 'hidden') === 'true' || /display\s*:\s*none/i.test(attr(el, 'style'))) return true;
  const names = `${attr(el, 'className')} ${attr(el, 'id')}`;
  return CHROME_RE.test(names) || (!inArticle && PAGE_HEAD_RE.test(names));
}

function elements(nodes: readonly (RootContent | ElementContent)[]): Element[] {
  return nodes.filter((n): n is Element => n.type === 'element');
}

/** Text of a node with `<br>` and block elements as line breaks. */
function textOf(node: RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'br') return '\n';
  if (SKIPPED_TAGS.has(node.tagName)) return '';
  const inner = node.children.map(textOf).join('');
  return BLOCK_TAGS.has(node.tagName) ? `\n${inner}\n` : inner;
}

function hasNestedTable(table: Element): boolean {
  const search = (nodes: readonly ElementContent[]): boolean => elements(nodes).some((e) => e.tagName === 'table' || search(e.children));
  return search(table.children);
}

/** Text beyond which a cell is a column of the page, not a cell of a budget table. */
const LAYOUT_CELL_CHARS = 1500;

/** Rows up to which a table whose cell holds several paragraphs is taken as page layout (a data table has more). */
const LAYOUT_MAX_ROWS = 3;

/**
 * Paragraphs and characters in a cell from which a short table is page
 * layout: a budget table's cell holds a line or two, and a header cell broken
 * into short paragraphs (公务用车 / 购置及 / 运行费) holds few characters.
 */
const LAYOUT_CELL_PARAGRAPHS = 3;
const LAYOUT_CELL_TEXT = 80;

/** Block elements with text directly under a cell (through wrappers such as a lone `<div id="zoom">`). */
function paragraphsIn(cell: Element): number {
  let count = 0;
  const visit = (nodes: readonly ElementContent[]) => {
    for (const e of elements(nodes)) {
      if (!BLOCK_TAGS.has(e.tagName)) continue;
      const blocks = elements(e.children).filter((c) => BLOCK_TAGS.has(c.tagName));
      if (blocks.length) visit(e.children);
      else if (textOf(e).trim()) count++;
    }
  };
  visit(cell.children);
  return count;
}

/**
 * A table that lays out the page rather than holding data: it holds other
 * tables, has a single column, a cell holds headings or a whole passage, or
 * it has a few rows and a cell holds several paragraphs (the article column
 * of a site built with tables). Its cells are read as parts of the page.
 */
function isLayoutTable(table: Element): boolean {
  if (hasNestedTable(table)) return true;
  const rows = ownRows(table);
  const cells = rows.flatMap((tr) => elements(tr.children).filter((c) => c.tagName === 'td' || c.tagName === 'th'));
  if (!rows.some((tr) => elements(tr.children).filter((c) => c.tagName === 'td' || c.tagName === 'th').length > 1)) return true;
  const hasHeading = (nodes: readonly ElementContent[]): boolean => elements(nodes).some((e) => /^h[1-6]$/.test(e.tagName) || hasHeading(e.children));
  const passage = (c: Element) => paragraphsIn(c) >= LAYOUT_CELL_PARAGRAPHS && textOf(c).replace(/\s+/g, '').length >= LAYOUT_CELL_TEXT;
  if (rows.length <= LAYOUT_MAX_ROWS && cells.some(passage)) return true;
  return cells.some((c) => hasHeading(c.children) || c.children.map(textOf).join('').replace(/\s+/g, '').length > LAYOUT_CELL_CHARS);
}

/** The rows of a table, its own only (not those of tables nested in its cells). */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of elements(table.children)) {
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) rows.push(...elements(child.children).filter((e) => e.tagName === 'tr'));
  }
  return rows;
}

const lineOf = (node: { position?: { start: { line: number } } | undefined }): number | undefined => node.position?.start.line;

/** Where a node was printed: its HTML line, with the table and row it belongs to. */
function place(line: number | undefined, extra: Omit<PrintedAt, 'htmlLine'> = {}): PrintedAt {
  return line === undefined ? { ...extra } : { htmlLine: line, ...extra };
}

export const readHtml: OriginalReader = async (bytes, reporter) => {
  const { text } = decode(bytes, reporter);
  if (text === null) return null;
  const root: Root = fromHtml(text);
  const builder = new ReadingBuilder();
  let tables = 0;
  let buffer = '';
  let bufferLine: number | undefined;
  const flush = () => {
    for (const piece of buffer.split('\n')) {
      const clean = piece.trim();
      if (!clean || isToolLine(clean)) continue;
      builder.paragraph(clean, place(bufferLine));
    }
    buffer = '';
    bufferLine = undefined;
  };
  const append = (value: string, line: number | undefined) => {
    if (!buffer.trim() && value.trim()) bufferLine = line;
    buffer += value;
  };

  const table = (el: Element) => {
    tables++;
    const caption = elements(el.children).find((e) => e.tagName === 'caption');
    if (caption) builder.paragraph(textOf(caption), place(lineOf(caption), { table: tables }));
    const rows: SpanRow[] = ownRows(el).map((tr, r) => ({
      cells: elements(tr.children)
        .filter((c) => c.tagName === 'td' || c.tagName === 'th')
        .map((c) => {
          const cell: { text: string; rowSpan?: number; colSpan?: number } = { text: c.children.map(textOf).join('') };
          const rs = Number(attr(c, 'rowSpan') || 1);
          const cs = Number(attr(c, 'colSpan') || 1);
          if (Number.isInteger(rs) && rs > 1) cell.rowSpan = Math.min(rs, 1000);
          if (Number.isInteger(cs) && cs > 1) cell.colSpan = Math.min(cs, 1000);
          return cell;
        }),
      at: place(lineOf(tr), { table: tables, row: r + 1 }),
    }));
    builder.tableOrParagraphs(layOut(rows));
  };

  const walk = (nodes: readonly (RootContent | ElementContent)[], inArticle: boolean) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        append(node.value, lineOf(node));
        continue;
      }
      if (node.type !== 'element') continue;
      if (isChrome(node, inArticle)) continue;
      const tag = node.tagName;
      if (tag === 'br') {
        buffer += '\n';
        continue;
      }
      if (tag === 'table' && !isLayoutTable(node)) {
        flush();
        table(node);
        continue;
      }
      const block = BLOCK_TAGS.has(tag);
      if (block) flush();
      const heading = /^h([1-6])$/.exec(tag);
      if (heading) {
        const title = textOf(node).trim();
        if (title && !isToolLine(title)) builder.heading(title.replace(/\s*\n\s*/g, ''), Number(heading[1]), place(lineOf(node)));
        continue;
      }
      walk(node.children, inArticle || tag === 'article' || tag === 'main');
      if (block) flush();
    }
  };
  walk(root.children, false);
  flush();
  if (!builder.lines.length) reporter.warn('read', 'read:empty-original', '网页中没有读到正文文字。', 0);
  return builder.result('html', 1);
};
