/**
 * Teach mode's knowledge of the admin page: when a label Reset Desk needs is missing (the admin
 * calls it something else), the agent clicks the element that carries it. This file says which
 * elements can carry a label of a given kind (the candidates: the page's headings, column headers,
 * links and buttons, field captions), which candidate a click landed in, the visible text of that
 * candidate, and whether that text, saved as a page-scoped override, makes the label found. Pure
 * DOM reading: the content script (src/content/features/teach.tsx) does the listening and asks.
 */
import type { PageKind } from './errors';
import { CONTROL_SELECTOR, NOT_HEADING_CONTEXT, PSEUDO_HEADINGS, controlNames, displayText, queryAll } from './dom';
import {
  LABEL_KEYS, OVERRIDE_PAGES, labelText, labelsFor, labelsOn, matchesLabel, normalizeText, validateLabelOverrides, withoutCount,
  type AdminLabels, type LabelKey, type LabelOverrides,
} from './labels';
import { PAGE_STEPS, keysOfPage, type LabelRole } from './needs';
import { checkLayout, isLabelPresent, recognizePage, type LayoutCheck } from './pages';

/** What kind of element the agent is asked to click, from the label's role on the page. */
export type CandidateKind = 'control' | 'heading' | 'column' | 'field' | 'text';

export interface Candidate {
  element: Element;
  /** Its visible text, as an override would hold it. */
  text: string;
}

/** Longest text a candidate may have (longer ones are content, not labels). */
const MAX_TEXT = 80;

export function isLabelKey(value: unknown): value is LabelKey {
  return typeof value === 'string' && (LABEL_KEYS as readonly string[]).includes(value);
}

export function isPageKind(value: unknown): value is PageKind {
  return typeof value === 'string' && Object.hasOwn(PAGE_STEPS, value);
}

/** The label's role on `page` (its first use in needs.ts; the menu's on every page); 'text' if none names it. */
export function roleOf(page: PageKind, key: LabelKey): LabelRole {
  for (const steps of [PAGE_STEPS[page], PAGE_STEPS.other]) {
    for (const s of steps) for (const u of [...s.needed, ...s.optional]) if (u.key === key) return u.role;
  }
  return 'text';
}

export function kindOf(role: LabelRole): CandidateKind {
  switch (role) {
    case 'control':
      return 'control';
    case 'heading':
    case 'title':
      return 'heading';
    case 'column':
      return 'column';
    case 'field':
      return 'field';
    case 'text':
    case 'value':
      return 'text';
  }
}

/**
 * The override key the taught text is saved under: scoped to the page ("user:emailHistory"), so the
 * same label elsewhere keeps its text; the menu's labels are on every page, so theirs are plain.
 */
export function overrideKeyFor(page: PageKind, key: LabelKey): string {
  const menu = PAGE_STEPS.other.some((s) => s.needed.some((u) => u.key === key));
  return !menu && OVERRIDE_PAGES.includes(page) ? `${page}:${key}` : key;
}

const collapse = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** Our own injected UI (custom element hosts) is never a candidate. */
function isOurs(el: Element): boolean {
  return el.closest('reset-desk-ui') !== null;
}

/** An element whose text is all its content: no element child holds text of its own beside it. */
function textOnly(el: Element): boolean {
  const own = collapse(el.textContent ?? '');
  if (own === '' || own.length > MAX_TEXT || !/\p{L}/u.test(own)) return false;
  const kids = Array.from(el.children).filter((c) => collapse(c.textContent ?? '') !== '');
  return kids.length === 0 || (kids.length === 1 && collapse(kids[0]?.textContent ?? '') === own && textOnly(kids[0] as Element));
}

/** The outermost wrapper of `el` that still holds only its text (as findHeadings climbs). */
function outermost(el: Element, tags: ReadonlySet<string>): Element {
  let h = el;
  const text = collapse(el.textContent ?? '');
  while (h.parentElement && h.parentElement.tagName.toLowerCase() !== 'body' && tags.has(h.parentElement.tagName.toLowerCase()) && collapse(h.parentElement.textContent ?? '') === text) {
    h = h.parentElement;
  }
  return h;
}

/** Looks like a data value rather than a caption: an address, a date, a number. */
function dataLike(text: string): boolean {
  return /@/u.test(text) || /^\d[\d\s.,:/-]*$/u.test(text) || /\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/u.test(text);
}

