/**
 * Markdown → sanitized HTML with unified (remark → rehype).
 *
 * The markdown is built from untrusted source text, so the renderer never
 * trusts it either: raw HTML is shown as text (not dropped, so no character
 * of the source disappears), links survive only with a safe destination,
 * bare URLs stay text, and rehype-sanitize has the last word.
 */
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** Containers whose children are blocks: a raw HTML node there becomes a paragraph of text. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** http(s), mailto, or a relative reference (no scheme before the first `/`, `?` or `#`). */
export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (/^(?:https?|mailto):/i.test(trimmed)) return true;
  return !/^[^/?#]*:/.test(trimmed);
}

/**
 * A link whose text is its own address: a GFM literal autolink (`www.x.cn`,
 * `http://…`, `a@b.cn`) or `<http://…>`. In a disclosure these are text that
 * merely looks like an address, so they stay text.
 */
function isLiteralAutolink(url: string, children: readonly PhrasingContent[]): boolean {
  const only = children[0];
  if (children.length !== 1 || only?.type !== 'text') return false;
  const text = only.value;
  return url === text || url === `http://${text}` || url === `mailto:${text}` || url === `xmpp:${text}`;
}

function toText(value: string, node: Nodes): PhrasingContent {
  return node.position ? { type: 'text', value, position: node.position } : { type: 'text', value };
}

/** Replace one child, returning what goes in its place. */
function harden(node: RootContent, parent: Parents): RootContent[] {
  switch (node.type) {
    case 'html': {
      const text = toText(node.value, node);
      return FLOW_PARENTS.has(parent.type) ? [{ type: 'paragraph', children: [text] }] : [text];
    }
    case 'link':
      // Unsafe or literal links keep their text, lose the link.
      if (!isSafeUrl(node.url) || isLiteralAutolink(node.url, node.children)) return node.children;
      return [node];
    case 'image':
      return isSafeUrl(node.url) ? [node] : node.alt ? [toText(node.alt, node)] : [];
    default:
      return [node];
  }
}

function walk(parent: Parents): void {
  const next: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    for (const replaced of harden(child, parent)) {
      if ('children' in replaced) walk(replaced);
      next.push(replaced);
    }
  }
  (parent as { children: RootContent[] }).children = next;
}

/** remark plugin: raw HTML as text, unsafe and literal links unwrapped. */
function remarkHarden() {
  return (tree: Root) => walk(tree);
}

const schema: SanitizeSchema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkHarden)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

/** Sanitized HTML for markdown; an empty string for empty markdown. */
export function renderMarkdown(markdown: string): string {
  if (!markdown.trim()) return '';
  return String(processor.processSync(markdown)).trim();
}
