/**
 * The configuration (src/config.ts) and the command line of the scripts
 * (scripts/lib/cli.ts): defaults, validation, the host's two variables,
 * `--help` and the exit codes a wrong flag gives.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { normalizeConfig, normalizeBase } from '../../src/config.ts';
import { helpText, settingArgs } from '../../scripts/lib/cli.ts';

const NODE = [process.execPath, '--experimental-strip-types', '--disable-warning=ExperimentalWarning'];
const run = (script: string, ...args: string[]) => spawnSync(NODE[0]!, [...NODE.slice(1), script, ...args], { encoding: 'utf8' });

describe('normalizeConfig', () => {
  it('fills in every default when nothing is given', () => {
    expect(normalizeConfig({}, {})).toEqual({
      seeds: 'seeds',
      content: 'content',
      dist: 'dist',
      ingestCache: '.cache/ingest',
      astroCache: 'node_modules/.astro',
      concurrency: 8,
      parts: 0,
      entityCacheMb: 0,
      searchShards: 'none',
      searchShardPages: 2400,
      logLevel: 'warn',
      port: 4321,
      base: '/',
      site: undefined,
      created: undefined,
    });
  });

  it('gives a build into another folder a cache of its own', () => {
    expect(normalizeConfig({ dist: '/tmp/x/dist' }, {}).astroCache).toBe('/tmp/x/dist.astro-cache');
    expect(normalizeConfig({ dist: '/tmp/x/dist', 'astro-cache': '/tmp/c' }, {}).astroCache).toBe('/tmp/c');
  });

  it('reads the host variables and nothing else from the environment', () => {
    const config = normalizeConfig({}, { BASE_PATH: 'budget', SITE_URL: 'https://example.org', DIST_DIR: 'elsewhere', SEARCH_SHARDS: 'year' });
    expect([config.base, config.site, config.dist, config.searchShards]).toEqual(['/budget/', 'https://example.org', 'dist', 'none']);
  });

  it('takes the data package creation time from SOURCE_DATE_EPOCH only', () => {
    expect(normalizeConfig({}, { SOURCE_DATE_EPOCH: '1767225600' }).created).toBe('2026-01-01T00:00:00.000Z');
    expect(() => normalizeConfig({}, { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow('SOURCE_DATE_EPOCH must be whole seconds since 1970, not “yesterday”');
  });

  it.each([
    [{ concurrency: 'eight' }, '--concurrency must be a whole number, not “eight”'],
    [{ concurrency: '0' }, '--concurrency must be at least 1, not 0'],
    [{ parts: '-1' }, '--parts must be a whole number, not “-1”'],
    [{ 'search-shards': 'month' }, '--search-shards must be one of none, year, region, not “month”'],
    [{ dist: ' ' }, '--dist must not be empty'],
  ] as const)('rejects %o', (flags, message) => {
    expect(() => normalizeConfig(flags, {})).toThrow(message);
  });

  it('rejects a host value that is not a path or an URL', () => {
    expect(() => normalizeConfig({}, { SITE_URL: 'example.org' })).toThrow('SITE_URL must be an absolute URL such as https://example.org, not “example.org”');
    expect(() => normalizeConfig({}, { BASE_PATH: '/a b/' })).toThrow('BASE_PATH must be a URL path such as /budget/, not “/a b/”');
  });

  it('normalizes the base path to a leading and trailing slash', () => {
    expect([normalizeBase(undefined), normalizeBase('/'), normalizeBase('/budget'), normalizeBase('budget/2024/')]).toEqual(['/', '/', '/budget/', '/budget/2024/']);
  });
});

describe('the command line', () => {
  it('hands settings to another script as the flags that give them', () => {
    const config = normalizeConfig({ seeds: 's', content: 'c', 'search-shard-pages': '10' }, {});
    expect(settingArgs(config, ['seeds', 'content', 'search-shard-pages'])).toEqual(['--seeds', 's', '--content', 'c', '--search-shard-pages', '10']);
  });

  it('lists every option with its default and the host variables in --help', () => {
    const text = helpText({ usage: 'npm run x -- [options]', summary: 'Does x.', options: { only: { type: 'string', value: '<steps>', description: 'some steps' } }, settings: ['dist', 'parts'], host: true });
    expect(text.split('\n')).toEqual([
      'Usage: npm run x -- [options]',
      '',
      'Does x.',
      '',
      'Options:',
      '  --only <steps>                some steps',
      '  --dist <dir>                  folder the site is built into (default: dist)',
      '  --parts <n>                   Astro processes rendering the pages side by side (0: one per core, at most two, from 500 entities on) (default: 0)',
      '  -h, --help                    print this help and exit',
      '',
      'Environment (set by the static host):',
      '  BASE_PATH                     sub-path the site is served from, e.g. /budget/ (default: /)',
      '  SITE_URL                      origin of the site, e.g. https://example.org, for absolute canonical and Open Graph URLs (default: none)',
      '  SOURCE_DATE_EPOCH             seconds since 1970 written as the creation time of the data package (default: none, so two builds of the same files are byte for byte equal)',
    ]);
  });

  it('prints --help and exits 0 on a script', () => {
    const result = run('scripts/write-downloads.ts', '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('  --content <dir>               folder of the model the ingest writes (content collections) (default: content)');
  });

  it('exits 2 naming an unknown flag, before any work', () => {
    const result = run('scripts/write-downloads.ts', '--dist-dir', 'x');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("npm run write-downloads: Unknown option '--dist-dir'");
  });

  it('exits 2 naming a value a setting cannot take', () => {
    const result = run('scripts/preview.ts', '--port', 'eighty');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('npm run preview: --port must be a whole number, not “eighty”');
  });
});
