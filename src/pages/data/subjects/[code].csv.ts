/**
 * dist/data/subjects/<code>.csv: every entity's amount under one subject
 * code (the rows its page lists, all of them however many), UTF-8 with BOM.
 * A code printed on several rows of a table gives their sum, and the rows
 * summed are listed beside it as on the page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { entityRegionLabel, loadSite, type Subject } from '../../../lib/site.ts';
import { conflictNote } from '../../../lib/figure-conflicts.ts';
import { csvField } from '../../../lib/tables.ts';
import { paths } from '../../../lib/urls.ts';
import { phaseLabel } from '../../../lib/phase-names.ts';

export const getStaticPaths = (async () => {
  const { subjects } = await loadSite();
  return [...subjects.values()].filter((s) => !s.implied).map((subject) => ({ params: { code: subject.code }, props: { subject } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { subject } = props as { subject: Subject };
  const lines = [['科目编码', '科目名称', '单位编码', '单位名称', '地区', '预算年度', '金额（万元）', '合计的各行（万元）', '文件前后不一', '报表', '印作', '页面', '预算/决算'].join(',')];
  for (const u of subject.uses) {
    lines.push(
      [subject.code, subject.name, u.entity.code ?? '', u.entity.name, entityRegionLabel(u.entity), String(u.entity.year), u.main.value ?? '', (u.main.parts ?? []).join(' + '), u.main.conflict ? conflictNote(u.main.conflict, (v) => v) : '', u.main.table.title, u.main.name ?? '', `${paths.table(u.entity.id, u.main.table.id)}#${u.main.anchor}`, phaseLabel[u.entity.phase]]
        .map(csvField)
        .join(','),
    );
  }
  return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
