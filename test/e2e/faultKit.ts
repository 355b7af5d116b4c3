/**
 * Helpers for the fault matrix (faults.test.ts) and the security checks: drive the three flows
 * through the popup with a fault armed right before the action click, watch the popup's current
 * step, and read what the extension kept (runs, activity log, every storage area).
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { World } from './setup';
import { resultSays } from './popupHelpers';

/** The popup's English step labels (public/_locales/en/messages.json), by step id. */
export const STEP_LABEL = {
  'open-admin': 'Open the admin',
  'open-incoming': 'Open the request list',
  search: 'Search the e-mail',
  'open-user': 'Open the user',
  'load-history': 'Load the histories',
  'open-email': 'Open the reset e-mail',
  reply: 'Prepare the reply',
  send: 'Send it',
  'open-customers': 'Open the customer list',
  'search-customer': 'Search the customer',
  'open-customer': 'Open the customer',
  'fill-password': 'Fill in a new password',
  save: 'Save the change',
} as const;
export type StepId = keyof typeof STEP_LABEL;

export type Flow = 'lookup' | 'resend' | 'set-password';

/** Waits until the popup shows `step` as the current one (aria-current="step"); says what it showed instead. */
export async function whenStep(popup: Page, step: StepId, timeout = 30_000): Promise<void> {
  const exact = new RegExp(`^\\s*${STEP_LABEL[step]}`);
  await popup
    .locator('[aria-current="step"] .step-label', { hasText: exact })
    .first()
    .waitFor({ timeout })
    .catch(async (error: Error) => {
      const newest = (await runs(popup).catch(() => [])).slice(0, 2).map((r) => ({ kind: r.kind, status: r.status, error: r.error?.code, steps: r.steps.map((s) => `${s.id}:${s.state}`).join(' ') }));
      const text = await popup.locator('body').innerText().catch(() => '?');
      throw new Error(`${error.message}\nthe popup shows: ${JSON.stringify(text.slice(0, 600))}\nnewest runs: ${JSON.stringify(newest)}`);
    });
}

export interface Ending {
  /** The run's end in storage.session. */
  status: string;
  code?: string;
  /** What the popup's status region said at the end. */
  text: string;
  kind: 'result' | 'error' | 'silent';
  /** The remedy buttons offered. */
  retry: boolean;
  login: boolean;
  /** The password the popup showed (set-password only). */
  password?: string;
  /** Steps the popup still marks as current after the run ended (should be none). */
  stillCurrent: number;
}

/**
 * Waits until the newest run for `email` started at or after `since` has ended (storage.session),
 * then reads what the popup shows: an error, or a result (card, notice, password). A run that ended
 * with nothing shown is "silent" (the matrix counts those; there must be none).
 */
export async function ending(popup: Page, email: string, since: number, timeout = 60_000): Promise<Ending> {
  let run: Awaited<ReturnType<typeof runs>>[number] | undefined;
  let all: Awaited<ReturnType<typeof runs>> = [];
  const status = resultRegion(popup);
  await expect
    .poll(
      async () => {
        all = await runs(popup);
        run = all.filter((r) => r.email === email && r.startedAt >= since).sort((a, b) => b.startedAt - a.startedAt)[0];
        return run?.status ?? 'not started';
      },
      { timeout, interval: 150, message: `the run's end (popup: ${await status.innerText().catch(() => '?')})` },
    )
    .toMatch(/^(done|failed|choose-shop)$/)
    .catch(async (error: Error) => {
      const text = await status.innerText().catch(() => '?');
      const newest = all.filter((r) => r.email === email).slice(-3).map((r) => ({ kind: r.kind, status: r.status, startedAt: r.startedAt, steps: r.steps.map((s) => `${s.id}:${s.state}`).join(' ') }));
      throw new Error(`${error.message}\nsince ${since}; popup says: ${JSON.stringify(text)}; runs: ${JSON.stringify(newest)}`);
    });
  const shown = async () => {
    if ((await status.locator('.error').count()) > 0) return 'error';
    if ((await popup.locator('[aria-current="step"]').count()) > 0) return 'running';
    if (run!.kind === 'set-password' && run!.status === 'done') return (await popup.locator('code.password').count()) > 0 ? 'result' : 'none';
    if (run!.kind === 'resend' && run!.status === 'done') return (await status.locator('.notice').count()) > 0 ? 'result' : 'none';
    return (await status.locator('.state-word, .notice').count()) > 0 ? 'result' : 'none';
  };
  let kind = 'none';
  for (let i = 0; i < 30 && (kind === 'none' || kind === 'running'); i++) {
    kind = await shown();
    if (kind === 'none' || kind === 'running') await popup.waitForTimeout(100);
  }
  const password = (await popup.locator('code.password').count()) > 0 ? await popup.locator('code.password').innerText() : undefined;
  return {
    status: run!.status,
    ...(run!.error ? { code: run!.error.code } : {}),
    text: await status.innerText(),
    kind: kind === 'error' || kind === 'result' ? kind : 'silent',
    retry: (await popup.getByRole('button', { name: 'Retry' }).count()) > 0,
    login: (await popup.getByRole('button', { name: 'Open the admin login' }).count()) > 0,
    ...(password !== undefined ? { password } : {}),
    stillCurrent: await popup.locator('[aria-current="step"]').count(),
  };
}

