/**
 * Turns a look-up's data into what the agent reads: the state word, times in the agent's and
 * the admin's zone, the recommended action and the replies. No DOM; its words come from the locale
 * files (browser.i18n), so the domain's codes read the same in the popup and the in-page bar, in
 * the browser's language.
 */
import { TZDate } from '@date-fns/tz';
// lightFormat: no locale data in the popup's bundle; an ISO-like date reads the same everywhere.
import { lightFormat } from 'date-fns';
import type { Alternative, Decision, Reason, Warning } from '../domain/decideAction';
import { roundDuration, type RoundedDuration } from '../domain/formatDuration';
import { DEFAULT_TEMPLATES_BY_LANG, NO_NAME, renderTemplate, templateKey, type ReplyLang, type TemplateId } from '../domain/replyTemplates';
import type { ResetState, ResetStatus } from '../domain/resetStatus';
import { judge } from './judge';
import { t, type MessageKey } from './i18n';
import type { LookupData, RunView } from './runs';

const STATE_KEYS: Record<ResetState, MessageKey> = {
  valid: 'stateValid',
  expired: 'stateExpired',
  changed: 'stateChanged',
  none: 'stateNone',
};

export const stateWord = (state: ResetState): string => t(STATE_KEYS[state]);

const HOUR = 3_600_000;
const UNIT_KEYS: Record<Exclude<RoundedDuration['unit'], 'under-minute'>, MessageKey> = {
  minute: 'unitMinute',
  hour: 'unitHour',
  day: 'unitDay',
};

/**
 * A duration in the agent's language, rounded as the domain's roundDuration says: time left
 * counted down ("22 h"), time since rounded ("about 2 h"), under a minute "less than 1 min", never
 * negative. The one way every agent-visible duration is worded (card, in-page bar, badges, pills).
 */
export function duration(ms: number, direction: 'left' | 'ago'): string {
  const rounded = roundDuration(ms, direction);
  const words = rounded.unit === 'under-minute' ? t('unitUnderMinute') : t(UNIT_KEYS[rounded.unit], [rounded.count]);
  return rounded.about ? t('aboutDuration', [words]) : words;
}

/** The validity window for customers: "24 hours" (whole hours), else in minutes (a setting is exact, never rounded to hours). */
export function validityWords(ms: number): string {
  return ms > 0 && ms % HOUR === 0 ? (ms === HOUR ? t('oneHour') : t('nHours', [ms / HOUR]))  : t('unitMinute', [Math.round(ms / 60_000)]);
}

/** Plain words for the customer, in the agent's language, for a decision's reason. */
export function reasonText(reason: Reason): string {
  switch (reason.code) {
    case 'no-request':
      return t('reasonNoRequest');
    case 'changed':
      return reason.by === 'agent' ? t('reasonChangedByAgent', [duration(reason.agoMs, 'ago')]) : t('reasonChanged', [duration(reason.agoMs, 'ago')]);
    case 'expired':
      return t('reasonExpired', [duration(reason.ageMs, 'ago'), validityWords(reason.validityMs)]);
    case 'valid-no-email':
      return t('reasonValidNoEmail', [duration(reason.ageMs, 'ago')]);
    case 'resend':
      return t('reasonResend', [duration(reason.ageMs, 'ago'), duration(reason.remainingMs, 'left'), validityWords(reason.validityMs)]);
    case 'valid-zone-uncertain':
      return t('reasonZoneUncertain', [duration(reason.ageMs, 'ago')]);
    case 'zone-wrong':
      return t('reasonZoneWrong');
  }
}

export function alternativeText(alternative: Alternative): string {
  return alternative.kind === 'manual-reset' ? t('altManualReset') : t('altRequestAgain', [validityWords(alternative.validityMs)]);
}

const rowWords = (rows: readonly number[]): string => (rows.length === 1 ? t('rowOne', [rows[0]!]) : t('rowsMany', [rows.join(', ')]));

