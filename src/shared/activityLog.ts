/**
 * The local record of what the agent did: time, action, customer e-mail, shop, outcome. Never a
 * password (entries are built from fixed fields, not from free text that could carry one).
 */
import browser from 'webextension-polyfill';
import type { ActionKind } from './protocol';

export const ACTIVITY_KEY = 'activity';
export const ACTIVITY_MAX = 1000;

export interface ActivityEntry {
  at: number;
  action: ActionKind;
  email: string;
  shop: string;
  /** e.g. "Valid", "Expired", "sent", "password set", "failed: not-logged-in". */
  outcome: string;
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
