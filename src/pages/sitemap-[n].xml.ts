/**
 * /sitemap-<n>.xml: one chunk of 50,000 pages, only built when the site has
 * more pages than one sitemap may list.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SITEMAP_LIMIT, XML_HEADERS, sitemapPages, urlset } from '../lib/sitemap.ts';

export const getStaticPaths = (async () => {
  const pages = await sitemapPages();
  if (pages.length <= SITEMAP_LIMIT) return [];
  return Array.from({ length: Math.ceil(pages.length / SITEMAP_LIMIT) }, (_, i) => ({ params: { n: String(i + 1) }, props: { from: i * SITEMAP_LIMIT } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { from } = props as { from: number };
  const pages = await sitemapPages();
  return new Response(urlset(pages.slice(from, from + SITEMAP_LIMIT), site), { headers: XML_HEADERS });
};
