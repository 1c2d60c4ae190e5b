/** Types shared by the performance-sheet recognizers (re-exported from index.ts). */
import type { PerformanceSheet } from '../../model/schema.ts';
import type { MoneyUnit } from '../../model/money.ts';

export type PerformanceKind = 'project-performance' | 'unit-performance' | 'special-fund-performance';

export interface ProjectSheet {
  /** Project code, reassembled when split across cells or lines. */
  code?: string;
  /** The cells the code was read from, when several (split-codes.ts settles how many belong to it). */
  codeCells?: { text: string; line: number; column: number }[];
  name: string;
  /** Unit running the project, when the sheet says (wide tables group projects under unit rows). */
  unitCode?: string;
  /** 万元, exact decimal string. */
  amount?: string;
  amountPrinted?: { text: string; unit: MoneyUnit; line: number };
  /** 万元. */
  fiscalAmount?: string;
  /** 万元. */
  otherAmount?: string;
  subjectCode?: string;
  type?: string;
  funding?: string;
  line: number;
  performance: PerformanceSheet;
}
