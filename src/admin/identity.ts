/**
 * Which customer a user or customer page is about, from wherever the page names them: a heading of
 * any level (or a title-like box "User anna@example.com"), the browser title, a breadcrumb, or the
 * labelled E-mail value/field of a section. Every place is read; when two disagree the page is
 * ambiguous and we stop with 'identity-conflict' naming both places: acting on the wrong customer
 * (a reset link to someone else) is the one mistake this must never make.
 *
 * Dialogs and templates are not the page's own words (an open e-mail shows From/To addresses).
 */
import { sameEmail } from '../domain/email';
import { AdminError, type PageKind } from './errors';
import { displayText, textOf } from './dom';
import { findLabeledFields } from './customerForm';
import { acceptedTexts, labelsFor, labelsOn, matchesLabel, normalizeText, type AdminLabels, type LabelKey } from './labels';

export type IdentityPlace = 'heading' | 'browser-title' | 'breadcrumb' | 'field';

export interface IdentitySource {
  place: IdentityPlace;
  /** Where exactly, for messages: "h4 heading", "browser title", "E-mail field", ... */
  where: string;
  email: string;
}

export interface PageIdentity {
  /** The customer's e-mail, or null when the page names nobody. */
  email: string | null;
  /** Every place that names them (all agree). */
  sources: IdentitySource[];
}

const EMAILS = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/gu;
const NOT_THE_PAGE = 'dialog, [role=dialog], [role=alertdialog], template, script, style, noscript';
/** Elements that act as a page title when they hold only "<User|Customer> <address>". */
const TITLE_BOXES = 'div, span, p, strong, b, header';
const BREADCRUMB_BOXES = 'nav, ol, ul, div, p, span, td';
const SEPARATORS = /\s*(?:>|›|»|\/|\||→|::)\s*/u;
const MENU_KEYS: LabelKey[] = ['menuSupport', 'menuIncomingRequests', 'menuSales', 'menuCustomers'];

function emailsIn(text: string | null | undefined): string[] {
  return Array.from((text ?? '').matchAll(EMAILS), (m) => m[0].replace(/[.!?]+$/u, ''));
}

function onThePage(el: Element): boolean {
  if (el.closest(NOT_THE_PAGE)) return false;
  for (let a: Element | null = el; a; a = a.parentElement) {
    if (a.hasAttribute('hidden') || (a as HTMLElement).style?.display === 'none') return false;
  }
  return true;
}

function headings(doc: Document, labels: AdminLabels): IdentitySource[] {
  const out: IdentitySource[] = [];
  for (const h of Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]'))) {
    if (!onThePage(h)) continue;
    const where = /^h[1-6]$/.test(h.tagName.toLowerCase()) ? `${h.tagName.toLowerCase()} heading` : 'heading';
    for (const email of emailsIn(h.textContent)) out.push({ place: 'heading', where, email });
  }
  // A title box: a leaf whose whole text is the page's own word ("User", "Customer") and an address.
  const words = [...acceptedTexts(labels, 'userSection'), ...acceptedTexts(labels, 'customerSection')].map(normalizeText);
  for (const el of Array.from(doc.querySelectorAll(TITLE_BOXES))) {
    if (el.children.length > 0 || !onThePage(el) || el.closest('h1, h2, h3, h4, h5, h6, [role=heading], a, button, th, li, label')) continue;
    const text = displayText(el);
    const found = emailsIn(text);
    if (found.length !== 1) continue;
    const before = normalizeText(text.slice(0, text.indexOf(found[0] as string)));
    if (words.includes(before)) out.push({ place: 'heading', where: 'page title', email: found[0] as string });
  }
  return out;
}

function browserTitle(doc: Document): IdentitySource[] {
  return emailsIn(doc.title).map((email) => ({ place: 'browser-title' as const, where: 'browser title', email }));
}

/** The parts of a breadcrumb: its list items, or its text split at the separators. */
function crumbParts(el: Element): string[] {
  const items = Array.from(el.children).filter((c) => c.tagName.toLowerCase() === 'li');
  if ((el.tagName.toLowerCase() === 'ol' || el.tagName.toLowerCase() === 'ul') && items.length > 1) return items.map((li) => displayText(li));
  return displayText(el).split(SEPARATORS).filter((p) => p !== '');
}

