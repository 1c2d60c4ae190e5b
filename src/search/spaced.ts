/**
 * Chinese text with a space between every CJK character, so that a search
 * index tokenizes it one character per word. A quoted query written the
 * same way then matches exactly the pages whose text contains it as a
 * substring, independent of how a word segmenter cut the page text.
 */
import { HAN } from '../ingest/han.ts';

const CJK_RE = new RegExp(`([${HAN}])`, 'g');

export function spaced(text: string): string {
  return text
    .replace(CJK_RE, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
}
