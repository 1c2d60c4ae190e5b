/**
 * The command line of every script: its own options and the settings of
 * src/config.ts it uses, parsed with node:util parseArgs. `--help` prints
 * every option with its default and meaning and exits 0; an unknown flag or
 * a value a setting cannot take prints why and exits 2, before any work.
 */
import { parseArgs } from 'node:util';
import { ConfigError, HOST_VARIABLES, normalizeConfig, SETTINGS, type Config, type SettingName } from '../../src/config.ts';

export interface CliOption {
  type: 'string' | 'boolean';
  description: string;
  default?: string;
  /** Placeholder of the value in `--help`. */
  value?: string;
  short?: string;
}

export interface CliSpec<O extends Record<string, CliOption>> {
  /** `npm run build -- [options]` */
  usage: string;
  /** What the script does, a few lines. */
  summary: string;
  /** Settings of src/config.ts the script reads. */
  settings?: readonly SettingName[];
  /** Whether the script reads the host's BASE_PATH and SITE_URL. */
  host?: boolean;
  options?: O;
  /** What the positional arguments are (`<file>`); none allowed when unset. */
  positionals?: string;
}

type Values<O extends Record<string, CliOption>> = { [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : O[K]['default'] extends string ? string : string | undefined };

export interface Cli<O extends Record<string, CliOption>> {
  config: Config;
  values: Values<O>;
  positionals: string[];
}

function row(flag: string, text: string): string {
  return flag.length < 30 ? `  ${flag.padEnd(30)}${text}` : `  ${flag}\n  ${' '.repeat(30)}${text}`;
}

/** The `--help` text of a script. */
export function helpText<O extends Record<string, CliOption>>(spec: CliSpec<O>): string {
  const lines = [`Usage: ${spec.usage}`, '', spec.summary.trim(), '', 'Options:'];
  for (const [name, option] of Object.entries(spec.options ?? {})) {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${name}${option.type === 'string' ? ` ${option.value ?? '<value>'}` : ''}`;
    lines.push(row(flag, `${option.description}${option.default !== undefined ? ` (default: ${option.default})` : ''}`));
  }
  for (const name of spec.settings ?? []) {
    const setting = SETTINGS[name];
    const shown = setting.default === '' ? '' : ` (default: ${setting.default})`;
    lines.push(row(`--${name} ${setting.value}`, `${setting.description}${shown}`));
  }
  lines.push(row('-h, --help', 'print this help and exit'));
  if (spec.host) {
    lines.push('', 'Environment (set by the static host):');
    for (const [name, text] of Object.entries(HOST_VARIABLES)) lines.push(row(name, text));
  }
  return lines.join('\n');
}

function fail(spec: CliSpec<Record<string, CliOption>>, message: string): never {
  // The command alone: the usage up to its arguments (`npm run build`, `node … scripts/x.ts`).
  const command = spec.usage.replace(/ (-- |\[|<).*$/, '');
  console.error(`${command}: ${message}\nRun with --help to see every option.`);
  process.exit(2);
}

/** Parse `argv` (default: this process's arguments) as the script `spec` describes; exits on --help and on bad input. */
export function cli<O extends Record<string, CliOption>>(spec: CliSpec<O>, argv: string[] = process.argv.slice(2)): Cli<O> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, option] of Object.entries(spec.options ?? {})) {
    options[name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.default !== undefined ? { default: option.default } : option.type === 'boolean' ? { default: false } : {}) };
  }
  for (const name of spec.settings ?? []) options[name] = { type: 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: spec.positionals !== undefined, strict: true });
  } catch (error) {
    fail(spec, error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    console.log(helpText(spec));
    process.exit(0);
  }
  const flags: Partial<Record<SettingName, string>> = {};
  for (const name of spec.settings ?? []) {
    const value = parsed.values[name];
    if (typeof value === 'string') flags[name] = value;
  }
  try {
    return { config: normalizeConfig(flags), values: parsed.values as Values<O>, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof ConfigError) fail(spec, error.message);
    throw error;
  }
}

/** The flags that give `config`'s values of `names` to another script of the build. */
export function settingArgs(config: Config, names: readonly SettingName[]): string[] {
  const value: Record<SettingName, string | number> = {
    seeds: config.seeds,
    content: config.content,
    dist: config.dist,
    'ingest-cache': config.ingestCache,
    'astro-cache': config.astroCache,
    concurrency: config.concurrency,
    parts: config.parts,
    'entity-cache-mb': config.entityCacheMb,
    'search-shards': config.searchShards,
    'search-shard-pages': config.searchShardPages,
    'log-level': config.logLevel,
    port: config.port,
  };
  return names.flatMap((name) => [`--${name}`, String(value[name])]);
}