/** A warning for the agent, in the agent's language. */
export function warningText(warning: Warning): string {
  switch (warning.code) {
    case 'future-rows':
      return `${t('warnFutureRows', [warning.rows.length, rowWords(warning.rows)])}${warning.saysChanged ? ` ${t('warnFutureRowsChanged')}` : ''}`;
    case 'undated-rows':
      return t('warnUndatedRows', [warning.rows.length, rowWords(warning.rows)]);
    case 'future-emails':
      return t('warnFutureEmails', [warning.rows.length, rowWords(warning.rows)]);
    case 'undated-emails':
      return t('warnUndatedEmails', [warning.rows.length, rowWords(warning.rows)]);
    case 'resent-before':
      return t(warning.times === 1 ? 'warnResentOnce' : 'warnResentTimes', [warning.times, duration(warning.agoMs, 'ago'), warning.row]);
    case 'email-older-than-request':
      return t('warnEmailOlder', [warning.row]);
    case 'expires-soon':
      return t('warnExpiresSoon', [duration(warning.remainingMs, 'left')]);
    case 'other-recipient':
      return t('warnOtherRecipient', [warning.recipient, warning.customerEmail]);
    case 'zone-assumed-edge':
      return t('warnZoneAssumedEdge', [duration(warning.uncertaintyMs, 'left')]);
    case 'zone-wrong':
      return t('warnZoneWrong');
  }
}

export interface PresentOptions {
  now: number;
  validityHours: number;
  /** The zone the admin prints its dates in (set in the options, or assumed). */
  adminTimeZone: string;
  /** False while the admin's zone is only assumed (not set in the options): times are marked so. */
  adminZoneKnown?: boolean;
  /** The agent's own zone (the browser's). */
  agentTimeZone: string;
}

export interface Presented {
  status: ResetStatus;
  decision: Decision;
  stateWord: string;
  /** The decision's reason in words for the customer. */
  reason: string;
  warnings: string[];
  /** The latest request's time in the agent's zone; with the admin's time when the zones differ. */
  requestedAt?: { agent: string; admin?: string };
  age?: string;
  /** "Valid until 2026-11-27 15:04 (CET) (5 h 12 m left)" / "expired since … (2 h 3 m ago)" / … */
  validity?: string;
  /** The admin's zone is not set: times are read in an assumed zone. */
  zoneAssumed?: boolean;
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
  const zoneKnown = options.adminZoneKnown ?? true;
  const { status, decision } = judge(lookup, { validityHours: options.validityHours, adminTimeZone: zoneKnown ? options.adminTimeZone : '' }, options.now);
  const result: Presented = { status, decision, stateWord: stateWord(status.state), reason: reasonText(decision.reason), warnings: decision.warnings.map(warningText) };
  if (status.state === 'none') return result;

  const at = status.latest.at;
  // Every time carries its zone; while the admin's zone is only assumed, the times say so.
  const zoned = (ms: number, zone: string) => `${formatInstant(ms, zone)} (${zoneKnown ? zoneAbbreviation(ms, zone) : t('zoneAssumed', [zoneAbbreviation(ms, zone)])})`;
  const agent = zoned(at, options.agentTimeZone);
  result.requestedAt = sameWallClock(at, options.agentTimeZone, options.adminTimeZone)
    ? { agent }
    : { agent, admin: t('adminTime', [formatInstant(at, options.adminTimeZone), zoneAbbreviation(at, options.adminTimeZone)]) };
  result.age = t('ago', [duration(status.ageMs, 'ago')]);
  const until = zoned(status.validUntil, options.agentTimeZone);
  if (status.state === 'valid') result.validity = t('validUntil', [until, duration(status.remainingMs, 'left')]);
  else if (status.state === 'expired') result.validity = t('expiredSince', [until, duration(status.expiredForMs, 'ago')]);
  else result.validity = t('changedAt', [zoned(status.changedBy.at, options.agentTimeZone)]);
  result.zoneAssumed = !zoneKnown;
  return result;
}

export interface ReplyContext {
  lookup?: LookupData;
  email: string;
  shop?: string;
  password?: string;
  validUntil?: number;
  agentTimeZone: string;
  /** Edited templates by templateKey (the settings' `templates`). */
  templates?: Readonly<Record<string, string>>;
  /** The customer's language (see replyLanguage); default English. */
  lang?: ReplyLang;
  /** The zone the reply gives times in (the admin's, i.e. the shop's, as the customer's best guess); default the agent's. */
  replyTimeZone?: string;
}

/** A time as a customer reads it, in the reply's language, with its zone: "3 Dec, 01:14 CET" / "3. Dez., 01:14 MEZ". */
export function customerTime(ms: number, zone: string, lang: ReplyLang): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone, timeZoneName: 'short' }).format(ms);
}

