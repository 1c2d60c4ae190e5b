/**
 * Every setting of the portal's build in one place: its command-line flag,
 * type, default, meaning and validation. Scripts read them from their flags
 * (scripts/lib/cli.ts turns this table into `parseArgs` options and `--help`);
 * the only settings read from the environment are the two a static host sets
 * (BASE_PATH, SITE_URL), read here and nowhere else.
 *
 * The pages rendered by Astro see the part they need (SiteSettings): the build
 * hands it to Vite as a compile-time constant (src/build/astro-options.ts), so
 * what one build renders never depends on the environment of its processes.
 */

interface SettingBase {
  /** What `--help` says the setting does. */
  description: string;
  /** Placeholder of the value in `--help` (`<dir>`). */
  value: string;
}
interface TextSetting extends SettingBase {
  kind: 'text';
  default: string;
}
interface IntegerSetting extends SettingBase {
  kind: 'integer';
  default: number;
  min: number;
}
interface ChoiceSetting<C extends string> extends SettingBase {
  kind: 'choice';
  choices: readonly C[];
  default: C;
}
type Setting = TextSetting | IntegerSetting | ChoiceSetting<string>;

const text = (value: string, defaultValue: string, description: string): TextSetting => ({ kind: 'text', value, default: defaultValue, description });
const integer = (defaultValue: number, min: number, description: string): IntegerSetting => ({ kind: 'integer', value: '<n>', default: defaultValue, min, description });
const choice = <C extends string>(choices: readonly C[], defaultValue: C, description: string): ChoiceSetting<C> => ({ kind: 'choice', value: `<${choices.join('|')}>`, choices, default: defaultValue, description });

/** The settings by flag name (`--search-shards`). */
export const SETTINGS = {
  seeds: text('<dir>', 'seeds', 'folder of the documents as published'),
  content: text('<dir>', 'content', 'folder of the model the ingest writes (content collections)'),
  dist: text('<dir>', 'dist', 'folder the site is built into'),
  'ingest-cache': text('<dir>', '.cache/ingest', 'folder of ingest results cached by content hash'),
  'astro-cache': text('<dir>', '', "Astro's cache folder (default: node_modules/.astro for dist/, <dist>.astro-cache for another folder, so builds never share data)"),
  concurrency: integer(8, 1, 'pages Astro renders at once'),
  parts: integer(0, 0, 'Astro processes rendering the pages side by side (0: one per core, at most two, from 500 entities on)'),
  'entity-cache-mb': integer(0, 0, 'MB of entity JSON kept in memory while pages render (0: only the last few read)'),
  'search-shards': choice(['none', 'year', 'region'] as const, 'none', 'split the search index into shards indexed in parallel'),
  // Every shard costs each search its page list and an index chunk per query word, however few
  // pages it holds, while indexing holds memory in proportion to the pages of a shard
  // (docs/performance.md): small groups are packed together up to this many pages.
  'search-shard-pages': integer(2400, 1, 'most pages one search shard packs together'),
  'log-level': choice(['warn', 'info'] as const, 'warn', "Astro's log level"),
  port: integer(4321, 0, 'port the preview server listens on'),
} satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;

/** The environment variables a static host sets, with their meaning (read only here). */
export const HOST_VARIABLES = {
  BASE_PATH: 'sub-path the site is served from, e.g. /budget/ (default: /)',
  SITE_URL: 'origin of the site, e.g. https://example.org, for absolute canonical and Open Graph URLs (default: none)',
  SOURCE_DATE_EPOCH: 'seconds since 1970 written as the creation time of the data package (default: none, so two builds of the same files are byte for byte equal)',
} as const;

type ChoiceOf<S> = S extends ChoiceSetting<infer C> ? C : never;

export interface Config {
  seeds: string;
  content: string;
  dist: string;
  ingestCache: string;
  astroCache: string;
  concurrency: number;
  /** 0: chosen from the corpus size. */
  parts: number;
  entityCacheMb: number;
  searchShards: ChoiceOf<(typeof SETTINGS)['search-shards']>;
  searchShardPages: number;
  logLevel: ChoiceOf<(typeof SETTINGS)['log-level']>;
  port: number;
  /** Always starts and ends with `/`. */
  base: string;
  site: string | undefined;
  /** ISO time from SOURCE_DATE_EPOCH, the reproducible-builds convention; undefined when unset. */
  created: string | undefined;
}

/** A setting given a value it cannot take; the message names the flag. */
export class ConfigError extends Error {}

