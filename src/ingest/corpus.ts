/**
 * A whole folder of sources: ingest each, settle duplicates, and lay the
 * result out as the files of `content/`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, Source } from './model/schema.ts';
import { sourceId } from './ids.ts';
import { MANIFEST_FILE } from './manifest.ts';

/** Source documents of a folder: every regular file except dotfiles and the sources manifest, in name order. */
export function seedFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && name !== MANIFEST_FILE && statSync(join(dir, name)).isFile())
    .sort();
}

export interface Corpus<E extends DuplicateKey = Entity> {
  sources: Source[];
  entities: E[];
}

/** What deciding between duplicates needs of an entity. */
export type DuplicateKey = Pick<Entity, 'id' | 'code' | 'name' | 'region' | 'year' | 'line'>;

/** How much of a disclosure an entity carries: used to choose between duplicates. */
export function weight(entity: Pick<Entity, 'tables' | 'projects' | 'sections'>): number {
  return entity.tables.length * 100 + entity.projects.length * 10 + entity.sections.length;
}

/**
 * The same entity (same region, year and code) published by two sources:
 * keep the most complete one (ties: the first file in name order) and say
 * so in both sources' diagnostics. Works on whole entities or on stand-ins
 * (`weightOf` then says how complete each is), so a large corpus can be
 * settled without holding every model in memory.
 */
export function settleDuplicates<E extends DuplicateKey>(results: { source: Source; entities: E[] }[], weightOf: (entity: E) => number = weight as unknown as (entity: E) => number): Corpus<E> {
  const sorted = [...results].sort((a, b) => a.source.file.localeCompare(b.source.file));
  const chosen = new Map<string, { entity: E; source: Source }>();
  for (const { source, entities } of sorted) {
    for (const entity of entities) {
      const held = chosen.get(entity.id);
      if (!held) {
        chosen.set(entity.id, { entity, source });
        continue;
      }
      const keepNew = weightOf(entity) > weightOf(held.entity);
      const [winner, loser] = keepNew ? [{ entity, source }, held] : [held, { entity, source }];
      chosen.set(entity.id, winner);
      const why = keepNew ? '它包含的表格和项目更完整' : weightOf(entity) === weightOf(held.entity) ? '两份内容同样完整，按文件名顺序取前者' : '它包含的表格和项目更完整';
      const unit = `${entity.code ? `${entity.code} ` : ''}${entity.name}（${entity.region}，${entity.year} 年）`;
      const message = `单位 ${unit}在 ${held.source.file} 和 ${source.file} 中重复出现；发布 ${winner.source.file} 中的版本，因为${why}。`;
      for (const s of [winner.source, loser.source]) {
        s.diagnostics.push({ file: s.file, line: entity.line, column: 1, stage: 'publish', ruleId: 'publish:duplicate-entity', severity: 'warning', message });
      }
    }
  }
  const published = new Set([...chosen.values()].map((v) => v.entity));
  for (const { source, entities } of sorted) {
    source.entities = entities.filter((e) => published.has(e)).map((e) => e.id);
    source.published = source.entities.length > 0 || entities.length === 0;
  }
  return {
    sources: sorted.map((r) => r.source),
    entities: [...published].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/**
 * The JSON text of one content file: compact, one line. Indentation would
 * more than double the size of the units, and the build reads them twice.
 */
export function contentJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

export const sourcePath = (source: Source) => `sources/${sourceId(source.file)}.json`;
export const entityPath = (entity: Pick<Entity, 'id'>) => `entities/${entity.id}.json`;

/** Relative path → JSON text of every file `content/` should hold. */
export function contentFiles(corpus: Corpus): Map<string, string> {
  const files = new Map<string, string>();
  for (const source of corpus.sources) files.set(sourcePath(source), contentJson(source));
  for (const entity of corpus.entities) files.set(entityPath(entity), contentJson(entity));
  return files;
}
