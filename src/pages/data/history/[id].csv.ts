/**
 * dist/data/history/<id>.csv, <id>-subjects.csv and <id>-economic.csv: the history of a unit
 * that has more than one document (budgets and final accounts across
 * years), as its page shows it (lib/history-csv.ts). One set per document
 * of the unit, under that document's id, so each unit page links its own.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadEntity } from '../../../lib/data.ts';
import { unitHistory } from '../../../lib/history.ts';
import { economicHistoryCsv, historyCsv, subjectHistoryCsv } from '../../../lib/history-csv.ts';
import { loadSite } from '../../../lib/site.ts';
import { documentsOfUnit } from '../../../lib/unit-documents.ts';

export const getStaticPaths = (async () => {
  const { entities } = await loadSite();
  return entities
    .filter((e) => documentsOfUnit(entities, e.unitKey).length > 1)
    .flatMap((e) => [
      { params: { id: e.id }, props: { unitKey: e.unitKey, part: 'years' as const } },
      { params: { id: `${e.id}-subjects` }, props: { unitKey: e.unitKey, part: 'subjects' as const } },
      { params: { id: `${e.id}-economic` }, props: { unitKey: e.unitKey, part: 'economic' as const } },
    ]);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { unitKey, part } = props as { unitKey: string; part: 'years' | 'subjects' | 'economic' };
  const { entities } = await loadSite();
  const history = unitHistory(await Promise.all(documentsOfUnit(entities, unitKey).map((d) => loadEntity(d.id))));
  const text = part === 'years' ? historyCsv(history) : part === 'subjects' ? subjectHistoryCsv(history) : economicHistoryCsv(history);
  return new Response(text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
