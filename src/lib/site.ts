/**
 * The site index of the build being rendered, for the pages: built once per
 * process from the content collections (data.ts), or, in a build in parts,
 * read from the file the build wrote once for all its parts
 * (src/build/site-index-file.ts). What each index holds and the helpers that
 * look things up in it are in src/lib/site/, one module per index.
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { siteSettings } from '../config.ts';
import { entityIds, loadEntity, loadSources } from './data.ts';
import { buildIndex, type SiteIndex } from './site/build-index.ts';

export { findingPageCount, linkFindings, type FindingEntry, type LinkedFinding } from './site/finding-index.ts';
export { glossaryFor } from './site/glossary.ts';
export { allPages } from './site/pages.ts';
export { entityRegionLabel, provinceAnchor, type RegionGroup } from './site/regions.ts';
export { sourceRefs, type SourceRef } from './site/source-refs.ts';
export { functionalClass, type Subject } from './site/subjects.ts';

let cache: Promise<SiteIndex> | undefined;

export function loadSite(): Promise<SiteIndex> {
  const file = siteSettings().siteIndexFile;
  cache ??= file ? Promise.resolve(deserialize(readFileSync(file)) as SiteIndex) : buildIndex({ sources: loadSources, entityIds, entity: loadEntity });
  return cache;
}
