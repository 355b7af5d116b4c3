/**
 * Is the customer's password-reset link still usable?
 *
 * Rules (from the vendor's guide, shared/admin-model.md):
 * - A reset link is valid for 24 hours from the request, measured in real elapsed time (epoch
 *   milliseconds), so DST changes do not matter. Valid iff age < validity: a request exactly
 *   24 h 00 m 00 s old is expired.
 * - Rows are ordered by time, never by the admin's row order (see chronology.ts).
 * - Rows with origin `admin` are NOT requests: they are manual password changes by an agent. They
 *   never count as "the latest request", but an admin row with "Password changed: Yes" at or after
 *   the latest request means the password was changed after it (state `changed`). An admin row with
 *   "No" is neither a request nor a change; it is only reported.
 *   Consequence: an admin change BEFORE a newer request does not matter; the newer request stands.
 * - A change counts for a request when it is at or after the request's instant ("at" includes the
 *   same instant: the admin prints truncated times, so a change in the same second/minute is taken
 *   as following the request).
 * - Rows dated further in the future than a small tolerance (clock skew, or a wrongly applied time
 *   zone) are not trusted for anything: they are listed in `skewed` and ignored. Rows with an
 *   unreadable instant (not a finite number) are listed in `undated` and ignored. Callers should
 *   show both to the agent (decideAction turns them into warnings).
 */
import { sortChronologically } from './chronology';
import type { ResetRequest } from './types';

export const HOUR_MS = 3600 * 1000;
/** A reset link is valid for 24 hours from the request. */
export const DEFAULT_VALIDITY_MS = 24 * HOUR_MS;
/** How far in the future a row may be dated before it is treated as clock skew. */
export const DEFAULT_FUTURE_TOLERANCE_MS = 2 * 60 * 1000;

export type ResetState = 'valid' | 'expired' | 'changed' | 'none';

/** A verdict for one Password History row, e.g. for a badge next to it. */
export type RowVerdict =
  /** The request's link is still usable for `remainingMs` (until `validUntil`). */
  | { kind: 'valid'; request: ResetRequest; validUntil: number; remainingMs: number }
  /** The request's link expired `expiredForMs` ago (at `validUntil`). */
  | { kind: 'expired'; request: ResetRequest; validUntil: number; expiredForMs: number }
  /** The password was changed at or after this request; `changedBy` may be the request itself. */
  | { kind: 'changed'; request: ResetRequest; changedBy: ResetRequest }
  /** A later request exists; this one is not the one that matters. */
  | { kind: 'superseded'; request: ResetRequest; supersededBy: ResetRequest }
  /** Origin `admin` with "Password changed: Yes": an agent set the password manually. */
  | { kind: 'manual-change'; request: ResetRequest }
  /** Origin `admin` with "Password changed: No": neither a request nor a change. */
  | { kind: 'admin-no-change'; request: ResetRequest }
  /** Dated `aheadMs` in the future (beyond the tolerance): not trusted. */
  | { kind: 'future'; request: ResetRequest; aheadMs: number }
  /** The instant could not be read (not a finite number): not trusted. */
  | { kind: 'undated'; request: ResetRequest };

export type RowVerdictKind = RowVerdict['kind'];

interface ResetStatusCommon {
  now: number;
  validityMs: number;
  futureToleranceMs: number;
  /** Trusted reset requests (origin other than `admin`), oldest first. */
  requests: ResetRequest[];
  /** Rows dated beyond now + futureToleranceMs, oldest first; ignored by every rule. */
  skewed: ResetRequest[];
  /** Rows whose instant is not a finite number; ignored by every rule. */
  undated: ResetRequest[];
  /** One verdict per input row: trusted rows oldest first, then skewed, then undated rows. */
  rows: RowVerdict[];
}

export type ResetStatus =
  | (ResetStatusCommon & {
      state: 'none';
      latest: null;
      ageMs: null;
      validUntil: null;
    })
  | (ResetStatusCommon & {
      state: 'valid';
      latest: ResetRequest;
      /** now - latest.at, never negative (a request up to the tolerance ahead counts as age 0). */
      ageMs: number;
      validUntil: number;
      remainingMs: number;
      /**
       * The time left is within the time uncertainty (an assumed admin zone): the link may already
       * have expired, so it must not be treated as valid for anything time-critical.
       */
      uncertain: boolean;
    })
  | (ResetStatusCommon & {
      state: 'expired';
      latest: ResetRequest;
      ageMs: number;
      validUntil: number;
      expiredForMs: number;
    })
  | (ResetStatusCommon & {
      state: 'changed';
      latest: ResetRequest;
      ageMs: number;
      validUntil: number;
      /** The row proving the change: the latest request itself, or a later row (often `admin`). */
      changedBy: ResetRequest;
    });

