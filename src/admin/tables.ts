/**
 * Shared reading of a section's table by header text, with AdminErrors that name the missing
 * column label. Used by the history parsers and the search results.
 */
import { AdminError, type PageKind } from './errors';
import { bestTable, queryAll, type ColumnMap, type Scope, cellAtColumn, displayText } from './dom';
import { labelRef, type AdminLabels, type LabelKey } from './labels';

export interface ReadTable<K extends string> extends ColumnMap<K> {
  index: Record<K, number>;
}

/** The table in scope with all `wanted` columns; AdminError 'label-missing' for the first missing one. */
export function requireTable<K extends string>(
  scope: Scope,
  labels: AdminLabels,
  wanted: Record<K, LabelKey>,
  where: { page: PageKind; step: string },
): ReadTable<K> {
  const tables = queryAll<HTMLTableElement>(scope, 'table');
  const best = bestTable(tables, labels, wanted);
  const firstKey = (Object.keys(wanted) as K[])[0] as K;
  if (!best) {
    throw new AdminError({ code: 'label-missing', page: where.page, step: where.step, label: labelRef(labels, wanted[firstKey]), detail: tables.length === 0 ? 'no table' : 'no table with that column' });
  }
  const missing = best.missing[0];
  if (missing !== undefined) {
    throw new AdminError({ code: 'label-missing', page: where.page, step: where.step, label: labelRef(labels, wanted[missing]), detail: 'column not in the table header' });
  }
  return best as ReadTable<K>;
}

/** The cell of a row under a column (visual index, colspan-aware). */
export function cell<K extends string>(t: ReadTable<K>, row: HTMLTableRowElement, col: K): HTMLTableCellElement | null {
  return cellAtColumn(row, t.index[col]);
}

/** Display text of a row's cell ('' if the row is short). */
export function cellText<K extends string>(t: ReadTable<K>, row: HTMLTableRowElement, col: K): string {
  return displayText(cell(t, row, col));
}
