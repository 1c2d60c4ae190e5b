/** The glossary: terms defined by the documents (名词解释), merged across documents. */
import { slugify } from '../../ingest/ids.ts';
import type { EntityHead } from '../entity-head.ts';
import { termKey } from '../format.ts';

export interface GlossaryDefinition {
  definition: string;
  cited: { entity: EntityHead; line: number }[];
}

export interface GlossaryEntry {
  term: string;
  anchor: string;
  key: string;
  definitions: GlossaryDefinition[];
}

export interface GlossaryIndex {
  glossary: GlossaryEntry[];
  glossaryByKey: Map<string, GlossaryEntry>;
}

/**
 * One entry per term (spacing, brackets and quotes aside), named as most
 * documents print it; one definition per wording, the most cited first.
 */
export function indexGlossary(entities: readonly EntityHead[]): GlossaryIndex {
  const glossaryByKey = new Map<string, GlossaryEntry>();
  const termNames = new Map<string, Map<string, number>>();
  for (const entity of entities) {
    for (const g of entity.glossary) {
      const key = termKey(g.term);
      if (!key) continue;
      let entry = glossaryByKey.get(key);
      if (!entry) {
        entry = { term: g.term, anchor: '', key, definitions: [] };
        glossaryByKey.set(key, entry);
      }
      const names = termNames.get(key) ?? new Map<string, number>();
      names.set(g.term, (names.get(g.term) ?? 0) + 1);
      termNames.set(key, names);
      const defKey = termKey(g.definition);
      let def = entry.definitions.find((d) => termKey(d.definition) === defKey);
      if (!def) {
        def = { definition: g.definition, cited: [] };
        entry.definitions.push(def);
      }
      def.cited.push({ entity, line: g.line });
    }
  }
  const anchorsUsed = new Set<string>();
  const glossary = [...glossaryByKey.values()];
  for (const entry of glossary) {
    entry.term = [...termNames.get(entry.key)!.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const base = `term-${slugify(entry.key) || 'x'}`;
    let anchor = base;
    for (let n = 2; anchorsUsed.has(anchor); n++) anchor = `${base}-${n}`;
    anchorsUsed.add(anchor);
    entry.anchor = anchor;
    entry.definitions.sort((a, b) => b.cited.length - a.cited.length);
  }
  glossary.sort((a, b) => a.anchor.localeCompare(b.anchor));
  return { glossary, glossaryByKey };
}

/** The glossary entry whose term equals this label (after normalising spaces, brackets, quotes, enumerators). */
export function glossaryFor(index: Pick<GlossaryIndex, 'glossaryByKey'>, label: string | undefined): GlossaryEntry | undefined {
  return label ? index.glossaryByKey.get(termKey(label)) : undefined;
}
