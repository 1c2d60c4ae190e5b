/** Lists that grow with the corpus are split into pages of a bounded size. */

/** Units listed on one page of a year (`/years/<year>/<n>/`). */
export const YEAR_UNITS_PER_PAGE = 200;

/** Pages of a year's list of `units` units. */
export function yearPageCount(units: number): number {
  return Math.max(1, Math.ceil(units / YEAR_UNITS_PER_PAGE));
}
