/**
 * The one verdict on a customer's reset request, for every caller: the popup's card, the in-page
 * bar and badges, the list pills, the resend's decision and the activity log. Pure: the settings'
 * validity window is applied here and only here, so a 48 h setting cannot read "Valid" in the
 * popup and "Expired" in the log.
 */
import { decideAction, type Decision } from '../domain/decideAction';
import { HOUR_MS, resetStatus, type ResetStatus } from '../domain/resetStatus';
import type { HistoryEmail, ResetRequest } from '../domain/types';
import type { Settings } from './settings';

/** What a verdict needs: the Password History rows, and the E-mail History where it was read. */
export interface JudgeInput {
  requests: readonly ResetRequest[];
  emails?: readonly HistoryEmail[];
  customer?: { email: string };
}

export interface Verdict {
  status: ResetStatus;
  decision: Decision;
}

export function validityMs(settings: Pick<Settings, 'validityHours'>): number {
  return settings.validityHours * HOUR_MS;
}

export function judge(lookup: JudgeInput, settings: Pick<Settings, 'validityHours'>, now: number): Verdict {
  const status = resetStatus([...lookup.requests], now, validityMs(settings));
  const decision = decideAction(status, lookup.emails ?? [], lookup.customer ? { customerEmail: lookup.customer.email } : {});
  return { status, decision };
}
