/**
 * One source document through the pipeline: decode → read → recognize →
 * model → check. Never throws on bad input: whatever cannot be understood becomes a
 * located diagnostic, and the source is still published.
 */
import { createHash } from 'node:crypto';
import { checkEntity } from './check/index.ts';
import { Reporter } from './diagnostics.ts';
import { entityId, sourceId } from './ids.ts';
import type { Entity, Source } from './model/schema.ts';
import { decode } from './read/decode.ts';
import { read, type ReadResult } from './read/index.ts';
import { originalFormatOf, readOriginal } from './read/originals/index.ts';
import type { OriginalReading } from './read/originals/types.ts';
import { recognize } from './recognize/index.ts';
import { placeOf } from './place.ts';
import { absentStandardTables } from './recognize/standard.ts';
import { forMatching } from './recognize/text.ts';
import { documentPhase, entityPhase, phaseOfTitle } from './recognize/phase.ts';
import { executionOf } from './check/execution.ts';
import { unitKeyOf } from './unit-key.ts';

export interface IngestResult {
  source: Source;
  entities: Entity[];
}

function documentTitle(result: Pick<ReadResult, 'blocks'>): string | undefined {
  for (const block of result.blocks.slice(0, 12)) {
    if ((block.type === 'heading' || block.type === 'paragraph') && /预算|决算/.test(block.text) && block.text.length <= 60) {
      return block.text.replace(/\*\*/g, '').trim();
    }
  }
  return undefined;
}

/** An original already read by its format's reader, with the reporter that holds its reading diagnostics. */
interface ReadOriginal {
  reporter: Reporter;
  reading: OriginalReading | null;
}

export function ingestSource(file: string, bytes: Uint8Array, original?: ReadOriginal): IngestResult {
  const reporter = original?.reporter ?? new Reporter(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = original ? { text: original.reading ? original.reading.lines.join('\n') : null, encoding: null } : decode(bytes, reporter);
  const source: Source = {
    file,
    sha256,
    bytes: bytes.length,
    encoding: decoded.encoding,
    layout: 'none',
    layoutScores: {},
    lines: 0,
    phase: 'budget',
    entities: [],
    published: true,
    diagnostics: reporter.messages,
  };
  if (decoded.text === null) return { source, entities: [] };

  const text = decoded.text;
  const result = original?.reading ? { layout: original.reading.format, scores: {}, blocks: original.reading.blocks } : read(text, reporter);
  source.layout = result.layout;
  source.layoutScores = result.scores;
  source.lines = text.split('\n').length;
  const title = documentTitle(result);
  if (title) source.title = title;
  source.phase = documentPhase(result.blocks);

  const recognized = recognize(result.blocks, reporter, source.lines, file);
  const { year } = recognized;
  if (year === null) reporter.error('recognize', 'entity:no-year', '未找到预算年度（如“预算年度：2024”或“2024年单位预算”），无法发布为单位页面。', 0);
  if (!recognized.entities.length) {
    reporter.error(
      'recognize',
      'entity:not-found',
      '未找到发布单位：文中没有单位编码行（如“450001 某某局”）、名称或编码标签（“单位名称：”“部门名称：”“单位编码：”“编制部门：”“发布机构：”）、带单位名称的标题（如“某某局2024年部门预算”），正文里也没有“本部门（某某局）”或以同一单位开头的多句叙述（如“2022年，某某局机关运行经费…”），也没有说明所属层级（如“2024年区本级”“某某市市级”“全县”）。无法发布为单位页面。',
      0,
    );
  }
  const entities: Entity[] = [];
  if (year !== null) {
    const matchingText = forMatching(text);
    for (const found of recognized.entities) {
      const { identity, span } = found;
      const place = placeOf(forMatching(identity.name), title === undefined ? undefined : forMatching(title), matchingText);
      if (place.ambiguous) reporter.warn('recognize', 'region:ambiguous', place.ambiguous, identity.line);
      // A name that says nowhere where it is (区本级, 教育局) cannot be told from the same name elsewhere.
      else if (!place.named && !place.province) {
        reporter.warn('recognize', 'region:not-named', `“${identity.name}”没有写明所在的省、市或区县，文中也找不到；按名称发布，地区未填；页面地址按文件区分，不与别处同名单位合并。`, identity.line);
      }
      const who = { name: forMatching(identity.name), ...(identity.code ? { code: identity.code } : {}) };
      const phase = entityPhase(found.tables.map((t) => t.title), source.phase);
      for (const table of found.tables) table.phase = phaseOfTitle(table.title) ?? phase;
      const entity: Entity = {
        // Unplaced, the name alone would give two districts' 区本级 one id: the file tells them apart.
        id: entityId(place.named || place.province ? place.region : `file-${sourceId(file)}`, year, who, phase),
        name: identity.name,
        unitKey: unitKeyOf({ ...who, region: place.region, divisionCode: place.divisionCode }, { named: place.named, source: file }),
        level: identity.level,
        children: identity.children,
        region: place.region,
        year,
        phase,
        unit: recognized.unit,
        source: file,
        line: span.line,
        endLine: span.endLine,
        totals: found.totals,
        tables: found.tables,
        projects: found.projects,
        unitPerformance: found.unitPerformance,
        sections: found.sections,
        glossary: found.glossary,
        notInDocument: absentStandardTables(found.tables),
        findings: [],
      };
      if (identity.code) entity.code = identity.code;
      if (identity.printedName) entity.printedName = identity.printedName;
      if (identity.parent) entity.parent = identity.parent;
      if (place.province) entity.province = place.province;
      if (place.city) entity.city = place.city;
      if (place.county) entity.county = place.county;
      if (place.divisionCode) entity.divisionCode = place.divisionCode;
      entity.findings = checkEntity(entity);
      const execution = executionOf(entity);
      if (execution.length) entity.execution = execution;
      entities.push(entity);
    }
  }
  source.entities = entities.map((e) => e.id);
  return { source, entities };
}

/** Printed places of the lines, one entry where the place changes (a PDF page's lines share one). */
function printedPlaces(reading: OriginalReading | null): NonNullable<Source['original']>['printedAt'] {
  const out: NonNullable<Source['original']>['printedAt'] = [];
  let previous = '';
  reading?.printedAt.forEach((at, i) => {
    const key = JSON.stringify(at ?? {});
    if (key === previous) return;
    previous = key;
    out.push({ line: i + 1, ...at });
  });
  return out;
}

/**
 * Any source file: text through `ingestSource`, an original (PDF, Word, Excel,
 * web page) through its format's reader and then the same recognition. An
 * original that cannot be read is still a source, offered for download with
 * the diagnostics saying why.
 */
export async function ingestFile(file: string, bytes: Uint8Array): Promise<IngestResult> {
  const format = originalFormatOf(file, bytes);
  if (format === null) return ingestSource(file, bytes);
  const reporter = new Reporter(file);
  const reading = await readOriginal(format, bytes, reporter);
  const result = ingestSource(file, bytes, { reporter, reading });
  const { source } = result;
  source.format = reading?.format ?? format;
  if (format === 'html') source.encoding = decode(bytes, new Reporter(file)).encoding;
  if (!reading) source.layout = 'none';
  source.original = { download: file, parts: reading?.parts ?? 0, text: reading?.lines ?? [], printedAt: printedPlaces(reading) };
  return result;
}
