/**
 * /sitemap.xml: every page of the site (or, above 50,000 pages, an index of
 * /sitemap-<n>.xml files).
 */
import type { APIRoute } from 'astro';
import { SITEMAP_LIMIT, XML_HEADERS, sitemapIndex, sitemapPages, urlset } from '../lib/sitemap.ts';

export const GET: APIRoute = async ({ site }) => {
  const pages = await sitemapPages();
  const body = pages.length <= SITEMAP_LIMIT ? urlset(pages, site) : sitemapIndex(Math.ceil(pages.length / SITEMAP_LIMIT), site);
  return new Response(body, { headers: XML_HEADERS });
};
