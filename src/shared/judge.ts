/**
 * The one verdict on a customer's reset request, for every caller: the popup's card, the in-page
 * bar and badges, the list pills, the resend's decision and the activity log. The settings'
 * validity window and the admin's time zone are applied here and only here, so a 48 h setting
 * cannot read "Valid" in the popup and "Expired" in the log, nor an assumed zone offer a resend
 * in one place that another refuses.
 */
import { TZDate } from '@date-fns/tz';
import { decideAction, type Decision } from '../domain/decideAction';
import { HOUR_MS, resetStatus, type ResetStatus } from '../domain/resetStatus';
import type { HistoryEmail, ResetRequest } from '../domain/types';
import { effectiveTimeZone, type Settings } from './settings';

/** What a verdict needs: the Password History rows, and the E-mail History where it was read. */
export interface JudgeInput {
  requests: readonly ResetRequest[];
  emails?: readonly HistoryEmail[];
  customer?: { email: string };
}

export interface Verdict {
  status: ResetStatus;
  decision: Decision;
  /** How far the admin's times may be off because its zone is only assumed (0 when it is set). */
  uncertaintyMs: number;
}

export type JudgeSettings = Pick<Settings, 'validityHours' | 'adminTimeZone'>;

export function validityMs(settings: Pick<Settings, 'validityHours'>): number {
  return settings.validityHours * HOUR_MS;
}

/** Zones the admin may really print in when none is set: FlickRocket's own (Berlin), UTC. */
const PLAUSIBLE_ZONES = ['Europe/Berlin', 'UTC'];

const offsetMs = (at: number, zone: string): number => -new TZDate(at, zone).getTimezoneOffset() * 60_000;

/**
 * How far the instants may be off while the admin's zone is only assumed: the largest offset
 * difference between the assumed zone and a zone the admin may print in, at that instant (0 when
 * the zone is known). Agent in UTC, admin in Berlin: 1 h (2 h in summer).
 */
export function timeUncertaintyMs(at: number, assumedZone: string, zoneKnown: boolean): number {
  if (zoneKnown || !Number.isFinite(at)) return 0;
  const assumed = offsetMs(at, assumedZone);
  return Math.max(0, ...PLAUSIBLE_ZONES.map((z) => Math.abs(offsetMs(at, z) - assumed)));
}

export function judge(lookup: JudgeInput, settings: JudgeSettings, now: number): Verdict {
  // An admin zone the agent has not set is assumed to be the browser's (src/shared/settings.ts).
  const zoneKnown = settings.adminTimeZone !== '';
  const uncertaintyMs = timeUncertaintyMs(now, effectiveTimeZone(settings as Settings), zoneKnown);
  const status = resetStatus([...lookup.requests], now, validityMs(settings), { timeUncertaintyMs: uncertaintyMs });
  const decision = decideAction(status, lookup.emails ?? [], { ...(lookup.customer ? { customerEmail: lookup.customer.email } : {}), timeUncertaintyMs: uncertaintyMs });
  return { status, decision, uncertaintyMs };
}
