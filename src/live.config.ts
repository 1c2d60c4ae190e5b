/**
 * Content collections: the model written to content/ by `npm run ingest`,
 * validated again here with the same zod schemas. They are live collections
 * read from content/ while pages render (see json-folder-loader.ts for why).
 */
import { defineLiveCollection } from 'astro:content';
import { contentFolder } from './lib/content-dir.ts';
import { jsonFolderLoader } from './lib/json-folder-loader.ts';
import { EntitySchema, SourceSchema, type Entity, type Source } from './ingest/model/schema.ts';

const entities = defineLiveCollection({
  loader: jsonFolderLoader<Entity>(contentFolder('entities')),
  schema: EntitySchema,
});

const sources = defineLiveCollection({
  loader: jsonFolderLoader<Source>(contentFolder('sources')),
  schema: SourceSchema,
});

export const collections = { entities, sources };
