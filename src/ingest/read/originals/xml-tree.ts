/**
 * A small element tree of an XML part (OOXML), built from the events of the
 * `saxes` streaming parser: names as written (with their prefix, `w:tc`),
 * attributes, child elements and text in order. Office parts run to
 * megabytes; a full DOM would cost many times more to build than the reader
 * needs.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes)) attributes[name] = String(value);
    const element: XmlElement = { name: tag.name, attributes, children: [] };
    stack.at(-1)!.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => stack.at(-1)!.children.push(text));
  parser.on('cdata', (text) => stack.at(-1)!.children.push(text));
  parser.write(xml).close();
  return root;
}

/** Child elements named `name`. */
export function kids(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? (el.children.filter((c) => typeof c !== 'string' && c.name === name) as XmlElement[]) : [];
}

export function kid(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return kids(el, name)[0];
}

/** Every element named `name` below `el`, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The text directly inside an element. */
export function ownText(el: XmlElement): string {
  return el.children.filter((c): c is string => typeof c === 'string').join('');
}
