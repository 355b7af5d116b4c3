/**
 * Search results of the list pages (Incoming requests, Customers). The admin's search is a
 * case-insensitive SUBSTRING match, so "anna@example.com" also lists "johanna@example.com": we split
 * exact hits (trim + case-fold equality) from lookalikes. One account can be listed once per shop, so
 * several exact rows are normal.
 */
import { sameEmail } from '../domain/email';
import type { CustomerRef } from '../domain/types';
import { AdminError, type PageKind } from './errors';
import { findControl, findControls, hasText, queryAll, type Scope } from './dom';
import { acceptedTexts, labelRef, labelsOn, normalizeText, type AdminLabels } from './labels';
import { cell, cellText, requireTable } from './tables';

export interface SearchRow {
  ref: CustomerRef;
  /** The row's "Show" link/button. */
  showControl: HTMLElement;
  /** Row index as rendered (0 = first data row). */
  row: number;
  /** The table row itself and its E-mail cell (for in-page help placed next to them). */
  element: HTMLTableRowElement;
  emailCell: HTMLTableCellElement;
}

export interface SearchResults {
  rows: SearchRow[];
  exact: SearchRow[];
  lookalikes: SearchRow[];
  noRecords: boolean;
  /** The "Next" page control, when there is an enabled one. */
  next: HTMLElement | null;
}

function isDisabled(el: Element): boolean {
  return el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
}

/** Parses the results on a list page. `page` is used in errors. */
export function parseSearchResults(
  scope: Document | Scope,
  labels: AdminLabels,
  searchedEmail: string,
  page: PageKind = 'other',
): SearchResults {
  labels = labelsOn(labels, page);
  const step = 'read search results';
  const hasResultsTable = queryAll(scope, 'th, td').some((c) => acceptedTexts(labels, 'colEmail').some((l) => normalizeText(l) === normalizeText(c.textContent ?? '')));
  const noRecords = hasText(scope, labels, 'noRecords');
  if (!hasResultsTable) {
    if (noRecords) return { rows: [], exact: [], lookalikes: [], noRecords: true, next: null };
    throw new AdminError({ code: 'label-missing', page, step, label: labelRef(labels, 'colEmail'), detail: `neither a results table nor "${labelRef(labels, 'noRecords').text}"` });
  }
  const table = requireTable(scope, labels, { email: 'colEmail', shop: 'colShop' }, { page, step }, { name: 'colName', first: 'colFirstName', last: 'colLastName' });
  const rows: SearchRow[] = [];
  table.rows.forEach((tr, i) => {
    // A row that only says "No records found" (colspan) is not a result.
    if (tr.cells.length === 1 && noRecords) return;
    const emailCell = cell(table, tr, 'email');
    if (!emailCell) return;
    const showControl = findControl(tr, labels, 'show');
    if (!showControl) throw new AdminError({ code: 'label-missing', page, step, label: labelRef(labels, 'show'), detail: `row ${i + 1} has no "${labelRef(labels, 'show').text}"` });
    // The name is only shown: one column, or first + last name, or '' when the list has none.
    const name = cellText(table, tr, 'name') || [cellText(table, tr, 'first'), cellText(table, tr, 'last')].filter(Boolean).join(' ');
    rows.push({ ref: { email: cellText(table, tr, 'email'), name, shop: cellText(table, tr, 'shop') }, showControl, row: i, element: tr, emailCell });
  });
  const exact = rows.filter((r) => sameEmail(r.ref.email, searchedEmail));
  const lookalikes = rows.filter((r) => !sameEmail(r.ref.email, searchedEmail));
  const next = findControls(scope, labels, 'next').find((el) => !isDisabled(el)) ?? null;
  return { rows, exact, lookalikes, noRecords: rows.length === 0 && noRecords, next };
}