/** The popup's result region (role=status). */
export function resultRegion(popup: Page) {
  return popup.locator('div.result[role="status"]');
}

/**
 * Opens a popup on the admin tab and waits until it has settled (it prefills the customer of the
 * tab or the latest run and shows that run, asynchronously): an agent's first keystroke comes later.
 */
export async function openSettledPopup(world: World): Promise<Page> {
  const popup = await world.ext.openPopup(world.adminTabId);
  await popup.waitForFunction(() => {
    const input = document.getElementById('customer-email') as HTMLInputElement | null;
    return !!input && (document.activeElement === input || input.value !== '');
  });
  await popup.waitForTimeout(100);
  return popup;
}

/** storage.local `activity`, newest first (read from an extension page: survives worker restarts). */
export async function activity(page: Page): Promise<{ at: number; action: string; email: string; shop: string; outcome: string }[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return ((await api.storage.local.get('activity')).activity ?? []) as { at: number; action: string; email: string; shop: string; outcome: string }[];
  });
}

/** storage.session `runs`. */
export async function runs(page: Page): Promise<{ id: string; kind: string; email: string; status: string; startedAt: number; steps: { id: string; state: string; startedAt?: number; endedAt?: number }[]; error?: { code: string; message: string } }[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return ((await api.storage.session.get('runs')).runs ?? []) as never;
  });
}

/**
 * Every storage area the extension or the pages have, as one text: chrome.storage local, sync and
 * session (through an extension page), plus localStorage and sessionStorage of the given pages.
 */
export async function everyStorage(extPage: Page, pages: Page[]): Promise<string> {
  const ext = await extPage.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync' | 'session', { get(k: null): Promise<unknown> }> } }).chrome;
    return JSON.stringify({
      local: await api.storage.local.get(null),
      sync: await api.storage.sync.get(null),
      session: await api.storage.session.get(null),
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
    });
  });
  const web = await Promise.all(
    pages.filter((p) => !p.isClosed()).map((p) => p.evaluate(() => JSON.stringify({ l: { ...localStorage }, s: { ...sessionStorage } })).catch(() => '')),
  );
  return [ext, ...web].join('\n');
}

/** The newest activity entry for this e-mail and action written after `since` (polls: it is written after the run ends). */
export async function activityEntry(page: Page, email: string, action: Flow, since: number): Promise<{ outcome: string; count: number }> {
  let found: { outcome: string; count: number } | undefined;
  await expect
    .poll(
      async () => {
        const mine = (await activity(page)).filter((a) => a.email === email && a.action === action && a.at >= since);
        found = mine[0] ? { outcome: mine[0].outcome, count: mine.length } : undefined;
        return mine.length;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  return found!;
}

/** The admin tab after the one the world started with was closed: the extension opened a new one. */
export async function adoptAdminTab(world: World): Promise<void> {
  const page = world.ext.context.pages().find((p) => !p.isClosed() && p.url().startsWith(world.sim.url));
  if (!page) throw new Error('no admin tab is open');
  world.admin = page;
  world.adminTabId = await world.ext.tabIdOf(page);
}

/** Makes sure an admin tab exists and shows the dashboard (every case starts from the same place). */
export async function freshAdminTab(world: World): Promise<void> {
  if (world.admin.isClosed()) {
    // With its last tab gone the browser may end the session and drop the session cookie: log in again.
    await logInAgain(world);
    world.admin = await world.ext.context.newPage();
    await world.admin.goto(`${world.sim.url}/`);
    world.adminTabId = await world.ext.tabIdOf(world.admin);
  } else {
    await world.admin.goto(`${world.sim.url}/`);
  }
}

/** A new session cookie (after sim.expireSessions()), as the agent logging in again. */
export async function logInAgain(world: World): Promise<void> {
  const cookie = world.sim.login().split('=');
  await world.ext.context.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: world.sim.url }]);
}

/**
 * Opens a popup on the admin tab and looks the customer up (no fault armed yet); resolves once the
 * card shows. The resend and set-password flows start from this card, as an agent's do.
 */
export async function cardFor(world: World, email: string, word: string | RegExp): Promise<Page> {
  const popup = await openSettledPopup(world);
  await popup.getByLabel('Customer e-mail').fill(email);
  await popup.getByRole('button', { name: 'Look up' }).click();
  await resultSays(popup, word);
  await expect.poll(() => popup.locator('[aria-current="step"]').count()).toBe(0);
  return popup;
}

/** Clicks "Set new password" then "Confirm" (the confirmation the popup asks for). */
export async function confirmSetPassword(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Set new password' }).click();
  await popup.getByRole('button', { name: 'Confirm' }).click();
}
