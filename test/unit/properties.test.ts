/**
 * Property-based tests: the money parser and the readers accept any input
 * without crashing, amounts survive a format/parse round trip, and every
 * cell a reader produces points at its own text in the source.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/ingest/diagnostics.ts';
import { ingestSource } from '../../src/ingest/ingest.ts';
import { formatAmount, parseAmount } from '../../src/ingest/model/money.ts';
import { readers, read } from '../../src/ingest/read/index.ts';
import { switches } from '../../src/bench/switches.ts';

// A fixed seed keeps CI reproducible; set FC_SEED to explore other inputs.
fc.configureGlobal({ seed: switches.fcSeed });

/** Exact decimal strings with 0–4 decimals, like the model stores them. */
const decimalString = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }))
  .map(([negative, units, scale]) => {
    const digits = units.toString().padStart(scale + 1, '0');
    const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
    return negative && units !== 0n ? `-${text}` : text;
  });

/** Text that looks like extracted documents: CJK, digits, tabs, pipes, markup. */
const documentText = fc.array(
  fc.oneof(
    fc.constantFrom('\t', '|', '\n', '\n\n', ' ', '#', '-', '**', '<b>', '</b>', '<script>', '合计', '科目编码', '单位：万元', '预算年度：2024', '450001 某某局', '一、', '（一）', '栏次', '—', '(12.00)', '１２３', '≥90%', '[bookmark: x]'),
    fc.string({ maxLength: 6 }),
    decimalString,
  ),
  { maxLength: 120 },
).map((parts) => parts.join(''));

describe('money parser properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      parseAmount(text);
    }));
  });

  it('parse(format(x)) = x for every exact amount', () => {
    fc.assert(fc.property(decimalString, (value) => {
      const parsed = parseAmount(formatAmount(value));
      const canonical = /^-0(\.0+)?$/.test(value) ? value.slice(1) : value;
      expect(parsed).toMatchObject({ kind: 'amount', value: canonical });
    }));
  });

  it('reads bracketed negatives and full-width digits as the same value', () => {
    fc.assert(fc.property(decimalString.filter((v) => !v.startsWith('-') && /[1-9]/.test(v)), (value) => {
      const fullWidth = formatAmount(value).replace(/[0-9.,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
      expect(parseAmount(fullWidth)).toMatchObject({ value });
      expect(parseAmount(`(${formatAmount(value)})`)).toMatchObject({ value: `-${value}` });
    }));
  });
});

describe('reader properties', () => {
  it('every reader accepts any text, and every cell points at its own text', () => {
    const bookmarks = /\[bookmark:[^\]]*\]/g;
    fc.assert(fc.property(documentText, (text) => {
      const lines = text.split('\n');
      for (const reader of readers) {
        for (const block of reader.read(lines)) {
          if (block.type !== 'table') continue;
          for (const row of block.rows) {
            for (const cell of row.cells) {
              if (!cell.text) continue;
              const at = lines[cell.line - 1]!.slice(cell.column - 1);
              const where = `${reader.name} ${JSON.stringify(cell)} at ${JSON.stringify(at)}`;
              if (reader.name === 'markdown-pipe') expect(at.replace(/\\\|/g, '|').startsWith(cell.text), where).toBe(true);
              else if (reader.name === 'docx-cells') {
                // A cell's text is its own line without bookmarks, then any lines it wraps onto.
                expect(/^\s|^\[bookmark:/.test(at), where).toBe(false);
                expect(cell.text.startsWith(at.replace(bookmarks, '').trim()), where).toBe(true);
              } else expect(at.startsWith(cell.text), where).toBe(true);
            }
          }
        }
      }
    }), { numRuns: 2000 });
  }, 300_000);

  it('the whole ingest never throws on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), documentText, (bytes, text) => {
      ingestSource('random.bin', bytes);
      ingestSource('random.txt', new TextEncoder().encode(text));
      read(text, new Reporter('random.txt'));
    }), { numRuns: 200 });
  }, 300_000);
});
