/**
 * Amounts the explanation text states for figures its tables leave blank,
 * lack, or print where no column could be found (“三公”经费 and its parts:
 * `“三公”经费预算安排 3.00 万元，其中因公出国(境)费 0.00 万元；…`). A card
 * shows such an amount with both locations, the sentence and the table, so
 * a reader sees what the document says and where the table falls short.
 */
import { compact } from '../ingest/recognize/text.ts';
import { wordingsOf, type StandardItem } from '../ingest/vocabulary.ts';
import { toWan } from './format.ts';
import { paths } from './urls.ts';

export interface Stated {
  /** Amount in 万元. */
  value: string;
  line: number;
  href: string;
}

const AMOUNT = '([0-9][0-9,]*(?:\\.[0-9]+)?)(万元|元)';
// Up to a few characters between a name and its amount (`预算安排`, `为`), never across a sentence or another amount.
const GAP = '[^0-9。；;]{0,12}?';
const THREE_PUBLIC_RE = new RegExp(`三公["”]?经费${GAP}${AMOUNT}`);
const PART_RE = (item: StandardItem) => new RegExp(`(?:${wordingsOf(item)})${GAP}${AMOUNT}`);
const DEFINITION_RE = /是指|指各|包括/;

/** What the explanation states for “三公”经费 and its parts: the first sentence naming the total with an amount. */
export function statedThreePublic(source: string, lines: readonly string[], from: number, to: number): Partial<Record<'total' | 'abroad' | 'cars' | 'reception', Stated>> {
  for (let n = from; n <= Math.min(to, lines.length); n++) {
    const text = compact(lines[n - 1] ?? '');
    if (DEFINITION_RE.test(text)) continue;
    const total = THREE_PUBLIC_RE.exec(text);
    if (!total) continue;
    const at = (m: RegExpExecArray | null): Stated | undefined => {
      if (!m) return undefined;
      const digits = m[1]!.replace(/,/g, '');
      return /^\d+(\.\d+)?$/.test(digits) ? { value: toWan(digits, m[2] === '元' ? '元' : '万元'), line: n, href: paths.source(source, n) } : undefined;
    };
    const found: Partial<Record<'total' | 'abroad' | 'cars' | 'reception', Stated>> = {};
    const t = at(total);
    if (t) found.total = t;
    for (const [key, item] of [['abroad', 'abroad'], ['cars', 'car'], ['reception', 'reception']] as const) {
      const s = at(PART_RE(item).exec(text));
      if (s) found[key] = s;
    }
    return found;
  }
  return {};
}
