/**
 * Why a run failed, in a few plain words for the activity log (never a code): the message key per
 * error code. Pure, so tests can name the words a failure is logged with.
 */
import type { ErrorCode } from './errors';
import type { MessageKey } from './i18n';

/** Codes without their own words are logged as "an error" (outWhyOther), with the run's message in the popup. */
export const FAILURE_KEYS: Partial<Record<ErrorCode, MessageKey>> = {
  'not-logged-in': 'outWhyNotLoggedIn',
  'label-missing': 'outWhyLayout',
  'unexpected-page': 'outWhyLayout',
  'unexpected-value': 'outWhyLayout',
  'unparseable-date': 'outWhyDate',
  timeout: 'outWhySlow',
  'admin-slow': 'outWhySlow',
  'admin-unreachable': 'outWhySlow',
  'load-failed': 'outWhyLoad',
  'tab-closed': 'outWhyTabClosed',
  'already-resent': 'outWhyAlreadyResent',
  'not-resendable': 'outWhyRefused',
  busy: 'outWhyRefused',
  'already-set': 'outWhyRefused',
  'send-unconfirmed': 'outWhyUnconfirmed',
  'password-unknown': 'outWhyPasswordUnknown',
  validation: 'outWhyNotSaved',
  'wrong-page': 'outWhyWrongPage',
  'no-host-access': 'outWhyNoAccess',
};

export function failureKey(code: string | undefined): MessageKey {
  return (code !== undefined && Object.hasOwn(FAILURE_KEYS, code) ? FAILURE_KEYS[code as ErrorCode] : undefined) ?? 'outWhyOther';
}
