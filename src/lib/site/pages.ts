/** Every page of the site, from the site index (the sitemap and the tests list them). */
import { yearPageCount } from '../paging.ts';
import { paths } from '../urls.ts';
import type { SiteIndex } from './build-index.ts';
import { findingPageCount } from './finding-index.ts';

/** Every page of the site (paths under the base). */
export function allPages(index: SiteIndex): string[] {
  const pages = [paths.home(), paths.regions(), paths.subjects(), paths.findings(), paths.glossary(), paths.openData(), paths.search()];
  const findingsPages = findingPageCount(index);
  for (let n = 2; n <= findingsPages; n++) pages.push(paths.findingsPage(n));
  for (const r of index.regions) pages.push(paths.region(r.slug));
  for (const y of index.years) for (let n = 1; n <= yearPageCount(y.entities.length); n++) pages.push(paths.yearPage(y.year, n));
  for (const e of index.entities) {
    pages.push(paths.entity(e.id));
    for (const t of e.tables) pages.push(paths.table(e.id, t.id));
    for (const p of e.projects) pages.push(paths.project(e.id, p.id));
  }
  for (const s of index.subjects.values()) if (!s.implied) pages.push(paths.subject(s.code));
  for (const s of index.sources) pages.push(paths.source(s.file));
  return pages;
}
