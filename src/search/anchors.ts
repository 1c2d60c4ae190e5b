/**
 * Anchors of the sections of a unit page's search record, shared by the code
 * that writes them at build time (project-digest.ts) and the search page that
 * reads them back (scripts/search-rank.ts), so neither imports the other.
 */

/** A project's section on its unit page: `#p-<project>`. */
export const PROJECT_ANCHOR = 'p-';
