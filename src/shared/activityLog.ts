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
