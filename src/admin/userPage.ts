/**
 * The user page (reached from Incoming requests): its e-mail (see identity.ts) and the state of its
 * two lazily loaded history sections ("Click to load data" -> table / "No data" / "Error loading data").
 */
import { AdminError, type PageKind } from './errors';
import { readPageIdentity } from './identity';
import { findControl, findHeading, findElementsWithText, queryAll, sectionAfter, type Section } from './dom';
import { labelRef, labelsOn, type AdminLabels } from './labels';

export type HistoryKind = 'passwordHistory' | 'emailHistory';
export type HistoryState = 'not-loaded' | 'loading' | 'table' | 'no-data' | 'error' | 'login';

/**
 * The customer's e-mail on a user or customer page, from wherever the page names it (see
 * identity.ts: any heading, the browser title, a breadcrumb, the labelled E-mail value or field).
 * null when it names nobody; AdminError 'identity-conflict' when two places disagree.
 */
export function readUserPageEmail(doc: Document, labels?: AdminLabels, page: PageKind = 'other'): string | null {
  return readPageIdentity(doc, labels, page).email;
}

/**
 * The customer a page is about, for the steps and in-page help that need it: a page that names
 * nobody is an error that says where we looked, never a quiet "nothing to do"; two places that
 * name different customers throw 'identity-conflict'.
 */
export function requireCustomerEmail(doc: Document, labels: AdminLabels, page: PageKind, step: string): string {
  const email = readUserPageEmail(doc, labels, page);
  if (!email) throw new AdminError({ code: 'identity-missing', page, step });
  return email;
}

/** The history section; AdminError 'label-missing' naming the heading if it is not there. */
export function historySection(doc: Document, labels: AdminLabels, which: HistoryKind): Section {
  labels = labelsOn(labels, 'user');
  const heading = findHeading(doc, labels, which);
  if (!heading) {
    throw new AdminError({ code: 'label-missing', page: 'user', step: `find ${which === 'passwordHistory' ? 'Password History' : 'E-mail History'}`, label: labelRef(labels, which) });
  }
  return sectionAfter(heading);
}

export interface HistorySectionState {
  state: HistoryState;
  section: Section;
  /** The "Click to load data" control, when present. */
  loadControl: HTMLElement | null;
  /** The element that shows the error text, when state is 'error'. */
  errorElement: Element | null;
}

/**
 * What a history section shows now. A table wins over texts (a table can say "No data" in a row).
 * 'login': the section (or page) shows a login form instead, i.e. the session expired.
 */
export function readHistoryState(doc: Document, labels: AdminLabels, which: HistoryKind): HistorySectionState {
  labels = labelsOn(labels, 'user');
  const section = historySection(doc, labels, which);
  const loadControl = findControl(section, labels, 'clickToLoad');
  const base = { section, loadControl, errorElement: null };
  if (queryAll(section, 'table').some((t) => t.querySelector('th, td'))) {
    if (findElementsWithText(section, labels, 'noData').length > 0 && queryAll(section, 'td').length <= 1) return { ...base, state: 'no-data' };
    return { ...base, state: 'table' };
  }
  if (findElementsWithText(section, labels, 'noData').length > 0) return { ...base, state: 'no-data' };
  if (findElementsWithText(section, labels, 'sessionExpired').length > 0) return { ...base, state: 'login' };
  const err = findElementsWithText(section, labels, 'errorLoading')[0];
  if (err) return { ...base, state: 'error', errorElement: err };
  if (loadControl) return { ...base, state: 'not-loaded' };
  if (queryAll(section, 'input[type=password]').length > 0 || (doc.querySelector('input[type=password]') && findControl(doc, labels, 'loginButton'))) {
    return { ...base, state: 'login' };
  }
  return { ...base, state: 'loading' };
}
