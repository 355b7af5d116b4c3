/**
 * Time order for admin table rows. The admin lists rows "newest first", but that is not to be
 * trusted (see shared/admin-model.md): rows are ordered by their instant.
 *
 * Ties (same printed instant, e.g. because the admin truncates to seconds or minutes) are broken by
 * the admin's row order, and only then: a higher row index is taken as the older row, because the
 * admin's intended order is newest first. This keeps the order deterministic.
 */
export interface TimedRow {
  at: number;
  row: number;
}

export function compareChronologically(a: TimedRow, b: TimedRow): number {
  if (a.at !== b.at) return a.at - b.at;
  return b.row - a.row;
}

/** A new array, oldest first. The input is not modified. */
export function sortChronologically<T extends TimedRow>(rows: readonly T[]): T[] {
  return [...rows].sort(compareChronologically);
}
