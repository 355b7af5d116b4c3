/**
 * The fault matrix's machinery, shared by its files (faults*.test.ts, two at a time in parallel):
 * every fault × the look-up, resend and set-password flows through the popup and the in-page
 * paths, each with its expected outcome asserted: the outbox (never a duplicate send, never a send
 * after a failure that said it failed), the password changes, nobody else's data, the activity log
 * entry and the message the agent saw. A fault is armed right before the action click (after the
 * look-up that shows the card, as an agent works), or injected once the popup shows a given step.
 *
 * `npm test` runs the whole matrix; RESET_DESK_FAULTS=core runs one case per fault. Each file ends
 * with its counters and leaves them for the run's summary (test/summaryReporter.ts), which prints
 * them together, each with what it covers.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';

import type { Page, Request } from 'playwright-core';
import { LABELS, PEOPLE, type LostAnswer, type SimConfig } from '../admin-sim/server';
import {
  activityEntry, adoptAdminTab, openSettledPopup, cardFor, confirmSetPassword, ending, freshAdminTab, huntPasswords, logInAgain, runs, watchPasswords, whenStep,
  type Ending, type Flow, type RunRecord, type StepId, type Watcher,
} from './faultKit';
import { startWorld, type World } from './setup';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAULT_TALLY_DIR, faultMatrixLines, type FaultTally } from '../summaryReporter';
import { PARAMS } from '../admin-sim/variants';
import EN from '../../public/_locales/en/messages.json';
import { failureKey } from '../../src/shared/failureKeys';

/** The activity log's words for a run that failed with `code` (English build: src/shared/failureKeys.ts). */
export function loggedFailure(code: string): RegExp {
  const words = EN.outFailed.message.replace('$1', EN[failureKey(code)].message);
  return new RegExp(`^${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}


// The whole matrix by default (npm test); RESET_DESK_FAULTS=core for the quick subset while working.
export const FULL = process.env.RESET_DESK_FAULTS !== 'core';

/**
 * The longest time after a run has ended in which something of ours may still act on its own: a page
 * that shows a run asks the worker again every runWatch.ASK_EVERY_MS (5 s; a woken worker resumes
 * its unfinished runs), plus a margin. Duplicate sends are counted again after it, before the next
 * case resets the simulator (a late second send would otherwise be lost with the outbox).
 */
export const LATE_WINDOW_MS = 5_000 + 1_500;

export const tally = {
  run: 0,
  passed: 0,
  duplicateSends: 0,
  silentFailures: 0,
  passwordsFound: 0,
  passwordsSearched: 0,
  failed: [] as string[],
  knownBugs: [] as string[],
  finds: [] as string[],
};

/** The file's counters, at its end (call once at the top level of each matrix file). */
export function matrixSummary(file: string): void {
  afterAll(() => summarize(file));
}

function summarize(file: string): void {
  // The run's summary (test/summaryReporter.ts) prints the counters of every matrix file together.
  const mine: FaultTally = { file, full: FULL, lateWindowMs: LATE_WINDOW_MS, ...tally };
  mkdirSync(FAULT_TALLY_DIR, { recursive: true });
  writeFileSync(join(FAULT_TALLY_DIR, `${mine.file}.json`), JSON.stringify(mine));
  // And straight to the terminal: the lines are the matrix's result, not a test's log.
  process.stdout.write(`\n${faultMatrixLines([mine]).join('\n')}${tally.finds.length ? `\n  passwords found: ${tally.finds.join(' | ')}` : ''}\n`);
  expect(tally.duplicateSends, 'duplicate sends').toBe(0);
  expect(tally.silentFailures, 'silent failures').toBe(0);
  expect(tally.passwordsFound, 'passwords found').toBe(0);
}

/** When the case began, and when verify() last saw a run end (the late recount's window starts there). */
let caseStart = 0;
let lastEnd = 0;

/** The case being played: a known bug's verdict misses are collected instead of failing it. */
let current: { name: string; bug?: string; misses: string[] } | null = null;

/**
 * One verdict check (the run's end, its code, message, remedy, activity entry). In a plain case a
 * wrong end fails at once and a wrong word softly (the case goes on to its recovery); in a known-bug
 * case it is noted, and the case fails only if no verdict check misses any more (the bug is fixed:
 * make it a plain case). Hard checks (sends, password changes, other customers, silent failures,
 * stored passwords) are plain `expect`s and fail every case, known bug or not.
 */
export function verdict(ok: boolean, what: string, stops = false): void {
  if (ok) return;
  if (current?.bug) current.misses.push(what);
  else if (stops) expect.fail(what);
  else expect.soft(ok, what).toBe(true);
}

/**
 * One matrix case: counted in the summary; `core` cases also run with RESET_DESK_FAULTS=core. `bug`
 * names a known extension bug: the case plays as any other and its hard checks must hold; only
 * its verdict flips (see verdict()).
 */
export function matrixCase(name: string, core: boolean, body: () => Promise<void>, bug?: string): void {
  const title = bug ? `${name} [known bug: ${bug}]` : name;
  (FULL || core ? it : it.skip)(title, async ({ task, onTestFinished }) => {
    tally.run++;
    caseStart = Date.now();
    current = { name, ...(bug ? { bug } : {}), misses: [] };
    const mine = current;
    // Soft assertions fail a test without throwing: count from the test's final state.
    onTestFinished(() => {
      const ok = task.result?.state === 'pass';
      if (!ok) tally.failed.push(name);
      else if (bug) tally.knownBugs.push(`${name}: ${bug} (${mine.misses.join('; ')})`);
      else tally.passed++;
    });
    await body();
    if (bug && mine.misses.length === 0) expect.fail(`known bug "${bug}" no longer shows: every verdict check passed; make "${name}" a plain case`);
  });
}

/**
 * The end of every case, before the next one resets the simulator: duplicate sends counted again
 * after LATE_WINDOW_MS (cases that can send), and every password the case met (posted to the admin,
 * or shown) searched for everywhere.
 */
export async function caseEnd(world: World, watcher: Watcher, canSend: boolean): Promise<void> {
  if (canSend) {
    // From the last run's end seen by verify() (the whole window if this case did not get there).
    const from = lastEnd >= caseStart ? lastEnd : Date.now();
    await new Promise((r) => setTimeout(r, Math.max(0, from + LATE_WINDOW_MS - Date.now())));
    const tokens = world.sim.outbox().map((m) => m.token);
    const dup = tokens.length - new Set(tokens).size;
    tally.duplicateSends += dup;
    expect(dup, `duplicate sends ${LATE_WINDOW_MS / 1000} s after the end`).toBe(0);
  }
  // The admin origin's storage is read from a settled page: a tab still waiting for an answer that
  // never comes (afterEffect 'hang') would hold the evaluation up. Any page of the origin will do.
  if (!world.admin.isClosed()) {
    // A password filled in but never posted (a run that stopped before Save) counts too.
    const filled = await Promise.race([
      world.admin.evaluate(() => Array.from(document.querySelectorAll<HTMLInputElement>('input[type=password]')).map((i) => i.value)).catch(() => [] as string[]),
      // A tab held up by an answer that never comes shows the page before Save: its value was posted (seen).
      new Promise<string[]>((r) => setTimeout(() => r([]), 5_000)),
    ]);
    for (const p of filled) watcher.add(p);
    await world.admin.goto(`${world.sim.url}/`, { timeout: 15_000 });
  }
  const passwords = watcher.take();
  tally.passwordsSearched += passwords.length;
  const finds = await huntPasswords(world, passwords);
  tally.passwordsFound += finds.length;
  tally.finds.push(...finds.map((f) => `${current?.name}: ${f}`));
  expect(finds, 'passwords kept anywhere').toEqual([]);
}

/**
 * Extension bugs the matrix found, fixed since (d0034f6, f3a6d39); their cases are plain cases now:
 * an HTTP 500 page reported as a layout change; "could not be sent" without Retry; a tab closed
 * during a content-script step reported as "did not answer"; a resumed set-password run leaving
 * "Save" running next to its error. Known today (issue 13), passed as matrixCase's `bug`:
 */
/** Known bugs, by a short name: a case names one as its last argument while the product gets it wrong. None today. */
export const BUG: Record<string, string> = {};

export const CUSTOMER: Record<Flow, string> = { lookup: PEOPLE.valid2h, resend: PEOPLE.valid2h, 'set-password': PEOPLE.expired3d };

export interface Expected {
  end: 'done' | 'failed';
  /** What the agent must see in the popup's status region. */
  message: RegExp | string;
  /** The run's error code (failed runs). */
  code?: string;
  remedy?: 'retry' | 'login';
  sends: number;
  changes: number;
  /** The activity log entry's outcome. */
  activity: RegExp;
}

export interface Played {
  popup: Page;
  end: Ending;
  since: number;
}

/**
 * Plays one flow through the popup: look-up (card) first for resend / set-password, then `arm`
 * (the fault), the action click, then `during` (the mid-flow fault; it may return a new popup,
 * e.g. after the worker was stopped), then waits for the run's end.
 */
export async function play(
  world: World,
  flow: Flow,
  arm: () => void | Promise<void> = () => undefined,
  during: (popup: Page) => Promise<Page | void> = async () => undefined,
): Promise<Played> {
  const email = CUSTOMER[flow];
  let popup: Page;
  if (flow === 'lookup') {
    popup = await openSettledPopup(world);
    await popup.getByLabel('Customer e-mail').fill(email);
  } else {
    popup = await cardFor(world, email, flow === 'resend' ? 'Valid' : 'Expired');
    // A resend right after a look-up on the same page decides on that reading (by design, for two
    // minutes): the agent has moved on in the admin tab meanwhile, so the resend reads the admin again
    // and meets the fault.
    if (flow === 'resend') await world.admin.goto(`${world.sim.url}/`);
  }
  await arm();
  const since = Date.now();
  if (flow === 'lookup') await popup.getByRole('button', { name: 'Look up' }).click();
  else if (flow === 'resend') await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
  else await confirmSetPassword(popup);
  popup = (await during(popup)) ?? popup;
  return { popup, since, end: await ending(popup, email, since) };
}

/** The assertions every case makes, and the summary's silent-failure counter. */
export async function verify(world: World, flow: Flow, played: Played, expected: Expected, email = CUSTOMER[flow]): Promise<void> {
  const { popup, end, since } = played;
  lastEnd = Date.now();
  if (end.kind === 'silent') tally.silentFailures++;
  // A failure that said it failed must stay a failure: nothing may be sent or saved a moment later.
  if (end.status === 'failed') await popup.waitForTimeout(1000);
  const outbox = world.sim.outbox();
  const changes = world.sim.passwordChanges();

  // Hard: the agent saw this run's own outcome; what was sent and saved; nobody else touched.
  expect(end.kind, `the agent saw: ${end.text}`).not.toBe('silent');
  expect(outbox, 'e-mails sent').toHaveLength(expected.sends);
  for (const m of outbox) {
    expect(m.customerEmail, 'an e-mail to another customer').toBe(email);
    expect(m.token).toBe(world.sim.people().find((p) => p.email === email)!.latestToken);
  }
  expect(changes, 'password changes').toHaveLength(expected.changes);
  for (const c of changes) expect(c.email, "another customer's password").toBe(email);

  // The verdict: the end, the words, the remedy, the activity entry.
  verdict(end.status === expected.end, `the run ended ${end.status}, expected ${expected.end}; the agent saw: ${end.text}`, true);
  if (expected.code) verdict(end.code === expected.code, `error code ${end.code}, expected ${expected.code}; the agent saw: ${end.text}`);
  verdict(typeof expected.message === 'string' ? end.text.includes(expected.message) : expected.message.test(end.text), `the agent saw ${JSON.stringify(end.text)}, expected ${expected.message}`);
  if (expected.remedy === 'retry') verdict(end.retry, `a Retry button; the agent saw: ${end.text}`);
  if (expected.remedy === 'login') verdict(end.login, `an "Open the admin login" button; the agent saw: ${end.text}`);
  verdict(end.stillCurrent === 0, 'no step is shown as current once the run has ended');
  if (flow === 'set-password' && expected.end === 'done' && end.status === 'done') {
    expect(end.password, 'the new password is shown once').toBeTruthy();
    expect(world.sim.checkPassword(email, end.password!), 'the password shown works').toBe(true);
  }
  if (flow === 'set-password' && end.status === 'done' && end.password && !world.sim.checkPassword(email, end.password)) {
    verdict(false, 'a password that does not work was shown as set');
  }
  const entry = await activityEntry(popup, email, flow, since);
  verdict(expected.activity.test(entry.outcome), `the activity log entry ${JSON.stringify(entry.outcome)}, expected ${expected.activity}`);
  expect(entry.count, 'one activity entry per run').toBe(1);
}

export const OK: Record<Flow, Expected> = {
  lookup: { end: 'done', message: 'Valid', sends: 0, changes: 0, activity: /^Valid$/ },
  resend: { end: 'done', message: /E-mail has been sent|E-Mail wurde gesendet|reset e-mail was sent/, sends: 1, changes: 0, activity: /^reset e-mail resent$/ },
  'set-password': { end: 'done', message: /Changes saved|Änderungen gespeichert/, sends: 0, changes: 1, activity: /^new password set$/ },
};

export const FLOWS: Flow[] = ['lookup', 'resend', 'set-password'];

/** Retry (or, where the popup offers none, the agent's way round: the action again); then the run's end. */
export async function retry(popup: Page, flow: Flow): Promise<Played> {
  const since = Date.now();
  const button = popup.getByRole('button', { name: 'Retry' });
  if ((await button.count()) > 0) await button.click();
  else if (flow === 'lookup') await popup.getByRole('button', { name: 'Look up' }).click();
  else if (flow === 'resend') await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
  else await confirmSetPassword(popup);
  return { popup, since, end: await ending(popup, CUSTOMER[flow], since) };
}

/** "Send it anyway": the agent's own choice after being told a resend of ours is not in the E-mail History. */
export async function sendAnyway(popup: Page): Promise<Played> {
  const since = Date.now();
  await popup.getByRole('button', { name: 'Send it anyway' }).click();
  return { popup, since, end: await ending(popup, CUSTOMER.resend, since) };
}

/** The simulator's Save refusal banner (English). */
export const SAVE_REFUSED = LABELS.en.saveRefused;

/**
 * The agent resends once more after a resend that ended: the admin tab elsewhere, a fresh look-up
 * (the card), then Resend (as an agent who was not sure it went out).
 */
export async function resendAgain(world: World): Promise<Played> {
  await world.admin.goto(`${world.sim.url}/`);
  const popup = await cardFor(world, CUSTOMER.resend, 'Valid');
  await world.admin.goto(`${world.sim.url}/`);
  const since = Date.now();
  await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
  return { popup, since, end: await ending(popup, CUSTOMER.resend, since) };
}

/** Pages for mid-flow faults are slowed down so the step is still running when the fault lands. */
export const SLOW = 500;

/** The ways an answer is lost after the admin carried out a Send or Save, as the case names say them. */
export const LOST: Record<LostAnswer, string> = { http500: 'HTTP 500', drop: 'the connection cut', hang: 'no answer until our timeout' };

/** Where a mid-flow fault lands, per flow (steps that wait on the admin). */
export const MID_STEP: Record<'session' | 'tab' | 'worker', Record<Flow, StepId>> = {
  // Look-up: while the result list loads (the next page, whichever, then meets the login page).
  session: { lookup: 'search', resend: 'send', 'set-password': 'open-customer' },
  tab: { lookup: 'search', resend: 'open-email', 'set-password': 'search-customer' },
  worker: { lookup: 'open-user', resend: 'send', 'set-password': 'open-customer' },
};

export const CLEAN: Partial<SimConfig> = {
  pageLatencyMs: 0, loadDataFailure: 'never', failPages: [], renamed: {}, brokenDates: false,
  afterEffect: [], historyListsSent: 'at-once', refuseSave: 'never', adminWordingInData: false,
};

export async function closeExtensionPages(world: World): Promise<void> {
  for (const p of world.ext.context.pages()) if (p !== world.admin && !p.isClosed() && p.url().startsWith('chrome-extension://')) await p.close();
}

/**
 * One world for a describe block: the simulator and Chromium, the password and request watcher, a
 * clean simulator and a logged-in admin tab on the dashboard before each case, the end-of-case
 * counters after it. `canSend(caseName)`: cases whose late sends are recounted.
 */
export function matrixWorld(config: Partial<SimConfig>, canSend: (name: string) => boolean, clean: Partial<SimConfig> = CLEAN): { world: () => World; watcher: () => Watcher } {
  let world: World;
  let watcher: Watcher;
  beforeAll(async () => {
    world = await startWorld(config);
    watcher = watchPasswords(world);
  });
  afterAll(async () => world?.close());
  beforeEach(async () => {
    world.sim.setConfig(clean);
    world.sim.reset();
    await world.forgetRuns();
    await freshAdminTab(world);
    watcher.resetPosts();
  });
  afterEach(async ({ task }) => {
    try {
      await caseEnd(world, watcher, canSend(task.name));
    } finally {
      await closeExtensionPages(world);
    }
  });
  return { world: () => world, watcher: () => watcher };
}
