/**
 * The customer page's "Customer" form: its Password field and Save control, and what the page says
 * after Save. Fields are found by their caption (a <label>, a table header cell, a term...), never by
 * name or id. An empty Password means "unchanged" in the admin, so filling it is the whole change.
 */
import { AdminError } from './errors';
import { displayText, findControls, findElementsWithText, findHeading, hasText, queryAll, sectionAfter, textOf, type Scope } from './dom';
import { acceptedTexts, labelRef, labelsOn, languageFromText, matchesLabel, normalizeText, type AdminLabels, type LabelKey } from './labels';

type Field = HTMLInputElement | HTMLTextAreaElement;
// DOM constants by value: the code must not depend on the global `Node` (other realms, tests in node).
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
const TEXT_NODE = 3; // Node.TEXT_NODE
const FIELD_SELECTOR = 'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=image]):not([type=checkbox]):not([type=radio]), textarea';

const CAPTION_SELECTOR = 'label, th, td, dt, span, div, strong, b, p';

/** The field a caption element names: <label for>/nested, else the next field near it. */
function fieldForCaption(caption: Element): Field | null {
  if (caption.tagName.toLowerCase() === 'label') {
    const control = (caption as HTMLLabelElement).control;
    if (control && control.matches(FIELD_SELECTOR)) return control as Field;
  }
  // Climb a few levels (label cell -> row -> form group) looking for the first field after it.
  let box: Element | null = caption.parentElement;
  for (let depth = 0; box && depth < 3; depth++, box = box.parentElement) {
    const after = Array.from(box.querySelectorAll<Field>(FIELD_SELECTOR)).find(
      (f) => (caption.compareDocumentPosition(f) & FOLLOWING) !== 0 && !caption.contains(f),
    );
    if (after) return after;
  }
  return null;
}

/** All fields captioned with the label (distinct). */
export function findLabeledFields(scope: Scope, labels: AdminLabels, key: LabelKey): Field[] {
  const out: Field[] = [];
  const add = (f: Field | null): void => {
    if (f && !out.includes(f)) out.push(f);
  };
  for (const f of queryAll<Field>(scope, FIELD_SELECTOR)) {
    if (matchesLabel(labels, key, f.getAttribute('aria-label')) || matchesLabel(labels, key, f.getAttribute('placeholder'))) add(f);
  }
  for (const c of queryAll(scope, CAPTION_SELECTOR)) {
    // Only the innermost caption element carrying exactly the text (ignore "Password:" colon).
    const t = normalizeText((c.textContent ?? '').replace(/[:*]\s*$/u, ''));
    if (!acceptedTexts(labels, key).some((l) => normalizeText(l) === t)) continue;
    if (Array.from(c.children).some((ch) => textOf(ch) === textOf(c))) continue;
    add(fieldForCaption(c));
  }
  return out;
}

/** The Password field in scope, or null. Throws if two different fields claim the label. */
export function findPasswordField(scope: Scope, labels: AdminLabels): Field | null {
  const fields = findLabeledFields(scope, labels, 'passwordField');
  if (fields.length > 1) {
    throw new AdminError({ code: 'unexpected-page', page: 'customer', step: 'find Password field', label: labelRef(labels, 'passwordField'), detail: `${fields.length} fields are labelled "${labelRef(labels, 'passwordField').text}"` });
  }
  return fields[0] ?? null;
}

export interface CustomerForm {
  password: Field;
  save: HTMLElement;
  form: HTMLFormElement | null;
}

/** The Customer section's Password field and Save control; AdminError naming the missing label. */
export function findCustomerForm(doc: Document, labels: AdminLabels): CustomerForm {
  labels = labelsOn(labels, 'customer');
  const heading = findHeading(doc, labels, 'customerSection');
  if (!heading) throw new AdminError({ code: 'label-missing', page: 'customer', step: 'find Customer section', label: labelRef(labels, 'customerSection') });
  const section = sectionAfter(heading);
  const password = findPasswordField(section, labels);
  if (!password) throw new AdminError({ code: 'label-missing', page: 'customer', step: 'find Password field', label: labelRef(labels, 'passwordField') });
  const form = password.form ?? null;
  // Save belongs to the same form when there is one (a page can have several Save buttons).
  const saves = form ? findControls(form, labels, 'save') : findControls(section, labels, 'save');
  const save = saves[0] ?? findControls(section, labels, 'save')[0];
  if (!save) throw new AdminError({ code: 'label-missing', page: 'customer', step: 'find Save', label: labelRef(labels, 'save') });
  if (saves.length > 1) throw new AdminError({ code: 'unexpected-page', page: 'customer', step: 'find Save', label: labelRef(labels, 'save'), detail: `${saves.length} "${labelRef(labels, 'save').text}" controls in the form` });
  return { password, save, form };
}

export type SaveOutcome = { kind: 'saved' } | { kind: 'validation'; message: string } | { kind: 'unknown' };

/** The texts shown right after the Password field (hints before Save, hints + errors after). */
function notesAfterField(field: Field): string[] {
  const described = (field.getAttribute('aria-describedby') ?? '').split(/\s+/u).filter(Boolean);
  const notes: string[] = [];
  for (const id of described) {
    const t = displayText(field.ownerDocument.getElementById(id));
    if (t) notes.push(t);
  }
  // The field's own group: the largest ancestor (a few levels) that holds no other field.
  let group: Element | null = null;
  for (let box = field.parentElement, depth = 0; box && depth < 4; depth++, box = box.parentElement) {
    if (box.querySelectorAll(FIELD_SELECTOR).length > 1 || box.querySelector('select')) break;
    group = box;
  }
  if (group) {
    for (const el of Array.from(group.querySelectorAll('*'))) {
      const leafText = Array.from(el.childNodes).filter((n) => n.nodeType === TEXT_NODE).map((n) => n.textContent ?? '').join(' ').replace(/\s+/gu, ' ').trim();
      if (leafText && (field.compareDocumentPosition(el) & FOLLOWING) && !notes.includes(leafText)) notes.push(leafText);
    }
  }
  return notes;
}

