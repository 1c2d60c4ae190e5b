/**
 * Every internal link goes through here so the site works under any base
 * path (`/` or `/budget/`).
 */
import { sourceId } from '../ingest/ids.ts';

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `url('units/x/')` → `/budget/units/x/` under base `/budget/`. */
export function url(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

export const paths = {
  home: () => url(),
  search: (q?: string) => url('search/') + (q ? `?q=${encodeURIComponent(q)}` : ''),
  entity: (id: string) => url(`units/${id}/`),
  source: (file: string, line?: number) => url(`sources/${sourceId(file)}/`) + (line ? `#L${line}` : ''),
};