/** A reply ready for the clipboard. Placeholders without a value stay visible, so the agent sees what to fill in. */
export function renderReply(id: TemplateId, context: ReplyContext): string {
  const lang = context.lang ?? 'en';
  const template = context.templates?.[templateKey(lang, id)] ?? DEFAULT_TEMPLATES_BY_LANG[lang][id];
  const name = context.lookup?.customer.name.trim();
  return renderTemplate(template, {
    email: context.email,
    shop: context.shop ?? context.lookup?.customer.shop ?? '',
    // "Hello {name}" must not stay a raw placeholder when the admin shows no name.
    name: name || NO_NAME[lang],
    ...(context.password ? { password: context.password } : {}),
    ...(context.validUntil !== undefined ? { validUntil: customerTime(context.validUntil, context.replyTimeZone ?? context.agentTimeZone, lang) } : {}),
  }).text;
}

/** The one next step the card leads with: its words, its button, and the replies that fit the state. */
export interface NextStep {
  action: 'resend' | 'set-password' | 'copy-reply';
  /** "Do: …" */
  text: string;
  /** The main reply (the copy button that is the primary one when action is copy-reply). */
  reply?: TemplateId;
  /** The replies that fit the state, the main one first; never "please request again" for a valid request. */
  replies: TemplateId[];
}

export function nextStep(decision: Decision, status: ResetStatus, setPasswordBelowMs: number): NextStep {
  switch (decision.kind) {
    case 'resend':
      if (status.state === 'valid' && status.remainingMs < setPasswordBelowMs) {
        return { action: 'set-password', text: t('doSetPasswordSoon', [duration(status.remainingMs, 'left')]), replies: ['forward-copy'] };
      }
      return { action: 'resend', text: t('doResend'), reply: 'resend-done', replies: ['resend-done', 'forward-copy'] };
    case 'manual-reset':
      return { action: 'set-password', text: decision.reason.code === 'zone-wrong' ? t('doSetPasswordZone') : t('doSetPassword'), replies: ['forward-copy'] };
    case 'request-again':
      return { action: 'copy-reply', text: t('doRequestAgain'), reply: 'request-again', replies: ['request-again', 'forward-copy'] };
    case 'nothing-to-do':
      return { action: 'copy-reply', text: t('doNothing'), reply: 'already-changed', replies: ['already-changed'] };
    case 'no-request':
      return { action: 'copy-reply', text: t('doNoRequest'), reply: 'try-again', replies: ['try-again', 'forward-copy'] };
  }
}

/** A clock time in the agent's language with its zone: "02:09 CET" / "02:09 MEZ". */
export function agentClock(ms: number, zone: string): string {
  return new Intl.DateTimeFormat(t('htmlLang') === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone, timeZoneName: 'short' }).format(ms);
}

/** What an action run did, for the line that replaces the action buttons (popup and in-page bar alike). */
export type RunOutcome = { kind: 'resent'; at: number } | { kind: 'already-resent'; at: number } | { kind: 'password-set'; at: number };

export function runOutcome(run: RunView | null | undefined): RunOutcome | null {
  if (!run) return null;
  if (run.kind === 'resend' && run.status === 'done') return { kind: 'resent', at: run.sendAttempt?.at ?? run.endedAt ?? run.startedAt };
  // A second resend refused: the first one is the news, not an error.
  if (run.kind === 'resend' && run.status === 'failed' && run.error?.code === 'already-resent' && run.error.resentAt !== undefined) return { kind: 'already-resent', at: run.error.resentAt };
  if (run.kind === 'set-password' && run.status === 'done') return { kind: 'password-set', at: run.endedAt ?? run.startedAt };
  return null;
}

/** "Resent at 02:09 CET" / "Already resent 1 min ago" / "Changed by you at 02:10 CET". */
export function outcomeLine(outcome: RunOutcome, now: number, agentTimeZone: string): string {
  switch (outcome.kind) {
    case 'resent':
      return t('resentAt', [agentClock(outcome.at, agentTimeZone)]);
    case 'already-resent':
      return t('alreadyResentAgo', [duration(now - outcome.at, 'ago')]);
    case 'password-set':
      return t('changedByYouAt', [agentClock(outcome.at, agentTimeZone)]);
  }
}
