/**
 * What should the agent do? Turns a ResetStatus plus the E-mail History into one recommended
 * action, with a reason in plain words that can be read to the customer, alternatives, and
 * agent-facing warnings.
 *
 * - `resend`: the latest request is valid, the password was not changed, and a "New Password"
 *   e-mail exists at or after the request. The e-mail to resend is the latest such e-mail by time
 *   (never by row): resending it sends the same link, valid until 24 h after the ORIGINAL request.
 * - `manual-reset`: the request is valid but there is no such e-mail to resend.
 * - `request-again`: the latest request has expired.
 * - `nothing-to-do`: the password was changed at or after the latest request.
 * - `no-request`: there is no (trusted) request; the customer should request a reset.
 * Manual reset is always offered: as the action or among `alternatives`.
 *
 * Matching e-mails to the request allows a tolerance BEFORE the request instant (default 60 s):
 * the admin prints truncated times, and if the two tables are printed with different precision
 * (seconds in one, minutes in the other: "2026-11-26 15:04"), an e-mail sent 2 s after a request
 * at 15:04:50 shows as 15:04:00, i.e. 50 s "before" it. The price: an e-mail for an earlier request
 * made less than a minute before the latest one also matches; it was sent seconds earlier and is
 * only chosen if no later e-mail exists.
 */
import { sortChronologically } from './chronology';
import { sameEmail } from './email';
import { formatDuration, formatValidity } from './formatDuration';
import type { ResetStatus } from './resetStatus';
import type { HistoryEmail, ResetRequest } from './types';

export const DEFAULT_EMAIL_TOLERANCE_MS = 60 * 1000;
/** Below this much time left, a resend gets a warning that the link expires soon. */
export const SHORT_VALIDITY_WARNING_MS = 3600 * 1000;

export type DecisionKind = 'resend' | 'manual-reset' | 'request-again' | 'nothing-to-do' | 'no-request';
export type AlternativeKind = 'manual-reset' | 'request-again';

export interface Alternative {
  kind: AlternativeKind;
  /** Plain words for the customer. */
  reason: string;
}

interface DecisionCommon {
  /** Plain words an agent can read to the customer. */
  reason: string;
  /** The latest trusted request, if any. */
  request: ResetRequest | null;
  /** When the latest request's link expires(d), if there is a request. */
  validUntil: number | null;
  /**
   * "New Password" e-mails at or after the request (minus the tolerance), oldest first. The first
   * is taken as the original; see resendsSinceRequest.
   */
  emailsSinceRequest: HistoryEmail[];
  /**
   * "New Password" e-mails after the original one, oldest first: the reset e-mail has already
   * been resent this many times since the request. For the agent, and for duplicate-send protection.
   */
  resendsSinceRequest: HistoryEmail[];
  /** Always contains manual-reset unless that is the action itself. */
  alternatives: Alternative[];
  /**
   * For the agent, not the customer: untrusted rows, earlier resends, expiring links, ...
   * Row numbers in these texts are 1-based (row 1 = first data row), unlike the 0-based `row` fields.
   */
  warnings: string[];
}

export type Decision =
  | (DecisionCommon & {
      kind: 'resend';
      /** The e-mail to open and reply to (its `row` for highlighting). */
      email: HistoryEmail;
      request: ResetRequest;
      validUntil: number;
    })
  | (DecisionCommon & {
      kind: Exclude<DecisionKind, 'resend'>;
      email: null;
    });

export interface DecideActionOptions {
  /** How far BEFORE the request a "New Password" e-mail may be dated and still match it. */
  emailToleranceMs?: number;
  /** The customer's address; if given, a resend to a different recipient produces a warning. */
  customerEmail?: string;
}

const MANUAL_RESET: Alternative = {
  kind: 'manual-reset',
  reason:
    'We can also set a new password for you and send it to you; please change it after you log in.',
};

function requestAgainAlternative(validityMs: number): Alternative {
  return {
    kind: 'request-again',
    reason:
      'You can also request a new password reset in the Flux Player or the Web Player; ' +
      `the new link is valid for ${formatValidity(validityMs)}.`,
  };
}

