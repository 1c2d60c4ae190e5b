import { siteSettings } from '../config.ts';

/** The folder of a content collection, in the content folder of the build (`--content`). */
export function contentFolder(collection: 'entities' | 'sources'): string {
  return `${siteSettings().content}/${collection}`;
}
