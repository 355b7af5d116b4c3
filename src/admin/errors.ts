/**
 * AdminError: the one error type the admin adapter throws. It always says WHICH page, WHICH step and
 * (when a label was not found) WHICH label, so an agent can tell "the admin changed" from "the
 * customer has no data". It is plain data (toJSON/fromJSON) because it crosses extension messaging
 * (content script -> background -> popup), where class instances lose their prototype.
 */

/** What kind of admin page the adapter believes it is on. */
export type PageKind = 'login' | 'incoming-requests' | 'customers' | 'user' | 'customer' | 'other';

export type AdminErrorCode =
  /** A label the flow needs is not on the page (renamed section, changed layout). */
  | 'label-missing'
  /** The admin shows its login form: the agent's session is missing or expired. */
  | 'not-logged-in'
  /** Waited for the admin (a table, a dialog, a notice) and it did not come in time. */
  | 'timeout'
  /** "Click to load data" failed twice ("Error loading data"). */
  | 'load-failed'
  /** A date cell could not be read as a date (or names an impossible date). */
  | 'unparseable-date'
  /** A cell holds a value we do not know (e.g. "Password changed" neither Yes nor No). */
  | 'unexpected-value'
  /** The page is not the one the step needs, or its structure is ambiguous (e.g. two search fields). */
  | 'unexpected-page'
  /** The user or customer page names its customer nowhere we can read (title, heading, breadcrumb, E-mail field). */
  | 'identity-missing'
  /** The thing asked for does not exist (e.g. no row with that index). */
  | 'not-found'
  /** The admin answered an action with an error (e.g. sending the e-mail failed). */
  | 'action-failed'
  /** A step was asked to act a second time on the same control (e.g. Send twice). */
  | 'already-done'
  /** The caller aborted the wait (AbortSignal). */
  | 'aborted'
  /** Two places of the page name different customers (e.g. the title and the E-mail field). */
  | 'identity-conflict';

export interface AdminErrorData {
  name: 'AdminError';
  code: AdminErrorCode;
  page: PageKind;
  step: string;
  label?: { key: string; text: string };
  /** Extra facts for the message: the unparseable text, the admin's error text, ... */
  detail?: string;
  message: string;
}

export interface AdminErrorInit {
  code: AdminErrorCode;
  page: PageKind;
  step: string;
  label?: { key: string; text: string };
  detail?: string;
  /** Override the generated sentence (rarely needed). */
  message?: string;
}

const PAGE_NAMES: Record<PageKind, string> = {
  login: 'login page',
  'incoming-requests': 'Incoming requests page',
  customers: 'Customers page',
  user: 'user page',
  customer: 'customer page',
  other: 'current page',
};

/** A sentence an agent understands; technical facts go in parentheses at the end. */
function describe(init: AdminErrorInit): string {
  const where = PAGE_NAMES[init.page];
  const label = init.label ? `"${init.label.text}"` : 'an expected element';
  const detail = init.detail ? ` (${init.detail})` : '';
  switch (init.code) {
    case 'label-missing':
      return `The admin's layout has changed: no ${label} on the ${where}.${detail}`;
    case 'not-logged-in':
      return `You are not logged in to the admin (or the session expired). Log in and try again.${detail}`;
    case 'timeout':
      return `The admin did not respond in time on the ${where} while waiting for ${label}.${detail}`;
    case 'load-failed':
      return `The admin could not load ${label} on the ${where}, even after a retry.${detail}`;
    case 'unparseable-date':
      return `The admin shows a date Reset Desk cannot read on the ${where}${detail}. Check the admin time zone/date settings.`;
    case 'unexpected-value':
      return `The admin shows a value Reset Desk does not know in ${label} on the ${where}${detail}.`;
    case 'unexpected-page':
      return `The ${where} does not look as expected at step "${init.step}"${detail}.`;
    case 'identity-missing':
      return `The ${where} does not name its customer: no e-mail address in its title, a heading, a breadcrumb or the E-mail field.${detail}`;
    case 'not-found':
      return `Could not find what was asked for on the ${where}${detail}.`;
    case 'action-failed':
      return `The admin reported an error on the ${where} at step "${init.step}"${detail}.`;
    case 'already-done':
      return `Reset Desk already clicked ${label} on the ${where}; it will not click it twice.${detail}`;
    case 'aborted':
      return `Stopped while waiting on the ${where} (step "${init.step}").${detail}`;
    case 'identity-conflict':
      return `The ${where} names two different customers${detail}; Reset Desk will not act on it. Reload the page or open the customer again.`;
  }
}

export class AdminError extends Error {
  override readonly name = 'AdminError' as const;
  readonly code: AdminErrorCode;
  readonly page: PageKind;
  readonly step: string;
  readonly label?: { key: string; text: string };
  readonly detail?: string;

  constructor(init: AdminErrorInit) {
    super(init.message ?? describe(init));
    this.code = init.code;
    this.page = init.page;
    this.step = init.step;
    if (init.label) this.label = { key: init.label.key, text: init.label.text };
    if (init.detail !== undefined) this.detail = init.detail;
  }

  toJSON(): AdminErrorData {
    const data: AdminErrorData = {
      name: 'AdminError',
      code: this.code,
      page: this.page,
      step: this.step,
      message: this.message,
    };
    if (this.label) data.label = { ...this.label };
    if (this.detail !== undefined) data.detail = this.detail;
    return data;
  }

  static fromJSON(data: AdminErrorData): AdminError {
    const init: AdminErrorInit = { code: data.code, page: data.page, step: data.step, message: data.message };
    if (data.label) init.label = data.label;
    if (data.detail !== undefined) init.detail = data.detail;
    return new AdminError(init);
  }

  /** True for plain data that came over messaging from `toJSON()`. */
  static isData(value: unknown): value is AdminErrorData {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'AdminError' &&
      typeof (value as { code?: unknown }).code === 'string'
    );
  }
}

export function isAdminError(e: unknown): e is AdminError {
  return e instanceof AdminError;
}
