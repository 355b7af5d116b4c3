/**
 * Shared reading of a section's table by header text, with AdminErrors that name the missing
 * column label. Used by the history parsers and the search results.
 */
import { AdminError, type PageKind } from './errors';
import { mapColumns, queryAll, type ColumnMap, type Scope, cellAtColumn, displayText } from './dom';
import { labelRef, type AdminLabels, type LabelKey } from './labels';

/** A table read by header text: every needed column (K) has an index, optional ones (O) may not. */
export interface ReadTable<K extends string, O extends string = never> extends ColumnMap<K | O> {
  index: Record<K, number> & Partial<Record<O, number>>;
  /** The optional columns this table does not have (their cells read as ''). */
  optionalMissing: O[];
}

/**
 * The table in scope with all `needed` columns; AdminError 'label-missing' for the first missing
 * one. `optional` columns are found when present and never stop the step (a name the card only
 * shows, a "Registered" nobody reads). Among several tables the one with the most needed columns
 * wins, then the one with the most optional ones.
 */
export function requireTable<K extends string, O extends string = never>(
  scope: Scope,
  labels: AdminLabels,
  needed: Record<K, LabelKey>,
  where: { page: PageKind; step: string },
  optional: Record<O, LabelKey> = {} as Record<O, LabelKey>,
): ReadTable<K, O> {
  const tables = queryAll<HTMLTableElement>(scope, 'table');
  const neededNames = Object.keys(needed) as K[];
  const all = { ...needed, ...optional } as Record<K | O, LabelKey>;
  let best: ColumnMap<K | O> | null = null;
  let bestScore = [-1, -1];
  for (const t of tables) {
    const m = mapColumns(t, labels, all);
    if (!m) continue;
    const found = neededNames.filter((k) => m.index[k] !== undefined).length;
    const extra = Object.keys(m.index).length - found;
    if (found === 0) continue;
    if (found > (bestScore[0] ?? -1) || (found === bestScore[0] && extra > (bestScore[1] ?? -1))) {
      best = m;
      bestScore = [found, extra];
    }
  }
  const firstKey = neededNames[0] as K;
  if (!best) {
    throw new AdminError({ code: 'label-missing', page: where.page, step: where.step, label: labelRef(labels, needed[firstKey]), detail: tables.length === 0 ? 'no table' : 'no table with that column' });
  }
  const missing = neededNames.find((k) => best.index[k] === undefined);
  if (missing !== undefined) {
    throw new AdminError({ code: 'label-missing', page: where.page, step: where.step, label: labelRef(labels, needed[missing]), detail: 'column not in the table header' });
  }
  const optionalMissing = (Object.keys(optional) as O[]).filter((k) => best.index[k] === undefined);
  return { ...best, optionalMissing } as ReadTable<K, O>;
}

/** The cell of a row under a column (visual index, colspan-aware); null for a column the table lacks. */
export function cell<K extends string, O extends string = never>(t: ReadTable<K, O>, row: HTMLTableRowElement, col: K | O): HTMLTableCellElement | null {
  const index = (t.index as Partial<Record<K | O, number>>)[col];
  return index === undefined ? null : cellAtColumn(row, index);
}

/** Display text of a row's cell ('' if the row is short or the table has no such column). */
export function cellText<K extends string, O extends string = never>(t: ReadTable<K, O>, row: HTMLTableRowElement, col: K | O): string {
  return displayText(cell(t, row, col));
}
