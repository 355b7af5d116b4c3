/**
 * Actions on the live admin page the content script runs in. Each finds its target by label, acts
 * like a user (click / type), and where the admin answers asynchronously waits for the answer with
 * a MutationObserver (no sleeps). Each returns a typed result or throws an AdminError naming page,
 * step and label. Actions that change something (Send, Save) mark their control before clicking and
 * refuse to click it a second time.
 */
import { AdminError, type AdminErrorCode, type PageKind } from './errors';
import {
  clickLikeAUser,
  displayText,
  findControls,
  findElementsWithText,
  markOnce,
  setInputValue,
  waitForDom,
  WaitAbortedError,
  WaitTimeoutError,
} from './dom';
import { labelRef, labelsOn, type AdminLabels, type LabelKey } from './labels';
import { subjectControl } from './emailHistory';
import { findCustomerForm, findLabeledFields } from './customerForm';
import { readHistoryState, type HistoryKind, type HistorySectionState } from './userPage';
import type { SearchRow } from './searchResults';
import type { HistoryEmail } from '../domain/types';
import { addressesIn, sameEmail } from '../domain/email';

export interface WaitingOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 15000;

function err(code: AdminErrorCode, page: PageKind, step: string, labels: AdminLabels, key?: LabelKey, detail?: string): AdminError {
  return new AdminError({ code, page, step, ...(key ? { label: labelRef(labels, key) } : {}), ...(detail !== undefined ? { detail } : {}) });
}

/** Turns a waitForDom rejection into the AdminError the caller reports. */
function waitError(e: unknown, page: PageKind, step: string, labels: AdminLabels, key: LabelKey, detail?: string): unknown {
  if (e instanceof WaitTimeoutError) return err('timeout', page, step, labels, key, detail);
  if (e instanceof WaitAbortedError) return err('aborted', page, step, labels, key);
  return e;
}

/**
 * Shown to the user? jsdom has no layout, so besides checkVisibility (real browsers) we honour the
 * hidden attribute, inline display:none, aria-hidden and a closed <dialog>.
 */
export function isShown(el: Element): boolean {
  const anyEl = el as Element & { checkVisibility?: () => boolean };
  if (typeof anyEl.checkVisibility === 'function' && !anyEl.checkVisibility()) return false;
  for (let a: Element | null = el; a; a = a.parentElement) {
    if (a.hasAttribute('hidden') || a.getAttribute('aria-hidden') === 'true') return false;
    if ((a as HTMLElement).style?.display === 'none') return false;
    if (a.tagName.toLowerCase() === 'dialog' && !(a as HTMLDialogElement).open && !a.hasAttribute('open')) return false;
  }
  return true;
}

function shownControls(doc: Document, labels: AdminLabels, key: LabelKey): HTMLElement[] {
  return findControls(doc, labels, key).filter(isShown);
}

// ---------------------------------------------------------------------------------------------
// Menu and search

export type MenuItem = 'incomingRequests' | 'customers';

/**
 * Clicks Support > Incoming requests or Sales > Customers. The sub-item may be hidden until hover;
 * it is in the DOM, so we find the link whose nearest menu group also holds the right top item and
 * click it directly (a link navigates). Returns the clicked element.
 */
export function openMenuItem(doc: Document, labels: AdminLabels, item: MenuItem): HTMLElement {
  const top: LabelKey = item === 'incomingRequests' ? 'menuSupport' : 'menuSales';
  const rival: LabelKey = item === 'incomingRequests' ? 'menuSales' : 'menuSupport';
  const sub: LabelKey = item === 'incomingRequests' ? 'menuIncomingRequests' : 'menuCustomers';
  const step = `open menu ${labelRef(labels, top).text} > ${labelRef(labels, sub).text}`;
  const subs = findControls(doc, labels, sub);
  if (subs.length === 0) throw err('label-missing', 'other', step, labels, sub);
  const tops = [...findControls(doc, labels, top), ...findElementsWithText(doc, labels, top)];
  if (tops.length === 0) throw err('label-missing', 'other', step, labels, top);
  const rivals = [...findControls(doc, labels, rival), ...findElementsWithText(doc, labels, rival)];
  const underTop = subs.filter((s) => {
    for (let a = s.parentElement; a; a = a.parentElement) {
      if (tops.some((t) => !s.contains(t) && a.contains(t))) return !rivals.some((r) => a.contains(r));
    }
    return false;
  });
  // Nested menus: the link under its top item. Flat menus: accept the link only if it is unique.
  const target = underTop[0] ?? (subs.length === 1 ? subs[0] : undefined);
  if (!target) throw err('unexpected-page', 'other', step, labels, sub, `${subs.length} "${labelRef(labels, sub).text}" links and none under "${labelRef(labels, top).text}"`);
  clickLikeAUser(target);
  return target;
}

