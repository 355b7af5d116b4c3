/**
 * The local record of what the agent did: time, action, customer e-mail, shop, outcome. Never a
 * password (entries are built from fixed fields, not from free text that could carry one).
 */
import browser from 'webextension-polyfill';
import { t, type MessageKey } from './i18n';
import type { ActionKind } from './protocol';
import { failureKey } from './failureKeys';

export const ACTIVITY_KEY = 'activity';
export const ACTIVITY_MAX = 1000;

export interface ActivityEntry {
  at: number;
  action: ActionKind;
  email: string;
  shop: string;
  /** Plain words in the agent's language, e.g. "Valid", "reset e-mail resent", "not done: not logged in to the admin". */
  outcome: string;
}

const ACTION_KEYS: Record<ActionKind, MessageKey> = { lookup: 'actLookup', resend: 'actResend', 'set-password': 'actSetPassword' };

/** The action in the agent's words, for the log's lists (the entry keeps the code, for the CSV). */
export const actionWords = (action: ActionKind): string => (action in ACTION_KEYS ? t(ACTION_KEYS[action]) : action);


/** Why a run failed, in a few plain words for the log (never a code). */
export const failureWords = (code: string | undefined): string => t(failureKey(code));

/**
 * Entries written before the outcomes were words (up to e9729f4) hold English codes such as
 * "failed: label-missing": shown in words as well. Anything else is already words and stays.
 */
const LEGACY_OUTCOMES: Readonly<Record<string, MessageKey>> = {
  'several shops': 'outSeveralShops',
  'not found': 'outNotFound',
  interrupted: 'outInterrupted',
  'reset e-mail resent': 'outResent',
  'new password set': 'outPasswordSet',
  done: 'outDone',
  Valid: 'stateValid',
  Expired: 'stateExpired',
  'Already changed': 'stateChanged',
  'No reset request': 'stateNone',
};

/** An entry's outcome as the agent reads it, in the agent's language, also for old entries with codes. */
export function outcomeWords(outcome: string): string {
  const failed = /^failed: (.+)$/.exec(outcome);
  if (failed) return t('outFailed', [failureWords(failed[1] === 'unknown' ? undefined : failed[1])]);
  const key = Object.hasOwn(LEGACY_OUTCOMES, outcome) ? LEGACY_OUTCOMES[outcome] : undefined;
  return key ? t(key) : outcome;
}

let queue: Promise<unknown> = Promise.resolve();

export async function readActivity(): Promise<ActivityEntry[]> {
  const stored = await browser.storage.local.get(ACTIVITY_KEY);
  const entries = stored[ACTIVITY_KEY];
  return Array.isArray(entries) ? (entries as ActivityEntry[]) : [];
}

export function recordActivity(entry: ActivityEntry): Promise<void> {
  const clean: ActivityEntry = { at: entry.at, action: entry.action, email: entry.email, shop: entry.shop, outcome: entry.outcome };
  const next = queue.then(async () => {
    const entries = await readActivity();
    await browser.storage.local.set({ [ACTIVITY_KEY]: [clean, ...entries].slice(0, ACTIVITY_MAX) });
  });
  queue = next.catch(() => undefined);
  return next;
}

export async function clearActivity(): Promise<void> {
  await browser.storage.local.remove(ACTIVITY_KEY);
}
