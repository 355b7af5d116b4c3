/**
 * Which admin page is this? Decided from labels and structure only, cheaply (the content script asks
 * on every admin page). Order matters: login first (no menu), then the pages with distinctive
 * sections (customer, user), then the two list pages, told apart by their page title/heading, since
 * both have the same search form and table.
 */
import type { PageKind } from './errors';
import { findControl, findControls, findHeading, findHeadings, hasText, queryAll, sectionAfter } from './dom';
import { labelText, matchesLabel, normalizeText, type AdminLabels, type LabelKey } from './labels';
import { findPasswordField } from './customerForm';

function hasMenu(doc: Document, labels: AdminLabels): boolean {
  return (
    findControls(doc, labels, 'menuIncomingRequests').length > 0 ||
    findControls(doc, labels, 'menuCustomers').length > 0
  );
}

function isLoginPage(doc: Document, labels: AdminLabels): boolean {
  if (!doc.querySelector('input[type=password]')) return false;
  if (!findControl(doc, labels, 'loginButton')) return false;
  return !hasMenu(doc, labels);
}

/** The page's own title: a heading, the last breadcrumb, an aria-current menu entry, or <title>. */
function hasPageTitle(doc: Document, labels: AdminLabels, key: LabelKey): boolean {
  if (findHeadings(doc, labels, key).length > 0) return true;
  for (const el of Array.from(doc.querySelectorAll('[aria-current]'))) {
    if (el.getAttribute('aria-current') !== 'false' && matchesLabel(labels, key, el.textContent)) return true;
  }
  // <title> like "Incoming requests - FlickRocket" or "FlickRocket | Support > Incoming requests".
  const title = doc.title ?? '';
  const wanted = labels.texts[key].map(normalizeText);
  return title.split(/\s[-–—|»>:]\s|\s*[|»>]\s*/u).some((part) => wanted.includes(normalizeText(part)));
}

/** A form with exactly one text field and the icon-only "Search" control. */
export function findSearchForm(doc: Document, labels: AdminLabels): { form: HTMLFormElement | null; control: HTMLElement } | null {
  const control = findControl(doc, labels, 'searchIcon');
  if (!control) return null;
  return { form: control.closest('form'), control };
}

function isCustomerPage(doc: Document, labels: AdminLabels): boolean {
  const heading = findHeading(doc, labels, 'customerSection');
  if (!heading) return false;
  const section = sectionAfter(heading);
  return findPasswordField(section, labels) !== null && findControl(section, labels, 'save') !== null;
}

function isUserPage(doc: Document, labels: AdminLabels): boolean {
  return findHeading(doc, labels, 'passwordHistory') !== null && findHeading(doc, labels, 'emailHistory') !== null;
}

/** The kind of admin page `doc` is. 'other' for anything we do not handle (including non-admin pages). */
export function recognizePage(doc: Document, labels: AdminLabels): PageKind {
  if (!doc.body) return 'other';
  if (isLoginPage(doc, labels)) return 'login';
  if (isCustomerPage(doc, labels)) return 'customer';
  if (isUserPage(doc, labels)) return 'user';
  if (findSearchForm(doc, labels)) {
    const incoming = hasPageTitle(doc, labels, 'menuIncomingRequests');
    const customers = hasPageTitle(doc, labels, 'menuCustomers');
    if (incoming && !customers) return 'incoming-requests';
    if (customers && !incoming) return 'customers';
  }
  return 'other';
}

export interface LayoutCheck {
  page: PageKind;
  present: LabelKey[];
  missing: LabelKey[];
  /** Sentence per missing label, for the popup. */
  problems: string[];
}

/** Is the label on the page in the role the flows need it (control, heading, text, column)? */
type Role = 'control' | 'heading' | 'text' | 'column' | 'field';

const NEEDS: Record<PageKind, [LabelKey, Role][]> = {
  login: [['loginPassword', 'field'], ['loginButton', 'control']],
  'incoming-requests': [['menuIncomingRequests', 'control'], ['searchIcon', 'control']],
  customers: [['menuCustomers', 'control'], ['searchIcon', 'control']],
  user: [['passwordHistory', 'heading'], ['emailHistory', 'heading']],
  customer: [['customerSection', 'heading'], ['passwordField', 'field'], ['save', 'control']],
  other: [['menuSupport', 'text'], ['menuIncomingRequests', 'control'], ['menuSales', 'text'], ['menuCustomers', 'control']],
};

function present(doc: Document, labels: AdminLabels, key: LabelKey, role: Role): boolean {
  switch (role) {
    case 'control':
      return findControl(doc, labels, key) !== null;
    case 'heading':
      return findHeading(doc, labels, key) !== null;
    case 'text':
      return hasText(doc, labels, key) || findControl(doc, labels, key) !== null;
    case 'column':
      return queryAll(doc, 'th, td').some((c) => matchesLabel(labels, key, c.textContent));
    case 'field':
      return (
        queryAll(doc, 'label, th, td, dt, span, div').some((c) => matchesLabel(labels, key, c.textContent)) ||
        queryAll(doc, 'input').some((i) => matchesLabel(labels, key, i.getAttribute('aria-label')) || matchesLabel(labels, key, i.getAttribute('placeholder')))
      );
  }
}

/** Results table / history tables: their columns, when the table is on the page. */
function dynamicNeeds(doc: Document, labels: AdminLabels, page: PageKind): [LabelKey, Role][] {
  const needs: [LabelKey, Role][] = [];
  if (page === 'incoming-requests' || page === 'customers') {
    const hasTable = queryAll(doc, 'th, td').some((c) => matchesLabel(labels, 'colEmail', c.textContent));
    if (hasTable) needs.push(['colEmail', 'column'], ['colName', 'column'], ['colShop', 'column'], ['show', 'control']);
  }
  if (page === 'user') {
    for (const key of ['passwordHistory', 'emailHistory'] as const) {
      const h = findHeading(doc, labels, key);
      if (!h) continue;
      const section = sectionAfter(h);
      if (queryAll(section, 'table').length > 0) {
        if (key === 'passwordHistory') needs.push(['colDate', 'column'], ['colOrigin', 'column'], ['colPasswordChanged', 'column']);
        else needs.push(['colDate', 'column'], ['colEmailType', 'column'], ['colSubject', 'column'], ['colRecipient', 'column']);
      }
    }
  }
  return needs;
}

/** Which labels the flows need on `page` are present / missing (for a layout health check). */
export function checkLayout(doc: Document, labels: AdminLabels, page: PageKind): LayoutCheck {
  const presentKeys: LabelKey[] = [];
  const missing: LabelKey[] = [];
  const seen = new Set<string>();
  for (const [key, role] of [...NEEDS[page], ...dynamicNeeds(doc, labels, page)]) {
    if (seen.has(key)) continue;
    seen.add(key);
    (present(doc, labels, key, role) ? presentKeys : missing).push(key);
  }
  const pageName = page === 'other' ? 'this page' : `the ${page} page`;
  return {
    page,
    present: presentKeys,
    missing,
    problems: missing.map((k) => `No "${labelText(labels, k)}" on ${pageName}.`),
  };
}
