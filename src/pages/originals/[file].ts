/**
 * dist/originals/<source>.<ext>: each source file (PDF, Word, Excel, web
 * page, or text) byte for byte as received, also when it could not be read,
 * so a reader can always check the portal against it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { sourceId } from '../../ingest/ids.ts';
import { originalFileName } from '../../lib/printed-at.ts';
import { loadSite } from '../../lib/site.ts';
import { sourceBytes } from '../../lib/source-text.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { sources } = await loadSite();
  return sources.map((s) => ({ params: { file: originalFileName(sourceId(s.file), s.file) }, props: { file: s.file } }));
};

export const GET: APIRoute = ({ props }) => new Response(new Uint8Array(sourceBytes((props as { file: string }).file)));