/** The header row of a table: the last row of <thead>, else the first row of <th>s, else none. */
function headerCells(table: HTMLTableElement): Element[] {
  const thead = table.tHead;
  const row = thead && thead.rows.length > 0 ? thead.rows[thead.rows.length - 1] : Array.from(table.rows).find((r) => r.cells.length > 1 && Array.from(r.cells).every((c) => c.tagName.toLowerCase() === 'th'));
  return row ? Array.from(row.cells) : [];
}

/** Form fields a caption labels (not the buttons of a form). */
const FORM_CONTROLS = 'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=image]):not([type=reset]), select, textarea';

/**
 * A caption of a form field or a shown value: a <label> or <dt>; a <th> that is no column header; a
 * short text ending in a colon; the first cell of a two-cell row; a text right before its field.
 */
function isFieldCaption(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === 'label' || tag === 'dt') return textOnly(el);
  if (!['th', 'td', 'span', 'div', 'b', 'strong'].includes(tag) || !textOnly(el)) return false;
  const text = collapse(el.textContent ?? '');
  if (dataLike(text) || text.length > 40) return false;
  const table = el.closest('table');
  if (tag === 'th') return !!table && !headerCells(table).includes(el);
  if (/[:*]$/u.test(text)) return true;
  if (tag === 'td') {
    const row = el.parentElement as HTMLTableRowElement | null;
    return !!row && !!table && row.cells.length === 2 && row.cells[0] === el && headerCells(table).length === 0;
  }
  const next = el.nextElementSibling;
  return !!next && (next.matches(`${FORM_CONTROLS}, dd`) || next.firstElementChild?.matches(FORM_CONTROLS) === true);
}

function isPseudoHeading(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (!PSEUDO_HEADINGS.has(tag) || !textOnly(el) || el.closest(NOT_HEADING_CONTEXT)) return false;
  if (tag === 'label' && (el as HTMLLabelElement).control) return false;
  const text = collapse(el.textContent ?? '');
  // Not a link's wrapper, nor a field's caption.
  if (dataLike(text) || /[:*]$/u.test(text) || el.querySelector(CONTROL_SELECTOR) || isFieldCaption(el)) return false;
  // Only the outermost wrapper counts (<div><strong>X</strong></div> is one heading).
  return outermost(el, PSEUDO_HEADINGS) === el;
}

/** The visible text of a candidate: what the agent reads there (a control's icon: its alt/title). */
export function visibleText(el: Element, kind: CandidateKind): string {
  if (kind === 'control') return collapse(controlNames(el).map(collapse).find((n) => n !== '') ?? '');
  const tag = el.tagName.toLowerCase();
  if (tag === 'input' || tag === 'select' || tag === 'textarea') {
    return collapse(el.getAttribute('aria-label') ?? el.getAttribute('placeholder') ?? '');
  }
  const text = displayText(el);
  // A caption's trailing colon or required-star is punctuation, not the label (the finders drop it too).
  return kind === 'field' ? text.replace(/\s*[:*]+\s*$/u, '') : text;
}

function isCandidate(el: Element, kind: CandidateKind): boolean {
  if (isOurs(el)) return false;
  switch (kind) {
    case 'control':
      return el.matches(CONTROL_SELECTOR);
    case 'heading':
      return (el.matches('h1, h2, h3, h4, h5, h6, legend, [role=heading]') && !el.parentElement?.closest('a, button')) || isPseudoHeading(el);
    case 'column': {
      const table = el.closest('table');
      return el.matches('th, td') && !!table && headerCells(table).includes(el);
    }
    case 'field':
      return isFieldCaption(el) || (el.matches(FORM_CONTROLS) && (el.hasAttribute('aria-label') || el.hasAttribute('placeholder')));
    case 'text':
      return textOnly(el) && !dataLike(collapse(el.textContent ?? '')) && !el.matches('script, style, template, title, option') && outermost(el, new Set(['div', 'span', 'p', 'strong', 'b', 'em', 'font', 'td', 'li'])) === el;
  }
}

const SELECTORS: Record<CandidateKind, string> = {
  control: CONTROL_SELECTOR,
  heading: 'h1, h2, h3, h4, h5, h6, legend, [role=heading], div, span, strong, b, p, caption, header, summary, dt, label',
  column: 'th, td',
  field: `label, dt, th, td, span, div, b, strong, ${FORM_CONTROLS}`,
  text: 'div, span, p, strong, b, em, font, td, li',
};

/**
 * The elements on the page that can carry a label of `kind`, in document order, with their
 * visible texts (one entry per text: a list page's twenty "Show" links are one candidate text).
 */
