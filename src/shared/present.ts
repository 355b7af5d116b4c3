/**
 * Turns a look-up's data into what the agent reads: the state word, times in the agent's and
 * the admin's zone, the recommended action and the replies. Pure (no DOM, no browser API), shared
 * by the popup and the in-page bar so both always say the same thing.
 */
import { TZDate } from '@date-fns/tz';
// lightFormat: no locale data in the popup's bundle; an ISO-like date reads the same everywhere.
import { lightFormat } from 'date-fns';
import type { Decision } from '../domain/decideAction';
import { formatDuration } from '../domain/formatDuration';
import { DEFAULT_TEMPLATES, renderTemplate, type TemplateId, type Templates } from '../domain/replyTemplates';
import type { ResetState, ResetStatus } from '../domain/resetStatus';
import { judge } from './judge';
import type { LookupData } from './runs';

export const STATE_WORDS: Record<ResetState, string> = {
  valid: 'Valid',
  expired: 'Expired',
  changed: 'Already changed',
  none: 'No reset request',
};

export interface PresentOptions {
  now: number;
  validityHours: number;
  /** The zone the admin prints its dates in. */
  adminTimeZone: string;
  /** The agent's own zone (the browser's). */
  agentTimeZone: string;
}

export interface Presented {
  status: ResetStatus;
  decision: Decision;
  stateWord: string;
  /** The latest request's time in the agent's zone; with the admin's time when the zones differ. */
  requestedAt?: { agent: string; admin?: string };
  age?: string;
  /** "Valid until 2026-11-27 15:04 (5 h 12 m left)" / "expired since … (2 h 3 m ago)" / … */
  validity?: string;
}

export function formatInstant(ms: number, zone: string): string {
  return lightFormat(new TZDate(ms, zone), 'yyyy-MM-dd HH:mm');
}

export function zoneAbbreviation(ms: number, zone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(ms).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

function sameWallClock(ms: number, a: string, b: string): boolean {
  return formatInstant(ms, a) === formatInstant(ms, b);
}

export function present(lookup: LookupData, options: PresentOptions): Presented {
  const { status, decision } = judge(lookup, options, options.now);
  const result: Presented = { status, decision, stateWord: STATE_WORDS[status.state] };
  if (status.state === 'none') return result;

  const at = status.latest.at;
  const agent = `${formatInstant(at, options.agentTimeZone)} (${zoneAbbreviation(at, options.agentTimeZone)})`;
  result.requestedAt = sameWallClock(at, options.agentTimeZone, options.adminTimeZone)
    ? { agent }
    : { agent, admin: `${formatInstant(at, options.adminTimeZone)} admin time (${zoneAbbreviation(at, options.adminTimeZone)})` };
  result.age = `${formatDuration(status.ageMs)} ago`;
  const until = formatInstant(status.validUntil, options.agentTimeZone);
  if (status.state === 'valid') result.validity = `Valid until ${until} (${formatDuration(status.remainingMs)} left)`;
  else if (status.state === 'expired') result.validity = `Expired since ${until} (${formatDuration(status.expiredForMs)} ago)`;
  else result.validity = `Password changed ${formatInstant(status.changedBy.at, options.agentTimeZone)}`;
  return result;
}

export interface ReplyContext {
  lookup?: LookupData;
  email: string;
  shop?: string;
  password?: string;
  validUntil?: number;
  agentTimeZone: string;
  templates?: Partial<Record<TemplateId, string>>;
}

/** A reply ready for the clipboard. Placeholders without a value stay visible, so the agent sees what to fill in. */
export function renderReply(id: TemplateId, context: ReplyContext): string {
  const templates: Templates = { ...DEFAULT_TEMPLATES, ...context.templates };
  const name = context.lookup?.customer.name.trim();
  return renderTemplate(templates[id], {
    email: context.email,
    shop: context.shop ?? context.lookup?.customer.shop ?? '',
    // "Hello {name}" must not stay a raw placeholder when the admin shows no name.
    name: name || 'there',
    ...(context.password ? { password: context.password } : {}),
    ...(context.validUntil !== undefined ? { validUntil: formatInstant(context.validUntil, context.agentTimeZone) } : {}),
  }).text;
}