export function decideAction(
  status: ResetStatus,
  emails: readonly HistoryEmail[],
  options: DecideActionOptions = {},
): Decision {
  const toleranceMs = options.emailToleranceMs ?? DEFAULT_EMAIL_TOLERANCE_MS;
  if (!Number.isFinite(toleranceMs) || toleranceMs < 0) {
    throw new RangeError(`decideAction: emailToleranceMs must be zero or positive, got ${toleranceMs}`);
  }
  const { now, validityMs } = status;
  const warnings: string[] = [...untrustedRowWarnings(status)];

  const newPassword = emails.filter((e) => e.kind === 'new-password');
  const undatedEmails = newPassword.filter((e) => !Number.isFinite(e.at));
  const futureEmails = newPassword.filter((e) => e.at > now + status.futureToleranceMs);
  const usable = sortChronologically(
    newPassword.filter((e) => Number.isFinite(e.at) && e.at <= now + status.futureToleranceMs),
  );
  if (futureEmails.length > 0) {
    warnings.push(
      `${count(futureEmails.length, '"New Password" e-mail')} dated in the future ` +
        `(${rowList(futureEmails)}) ignored; the admin's clock or time zone may be off.`,
    );
  }
  if (undatedEmails.length > 0) {
    warnings.push(
      `${count(undatedEmails.length, '"New Password" e-mail')} with an unreadable date ` +
        `(${rowList(undatedEmails)}) ignored.`,
    );
  }

  if (status.state === 'none') {
    return {
      kind: 'no-request',
      email: null,
      reason:
        'We cannot find a password reset request for your account. Please request a password ' +
        'reset in the Flux Player or the Web Player; the e-mail usually arrives within seconds. ' +
        'Please also check your junk or spam folder.',
      request: null,
      validUntil: null,
      emailsSinceRequest: [],
      resendsSinceRequest: [],
      alternatives: [MANUAL_RESET],
      warnings,
    };
  }

  const request = status.latest;
  const emailsSinceRequest = usable.filter((e) => e.at >= request.at - toleranceMs);
  const resendsSinceRequest = emailsSinceRequest.slice(1);
  const lastResend = resendsSinceRequest[resendsSinceRequest.length - 1];
  if (lastResend) {
    warnings.push(
      `The reset e-mail has already been sent again ${times(resendsSinceRequest.length)} since the ` +
        `request, the last time ${formatDuration(now - lastResend.at)} ago (row ${lastResend.row + 1}). ` +
        'Ask the customer to check the junk folder before sending it once more.',
    );
  }
  const common = {
    request,
    validUntil: status.validUntil,
    emailsSinceRequest,
    resendsSinceRequest,
  };
  const requestedAgo = formatDuration(status.ageMs);

  switch (status.state) {
    case 'changed': {
      const byAgent = status.changedBy.origin === 'admin';
      const changedAgo = formatDuration(Math.max(0, now - status.changedBy.at));
      return {
        ...common,
        kind: 'nothing-to-do',
        email: null,
        reason: byAgent
          ? `Our support team set a new password for your account ${changedAgo} ago, after your ` +
            'last reset request, so the reset link is no longer needed. Please log in with that password.'
          : `Your password was changed successfully ${changedAgo} ago, after your last reset ` +
            'request. Please log in with your new password.',
        alternatives: [MANUAL_RESET],
        warnings,
      };
    }
    case 'expired':
      return {
        ...common,
        kind: 'request-again',
        email: null,
        reason:
          `Your last password reset request was ${requestedAgo} ago, and reset links are valid ` +
          `for ${formatValidity(validityMs)}, so that link has expired. Please request a new ` +
          'password reset in the Flux Player or the Web Player; the e-mail usually arrives within ' +
          'seconds. Please also check your junk or spam folder.',
        alternatives: [MANUAL_RESET],
        warnings,
      };
    case 'valid': {
      const email = emailsSinceRequest[emailsSinceRequest.length - 1];
      const timeLeft = formatDuration(status.remainingMs);
      if (!email) {
        const older = usable[usable.length - 1];
        if (older) {
          warnings.push(
            `The latest "New Password" e-mail (row ${older.row + 1}) is older than the request; ` +
              'it belongs to an earlier request and must not be resent.',
          );
        }
        return {
          ...common,
          kind: 'manual-reset',
          email: null,
          reason:
            `Your password reset request from ${requestedAgo} ago is still valid, but we cannot ` +
            'find the reset e-mail that belongs to it, so we cannot send it to you again. ' +
            'We will set a new password for you instead; please change it after you log in.',
          alternatives: [requestAgainAlternative(validityMs)],
          warnings,
        };
      }
      if (status.remainingMs < SHORT_VALIDITY_WARNING_MS) {
        warnings.push(
          `The link expires in ${timeLeft}. If the customer cannot use it right away, ` +
            'set a new password instead.',
        );
      }
      if (options.customerEmail !== undefined && !sameEmail(email.recipient, options.customerEmail)) {
        warnings.push(
          `The "New Password" e-mail was sent to ${email.recipient}, not to the customer's ` +
            `address ${options.customerEmail}. Check the address before resending.`,
        );
      }
      return {
        ...common,
        kind: 'resend',
        email,
        request,
        validUntil: status.validUntil,
        reason:
          `Your password reset request from ${requestedAgo} ago is still valid for ${timeLeft}, ` +
          'and your password has not been changed yet. We are sending you the same reset e-mail ' +
          `again; its link works until ${formatValidity(validityMs)} after your original request. ` +
          'Please also check your junk or spam folder.',
        alternatives: [MANUAL_RESET],
        warnings,
      };
    }
  }
}

function untrustedRowWarnings(status: ResetStatus): string[] {
  const out: string[] = [];
  if (status.skewed.length > 0) {
    const changes = status.skewed.some((r) => r.changed);
    out.push(
      `${count(status.skewed.length, 'Password History row')} dated in the future ` +
        `(${rowList(status.skewed)}) ignored; the admin's clock or time zone may be off.` +
        (changes
          ? status.skewed.length === 1
            ? ' It says the password was changed.'
            : ' One of them says the password was changed.'
          : '') +
        ' Check the dates before acting.',
    );
  }
  if (status.undated.length > 0) {
    out.push(
      `${count(status.undated.length, 'Password History row')} with an unreadable date ` +
        `(${rowList(status.undated)}) ignored. Check them before acting.`,
    );
  }
  return out;
}

function count(n: number, noun: string): string {
  return n === 1 ? `1 ${noun}` : `${n} ${noun}s`;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** Row numbers for humans: 1 = first data row (`row` is 0-based). */
function rowList(rows: ReadonlyArray<{ row: number }>): string {
  const numbers = rows.map((r) => r.row + 1).join(', ');
  return rows.length === 1 ? `row ${numbers}` : `rows ${numbers}`;
}
