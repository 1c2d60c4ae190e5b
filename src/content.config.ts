/**
 * Content collections: the model written to content/ by `npm run ingest`,
 * validated again here with the same zod schemas.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { EntitySchema, SourceSchema } from './ingest/model/schema.ts';

/** CONTENT_DIR lets a build publish another corpus (tests, benchmarks) than ./content. */
const contentDir = process.env.CONTENT_DIR || './content';

const entities = defineCollection({
  loader: glob({ pattern: '*.json', base: `${contentDir}/entities` }),
  schema: EntitySchema,
});

const sources = defineCollection({
  loader: glob({ pattern: '*.json', base: `${contentDir}/sources` }),
  schema: SourceSchema,
});

export const collections = { entities, sources };
