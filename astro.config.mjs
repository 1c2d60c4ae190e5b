// @ts-check
import { defineConfig } from 'astro/config';
import { parsePart, renderPart } from './src/build/render-part.ts';

/**
 * BASE_PATH lets hosts serve the portal from a sub-path, e.g.
 * `BASE_PATH=/budget/ npm run build` for https://example.org/budget/.
 * SITE_URL (optional) makes canonical and Open Graph URLs absolute.
 * SEEDS_DIR / CONTENT_DIR / DIST_DIR (optional) build another corpus elsewhere.
 */
const base = process.env.BASE_PATH || '/';
/** DIST_DIR builds somewhere else than dist/ (tests and benchmarks build several sites). */
const outDir = process.env.DIST_DIR || './dist';
/** Each alternate build keeps its own content cache so builds never see each other's data. */
const cacheDir = process.env.ASTRO_CACHE_DIR || (process.env.DIST_DIR ? `${outDir}.astro-cache` : './node_modules/.astro');

export default defineConfig({
  base,
  outDir,
  cacheDir,
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  output: 'static',
  trailingSlash: 'always',
  // Scripts and styles always ship as files under 'self' (never inlined), so a
  // strict Content-Security-Policy needs no 'unsafe-inline'.
  build: { format: 'directory', assets: '_assets', inlineStylesheets: 'never', concurrency: Number(process.env.BUILD_CONCURRENCY || 8) },
  vite: { build: { assetsInlineLimit: 0 } },
  // Astro 7's default ('jsx') drops whitespace between inline elements, which
  // glues adjacent codes into one search token. Collapse whitespace instead.
  compressHTML: true,
  devToolbar: { enabled: false },
  // BUILD_PART=k/n renders one share of the pages (scripts/build.ts runs the parts side by side).
  integrations: [renderPart(parsePart(process.env.BUILD_PART))],
});
