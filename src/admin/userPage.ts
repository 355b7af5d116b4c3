/**
 * The user page (reached from Incoming requests): its e-mail (from the title) and the state of its
 * two lazily loaded history sections ("Click to load data" -> table / "No data" / "Error loading data").
 */
import { AdminError } from './errors';
import { findControl, findHeading, findElementsWithText, queryAll, sectionAfter, type Section } from './dom';
import { labelRef, labelsOn, type AdminLabels } from './labels';

export type HistoryKind = 'passwordHistory' | 'emailHistory';
export type HistoryState = 'not-loaded' | 'loading' | 'table' | 'no-data' | 'error' | 'login';

const EMAIL = /[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+/u;

/** The user's e-mail from the page title (a top heading holding an address, else <title>). */
export function readUserPageEmail(doc: Document): string | null {
  for (const h of queryAll(doc, 'h1, h2')) {
    const m = EMAIL.exec(h.textContent ?? '');
    if (m) return m[0];
  }
  return EMAIL.exec(doc.title ?? '')?.[0] ?? null;
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
