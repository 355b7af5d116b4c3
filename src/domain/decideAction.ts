/**
 * What should the agent do? Turns a ResetStatus plus the E-mail History into one recommended
 * action, with a reason that can be read to the customer, alternatives, and agent-facing
 * warnings, all as codes with their facts (the words are made in src/shared/present.ts).
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
import type { ResetStatus } from './resetStatus';
import type { HistoryEmail, ResetRequest } from './types';

export const DEFAULT_EMAIL_TOLERANCE_MS = 60 * 1000;
/** Below this much time left, a resend gets a warning that the link expires soon. */
export const SHORT_VALIDITY_WARNING_MS = 3600 * 1000;

export type DecisionKind = 'resend' | 'manual-reset' | 'request-again' | 'nothing-to-do' | 'no-request';
export type AlternativeKind = 'manual-reset' | 'request-again';

/**
 * Why this action, as a code with its facts: the words (for the customer, in the agent's language)
 * are made from it outside the domain (src/shared/present.ts), which keeps the rules free of any
 * language and of browser APIs.
 */
export type Reason =
  | { code: 'no-request' }
  | { code: 'changed'; by: 'customer' | 'agent'; agoMs: number }
  | { code: 'expired'; ageMs: number; validityMs: number }
  | { code: 'valid-no-email'; ageMs: number }
  | { code: 'resend'; ageMs: number; remainingMs: number; validityMs: number }
  /** Valid by the assumed zone, but so close to the edge that it may already be expired. */
  | { code: 'valid-zone-uncertain'; ageMs: number }
  /** A history date lies in the future: the admin's zone is wrong, no time-critical action. */
  | { code: 'zone-wrong' };
export type ReasonCode = Reason['code'];

export interface Alternative {
  kind: AlternativeKind;
  /** The validity window, for "the new link is valid for 24 hours". */
  validityMs: number;
}

/**
 * For the agent, not the customer. `rows` are 1-based (row 1 = first data row), unlike the 0-based
 * `row` fields, because they are shown as they are.
 */
export type Warning =
  | { code: 'future-rows'; rows: number[]; saysChanged: boolean }
  | { code: 'undated-rows'; rows: number[] }
  | { code: 'future-emails'; rows: number[] }
  | { code: 'undated-emails'; rows: number[] }
  | { code: 'resent-before'; times: number; agoMs: number; row: number }
  | { code: 'email-older-than-request'; row: number }
  | { code: 'expires-soon'; remainingMs: number }
  | { code: 'other-recipient'; recipient: string; customerEmail: string }
  /** The admin's zone is only assumed and the request is within the zone difference of its edge. */
  | { code: 'zone-assumed-edge'; uncertaintyMs: number }
  /** A history row is dated in the future: the admin's time zone (setting) is wrong. */
  | { code: 'zone-wrong' };
export type WarningCode = Warning['code'];

interface DecisionCommon {
  /** Why, for the customer; see Reason. */
  reason: Reason;
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
  /** Untrusted rows, earlier resends, expiring links, ... */
  warnings: Warning[];
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
  /** The time uncertainty the status was judged with (see ResetStatusOptions), for the warning. */
  timeUncertaintyMs?: number;
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
  const warnings: Warning[] = [...untrustedRowWarnings(status)];
  // A date in the future means the times are read in the wrong zone (or the admin's clock is off):
  // then every age and "time left" is wrong too, and nothing time-critical may be offered.
  const zoneWrong = status.skewed.length > 0 || emails.some((e) => e.kind === 'new-password' && e.at > status.now + status.futureToleranceMs);
  if (zoneWrong) warnings.unshift({ code: 'zone-wrong' });
  const manualReset: Alternative = { kind: 'manual-reset', validityMs };

  const newPassword = emails.filter((e) => e.kind === 'new-password');
  const undatedEmails = newPassword.filter((e) => !Number.isFinite(e.at));
  const futureEmails = newPassword.filter((e) => e.at > now + status.futureToleranceMs);
  const usable = sortChronologically(
    newPassword.filter((e) => Number.isFinite(e.at) && e.at <= now + status.futureToleranceMs),
  );
  if (futureEmails.length > 0) {
    warnings.push({ code: 'future-emails', rows: rowNumbers(futureEmails) });
  }
  if (undatedEmails.length > 0) {
    warnings.push({ code: 'undated-emails', rows: rowNumbers(undatedEmails) });
  }

