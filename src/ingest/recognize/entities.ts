/**
 * Which entities (units 单位 / departments 部门) a document publishes, and
 * which of the others it names are their parents or children.
 *
 * Main entities are those the document presents itself as: named by a unit
 * line above its tables or by a `单位名称/部门名称` label. Codes found only in
 * table rows are parents (a prefix of a main code: 231 ⊂ 231002) or
 * children (an extension of it: 036 ⊂ 036001).
 *
 * In a 部门预算/部门决算 the department is the entity with units under it,
 * or the only entity when it prints neither units nor a code above its own:
 * a department without subordinate units publishes as a department. An
 * entity printed under another code (118 ⊃ 118001) stays a unit.
 *
 * Most published budgets print no unit code: an entity is then identified
 * by its printed name, from its labels and unit lines, else from the
 * document title.
 */
import type { Block } from '../read/blocks.ts';
import { unitMentions, type UnitMention } from './identity.ts';
import { proseMentions } from './prose-names.ts';
import { compact } from './text.ts';

export interface EntityIdentity {
  /** The unit code as printed; absent when the document prints none. */
  code?: string;
  /** Name without markup or spaces, characters as printed. */
  name: string;
  /** The name exactly as printed, when it carried markup or control characters. */
  printedName?: string;
  level: 'unit' | 'department';
  /** First line where the document names it. */
  line: number;
  parent?: { code: string; name: string };
  children: { code: string; name: string }[];
}

export interface IdentityResult {
  entities: EntityIdentity[];
  /** Names the document gives itself but for which no code could be found. */
  uncoded: UnitMention[];
  mentions: UnitMention[];
}

// 部门决算 and 单位决算 name the level of final accounts as 部门预算 and 单位预算 do of budgets.
const DEPARTMENT_TITLE_RE = /部门\s*(?:预算|决算)|部门收支|部门收入|部门支出/;

function isDepartmentDocument(blocks: readonly Block[]): boolean {
  let department = 0;
  let unit = 0;
  for (const block of blocks) {
    if (block.type !== 'paragraph' && block.type !== 'heading') continue;
    if (DEPARTMENT_TITLE_RE.test(block.text)) department++;
    if (/单位\s*(?:预算|决算)|单位综合预算/.test(block.text)) unit++;
  }
  return department > unit;
}

export function identifyEntities(blocks: readonly Block[]): IdentityResult {
  const mentions = unitMentions(blocks);
  const department = isDepartmentDocument(blocks);
  const byCode = new Map<string, { name: string; printed?: string; line: number; main: boolean }>();
  const note = (code: string, name: string, line: number, main: boolean, printed?: string) => {
    const known = byCode.get(code);
    if (!known) byCode.set(code, { name, line, main, ...(printed ? { printed } : {}) });
    else if (main) known.main = true;
  };
  for (const m of mentions) if (m.code && m.via !== 'name-label') note(m.code, m.name, m.line, m.via === 'unit-line', m.printed);
  const uncoded: UnitMention[] = [];
  for (const m of mentions) {
    if (m.via !== 'name-label') continue;
    // The shortest code printed with this name is the entity the label speaks of (036, not 036001).
    const codes = [...byCode.entries()].filter(([, v]) => v.name === m.name).map(([code]) => code);
    codes.sort((a, b) => a.length - b.length || a.localeCompare(b));
    const code = department ? codes[0] : (codes.at(-1) ?? codes[0]);
    if (code) note(code, m.name, Math.min(m.line, byCode.get(code)!.line), true);
    else uncoded.push(m);
  }
  const mains = [...byCode.entries()].filter(([, v]) => v.main);
  if (!mains.length) return { entities: namedEntities(mentions, department, () => proseMentions(blocks)), uncoded, mentions };
  const entities: EntityIdentity[] = mains.map(([code, v]) => {
    const children = [...byCode.entries()]
      .filter(([other]) => other !== code && other.startsWith(code))
      .map(([c, o]) => ({ code: c, name: o.name }));
    const parents = [...byCode.entries()].filter(([other]) => other !== code && code.startsWith(other));
    parents.sort((a, b) => b[0].length - a[0].length);
    const entity: EntityIdentity = {
      code,
      name: v.name,
      level: department && (children.length > 0 || (mains.length === 1 && !parents.length)) ? 'department' : 'unit',
      line: v.line,
      children,
    };
    if (v.printed) entity.printedName = v.printed;
    const parent = parents[0];
    if (parent) entity.parent = { code: parent[0], name: parent[1].name };
    return entity;
  });
  entities.push(...uncodedBeside(entities, uncoded, mentions));
  entities.sort((a, b) => a.line - b.line);
  return { entities, uncoded, mentions };
}

