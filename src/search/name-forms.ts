/**
 * The forms a unit's name is searched by: as printed, and in the other
 * script (simplified for a name printed in 繁體, traditional for one printed
 * in simplified characters), so a query typed in either script finds the
 * unit. The page keeps showing the name as printed; the other forms go to
 * the index only (as search keys).
 */
import { Converter } from 'opencc-js';
import { forMatching } from '../ingest/recognize/text.ts';

/** Simplified → traditional character by character (OpenCC `cn` → `t`), no regional phrase rewriting. */
const toTraditional = Converter({ from: 'cn', to: 't' });

export function nameForms(name: string): string[] {
  const simplified = forMatching(name);
  return [...new Set([name, simplified, toTraditional(simplified)])];
}
