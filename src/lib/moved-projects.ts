/**
 * Project pages of projects without a code were once numbered in page order
 * (p1, p2 …) and are now named after the project; the numbered addresses stay
 * as pages sending the reader on (MovedPage), so old links keep working.
 */
import { codeProjectId } from '../ingest/recognize/projects.ts';
import { paths } from './urls.ts';

/** The numbered addresses (p1, p2 …) projects without a code had before they were named, each sent on to its page. */
export function numberedProjects(entity: { id: string; projects: readonly { id: string; name: string; code?: string | undefined }[] }) {
  const own = new Set(entity.projects.map((p) => p.id));
  return entity.projects
    .filter((p) => !codeProjectId(p.code))
    .map((p, i) => ({ old: `p${i + 1}`, project: p }))
    .filter(({ old }) => !own.has(old))
    .map(({ old, project }) => ({ params: { path: `${entity.id}/projects/${old}` }, props: { moved: { to: paths.project(entity.id, project.id), title: project.name } } }));
}
