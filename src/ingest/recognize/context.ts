/**
 * What every recognizer gets: where to report, which entity it works for,
 * and the document's money unit for tables that do not print one.
 */
import type { Reporter } from '../diagnostics.ts';
import type { MoneyUnit } from '../model/money.ts';
import type { EntityIdentity } from './entities.ts';

export interface RecognizeContext {
  reporter: Reporter;
  entity: EntityIdentity;
  /** Budget year of the document. */
  year: number;
  /** Money unit the document uses most (万元 or 元). */
  defaultUnit: MoneyUnit;
}
