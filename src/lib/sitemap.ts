/**
 * sitemap.xml: every page, absolute when SITE_URL is set (site-relative
 * paths under the base otherwise). Beyond 50,000 URLs (the protocol's
 * limit) /sitemap.xml becomes a sitemap index of /sitemap-<n>.xml files.
 */
import { allPages, loadSite } from './site.ts';
import { url } from './urls.ts';

export const SITEMAP_LIMIT = 50_000;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function absolute(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}

export async function sitemapPages(): Promise<string[]> {
  return allPages(await loadSite());
}

export function urlset(pages: readonly string[], site: URL | undefined): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${pages.map((p) => `<url><loc>${escape(absolute(p, site))}</loc></url>`).join('\n')}\n</urlset>\n`;
}

export function sitemapIndex(chunks: number, site: URL | undefined): string {
  const items = Array.from({ length: chunks }, (_, i) => `<sitemap><loc>${escape(absolute(url(`sitemap-${i + 1}.xml`), site))}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</sitemapindex>\n`;
}

export const XML_HEADERS = { 'Content-Type': 'application/xml; charset=utf-8' };