/**
 * In a document where some units print a code and others only their name
 * (a department's file: 305001 某某局本级, then 单位名称：某某幼儿园), the
 * named ones are units too: each distinct name of a label or unit line
 * that no coded unit carries.
 */
function uncodedBeside(coded: readonly EntityIdentity[], uncoded: readonly UnitMention[], mentions: readonly UnitMention[]): EntityIdentity[] {
  const taken = new Set(coded.map((e) => nameKey(e.name)));
  const out: EntityIdentity[] = [];
  const named = [...uncoded, ...mentions.filter((m) => m.via === 'unit-line' && !m.code)].sort((a, b) => a.line - b.line);
  for (const m of named) {
    const key = nameKey(m.name);
    // `单位名称：本级` speaks of the department's own share, not of another unit.
    if (taken.has(key) || key.replace(/本级$/, '').length < 2) continue;
    taken.add(key);
    const entity: EntityIdentity = { name: m.name, level: 'unit', line: m.line, children: [] };
    if (m.printed) entity.printedName = m.printed;
    out.push(entity);
  }
  return out;
}

/** Names compared as the same unit: simplified, without spaces, markup or a trailing 本级 marker's brackets. */
function nameKey(name: string): string {
  return compact(name).replace(/[()（）]/g, '');
}

/**
 * Entities of a document that prints no unit code: each distinct name
 * given by a label or a unit line, in document order; else each name in a
 * title (the document's, or those opening its parts); else the publisher;
 * else the unit its running text names as itself. A name also printed as a label keeps the label's first line.
 */
function namedEntities(mentions: readonly UnitMention[], department: boolean, inProse: () => UnitMention[]): EntityIdentity[] {
  // `部门名称：本级` speaks of the department's own share, and names no unit.
  const own = mentions.filter((m) => !m.code && (m.via === 'name-label' || m.via === 'unit-line') && nameKey(m.name).replace(/本级$/, '').length >= 2);
  const titled = mentions.filter((m) => m.via === 'title');
  const published = own.length ? own : titled.length ? titled : publishers(mentions);
  // Last, the unit the running text names as itself (本部门（某某局）, the subject of its sentences).
  const chosen = published.length ? published : inProse();
  const byName = new Map<string, EntityIdentity>();
  const level = department || chosen.some((m) => m.via === 'publisher') ? 'department' : 'unit';
  // A department's file naming several units: the department is the one its title names, the others its units.
  const keys = new Set(chosen.map((m) => nameKey(m.name)));
  const head = level === 'department' && keys.size > 1 ? titled.map((m) => nameKey(m.name)).find((k) => keys.has(k)) : undefined;
  for (const m of chosen) {
    const key = nameKey(m.name);
    if (byName.has(key)) continue;
    const entity: EntityIdentity = { name: m.name, level: head === undefined || key === head ? level : 'unit', line: m.line, children: [] };
    if (m.printed) entity.printedName = m.printed;
    byName.set(key, entity);
  }
  return [...byName.values()].sort((a, b) => a.line - b.line);
}

/**
 * A document that names no unit but the level of government it speaks
 * for is published as that publisher, one entity: the level with its
 * place (`重庆市市级`), else a labelled publisher (`发布机构：市财政局`),
 * else a level printed without a place (`区本级`).
 */
function publishers(mentions: readonly UnitMention[]): UnitMention[] {
  const all = mentions.filter((m) => m.via === 'publisher');
  const first = all.find((m) => m.placed === true) ?? all.find((m) => m.placed === undefined) ?? all[0];
  return first ? [first] : [];
}
