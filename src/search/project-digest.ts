/**
 * What the search index learns about a project from its unit's page.
 *
 * Project pages are not indexed on their own: a unit has many projects, so
 * they would be most of the records, and every record costs every search a
 * share of Pagefind's page list (`pf_meta`), which the search page downloads
 * whole. The unit page carries, under a hidden heading per project
 * (`#p-<project>`), the project's name, codes and subject; a match comes
 * back as the unit with that project as its section, and the search page
 * shows it as the project's own result, linked to the project page
 * (scripts/search-rank.ts). Each project's name, amount and code travel in
 * the unit's `projects` metadata.
 */
import type { Entity } from '../ingest/model/schema.ts';
import { wan } from '../lib/format.ts';
import { PROJECT_ANCHOR } from './anchors.ts';
import { projectCodeKeys } from './codes.ts';
import { spaced } from './spaced.ts';

type Project = Entity['projects'][number];

/** Anchor of a project's section on its unit page. */
export function projectAnchor(projectId: string): string {
  return `${PROJECT_ANCHOR}${projectId}`;
}

/** The `projects` metadata of a unit page: `[id, name, amount, code]` per project, as JSON (read by parseProjectsMeta). */
export function projectsMeta(projects: readonly Project[]): string | undefined {
  if (!projects.length) return undefined;
  return JSON.stringify(projects.map((p) => [p.id, p.name, p.amount ? `${wan(p.amount)} 万元` : '', p.code ? p.code.toUpperCase() : '']));
}

/** Readable line under a project's heading: its code and functional subject. */
export function projectLine(project: Project, subjectName?: string): string {
  return [
    project.code ? `项目编码 ${project.code.toUpperCase()}` : '',
    project.subjectCode ? `功能科目 ${project.subjectCode}${subjectName ? ` ${subjectName}` : ''}` : '',
    project.type ?? '',
  ].filter(Boolean).join('，');
}

/**
 * The project's name and codes one character per word (see spaced.ts): a quoted query
 * finds the project by any part of its name or code, whatever the word segmentation.
 */
export function projectKeys(project: Project): string[] {
  return [...new Set([project.name, ...(project.code ? projectCodeKeys(project.code) : [])])].map((k) => spaced(k)).filter(Boolean);
}