  if (status.state === 'none') {
    return {
      kind: 'no-request',
      email: null,
      reason: { code: 'no-request' },
      request: null,
      validUntil: null,
      emailsSinceRequest: [],
      resendsSinceRequest: [],
      alternatives: [manualReset],
      warnings,
    };
  }

  const request = status.latest;
  const emailsSinceRequest = usable.filter((e) => e.at >= request.at - toleranceMs);
  const resendsSinceRequest = emailsSinceRequest.slice(1);
  const lastResend = resendsSinceRequest[resendsSinceRequest.length - 1];
  if (lastResend) {
    warnings.push({ code: 'resent-before', times: resendsSinceRequest.length, agoMs: Math.max(0, now - lastResend.at), row: lastResend.row + 1 });
  }
  const common = {
    request,
    validUntil: status.validUntil,
    emailsSinceRequest,
    resendsSinceRequest,
  };

  switch (status.state) {
    case 'changed': {
      const byAgent = status.changedBy.origin === 'admin';
      const agoMs = Math.max(0, now - status.changedBy.at);
      return {
        ...common,
        kind: 'nothing-to-do',
        email: null,
        reason: { code: 'changed', by: byAgent ? 'agent' : 'customer', agoMs },
        alternatives: [manualReset],
        warnings,
      };
    }
    case 'expired':
      return {
        ...common,
        kind: 'request-again',
        email: null,
        reason: { code: 'expired', ageMs: status.ageMs, validityMs },
        alternatives: [manualReset],
        warnings,
      };
    case 'valid': {
      const email = emailsSinceRequest[emailsSinceRequest.length - 1];
      if (!email) {
        const older = usable[usable.length - 1];
        if (older) {
          warnings.push({ code: 'email-older-than-request', row: older.row + 1 });
        }
        return {
          ...common,
          kind: 'manual-reset',
          email: null,
          reason: { code: 'valid-no-email', ageMs: status.ageMs },
          alternatives: [{ kind: 'request-again', validityMs }],
          warnings,
        };
      }
      if (zoneWrong || status.uncertain) {
        if (status.uncertain && !zoneWrong) warnings.push({ code: 'zone-assumed-edge', uncertaintyMs: options.timeUncertaintyMs ?? 0 });
        return {
          ...common,
          kind: 'manual-reset',
          email: null,
          reason: zoneWrong ? { code: 'zone-wrong' } : { code: 'valid-zone-uncertain', ageMs: status.ageMs },
          alternatives: [{ kind: 'request-again', validityMs }],
          warnings,
        };
      }
      if (status.remainingMs < SHORT_VALIDITY_WARNING_MS) {
        warnings.push({ code: 'expires-soon', remainingMs: status.remainingMs });
      }
      if (options.customerEmail !== undefined && !sameEmail(email.recipient, options.customerEmail)) {
        warnings.push({ code: 'other-recipient', recipient: email.recipient, customerEmail: options.customerEmail });
      }
      return {
        ...common,
        kind: 'resend',
        email,
        request,
        validUntil: status.validUntil,
        reason: { code: 'resend', ageMs: status.ageMs, remainingMs: status.remainingMs, validityMs },
        alternatives: [manualReset],
        warnings,
      };
    }
  }
}

function untrustedRowWarnings(status: ResetStatus): Warning[] {
  const out: Warning[] = [];
  if (status.skewed.length > 0) {
    out.push({ code: 'future-rows', rows: rowNumbers(status.skewed), saysChanged: status.skewed.some((r) => r.changed) });
  }
  if (status.undated.length > 0) out.push({ code: 'undated-rows', rows: rowNumbers(status.undated) });
  return out;
}

/** Row numbers for humans: 1 = first data row (`row` is 0-based). */
function rowNumbers(rows: ReadonlyArray<{ row: number }>): number[] {
  return rows.map((r) => r.row + 1);
}