export function listCandidates(doc: Document, kind: CandidateKind): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const kept: Element[] = [];
  for (const el of queryAll(doc, SELECTORS[kind])) {
    if (!isCandidate(el, kind)) continue;
    // A control inside a control (a link in a button) is one control.
    if (kind === 'control' && kept.some((k) => k.contains(el))) continue;
    kept.push(el);
    const text = visibleText(el, kind);
    const n = normalizeText(text);
    if (text === '' || seen.has(n)) continue;
    seen.add(n);
    out.push({ element: el, text });
  }
  return out;
}

/** The candidate of `kind` a click on `target` landed in (the target or its nearest such ancestor); null if none. */
export function candidateAt(target: Element, kind: CandidateKind): Candidate | null {
  let found: Element | null = null;
  for (let el: Element | null = target; el && el.tagName.toLowerCase() !== 'body'; el = el.parentElement) {
    if (isCandidate(el, kind)) {
      found = el;
      // A control: the outermost (a link inside a button is the button); anything else: the nearest.
      if (kind !== 'control') break;
    }
  }
  if (!found && kind === 'field' && target.matches('input, select, textarea')) {
    // A click on the field itself: its <label>, else the caption before it (a sibling, or the
    // cell / term before its cell, as table and definition-list layouts put it).
    const label = (target as HTMLInputElement).labels?.[0];
    const holder = target.closest('td, dd');
    const before = [label, target.previousElementSibling, holder?.previousElementSibling].find((el) => el && !isOurs(el) && isFieldCaption(el));
    if (before) found = before;
  }
  return found ? { element: found, text: visibleText(found, kind) } : null;
}

/** Why a taught text is not saved. */
export type TeachRefusal =
  /** The element shows no text (an icon without alt or title). */
  | { code: 'no-text' }
  /** Longer than an override may be. */
  | { code: 'too-long' }
  /** The text carries data that changes (a count, a date, an address): saved, it would stop matching. */
  | { code: 'has-data'; part: string }
  /** The text is another label's on this page: two labels cannot share one text. */
  | { code: 'other-label'; key: LabelKey; text: string }
  /** With the text, the label is still not found in its role (not a heading where a heading is needed, ...). */
  | { code: 'still-missing'; kind: CandidateKind }
  /** With the text, the page would be taken for another page. */
  | { code: 'other-page'; page: PageKind };

export type TeachVerdict =
  | {
      ok: true;
      /** Where it is saved in the settings' label overrides ("user:emailHistory"). */
      overrideKey: string;
      text: string;
      /** The page's layout check with the override (what it would still miss). */
      layout: LayoutCheck;
    }
  | { ok: false; reason: TeachRefusal };

/**
 * Would `text`, saved as the override of `key` for `page`, make the page pass for that label? The
 * same check the flows run (the label found in its role, needs.ts; the page recognised as itself),
 * with the agent's other overrides kept. Nothing is saved here.
 */
export function checkTaught(doc: Document, labels: AdminLabels, page: PageKind, key: LabelKey, raw: string): TeachVerdict {
  const text = withoutCount(collapse(raw));
  if (text === '') return { ok: false, reason: { code: 'no-text' } };
  const overrideKey = overrideKeyFor(page, key);
  if (!validateLabelOverrides({ [overrideKey]: text }).ok) return { ok: false, reason: { code: 'too-long' } };
  // Labels are matched exactly, but for a trailing entry count (labels.ts withoutCount): any other
  // data saved as part of a label ("Mail Log 03.12.") would miss on the next page. No default label
  // has a digit or an "@", so refusing them costs nothing real.
  const data = /\S*[\d@]\S*/u.exec(text);
  if (data) return { ok: false, reason: { code: 'has-data', part: data[0] } };
  const overrides = { ...(labels.overrides ?? {}), [overrideKey]: text } as LabelOverrides;
  const trial = labelsFor(labels.lang, overrides);
  const scoped = labelsOn(trial, page);
  for (const other of keysOfPage(page)) {
    if (other !== key && matchesLabel(scoped, other, text)) return { ok: false, reason: { code: 'other-label', key: other, text: labelText(scoped, other) } };
  }
  const role = roleOf(page, key);
  if (role !== 'value' && !isLabelPresent(doc, scoped, key, role)) return { ok: false, reason: { code: 'still-missing', kind: kindOf(role) } };
  const recognised = recognizePage(doc, trial);
  if (page !== 'other' && recognised !== 'other' && recognised !== page) return { ok: false, reason: { code: 'other-page', page: recognised } };
  return { ok: true, overrideKey, text, layout: checkLayout(doc, trial, page) };
}
