/**
 * Cross-checks of one entity: every table's arithmetic, every identity
 * between tables, the explanation against the tables and against itself, and whose tables
 * they are. Pure: reads the model, returns findings, never changes data.
 *
 * Rule ids: row-sum, column-sum, code-hierarchy, summary-sum,
 * summary-balance, cross-table, basic-vs-basic-table, three-public-sum,
 * three-public-vs-basic, procurement-sum, assets-sum, projects-vs-table,
 * text-vs-table, text-sum, printed-entity, declared-nonempty, declared-empty,
 * final-balance.
 */
import type { Entity, Finding } from '../model/schema.ts';
import { checkAssets } from './assets.ts';
import { checkBasic } from './basic.ts';
import { checkColumns } from './columns.ts';
import { checkCrossTables } from './cross-table.ts';
import { checkFinalBalance } from './final-balance.ts';
import { checkHierarchy } from './hierarchy.ts';
import { checkIdentity } from './identity.ts';
import { checkProcurement } from './procurement.ts';
import { checkProjects } from './projects.ts';
import { checkRows } from './rows.ts';
import { checkSummaries } from './summary.ts';
import { checkText } from './text.ts';
import { checkTextSums } from './text-sums.ts';
import { checkThreePublic } from './three-public.ts';

const FAMILIES: readonly ((entity: Entity) => Finding[])[] = [
  checkIdentity,
  checkRows,
  checkColumns,
  checkHierarchy,
  checkSummaries,
  checkCrossTables,
  checkBasic,
  checkThreePublic,
  checkProcurement,
  checkAssets,
  checkProjects,
  checkText,
  checkTextSums,
  checkFinalBalance,
];

export function checkEntity(entity: Entity): Finding[] {
  return FAMILIES.flatMap((family) => family(entity));
}