const TEXT_INPUTS = 'input:not([type]), input[type=text], input[type=search], input[type=email]';

function isDeadHref(a: Element): boolean {
  const href = (a.getAttribute('href') ?? '').trim();
  return href === '' || href === '#' || href.toLowerCase().startsWith('javascript:');
}

/**
 * Types the e-mail into the search form's ONE text field and clicks the icon-only Search control
 * (found by title/alt/aria-label). A <button>/<input type=image|submit> submits its form itself.
 * Fallback, documented: when the control is a link with no real target ("#", javascript:) inside a
 * form and no page script handled (cancelled) the click, the link would do nothing, so we submit
 * the form with requestSubmit(). A duplicate search is harmless (read-only), a missed one is not.
 */
/**
 * Types the e-mail into the list page's search field and clicks the search icon. Returns the
 * address a plain GET form would load for it (same origin, the field's value the e-mail, the
 * icon adding nothing): the background learns it only when the tab then really shows that
 * address, and from then on can go straight to a search's results (one page less to load).
 */
export function submitSearch(doc: Document, labels: AdminLabels, email: string, page: PageKind = 'other'): string | undefined {
  labels = labelsOn(labels, page);
  const step = 'search';
  const controls = findControls(doc, labels, 'searchIcon');
  const control = controls[0];
  if (!control) throw err('label-missing', page, step, labels, 'searchIcon');
  if (controls.length > 1) throw err('unexpected-page', page, step, labels, 'searchIcon', `${controls.length} search controls`);
  // The form, or (no form element) the nearest ancestor that holds a text field.
  let box: Element | null = control.closest('form');
  if (!box) for (box = control.parentElement; box && box.querySelectorAll(TEXT_INPUTS).length === 0; box = box.parentElement);
  const fields = box ? Array.from(box.querySelectorAll<HTMLInputElement>(TEXT_INPUTS)).filter((f) => !f.disabled && !f.readOnly) : [];
  if (fields.length !== 1 || !fields[0]) throw err('unexpected-page', page, step, labels, 'searchIcon', `the search form has ${fields.length} text fields, expected 1`);
  setInputValue(fields[0], email);
  const form = control.closest('form');
  const getUrl = form ? plainGetUrl(doc, form, control, fields[0]) : undefined;
  const notCancelled = clickLikeAUser(control);
  if (control.tagName.toLowerCase() === 'a' && form && notCancelled && isDeadHref(control)) form.requestSubmit();
  return getUrl;
}

/** What submitting `form` by `control` loads, when it is a plain GET of this origin (else undefined). */
function plainGetUrl(doc: Document, form: HTMLFormElement, control: Element, field: HTMLInputElement): string | undefined {
  if (form.method.toLowerCase() !== 'get' || !field.name || form.target) return undefined;
  // A named submit control adds its own name=value: not learnt (rare; the normal way still works).
  if (control.getAttribute('name')) return undefined;
  const url = new URL(form.action || doc.location.href);
  if (url.origin !== doc.location.origin) return undefined;
  const data = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') data.append(name, value);
  url.search = data.toString();
  url.hash = '';
  return url.href;
}

/** Clicks a result row's Show (navigates to the user / customer page). */
export function openResult(row: SearchRow): void {
  clickLikeAUser(row.showControl);
}

// ---------------------------------------------------------------------------------------------
// History sections

export interface LoadHistoryOptions extends WaitingOptions {}
export interface LoadHistoryResult {
  state: 'table' | 'no-data';
  /** How many times we clicked "Click to load data" (0 if it was already loaded). */
  clicks: number;
}

/**
 * Loads a history section: clicks "Click to load data" if needed and waits for a table, "No data" or
 * "Error loading data". An error is retried ONCE; a second error -> 'load-failed'. The whole call is
 * bounded by timeoutMs -> 'timeout'. A login form appearing -> 'not-logged-in'.
 */
