/**
 * The sources manifest, `sources.json` in the seeds folder: what a host
 * knows of each file and the file cannot say reliably, namely who published
 * it, where it is online, when, and its title. One entry per file:
 *
 *   [{ "file": "004_….txt", "publisher": "某某县医疗保障局", "title": "2024年单位预算公开",
 *      "url": "https://…", "published": "2024-02-01" }]
 *
 * `url` and `published` may be left empty when unknown: an empty field is
 * shown as not stated, never guessed. The ingest never fails on the
 * manifest: a bad entry is left out with a located Chinese diagnostic
 * (`sources.json:12:5`), on its file's source page when it names one, and
 * an entry naming no file in the folder is reported.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { Diagnostic } from './diagnostics.ts';
import type { Publication, Source } from './model/schema.ts';

export const MANIFEST_FILE = 'sources.json';

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const ManifestEntrySchema = z
  .object({
    file: z.string({ error: '缺少 file（seeds/ 中的文件名）' }).min(1, '文件名 file 不能为空'),
    publisher: z.string({ error: '缺少 publisher（发布机构）' }).trim().min(1, '发布机构 publisher 不能为空'),
    title: z.string({ error: '标题 title 应为文字' }).trim().optional(),
    url: z
      .string({ error: '官方地址 url 应为文字' })
      .trim()
      .refine((u) => u === '' || /^https?:\/\/[^\s/]+\.[^\s]+$/.test(u), '官方地址 url 应以 http:// 或 https:// 开头，或留空')
      .optional(),
    published: z
      .string({ error: '发布日期 published 应为文字' })
      .trim()
      .refine((d) => d === '' || DATE_RE.test(d), '发布日期 published 应写作 YYYY-MM-DD（如 2024-02-01），或留空')
      .optional(),
  })
  .strict();

export interface Manifest {
  /** Entries by file name, with the line where each starts. */
  entries: Map<string, Publication>;
  /** Problems of the manifest itself, located in it. */
  diagnostics: Diagnostic[];
}

const problem = (line: number, column: number, ruleId: string, severity: Diagnostic['severity'], message: string): Diagnostic => ({
  file: MANIFEST_FILE,
  line,
  column,
  stage: 'publish',
  ruleId,
  severity,
  message,
});

/** Line and column (1-based) of a character offset. */
function place(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Offsets of the `{` opening each element of the top-level array, in order (strings skipped). */
function entryOffsets(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      if (ch === '{' && depth === 1) out.push(i);
      depth++;
    } else if (ch === ']' || ch === '}') depth--;
  }
  return out;
}

/** Read `sources.json` of a seeds folder; absent, it is an empty manifest. */
export function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return { entries: new Map(), diagnostics: [] };
  return parseManifest(readFileSync(path, 'utf8'));
}

export function parseManifest(raw: string): Manifest {
  const text = raw.replace(/^\uFEFF/, '');
  const entries = new Map<string, Publication>();
  const diagnostics: Diagnostic[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(String(error));
    const { line, column } = at ? place(text, Number(at[1])) : { line: 0, column: 1 };
    diagnostics.push(problem(line, column, 'manifest:not-json', 'error', `${MANIFEST_FILE} 不是有效的 JSON，整份清单未采用：${error instanceof Error ? error.message : String(error)}`));
    return { entries, diagnostics };
  }
  if (!Array.isArray(data)) {
    diagnostics.push(problem(1, 1, 'manifest:not-a-list', 'error', `${MANIFEST_FILE} 应为一个列表（[ … ]），每个文件一项；整份清单未采用。`));
    return { entries, diagnostics };
  }
  const offsets = entryOffsets(text);
  data.forEach((item, i) => {
    const { line, column } = offsets[i] !== undefined ? place(text, offsets[i]!) : { line: 1, column: 1 };
    const parsed = ManifestEntrySchema.safeParse(item);
    const file = typeof (item as { file?: unknown })?.file === 'string' ? (item as { file: string }).file : undefined;
    if (!parsed.success) {
      const why = parsed.error.issues.map((issue) => (issue.code === 'unrecognized_keys' ? `不认识的字段 ${issue.keys.join('、')}（可用：file、publisher、title、url、published）` : issue.message)).join('；');
      diagnostics.push(problem(line, column, 'manifest:invalid-entry', 'error', `第 ${i + 1} 项${file ? `（${file}）` : ''}未采用：${why}`));
      return;
    }
    const entry = parsed.data;
    if (entries.has(entry.file)) {
      diagnostics.push(problem(line, column, 'manifest:duplicate-entry', 'error', `第 ${i + 1} 项重复列出 ${entry.file}，只采用第一项（第 ${entries.get(entry.file)!.line} 行）。`));
      return;
    }
    entries.set(entry.file, {
      publisher: entry.publisher,
      ...(entry.title ? { title: entry.title } : {}),
      ...(entry.url ? { url: entry.url } : {}),
      ...(entry.published ? { published: entry.published } : {}),
      line,
    });
  });
  return { entries, diagnostics };
}

/**
 * Give each source its manifest entry. A manifest problem about a file is
 * also put on that file's source (its page lists it); what concerns no
 * ingested file (an unknown name, a broken manifest) is returned.
 */
export function applyManifest(sources: Source[], manifest: Manifest): Diagnostic[] {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const loose: Diagnostic[] = [];
  for (const d of manifest.diagnostics) {
    const named = [...byFile.keys()].find((f) => d.message.includes(`（${f}）`));
    if (named) byFile.get(named)!.diagnostics.push({ ...d, file: named, line: 0, message: `来源清单 ${MANIFEST_FILE} 第 ${d.line} 行：${d.message}` });
    loose.push(d);
  }
  for (const [file, publication] of manifest.entries) {
    const source = byFile.get(file);
    if (source) source.publication = publication;
    else loose.push(problem(publication.line, 1, 'manifest:unknown-file', 'warning', `清单列出的文件 ${file} 不在 seeds/ 中：检查文件名（区分大小写）或删去此项。`));
  }
  return loose;
}
