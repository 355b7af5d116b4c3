/**
 * Which admin page is this? Decided from labels and structure only, cheaply (the content script asks
 * on every admin page). Order matters: login first (no menu), then the pages with distinctive
 * sections (customer, user), then the two list pages, told apart by their page title/heading, since
 * both have the same search form and table.
 */
import type { PageKind } from './errors';
import { findControl, findControls, findHeading, findHeadings, hasText, queryAll, sectionAfter } from './dom';
import { acceptedTexts, labelText, labelsOn, matchesLabel, normalizeText, type AdminLabels, type LabelKey } from './labels';
import { findPasswordField } from './customerForm';
import { PAGE_STEPS, type LabelRole, type StepLabels } from './needs';

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
  const wanted = acceptedTexts(labels, key).map(normalizeText);
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
  // Each candidate with ITS labels: page-scoped overrides and ambiguity are per page.
  if (isLoginPage(doc, labelsOn(labels, 'login'))) return 'login';
  if (isCustomerPage(doc, labelsOn(labels, 'customer'))) return 'customer';
  if (isUserPage(doc, labelsOn(labels, 'user'))) return 'user';
  const incomingLabels = labelsOn(labels, 'incoming-requests');
  const customersLabels = labelsOn(labels, 'customers');
  const incoming = !!findSearchForm(doc, incomingLabels) && hasPageTitle(doc, incomingLabels, 'menuIncomingRequests');
  const customers = !!findSearchForm(doc, customersLabels) && hasPageTitle(doc, customersLabels, 'menuCustomers');
  if (incoming && !customers) return 'incoming-requests';
  if (customers && !incoming) return 'customers';
  return 'other';
}

/**
 * A page that is nearly the user page: one of its two history headings is there, the other not
 * (renamed in this admin). Not recognised, it would get no help and no word why; the missing
 * heading is what the agent can point out (teach mode). Null for any other page.
 */
export function nearlyUserPage(doc: Document, labels: AdminLabels): 'passwordHistory' | 'emailHistory' | null {
  if (!doc.body) return null;
  const scoped = labelsOn(labels, 'user');
  const password = findHeading(doc, scoped, 'passwordHistory') !== null;
  const email = findHeading(doc, scoped, 'emailHistory') !== null;
  if (password === email) return null;
  return password ? 'emailHistory' : 'passwordHistory';
}

export interface LayoutCheck {
  page: PageKind;
  /** Labels found (needed and optional). */
  present: LabelKey[];
  /** NEEDED labels not found: a step on this page would stop (see needs.ts). */
  missing: LabelKey[];
  /** Optional labels not found: the steps run, the fields they would fill stay empty. */
  optionalMissing: LabelKey[];
  /** Sentence per missing needed label, for the popup. */
  problems: string[];
  /** Sentence per missing optional label (for the layout report and diagnostics, not an error). */
  optionalProblems: string[];
}

/** Is the label on the page in its role (a control, a heading, a column header, ...)? Values always count as present. */
export function isLabelPresent(doc: Document, labels: AdminLabels, key: LabelKey, role: LabelRole): boolean {
  switch (role) {
    case 'control':
      return findControl(doc, labels, key) !== null;
    case 'heading':
      return findHeading(doc, labels, key) !== null;
    case 'title':
      return hasPageTitle(doc, labels, key);
    case 'text':
      return hasText(doc, labels, key) || findControl(doc, labels, key) !== null;
    case 'column':
      return queryAll(doc, 'th, td').some((c) => matchesLabel(labels, key, c.textContent));
    case 'field':
      return (
        queryAll(doc, 'label, th, td, dt, span, div, b, strong').some((c) => matchesLabel(labels, key, (c.textContent ?? '').replace(/[:*]\s*$/u, ''))) ||
        queryAll(doc, 'input').some((i) => matchesLabel(labels, key, i.getAttribute('aria-label')) || matchesLabel(labels, key, i.getAttribute('placeholder')))
      );
    case 'value':
      // Values depend on the data (no "Admin" row in a history): never counted as missing.
      return true;
  }
}

function historyHasTable(doc: Document, labels: AdminLabels, key: 'passwordHistory' | 'emailHistory'): boolean {
  const h = findHeading(doc, labels, key);
  return !!h && queryAll(sectionAfter(h), 'table').length > 0;
}

/**
 * Does the step's situation hold on the page now? 'not-loaded' and 'later' are never checked on
 * arrival: a history may already be loading (the agent or the in-page help clicked), and dialogs
 * and notices come only after an action; the actions themselves name a missing label.
 */
function applies(doc: Document, labels: AdminLabels, step: StepLabels): boolean {
  switch (step.when) {
    case 'load':
      return true;
    case 'results':
      // A results table: any header cell of a column the step reads (needed or optional).
      return [...step.needed, ...step.optional].some((u) => u.role === 'column' && isLabelPresent(doc, labels, u.key, 'column'));
    case 'password-table':
      return historyHasTable(doc, labels, 'passwordHistory');
    case 'email-table':
      return historyHasTable(doc, labels, 'emailHistory');
    case 'not-loaded':
    case 'later':
      return false;
  }
}

/**
 * Which labels the steps on `page` need / only show are present or missing now. Only a missing
 * NEEDED label is a problem (`missing`); a label needed by one step and optional in another counts
 * as needed.
 */
export function checkLayout(doc: Document, labels: AdminLabels, page: PageKind): LayoutCheck {
  labels = labelsOn(labels, page);
  const needed = new Map<LabelKey, LabelRole>();
  const optional = new Map<LabelKey, LabelRole>();
  for (const step of PAGE_STEPS[page]) {
    if (!applies(doc, labels, step)) continue;
    for (const u of step.needed) if (!needed.has(u.key)) needed.set(u.key, u.role);
    for (const u of step.optional) if (!optional.has(u.key)) optional.set(u.key, u.role);
  }
  for (const key of needed.keys()) optional.delete(key);
  const presentKeys: LabelKey[] = [];
  const missing: LabelKey[] = [];
  const optionalMissing: LabelKey[] = [];
  for (const [key, role] of needed) (isLabelPresent(doc, labels, key, role) ? presentKeys : missing).push(key);
  for (const [key, role] of optional) if (role !== 'value') (isLabelPresent(doc, labels, key, role) ? presentKeys : optionalMissing).push(key);
  const pageName = page === 'other' ? 'this page' : `the ${page} page`;
  return {
    page,
    present: presentKeys,
    missing,
    optionalMissing,
    problems: missing.map((k) => `No "${labelText(labels, k)}" on ${pageName}.`),
    optionalProblems: optionalMissing.map((k) => `No "${labelText(labels, k)}" on ${pageName} (only shown; nothing stops).`),
  };
}
