/**
 * Content collections: the model written to content/ by `npm run ingest`,
 * validated again here with the same zod schemas.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { EntitySchema, SourceSchema } from './ingest/model/schema.ts';

const entities = defineCollection({
  loader: glob({ pattern: '*.json', base: './content/entities' }),
  schema: EntitySchema,
});

const sources = defineCollection({
  loader: glob({ pattern: '*.json', base: './content/sources' }),
  schema: SourceSchema,
});

export const collections = { entities, sources };
