/**
 * The Astro options that depend on the configuration (src/config.ts): where
 * the site is built and served from, and the settings its pages read, which
 * Vite compiles in as a constant (siteSettings() in the pages), so that the
 * pages see exactly the configuration of the build that renders them.
 *
 * astro.config.mjs gives them for the default configuration (`astro dev`,
 * `astro sync`); the build passes them again, for its own configuration, as
 * Astro's inline configuration, which Astro merges over the file's.
 */
import type { AstroIntegration } from 'astro';
import { SITE_SETTINGS_CONSTANT, siteSettingsOf, type Config } from '../config.ts';
import { renderPart, type Part } from './render-part.ts';

/** What a build in parts tells each of its Astro processes. */
export interface PartRender {
  part: Part;
  /** The site index the build wrote once for all its parts. */
  siteIndexFile: string;
}

/** The options of astroOptions (a part of Astro's configuration that both astro.config.mjs and an inline configuration take). */
export interface AstroOptions {
  base: string;
  outDir: string;
  cacheDir: string;
  site?: string;
  build: { concurrency: number };
  vite: { define: Record<string, string> };
  integrations?: AstroIntegration[];
}

export function astroOptions(config: Config, run?: PartRender): AstroOptions {
  return {
    base: config.base,
    outDir: config.dist,
    cacheDir: config.astroCache,
    ...(config.site ? { site: config.site } : {}),
    build: { concurrency: config.concurrency },
    vite: { define: { [SITE_SETTINGS_CONSTANT]: JSON.stringify(siteSettingsOf(config, run?.siteIndexFile)) } },
    ...(run ? { integrations: [renderPart(run.part)] } : {}),
  };
}
