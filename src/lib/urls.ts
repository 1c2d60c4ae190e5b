/**
 * Every internal link goes through here so the site works under any base
 * path (`/` or `/budget/`).
 *
 * URL scheme (all with a trailing slash, unique across regions and years
 * because entity ids contain region, year and code):
 *
 *   /                                   home
 *   /regions/<region-slug>/             entities of one region
 *   /years/<year>/                      entities of one budget year
 *   /units/<entity>/                    one unit or department
 *   /units/<entity>/tables/<table>/     one table (#r-<line> on each row)
 *   /units/<entity>/projects/<project>/ one project and its performance sheet
 *   /subjects/ , /subjects/<code>/      subject codes (功能分类 / 经济分类)
 *   /findings/ (, /findings/<n>/)       cross-check findings (paged when many)
 *   /glossary/                          名词解释 (#term-<slug>)
 *   /sources/<source>/                  line-numbered source (#L<line>)
 *   /originals/<source>.<ext>           an original file (PDF, Word, Excel, web page) as published
 *   /data/catalog.json, /data/<entity>.json, /data/<entity>/<table>.json
 *   /data/<entity>/<entity>_<table>.csv one table (the file name says unit, year, table)
 *   /data/datapackage.json, /data/fdp/*.csv  the Fiscal Data Package
 *   /data/                              the open-data page describing every download
 *   /data/subjects/<code>.csv           every entity's amount under one subject code
 *                                       (entity downloads: src/downloads/, written after Astro)
 *   /sitemap.xml
 */
import { siteSettings } from '../config.ts';
import { sourceId } from '../ingest/ids.ts';
import { originalFileName } from './printed-at.ts';

// Astro (Vite) provides BASE_URL; plain Node scripts (the downloads writer) take the configured base path.
const RAW_BASE = import.meta.env?.BASE_URL ?? siteSettings().base;
const BASE = RAW_BASE.endsWith('/') ? RAW_BASE : `${RAW_BASE}/`;

/** `url('units/x/')` → `/budget/units/x/` under base `/budget/`. */
export function url(path = ''): string {
  // Called for every link of every page: skip the regular expression when there is nothing to strip.
  return BASE + (path.charCodeAt(0) === 47 ? path.replace(/^\/+/, '') : path);
}

/** Id of the row anchor on a table page: `r-126`, `r-69-2` for a second row printed on line 69. */
export function rowAnchor(line: number, nth = 1): string {
  return nth > 1 ? `r-${line}-${nth}` : `r-${line}`;
}

/** Path under dist/ of a table's CSV: the entity id (region, year, code) in the file name keeps downloads apart. */
export const tableCsvPath = (entityId: string, tableId: string) => `data/${entityId}/${entityId}_${tableId}.csv`;

export const paths = {
  home: () => url(),
  search: (q?: string) => url('search/') + (q ? `?q=${encodeURIComponent(q)}` : ''),
  /** Every region, by province. */
  regions: (hash?: string) => url('regions/') + (hash ? `#${hash}` : ''),
  region: (slug: string) => url(`regions/${slug}/`),
  year: (year: number) => url(`years/${year}/`),
  /** Page n (from 2) of a year's list of units when it is paged. */
  yearPage: (year: number, n: number) => url(n > 1 ? `years/${year}/${n}/` : `years/${year}/`),
  entity: (id: string, hash?: string) => url(`units/${id}/`) + (hash ? `#${hash}` : ''),
  table: (entityId: string, tableId: string, line?: number) => url(`units/${entityId}/tables/${tableId}/`) + (line ? `#${rowAnchor(line)}` : ''),
  tableCsv: (entityId: string, tableId: string) => url(tableCsvPath(entityId, tableId)),
  tableJson: (entityId: string, tableId: string) => url(`data/${entityId}/${tableId}.json`),
  entityJson: (entityId: string) => url(`data/${entityId}.json`),
  /** A unit's history across years and phases (units with more than one document). */
  historyCsv: (entityId: string, part: 'years' | 'subjects' | 'economic' = 'years') => url(`data/history/${entityId}${part === 'years' ? '' : `-${part}`}.csv`),
  project: (entityId: string, projectId: string) => url(`units/${entityId}/projects/${projectId}/`),
  subjects: (hash?: string) => url('subjects/') + (hash ? `#${hash}` : ''),
  subject: (code: string) => url(`subjects/${encodeURIComponent(code)}/`),
  subjectCsv: (code: string) => url(`data/subjects/${encodeURIComponent(code)}.csv`),
  findings: (hash?: string) => url('findings/') + (hash ? `#${hash}` : ''),
  /** Page n (from 2) of the findings overview when it is paged (large corpora). */
  findingsPage: (n: number) => url(n > 1 ? `findings/${n}/` : 'findings/'),
  /** A finding's home: its entity's page, which lists all of its findings. */
  finding: (entityId: string, findingId: string) => `${url(`units/${entityId}/`)}#${findingId}`,
  glossary: (anchor?: string) => url('glossary/') + (anchor ? `#${anchor}` : ''),
  source: (file: string, line?: number) => url(`sources/${sourceId(file)}/`) + (line ? `#L${line}` : ''),
  /** An original file as published, for download. */
  original: (file: string) => url(`originals/${originalFileName(sourceId(file), file)}`),
  catalog: () => url('data/catalog.json'),
  /** The open-data page: every download described, with samples. */
  openData: () => url('data/'),
  dataPackage: () => url('data/datapackage.json'),
  sitemap: () => url('sitemap.xml'),
};