function integerOf(name: string, setting: IntegerSetting, raw: string | undefined): number {
  if (raw === undefined) return setting.default;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`--${name} must be a whole number, not “${raw}”`);
  const n = Number(raw);
  if (n < setting.min) throw new ConfigError(`--${name} must be at least ${setting.min}, not ${n}`);
  return n;
}

function textOf(name: string, setting: TextSetting, raw: string | undefined): string {
  if (raw === undefined) return setting.default;
  if (!raw.trim()) throw new ConfigError(`--${name} must not be empty`);
  return raw;
}

function choiceOf<C extends string>(name: string, setting: ChoiceSetting<C>, raw: string | undefined): C {
  if (raw === undefined) return setting.default;
  const found = setting.choices.find((c) => c === raw);
  if (found === undefined) throw new ConfigError(`--${name} must be one of ${setting.choices.join(', ')}, not “${raw}”`);
  return found;
}

/** `budget` → `/budget/`; empty → `/`. */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (/[\s?#]/.test(trimmed)) throw new ConfigError(`BASE_PATH must be a URL path such as /budget/, not “${raw}”`);
  return trimmed ? `/${trimmed}/` : '/';
}

function siteOf(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`SITE_URL must be an absolute URL such as https://example.org, not “${raw}”`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new ConfigError(`SITE_URL must be an http(s) URL, not “${raw}”`);
  return raw;
}

function createdOf(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not “${raw}”`);
  return new Date(Number(raw.trim()) * 1000).toISOString();
}

/**
 * The whole configuration from flag values (`{ dist: 'out' }`, unset flags
 * absent) and the host's environment; every value checked, every default filled in.
 */
export function normalizeConfig(flags: Partial<Record<SettingName, string>> = {}, env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const s = SETTINGS;
  const dist = textOf('dist', s.dist, flags.dist);
  const astroCache = flags['astro-cache'] === undefined ? (dist === s.dist.default ? 'node_modules/.astro' : `${dist}.astro-cache`) : textOf('astro-cache', s['astro-cache'], flags['astro-cache']);
  return {
    seeds: textOf('seeds', s.seeds, flags.seeds),
    content: textOf('content', s.content, flags.content),
    dist,
    ingestCache: textOf('ingest-cache', s['ingest-cache'], flags['ingest-cache']),
    astroCache,
    concurrency: integerOf('concurrency', s.concurrency, flags.concurrency),
    parts: integerOf('parts', s.parts, flags.parts),
    entityCacheMb: integerOf('entity-cache-mb', s['entity-cache-mb'], flags['entity-cache-mb']),
    searchShards: choiceOf('search-shards', s['search-shards'], flags['search-shards']),
    searchShardPages: integerOf('search-shard-pages', s['search-shard-pages'], flags['search-shard-pages']),
    logLevel: choiceOf('log-level', s['log-level'], flags['log-level']),
    port: integerOf('port', s.port, flags.port),
    base: normalizeBase(env.BASE_PATH),
    site: siteOf(env.SITE_URL),
    created: createdOf(env.SOURCE_DATE_EPOCH),
  };
}

/** What the pages of one build read while they render. */
export interface SiteSettings {
  base: string;
  site: string | undefined;
  content: string;
  seeds: string;
  entityCacheMb: number;
  /** The site index built once for a build in parts (src/build/site-index-file.ts); unset: each process builds its own. */
  siteIndexFile: string | undefined;
}

export function siteSettingsOf(config: Config, siteIndexFile?: string): SiteSettings {
  return { base: config.base, site: config.site, content: config.content, seeds: config.seeds, entityCacheMb: config.entityCacheMb, siteIndexFile };
}

/** The name Vite replaces with the build's SiteSettings (src/build/astro-options.ts). */
export const SITE_SETTINGS_CONSTANT = '__BUDGET_PORTAL_SITE_SETTINGS__';
declare const __BUDGET_PORTAL_SITE_SETTINGS__: SiteSettings | undefined;

let current: SiteSettings | undefined;

/**
 * The settings of the site being rendered: those the build compiled in, else
 * (plain Node: tests, the downloads writer) the defaults and the host's variables.
 */
export function siteSettings(): SiteSettings {
  current ??= typeof __BUDGET_PORTAL_SITE_SETTINGS__ === 'object' && __BUDGET_PORTAL_SITE_SETTINGS__ ? __BUDGET_PORTAL_SITE_SETTINGS__ : siteSettingsOf(normalizeConfig());
  return current;
}

/** Render from other folders in this process (tests that build a corpus of their own). */
export function useSiteSettings(settings: Partial<SiteSettings>): void {
  current = { ...siteSettings(), ...settings };
}
