// @ts-check
import { defineConfig } from 'astro/config';
import { normalizeConfig } from './src/config.ts';
import { astroOptions } from './src/build/astro-options.ts';

/**
 * The Astro options of every build. Where the site is built and served from
 * comes from the configuration (src/config.ts): here its defaults and the
 * host's BASE_PATH and SITE_URL; `npm run build` passes its own configuration
 * over them (src/build/astro-options.ts).
 */
const configured = astroOptions(normalizeConfig());

export default defineConfig({
  ...configured,
  output: 'static',
  trailingSlash: 'always',
  // Scripts and styles always ship as files under 'self' (never inlined), so a
  // strict Content-Security-Policy needs no 'unsafe-inline'.
  build: { ...configured.build, format: 'directory', assets: '_assets', inlineStylesheets: 'never' },
  vite: { ...configured.vite, build: { assetsInlineLimit: 0 } },
  // Astro 7's default ('jsx') drops whitespace between inline elements, which
  // glues adjacent codes into one search token. Collapse whitespace instead.
  compressHTML: true,
  devToolbar: { enabled: false },
});