export interface ResetStatusOptions {
  /** Default DEFAULT_FUTURE_TOLERANCE_MS (2 minutes). */
  futureToleranceMs?: number;
  /**
   * How far the instants may be off because the admin's time zone is only assumed (0 when it is
   * known): the most the assumed zone's offset can differ from a zone the admin may really print.
   * A valid request within this much of its edge may in truth be expired: see `uncertain`.
   */
  timeUncertaintyMs?: number;
}

export function resetStatus(
  requests: readonly ResetRequest[],
  now: number,
  validityMs: number = DEFAULT_VALIDITY_MS,
  options: ResetStatusOptions = {},
): ResetStatus {
  const futureToleranceMs = options.futureToleranceMs ?? DEFAULT_FUTURE_TOLERANCE_MS;
  const uncertaintyMs = options.timeUncertaintyMs ?? 0;
  if (!Number.isFinite(uncertaintyMs) || uncertaintyMs < 0) {
    throw new RangeError(`resetStatus: timeUncertaintyMs must be zero or positive, got ${uncertaintyMs}`);
  }
  if (!Number.isFinite(now)) throw new RangeError(`resetStatus: now is not a finite instant: ${now}`);
  if (!Number.isFinite(validityMs) || validityMs <= 0) {
    throw new RangeError(`resetStatus: validityMs must be a positive number, got ${validityMs}`);
  }
  if (!Number.isFinite(futureToleranceMs) || futureToleranceMs < 0) {
    throw new RangeError(
      `resetStatus: futureToleranceMs must be zero or positive, got ${futureToleranceMs}`,
    );
  }

  const undated = requests.filter((r) => !Number.isFinite(r.at));
  const dated = sortChronologically(requests.filter((r) => Number.isFinite(r.at)));
  const skewed = dated.filter((r) => r.at > now + futureToleranceMs);
  const trusted = dated.filter((r) => r.at <= now + futureToleranceMs);
  const trustedRequests = trusted.filter((r) => r.origin !== 'admin');

  const verdictFor = (r: ResetRequest, index: number): RowVerdict => {
    if (r.origin === 'admin') {
      return r.changed ? { kind: 'manual-change', request: r } : { kind: 'admin-no-change', request: r };
    }
    if (r.changed) return { kind: 'changed', request: r, changedBy: r };
    const supersededBy = trustedRequests[trustedRequests.indexOf(r) + 1];
    if (supersededBy) return { kind: 'superseded', request: r, supersededBy };
    const changedBy = findChangeAtOrAfter(trusted, r, index);
    if (changedBy) return { kind: 'changed', request: r, changedBy };
    const validUntil = r.at + validityMs;
    const age = now - r.at;
    if (age < validityMs) return { kind: 'valid', request: r, validUntil, remainingMs: validUntil - now };
    return { kind: 'expired', request: r, validUntil, expiredForMs: now - validUntil };
  };

  const trustedVerdicts = trusted.map(verdictFor);
  const rows: RowVerdict[] = [
    ...trustedVerdicts,
    ...skewed.map((r): RowVerdict => ({ kind: 'future', request: r, aheadMs: r.at - now })),
    ...undated.map((r): RowVerdict => ({ kind: 'undated', request: r })),
  ];
  const common: ResetStatusCommon = {
    now,
    validityMs,
    futureToleranceMs,
    requests: trustedRequests,
    skewed,
    undated,
    rows,
  };

  const latest = trustedRequests[trustedRequests.length - 1];
  if (!latest) return { ...common, state: 'none', latest: null, ageMs: null, validUntil: null };

  const verdict = trustedVerdicts[trusted.indexOf(latest)];
  const ageMs = Math.max(0, now - latest.at);
  const validUntil = latest.at + validityMs;
  switch (verdict?.kind) {
    case 'changed':
      return { ...common, state: 'changed', latest, ageMs, validUntil, changedBy: verdict.changedBy };
    case 'valid':
      return { ...common, state: 'valid', latest, ageMs, validUntil, remainingMs: verdict.remainingMs, uncertain: verdict.remainingMs <= uncertaintyMs };
    case 'expired':
      return { ...common, state: 'expired', latest, ageMs, validUntil, expiredForMs: verdict.expiredForMs };
    default:
      // The latest request cannot be superseded and is not an admin row.
      throw new Error(`resetStatus: unexpected verdict for the latest request: ${verdict?.kind}`);
  }
}

/**
 * The earliest trusted row other than `request` with "Password changed: Yes" at or after the
 * request's instant (same instant included, whichever side of it the tie-break sorted the row).
 */
function findChangeAtOrAfter(
  trustedOldestFirst: readonly ResetRequest[],
  request: ResetRequest,
  requestIndex: number,
): ResetRequest | undefined {
  // Rows before requestIndex with the same instant also count ("at or after").
  let start = requestIndex;
  while (start > 0 && trustedOldestFirst[start - 1]!.at === request.at) start--;
  for (let i = start; i < trustedOldestFirst.length; i++) {
    const row = trustedOldestFirst[i]!;
    if (row !== request && row.changed) return row;
  }
  return undefined;
}