export async function loadHistory(doc: Document, labels: AdminLabels, which: HistoryKind, options: LoadHistoryOptions = {}): Promise<LoadHistoryResult> {
  labels = labelsOn(labels, 'user');
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const step = `load ${labelRef(labels, which).text}`;
  let clicks = 0;
  let st: HistorySectionState = readHistoryState(doc, labels, which);
  for (;;) {
    if (st.state === 'table' || st.state === 'no-data') return { state: st.state, clicks };
    if (st.state === 'login') throw err('not-logged-in', 'user', step, labels);
    if (st.state === 'error' && clicks >= 2) throw err('load-failed', 'user', step, labels, which, `"${displayText(st.errorElement)}" twice`);
    let previousError: Element | null = null;
    if (st.state === 'not-loaded' || st.state === 'error') {
      if (!st.loadControl) {
        if (st.state === 'error') throw err('load-failed', 'user', step, labels, which, `"${displayText(st.errorElement)}" and no "${labelRef(labels, 'clickToLoad').text}" to retry`);
        throw err('label-missing', 'user', step, labels, 'clickToLoad');
      }
      previousError = st.errorElement;
      clicks++;
      clickLikeAUser(st.loadControl);
    }
    // 'loading' (someone else clicked) or just clicked: wait for an answer.
    let sawOtherState = false;
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw err('timeout', 'user', step, labels, which);
    try {
      st = await waitForDom(
        doc,
        () => {
          const s = readHistoryState(doc, labels, which);
          if (s.state === 'table' || s.state === 'no-data' || s.state === 'login') return s;
          // An error counts only if it is a new one (not the text still shown from before the click).
          if (s.state === 'error' && (sawOtherState || (s.errorElement !== previousError && previousError !== null) || previousError === null)) return s;
          if (s.state !== 'error') sawOtherState = true;
          return null;
        },
        { timeoutMs: remaining, ...(options.signal ? { signal: options.signal } : {}) },
      );
    } catch (e) {
      throw waitError(e, 'user', step, labels, which, `after ${clicks} click(s) on "${labelRef(labels, 'clickToLoad').text}"`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// E-mail dialog

export interface OpenEmail {
  dialog: Element;
  reply: HTMLElement;
}

function dialogOf(control: Element): Element {
  return control.closest('dialog, [role=dialog], [role=alertdialog]') ?? control.closest('form') ?? control.parentElement ?? control;
}

/** Clicks the Subject of an E-mail History row and waits for the e-mail dialog (it holds Reply). */
export async function openEmail(doc: Document, labels: AdminLabels, email: HistoryEmail | number, options: WaitingOptions = {}): Promise<OpenEmail> {
  labels = labelsOn(labels, 'user');
  const row = typeof email === 'number' ? email : email.row;
  const step = 'open e-mail';
  const before = new Set(shownControls(doc, labels, 'reply'));
  clickLikeAUser(subjectControl(doc, labels, row));
  try {
    const reply = await waitForDom(doc, () => shownControls(doc, labels, 'reply').find((r) => !before.has(r)) ?? null, {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { dialog: dialogOf(reply), reply };
  } catch (e) {
    throw waitError(e, 'user', step, labels, 'reply');
  }
}

export interface ComposeForm {
  send: HTMLElement;
  /** The compose form's recipient line ("To"): check it before sending. */
  to: string;
  /** What the Cc and Bcc fields hold, where the form has them (a reset link goes to the customer only). */
  copies: string[];
  container: Element;
}

function readCopies(container: Element, labels: AdminLabels): string[] {
  return [...findLabeledFields(container, labels, 'composeCc'), ...findLabeledFields(container, labels, 'composeBcc')]
    .map((field) => field.value.trim())
    .filter((value) => value !== '');
}

function readRecipient(container: Element, labels: AdminLabels): string | null {
  const field = findLabeledFields(container, labels, 'composeTo')[0];
  if (field) return field.value.trim();
  // A read-only "To: anna@example.com" line.
  for (const el of findElementsWithText(container, labels, 'composeTo')) {
    const next = el.nextElementSibling;
    if (next) return displayText(next);
  }
  return null;
}

/** Clicks Reply in the open e-mail and waits for the compose form (it holds Send). */
export async function replyToOpenEmail(doc: Document, labels: AdminLabels, options: WaitingOptions = {}): Promise<ComposeForm> {
  labels = labelsOn(labels, 'user');
  const step = 'reply to e-mail';
  const replies = shownControls(doc, labels, 'reply');
  const reply = replies[replies.length - 1];
  if (!reply) throw err('label-missing', 'user', step, labels, 'reply');
  const before = new Set(shownControls(doc, labels, 'send'));
  clickLikeAUser(reply);
  try {
    const send = await waitForDom(doc, () => shownControls(doc, labels, 'send').find((s) => !before.has(s)) ?? null, {
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return composeFormOf(send, labels, step);
  } catch (e) {
    throw waitError(e, 'user', step, labels, 'send');
  }
}

/** The compose form a Send belongs to, as it reads now. */
function composeFormOf(send: HTMLElement, labels: AdminLabels, step: string): ComposeForm {
  const container = dialogOf(send);
  const to = readRecipient(container, labels);
  // The guide's compose form shows To (the customer): without it we cannot know who would get the link.
  if (!to) throw err('label-missing', 'user', step, labels, 'composeTo');
  return { send, to, copies: readCopies(container, labels), container };
}

/**
 * Never a reset link to anyone but `email`: every address in To is exactly theirs (not a
 * look-alike such as anna@example.co for anna@example.com), and no copy goes anywhere else.
 */
export function requireOnlyRecipient(compose: ComposeForm, email: string, step: string): void {
  const recipients = addressesIn(compose.to);
  if (recipients.length === 0 || !recipients.every((r) => sameEmail(r, email))) {
    throw new AdminError({ code: 'unexpected-page', page: 'user', step, detail: `the reply would go to ${compose.to}, not ${email}; nothing was sent` });
  }
  if (compose.copies.length > 0) {
    throw new AdminError({ code: 'unexpected-page', page: 'user', step, detail: `the reply would also go to ${compose.copies.join(', ')} (Cc/Bcc); nothing was sent` });
  }
}

/**
 * Clicks Send ONCE and waits for "E-mail has been sent". A known error text -> 'action-failed'.
 * A timeout means we do not know whether it was sent: never retry automatically.
 */
export async function sendComposedEmail(doc: Document, labels: AdminLabels, to: string, options: WaitingOptions = {}): Promise<{ sent: true }> {
  labels = labelsOn(labels, 'user');
  const step = 'send e-mail';
  const sends = shownControls(doc, labels, 'send');
  const send = sends[sends.length - 1];
  if (!send) throw err('label-missing', 'user', step, labels, 'send');
  // Checked again here, not only when Reply opened the form: To and Cc can be edited (by the agent,
  // by the page) while the run records its send, and the Send clicked is the one of the form read.
  requireOnlyRecipient(composeFormOf(send, labels, step), to, step);
  if (!markOnce(send)) throw err('already-done', 'user', step, labels, 'send');
  const sentBefore = new Set(findElementsWithText(doc, labels, 'emailSent'));
  const failedBefore = new Set(findElementsWithText(doc, labels, 'sendFailed'));
  const expiredBefore = new Set(findElementsWithText(doc, labels, 'sessionExpired'));
  clickLikeAUser(send);
  let outcome: 'sent' | Element;
  try {
    outcome = await waitForDom<'sent' | Element>(
      doc,
      () => {
        if (findElementsWithText(doc, labels, 'emailSent').some((e) => !sentBefore.has(e) && isShown(e))) return 'sent';
        const expired = findElementsWithText(doc, labels, 'sessionExpired').find((e) => !expiredBefore.has(e) && isShown(e));
        if (expired) return expired;
        return findElementsWithText(doc, labels, 'sendFailed').find((e) => !failedBefore.has(e) && isShown(e)) ?? null;
      },
      { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, ...(options.signal ? { signal: options.signal } : {}) },
    );
  } catch (e) {
    throw waitError(e, 'user', step, labels, 'emailSent', 'it may or may not have been sent: check the E-mail History before trying again');
  }
  if (outcome !== 'sent' && findElementsWithText(outcome.parentElement ?? outcome, labels, 'sessionExpired').length > 0) {
    throw err('not-logged-in', 'user', step, labels, undefined, 'the e-mail was not sent');
  }
  if (outcome !== 'sent') throw err('action-failed', 'user', step, labels, 'sendFailed', `the admin says "${displayText(outcome)}"`);
  return { sent: true };
}

// ---------------------------------------------------------------------------------------------
// Customer page

/** Types the new password into the Customer section's Password field (input + change events). */
export function fillCustomerPassword(doc: Document, labels: AdminLabels, password: string): HTMLInputElement | HTMLTextAreaElement {
  labels = labelsOn(labels, 'customer');
  const { password: field } = findCustomerForm(doc, labels);
  const type = (field.getAttribute('type') ?? 'text').toLowerCase();
  if (field.tagName.toLowerCase() !== 'input' || (type !== 'password' && type !== 'text')) {
    throw err('unexpected-page', 'customer', 'fill Password', labels, 'passwordField', `the field is a ${type} ${field.tagName.toLowerCase()}`);
  }
  if (field.disabled || field.readOnly) throw err('unexpected-page', 'customer', 'fill Password', labels, 'passwordField', 'the field is read-only');
  setInputValue(field, password);
  if (field.value !== password) throw err('unexpected-page', 'customer', 'fill Password', labels, 'passwordField', 'the field did not take the value (length limit?)');
  return field;
}

/** Clicks Save once (a full page POST follows; read the outcome on the next page with readSaveOutcome). */
export function saveCustomer(doc: Document, labels: AdminLabels): void {
  labels = labelsOn(labels, 'customer');
  const { save } = findCustomerForm(doc, labels);
  if (!markOnce(save)) throw err('already-done', 'customer', 'save', labels, 'save');
  clickLikeAUser(save);
}
