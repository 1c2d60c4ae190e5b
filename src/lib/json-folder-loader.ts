/**
 * A live-collection loader for one folder of JSON files, one entry per file
 * (the id is the file name without `.json`).
 *
 * Why live rather than build-time collections: a build-time collection copies
 * every entry into Astro's data store, which the build then compiles into one
 * JavaScript module, which grows with the corpus and needs gigabytes of
 * memory to build; reading the files the ingest wrote costs only the parsed
 * objects (docs/performance.md, “What makes it scale”). The schema still validates every entry.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LiveLoader } from 'astro/loaders';

/** The raw entry `id` of a folder (no schema: for entries validated before). */
export async function readJson<T>(folder: string, id: string): Promise<T> {
  return JSON.parse(await readFile(join(folder, `${id}.json`), 'utf8')) as T;
}

export function jsonFolderLoader<T extends Record<string, unknown>>(folder: string): LiveLoader<T, { id: string }> {
  const read = async (file: string) => ({ id: file.slice(0, -'.json'.length), data: await readJson<T>(folder, file.slice(0, -'.json'.length)) });
  return {
    name: 'json-folder',
    async loadCollection() {
      let files: string[];
      try {
        files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
      } catch (error) {
        return { error: new Error(`cannot read ${folder}: ${error instanceof Error ? error.message : String(error)} (run npm run ingest first)`) };
      }
      // Bounded parallelism: enough to keep the disk busy without opening thousands of files at once.
      const entries = new Array(files.length);
      let next = 0;
      await Promise.all(Array.from({ length: 16 }, async () => {
        while (next < files.length) {
          const i = next++;
          entries[i] = await read(files[i]!);
        }
      }));
      return { entries };
    },
    async loadEntry({ filter }) {
      try {
        return await read(`${filter.id}.json`);
      } catch {
        return undefined;
      }
    },
  };
}

/** Ids and byte sizes of the entries of a folder, in file-name order, without reading them. */
export async function listEntries(folder: string): Promise<Map<string, number>> {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.json')).sort();
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(folder, f))).size));
  return new Map(files.map((f, i) => [f.slice(0, -'.json'.length), sizes[i]!]));
}
