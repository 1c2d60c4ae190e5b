/**
 * The seeds are published data: they must stay byte-identical to the
 * checksums recorded in test/seeds.sha256, and every file must be listed
 * (sources.json, the manifest hosts fill in, is metadata, not a document).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const listed = new Map(
  readFileSync('test/seeds.sha256', 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [hash, file] = line.split(/\s+\*?/);
      return [file!, hash!] as const;
    }),
);

describe('seeds/', () => {
  const files = readdirSync('seeds').filter((f) => !f.startsWith('.') && f !== 'sources.json').sort();

  it('holds exactly the documents listed in test/seeds.sha256', () => {
    expect(files).toEqual([...listed.keys()].sort());
  });

  it.each(files)('%s is byte-identical to its recorded sha256', (file) => {
    const hash = createHash('sha256').update(readFileSync(`seeds/${file}`)).digest('hex');
    expect(hash).toBe(listed.get(file));
  });
});