function breadcrumbs(doc: Document, labels: AdminLabels): IdentitySource[] {
  const out: IdentitySource[] = [];
  const seen = new Set<Element>();
  // The current page's entry of a breadcrumb (aria-current), when it names the customer.
  for (const el of Array.from(doc.querySelectorAll('[aria-current]'))) {
    if (el.getAttribute('aria-current') === 'false' || !onThePage(el)) continue;
    const found = emailsIn(el.textContent);
    if (found.length === 0) continue;
    for (let a: Element | null = el; a; a = a.parentElement) seen.add(a);
    for (const email of found) out.push({ place: 'breadcrumb', where: 'breadcrumb', email });
  }
  // A path "Support > Incoming requests > anna@example.com": menu entries first, the address last.
  const isMenu = (part: string) => MENU_KEYS.some((k) => matchesLabel(labels, k, part));
  for (const el of Array.from(doc.querySelectorAll(BREADCRUMB_BOXES))) {
    if (seen.has(el) || !onThePage(el) || el.closest('table th, thead')) continue;
    const text = textOf(el);
    if (text.length === 0 || text.length > 300) continue;
    const parts = crumbParts(el);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1] as string;
    const found = emailsIn(last);
    if (found.length !== 1 || !parts.slice(0, -1).some(isMenu)) continue;
    // The innermost box that is the path (its parent holds more than the path, or the same path).
    if (Array.from(el.children).some((c) => textOf(c) === text)) continue;
    for (let a: Element | null = el; a; a = a.parentElement) seen.add(a);
    out.push({ place: 'breadcrumb', where: 'breadcrumb', email: found[0] as string });
  }
  return out;
}

/** A caption's value: the next cell / <dd> / sibling after "E-mail" (or "E-mail:"). */
function captionValues(doc: Document, labels: AdminLabels): IdentitySource[] {
  const out: IdentitySource[] = [];
  for (const el of Array.from(doc.querySelectorAll('th, td, dt, label, span, b, strong, div'))) {
    if (!onThePage(el)) continue;
    const caption = (el.textContent ?? '').replace(/[:*]\s*$/u, '');
    if (!matchesLabel(labels, 'colEmail', caption)) continue;
    // A column header of a table lists many rows: that is no caption of one value.
    const row = el.closest('tr');
    if (el.closest('thead') || (row && row.cells.length > 1 && Array.from(row.cells).every((c) => c.tagName.toLowerCase() === 'th'))) continue;
    let cap: Element | null = el;
    while (cap && !cap.nextElementSibling && cap.parentElement && textOf(cap.parentElement) === textOf(cap)) cap = cap.parentElement;
    const value = cap?.nextElementSibling;
    if (!value || value.matches('input, textarea, select') || value.querySelector('input, textarea')) continue;
    for (const email of emailsIn(displayText(value))) out.push({ place: 'field', where: 'E-mail value', email });
  }
  for (const field of findLabeledFields(doc, labels, 'colEmail')) {
    if (!onThePage(field)) continue;
    for (const email of emailsIn(field.value)) out.push({ place: 'field', where: 'E-mail field', email });
  }
  return out;
}

/**
 * Every place on the page that names its customer. Throws AdminError 'identity-conflict' naming two
 * places that disagree. `labels` (any language: labels match all of them) name the E-mail caption,
 * the menu entries of a breadcrumb and the title words.
 */
export function readPageIdentity(doc: Document, labels: AdminLabels = labelsFor('en'), page: PageKind = 'other'): PageIdentity {
  const l = page === 'other' ? labels : labelsOn(labels, page);
  const sources = [...headings(doc, l), ...browserTitle(doc), ...breadcrumbs(doc, l), ...captionValues(doc, l)];
  const first = sources[0];
  if (!first) return { email: null, sources };
  const other = sources.find((s) => !sameEmail(s.email, first.email));
  if (other) {
    throw new AdminError({
      code: 'identity-conflict',
      page,
      step: "read the customer's e-mail",
      detail: `the ${first.where} says ${first.email}, the ${other.where} says ${other.email}`,
    });
  }
  return { email: first.email, sources };
}
