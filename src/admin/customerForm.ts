/**
 * The customer page's "Customer" form: its Password field and Save control, and what the page says
 * after Save. Fields are found by their caption (a <label>, a table header cell, a term...), never by
 * name or id. An empty Password means "unchanged" in the admin, so filling it is the whole change.
 */
import { AdminError } from './errors';
import { displayText, findControls, findHeading, hasText, queryAll, sectionAfter, textOf, type Scope } from './dom';
import { labelRef, matchesLabel, normalizeText, type AdminLabels, type LabelKey } from './labels';

type Field = HTMLInputElement | HTMLTextAreaElement;
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
      (f) => (caption.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !caption.contains(f),
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
    if (!labels.texts[key].some((l) => normalizeText(l) === t)) continue;
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

/** Text near the field that is not its caption: the validation message next to the field. */
function messageNearField(field: Field, labels: AdminLabels): string | null {
  const described = (field.getAttribute('aria-describedby') ?? '').split(/\s+/u).filter(Boolean);
  for (const id of described) {
    const t = displayText(field.ownerDocument.getElementById(id));
    if (t) return t;
  }
  // The field's own group: the smallest ancestor with the caption and no other field.
  let box: Element | null = field.parentElement;
  for (let depth = 0; box && depth < 4; depth++, box = box.parentElement) {
    const fields = box.querySelectorAll(FIELD_SELECTOR);
    if (fields.length > 1) break;
    const captions = labels.texts.passwordField.map(normalizeText);
    let rest = textOf(box);
    for (const c of captions) if (rest.startsWith(c)) rest = rest.slice(c.length);
    rest = rest.replace(/^[\s:*]+/u, '').trim();
    if (rest) {
      // Return the original-case text of the elements after the field.
      const parts: string[] = [];
      for (const el of Array.from(box.querySelectorAll('*'))) {
        if (el.children.length === 0 && (field.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && displayText(el)) parts.push(displayText(el));
      }
      return parts.join(' ') || rest;
    }
  }
  return null;
}

/** After Save: "Changes saved", or the validation message next to the Password field. */
export function readSaveOutcome(doc: Document, labels: AdminLabels): SaveOutcome {
  if (doc.body && hasText(doc.body, labels, 'changesSaved')) return { kind: 'saved' };
  const heading = findHeading(doc, labels, 'customerSection');
  const section = heading ? sectionAfter(heading) : null;
  const field = section ? findLabeledFields(section, labels, 'passwordField')[0] : undefined;
  if (field) {
    const msg = messageNearField(field, labels);
    if (msg) return { kind: 'validation', message: msg };
  }
  for (const el of Array.from(doc.querySelectorAll('[role=alert], [aria-invalid=true]'))) {
    const t = displayText(el);
    if (t && el.tagName.toLowerCase() !== 'input') return { kind: 'validation', message: t };
  }
  return { kind: 'unknown' };
}
