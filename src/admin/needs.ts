/**
 * Needed vs. shown: for every admin page and every step Reset Desk takes there, the labels the step
 * needs to act (a missing one stops it, with an AdminError naming it) and the labels it only shows
 * or uses when present (a missing one leaves its field empty). One table for the layout check, the
 * parsers and the docs (docs/admin-model.md), so "what stops a flow" is written down once.
 */
import type { PageKind } from './errors';
import type { LabelKey } from './labels';

/**
 * How a label appears: a clickable control, a section heading, the page's own title, a visible
 * text (a notice, a state), a table column header, a form field's caption or a value in a cell.
 * Values ('value') depend on the data (a history without an Admin row shows no "Admin"), so the
 * layout check never counts them as missing.
 */
export type LabelRole = 'control' | 'heading' | 'title' | 'text' | 'column' | 'field' | 'value';

export interface LabelUse {
  key: LabelKey;
  role: LabelRole;
}

/**
 * When the step's labels are on the page: 'load' = as soon as the page is there; 'results' = when a
 * results table is shown; 'password-table' / 'email-table' = once that history section shows its
 * table; 'not-loaded' = while a history section still offers to load; 'later' = only after an action
 * of the flow (a dialog opened, the page after Save), so a check on arrival skips it.
 */
export type StepWhen = 'load' | 'results' | 'password-table' | 'email-table' | 'not-loaded' | 'later';

export interface StepLabels {
  step: string;
  when: StepWhen;
  needed: readonly LabelUse[];
  optional: readonly LabelUse[];
}

const use = (role: LabelRole, ...keys: LabelKey[]): LabelUse[] => keys.map((key) => ({ key, role }));

const LIST_RESULTS: StepLabels = {
  step: 'read search results',
  when: 'results',
  // Open-result picks the row by e-mail AND shop (one account per shop) and clicks its Show.
  needed: [...use('column', 'colEmail', 'colShop'), ...use('control', 'show')],
  optional: [...use('column', 'colName', 'colFirstName', 'colLastName', 'colRegistered'), ...use('control', 'next')],
};

export const PAGE_STEPS: Readonly<Record<PageKind, readonly StepLabels[]>> = {
  login: [
    { step: 'recognise the page', when: 'load', needed: [...use('field', 'loginPassword'), ...use('control', 'loginButton')], optional: use('field', 'loginEmail') },
  ],
  'incoming-requests': [
    { step: 'recognise the page', when: 'load', needed: [...use('control', 'menuIncomingRequests', 'searchIcon')], optional: [] },
    { step: 'search', when: 'load', needed: use('control', 'searchIcon'), optional: [] },
    LIST_RESULTS,
    { step: 'read empty search results', when: 'later', needed: use('text', 'noRecords'), optional: [] },
  ],
  customers: [
    { step: 'recognise the page', when: 'load', needed: [...use('control', 'menuCustomers', 'searchIcon')], optional: [] },
    { step: 'search', when: 'load', needed: use('control', 'searchIcon'), optional: [] },
    LIST_RESULTS,
    { step: 'read empty search results', when: 'later', needed: use('text', 'noRecords'), optional: [] },
  ],
  user: [
    { step: 'recognise the page', when: 'load', needed: use('heading', 'passwordHistory', 'emailHistory'), optional: use('heading', 'userSection') },
    { step: 'show the user', when: 'load', needed: [], optional: [...use('heading', 'userSection'), ...use('field', 'colEmail', 'colName', 'colShop')] },
    { step: 'load the histories', when: 'not-loaded', needed: use('control', 'clickToLoad'), optional: use('text', 'noData', 'errorLoading', 'sessionExpired') },
    {
      step: 'read Password History',
      when: 'password-table',
      needed: [...use('column', 'colDate', 'colOrigin', 'colPasswordChanged'), ...use('value', 'yes', 'no')],
      optional: use('value', 'originFlux', 'originWeb', 'originAdmin'),
    },
    {
      step: 'read E-mail History',
      // Recipient feeds the warning when the reset e-mail went to another address: needed.
      when: 'email-table',
      needed: [...use('column', 'colDate', 'colEmailType', 'colSubject', 'colRecipient'), ...use('value', 'typeNewPassword')],
      optional: [],
    },
    {
      step: 'resend the e-mail',
      when: 'later',
      needed: [...use('control', 'reply', 'send'), ...use('field', 'composeTo'), ...use('text', 'emailSent')],
      optional: use('text', 'sendFailed', 'sessionExpired'),
    },
  ],
  customer: [
    { step: 'recognise the page', when: 'load', needed: [...use('heading', 'customerSection'), ...use('field', 'passwordField'), ...use('control', 'save')], optional: [] },
    { step: 'name the customer', when: 'load', needed: [], optional: use('field', 'colEmail') },
    { step: 'read the result of Save', when: 'later', needed: use('text', 'changesSaved'), optional: [] },
  ],
  other: [
    {
      step: 'open the menu',
      when: 'load',
      needed: [...use('text', 'menuSupport'), ...use('control', 'menuIncomingRequests'), ...use('text', 'menuSales'), ...use('control', 'menuCustomers')],
      optional: [],
    },
  ],
};

/** Every label key a page uses in any step (needed or optional), for page-scoped matching. */
export function keysOfPage(page: PageKind): Set<LabelKey> {
  const out = new Set<LabelKey>();
  for (const s of PAGE_STEPS[page]) for (const u of [...s.needed, ...s.optional]) out.add(u.key);
  // The menu is on every admin page.
  for (const s of PAGE_STEPS.other) for (const u of s.needed) out.add(u.key);
  return out;
}

/** The step's needed and optional label keys (for the parsers' errors and docs). */
export function stepLabels(page: PageKind, step: string): StepLabels | undefined {
  return PAGE_STEPS[page].find((s) => s.step === step);
}
