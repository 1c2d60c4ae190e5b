/**
 * The build can keep up to `--entity-cache-mb` of entities in memory instead of
 * reading them again for their pages (off by default), and can render in
 * several Astro processes (`--parts`). With a cache and in two parts, every
 * page and download must come out byte for byte as in the normal build (dist/).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from '../support/env.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith('pagefind') ? [] : files(path);
    return name === 'sw.js' ? [] : [path];
  });
}

describe('a build in two parts that keeps entities in memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'budget-stream-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same pages and downloads as the normal build', () => {
    const dist = join(dir, 'dist');
    const result = spawnSync(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'scripts/build.ts', '--only', 'astro,downloads', '--dist', dist, '--entity-cache-mb', '400', '--parts', '2'], {
      env: buildEnv(),
      stdio: 'inherit',
    });
    expect(result.status).toBe(0);
    const expected = files('dist').map((f) => relative('dist', f)).sort();
    const actual = files(dist).map((f) => relative(dist, f)).sort();
    expect(actual).toEqual(expected);
    expect(actual.length).toBeGreaterThan(500);
    const differing = expected.filter((f) => !readFileSync(join('dist', f)).equals(readFileSync(join(dist, f))));
    expect(differing).toEqual([]);
  }, 900_000);
});
