/**
 * Every error code that crosses a context boundary, typed end to end: the content script's
 * adapter errors, the messaging layer's own, and the run engine's refusals and failures. What the
 * agent can do about each (REMEDIES, here) and its words and hint (src/shared/errorWords.ts) are
 * tables over the whole union, so a new code does not compile until each says something about it.
 */
import type { AdminErrorCode } from '../admin/errors';

export type ErrorCode =
  | AdminErrorCode
  // Messaging
  | 'no-receiver'
  /** A page's view of a run lost its background (the extension reloaded or updated under it). */
  | 'background-gone'
  /** The admin address is a custom host Reset Desk was not given access to (or lost it). */
  | 'no-host-access'
  | 'forbidden'
  | 'internal'
  | 'bad-request'
  /** The full content script could not be started in a tab. */
  | 'inject-failed'
  // Starting a run
  | 'bad-email'
  | 'bad-settings'
  | 'busy'
  | 'already-set'
  | 'already-resent'
  | 'not-resendable'
  // A run on its way
  | 'no-admin-tab'
  | 'tab-closed'
  | 'admin-slow'
  | 'admin-unreachable'
  | 'admin-error'
  /** The admin tab no longer shows the page and customer the run was acting on. */
  | 'wrong-page'
  | 'send-unconfirmed'
  | 'password-unknown'
  | 'validation';

/** What an agent can do about an error; the popup and the in-page bar turn it into a button. */
export type ErrorRemedy = 'open-login' | 'retry' | 'check-settings' | 'send-anyway' | 'none';

export const REMEDIES: Record<ErrorCode, ErrorRemedy> = {
  'label-missing': 'check-settings',
  'not-logged-in': 'open-login',
  timeout: 'retry',
  'load-failed': 'retry',
  'unparseable-date': 'check-settings',
  'unexpected-value': 'none',
  'unexpected-page': 'retry',
  'not-found': 'none',
  'identity-missing': 'check-settings',
  // The admin said the e-mail was not sent; a retry re-reads the E-mail History before sending.
  'action-failed': 'retry',
  'already-done': 'none',
  aborted: 'none',
  // Two places on the page name different customers: nothing is done until a person looks.
  'identity-conflict': 'none',
  'no-receiver': 'none',
  'background-gone': 'none',
  'no-host-access': 'check-settings',
  forbidden: 'none',
  internal: 'none',
  'bad-request': 'none',
  'inject-failed': 'retry',
  'bad-email': 'none',
  'bad-settings': 'check-settings',
  busy: 'none',
  'already-set': 'none',
  'already-resent': 'none',
  'not-resendable': 'none',
  'no-admin-tab': 'retry',
  'tab-closed': 'retry',
  'admin-slow': 'retry',
  'admin-unreachable': 'retry',
  'admin-error': 'retry',
  'wrong-page': 'retry',
  // Retry reads the E-mail History afresh and does not send when the e-mail is there.
  'send-unconfirmed': 'retry',
  'password-unknown': 'retry',
  validation: 'none',
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(REMEDIES, value);
}

/** What an error looks like on the wire (an Error thrown in a listener loses its class on the way). */
export interface WireError {
  code: ErrorCode;
  message: string;
  /** Extra typed details (page, step, label, ...) for errors that carry them. */
  details?: Record<string, unknown>;
}

/**
 * The one serialisation of an error for messaging: our own errors keep their code and details
 * (the adapter's AdminError its page, step and label), anything else is 'internal' with its text.
 */
export function toWireError(error: unknown): WireError {
  if (error && typeof error === 'object' && 'code' in error && isErrorCode(error.code)) {
    const e = error as { code: ErrorCode; message?: unknown; details?: Record<string, unknown>; toJSON?: () => Record<string, unknown> };
    const message = typeof e.message === 'string' ? e.message : 'Unknown error';
    // AdminError carries its facts as fields (page, step, label, detail): toJSON lists them.
    const { code: _code, message: _message, name: _name, ...facts } = typeof e.toJSON === 'function' ? e.toJSON() : {};
    const details = { ...facts, ...e.details };
    return { code: e.code, message, ...(Object.keys(details).length ? { details } : {}) };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** A wire error as received: a code this build does not know is 'internal', never a silent remedy. */
export function fromWire(raw: { code?: unknown; message?: unknown; details?: unknown }): WireError {
  const message = typeof raw.message === 'string' ? raw.message : 'Unknown error';
  const details = typeof raw.details === 'object' && raw.details !== null ? (raw.details as Record<string, unknown>) : undefined;
  if (isErrorCode(raw.code)) return { code: raw.code, message, ...(details ? { details } : {}) };
  return { code: 'internal', message: `${message} (unknown error code ${JSON.stringify(raw.code)})`, ...(details ? { details } : {}) };
}
