/**
 * An error as the agent reads it, in the browser's language: the sentence comes from the locale
 * files, keyed by the error's code, with the facts its details carry (the page, the admin's label,
 * the admin's own words). The English `message` an error was made with is for logs and tests; it is
 * shown only for a code this table does not know, so nothing is ever dropped silently.
 */
import type { Reason } from '../domain/decideAction';
import type { ErrorCode } from './errors';
import { t, type MessageKey } from './i18n';
import { duration, reasonText } from './present';

interface ErrorLike {
  code: string;
  message: string;
  details?: Record<string, unknown> | undefined;
}

const PAGE_KEYS: Record<string, MessageKey> = {
  login: 'pageLogin',
  'incoming-requests': 'pageIncoming',
  customers: 'pageCustomers',
  user: 'pageUser',
  customer: 'pageCustomer',
  other: 'pageOther',
};

/** A page kind as the agent reads it ("user page", "Benutzerseite"). */
export function pageWords(page: string | undefined): string {
  return t(PAGE_KEYS[String(page)] ?? 'pageOther');
}

/** Sentences by code; `$1` is the page, `$2` the admin's label (quoted), where the sentence uses them. */
const ERROR_KEYS: Record<ErrorCode, MessageKey> = {
  'label-missing': 'errLabelMissing',
  'not-logged-in': 'errNotLoggedIn',
  timeout: 'errTimeout',
  'load-failed': 'errLoadFailed',
  'unparseable-date': 'errUnparseableDate',
  'unexpected-value': 'errUnexpectedValue',
  'unexpected-page': 'errUnexpectedPage',
  'not-found': 'errNotFound',
  'identity-missing': 'errIdentityMissing',
  'action-failed': 'errActionFailed',
  'already-done': 'errAlreadyDone',
  aborted: 'errAborted',
  'bad-email': 'errBadEmail',
  'bad-request': 'errBadRequest',
  busy: 'errBusy',
  'already-set': 'errAlreadySet',
  'tab-closed': 'errTabClosed',
  'bad-settings': 'errBadSettings',
  'no-admin-tab': 'errNoAdminTab',
  'no-receiver': 'errNoReceiver',
  'background-gone': 'errBackgroundGone',
  'no-host-access': 'errNoHostAccess',
  forbidden: 'errForbidden',
  'admin-slow': 'errAdminSlow',
  'admin-error': 'errAdminError',
  'admin-unreachable': 'errAdminUnreachable',
  'send-unconfirmed': 'errSendUnconfirmed',
  'password-unknown': 'errPasswordUnknown',
  'already-resent': 'errAlreadyResent',
  'not-resendable': 'errNotResendable',
  validation: 'errValidation',
  internal: 'errInternal',
  'wrong-page': 'errWrongPage',
  'identity-conflict': 'errIdentityConflict',
  'inject-failed': 'errInjectFailed',
};

/** What the agent can do about it, by code (the remedy's words; its button is the popup's); null: the sentence says it. */
export const HINT_KEYS: Record<ErrorCode, MessageKey | null> = {
  'not-logged-in': 'hintNotLoggedIn',
  'label-missing': 'hintLabelMissing',
  'admin-slow': 'hintAdminSlow',
  timeout: 'hintAdminSlow',
  'load-failed': 'hintLoadFailed',
  'tab-closed': 'hintTabClosed',
  'admin-unreachable': 'hintAdminUnreachable',
  'unexpected-page': 'hintUnexpectedPage',
  'admin-error': 'hintAdminError',
  'wrong-page': 'hintWrongPage',
  'identity-conflict': 'hintIdentityConflict',
  'inject-failed': 'hintInjectFailed',
  'unparseable-date': null,
  'unexpected-value': null,
  'not-found': null,
  'identity-missing': null,
  'action-failed': null,
  'already-done': null,
  aborted: null,
  'no-receiver': null,
  'background-gone': 'hintBackgroundGone',
  'no-host-access': 'hintNoHostAccess',
  forbidden: null,
  internal: null,
  'bad-request': null,
  'bad-email': null,
  'bad-settings': null,
  busy: null,
  'already-set': null,
  'already-resent': null,
  'not-resendable': null,
  'no-admin-tab': null,
  'send-unconfirmed': null,
  'password-unknown': null,
  validation: null,
};

/** Whether a code has its own sentence (else the error's own message is shown). */
export const knowsError = (code: string): boolean => Object.hasOwn(ERROR_KEYS, code);

export function errorSentence(error: ErrorLike): string {
  const key = knowsError(error.code) ? ERROR_KEYS[error.code as ErrorCode] : undefined;
  if (!key) return error.message;
  const d = error.details ?? {};
  const page = pageWords(String(d.page));
  const label = typeof d.label === 'object' && d.label && 'text' in d.label ? t('quoted', [String((d.label as { text: unknown }).text)]) : t('anExpectedElement');
  let sentence = t(key, [page, label]);
  if (error.code === 'no-host-access' && typeof d.origin === 'string') sentence = t('errNoHostAccess', [d.origin]);
  if (error.code === 'already-resent' && typeof d.agoMs === 'number') sentence = t('errAlreadyResentAgo', [duration(d.agoMs, 'ago')]);
  if (error.code === 'already-resent' && d.notListed === true) sentence = `${sentence} ${t('errAlreadyResentUnlisted')}`;
  if (error.code === 'not-resendable' && typeof d.reason === 'object' && d.reason) sentence = `${sentence} ${reasonText(d.reason as Reason)}`;
  if (typeof d.adminSays === 'string' && d.adminSays) sentence = `${sentence} ${t('adminSays', [d.adminSays])}`;
  // The admin's own text of a date it could not read ("13/32/2026 25:61:00 PM": …): the agent can compare it.
  const dateText = error.code === 'unparseable-date' && typeof d.detail === 'string' ? /^"([^"]*)"/.exec(d.detail)?.[1] : undefined;
  if (dateText) sentence = `${sentence} ${t('dateShown', [t('quoted', [dateText])])}`;
  // Where the admin tab is now, when a step found it elsewhere (the agent clicked another customer).
  if (typeof d.shows === 'string' && d.shows) sentence = `${sentence} ${t('tabShows', [d.shows])}`;
  if (d.mayHaveChanged === true) sentence = `${sentence} ${t('errMayHaveChanged')}`;
  return sentence;
}

/** The sentence and, where there is one, what to do about it. */
export function errorWithHint(error: ErrorLike): string {
  const hint = knowsError(error.code) ? HINT_KEYS[error.code as ErrorCode] : null;
  return hint ? `${errorSentence(error)} ${t(hint)}` : errorSentence(error);
}

/** Any thrown thing as one sentence for the agent (content scripts get AdminErrors and wire errors). */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    const e = error as { code: string; message?: unknown; details?: Record<string, unknown>; toJSON?: () => Record<string, unknown> };
    const details = e.details ?? (typeof e.toJSON === 'function' ? e.toJSON() : undefined);
    return errorSentence({ code: e.code, message: String(e.message ?? e.code), details });
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
