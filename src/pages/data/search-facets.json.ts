/**
 * dist/data/search-facets.json: the choices of the search page's filters
 * (page kind, region, year, 预算/决算, functional class) with page counts. Small at
 * any corpus size, unlike Pagefind's own filter indexes.
 */
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/site.ts';

const REGION_CHOICES_MAX = 200;

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const count = (entries: [string, number][]) => Object.fromEntries(entries.filter(([, n]) => n > 0));
  const projects = site.entities.reduce((n, e) => n + e.projects.length, 0);
  const facets = {
    kind: count([
      ['单位', site.entities.filter((e) => e.level === 'unit').length],
      ['部门', site.entities.filter((e) => e.level === 'department').length],
      ['项目', projects],
      ['科目', site.subjects.size],
      ['名词解释', site.glossary.length ? 1 : 0],
      ['核对发现', site.findings.length ? 1 : 0],
    ]),
    // A list of thousands of regions is no choice to make: past REGION_CHOICES_MAX the search
    // page offers none (a region filter in the URL still works) and the file stays small.
    region: site.regions.length <= REGION_CHOICES_MAX ? count(site.regions.map((r) => [r.label, r.entities.length])) : {},
    year: count(site.years.map((y) => [String(y.year), y.entities.length])),
    phase: count([
      ['预算', site.entities.filter((e) => e.phase === 'budget').length],
      ['决算', site.entities.filter((e) => e.phase === 'final').length],
    ]),
    class: count([...site.subjects.values()].filter((s) => s.system === 'functional' && s.code.length === 3).map((s) => [`${s.code} ${s.name}`, s.uses.length])),
  };
  return new Response(JSON.stringify(facets), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