/** What the customer page shows before Save, for readSaveOutcome after it. */
export interface SaveBaseline {
  /** Texts next to the Customer section's Password field. */
  notes: string[];
  /**
   * Every text block of the page (an element's own text), so that what Save's page adds can be told
   * from what was there already (the customer's data, a permanent hint). Optional: a baseline taken
   * by an older version lacks it.
   */
  blocks?: string[];
  /** How many elements read exactly "Changes saved" before Save (customer data can, too). */
  saved?: number;
}

export function saveBaseline(doc: Document, labels: AdminLabels): SaveBaseline {
  labels = labelsOn(labels, 'customer');
  return { notes: passwordFieldNotes(doc, labels), blocks: textBlocks(doc), saved: savedNotices(doc, labels) };
}

function passwordFieldNotes(doc: Document, labels: AdminLabels): string[] {
  const heading = findHeading(doc, labels, 'customerSection');
  const field = heading ? findLabeledFields(sectionAfter(heading), labels, 'passwordField')[0] : undefined;
  return field ? notesAfterField(field) : [];
}

const NOT_PAGE_TEXT = new Set(['script', 'style', 'template', 'noscript', 'title', 'head', 'option', 'select', 'textarea']);

/** Each element's own text (its text nodes, whitespace collapsed), in page order; our own UI excluded. */
function textBlocks(root: Document | Element): string[] {
  const out: string[] = [];
  const visit = (el: Element): void => {
    const tag = el.tagName.toLowerCase();
    // Our in-page help lives in custom elements (closed shadow roots): not the admin's text.
    if (NOT_PAGE_TEXT.has(tag) || tag.includes('-')) return;
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === TEXT_NODE).map((n) => n.textContent ?? '').join(' ').replace(/\s+/gu, ' ').trim();
    if (own) out.push(own);
    for (const c of Array.from(el.children)) visit(c);
  };
  const start = 'body' in root ? root.body : root;
  if (start) visit(start);
  return out;
}

function savedNotices(doc: Document, labels: AdminLabels): number {
  return doc.body ? findElementsWithText(doc.body, labels, 'changesSaved').length : 0;
}

/**
 * After Save (on the page the POST led to). A refusal anywhere on the page wins: a new text next to
 * the Password field, an alert, or (when no new "Changes saved" appeared) a text the page did not
 * show before Save, such as a banner at the top. "Changes saved" counts only when this Save's page
 * shows more of them than the page before it: customer data (a name, an address line) is free text
 * and may read "Changes saved" too, before and after. `before` is saveBaseline() before Save; it
 * also lets us ignore a permanent hint such as "Leave empty to keep the current password." A page
 * that already showed an earlier Save's notice and shows one again is not proof of this Save: the
 * outcome is then unknown (the flow says so and names the label).
 */
export function readSaveOutcome(doc: Document, labels: AdminLabels, before: SaveBaseline = { notes: [] }): SaveOutcome {
  labels = labelsOn(labels, 'customer');
  const fresh = passwordFieldNotes(doc, labels).filter((n) => !before.notes.includes(n));
  if (fresh.length > 0) return { kind: 'validation', message: fresh.join(' ') };
  const known = new Set(before.blocks ?? []);
  for (const el of Array.from(doc.querySelectorAll('[role=alert]'))) {
    // An alert the page showed before Save already (every text in it known) is not this Save's.
    if (before.blocks && textBlocks(el).every((b) => known.has(b))) continue;
    const t = displayText(el);
    if (t) return { kind: 'validation', message: t };
  }
  const savedNow = savedNotices(doc, labels);
  if (savedNow > (before.saved ?? 0)) return { kind: 'saved' };
  if (before.blocks) {
    const savedWords = labels.texts.changesSaved.map(normalizeText);
    const added = textBlocks(doc).filter((b) => !known.has(b) && !savedWords.includes(normalizeText(b)));
    if (added.length > 0) return { kind: 'validation', message: added.join(' ') };
  }
  return { kind: 'unknown' };
}

/**
 * The customer's Language as the customer form shows it (the selected option of the select its
 * caption names), or undefined where the form shows none we know.
 */
export function readCustomerFormLanguage(scope: Scope, labels: AdminLabels): 'en' | 'de' | undefined {
  for (const select of queryAll<HTMLSelectElement>(scope, 'select')) {
    const captions = [
      ...Array.from(select.labels ?? [], (l) => textOf(l)),
      select.getAttribute('aria-label') ?? '',
      // A caption in the cell or element before the field (a table row, a legacy form).
      textOf(select.closest('td')?.previousElementSibling ?? select.previousElementSibling ?? select),
    ].map((c) => normalizeText(c.replace(/[:*]\s*$/u, '')));
    if (!labels.texts.language.some((l) => captions.includes(normalizeText(l)))) continue;
    const chosen = select.selectedOptions[0];
    return chosen ? languageFromText(textOf(chosen), labels) : undefined;
  }
  return undefined;
}
