/**
 * The fault matrix: every fault × the look-up, resend and set-password flows through the popup,
 * each with its expected outcome asserted: the outbox (never a duplicate send, never a send after a
 * failure that said it failed), the password changes, the activity log entry and the message the
 * agent saw. A fault is armed right before the action click (after the look-up that shows the card,
 * as an agent works), or injected once the popup shows a given step as current.
 *
 * `npm test` runs the core cases (every fault at least once, about a minute); `npm run test:faults`
 * (RESET_DESK_FAULTS=full) runs the whole matrix. The file ends with a summary line:
 *   fault matrix: cases run, passed, duplicate sends, silent failures, passwords found in storage.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LABELS, PEOPLE, type LostAnswer, type SimConfig } from '../admin-sim/server';
import {
  activityEntry, adoptAdminTab, openSettledPopup, cardFor, confirmSetPassword, ending, freshAdminTab, huntPasswords, logInAgain, runs, watchPasswords, whenStep,
  type Ending, type Flow, type RunRecord, type StepId, type Watcher,
} from './faultKit';
import { startWorld, type World } from './setup';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FAULT_TALLY_DIR, faultMatrixLines, type FaultTally } from '../summaryReporter';
import { PARAMS } from '../admin-sim/variants';

// The whole matrix by default (npm test); RESET_DESK_FAULTS=core for the quick subset while working.
const FULL = process.env.RESET_DESK_FAULTS !== 'core';

/**
 * The longest time after a run has ended in which something of ours may still act on its own: a page
 * that shows a run asks the worker again every runWatch.ASK_EVERY_MS (5 s; a woken worker resumes
 * its unfinished runs), plus a margin. Duplicate sends are counted again after it, before the next
 * case resets the simulator (a late second send would otherwise be lost with the outbox).
 */
const LATE_WINDOW_MS = 5_000 + 1_500;

const tally = {
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

afterAll(() => {
  // The run's summary (test/summaryReporter.ts) prints the counters of every matrix file together.
  const mine: FaultTally = { file: basename(new URL(import.meta.url).pathname), full: FULL, lateWindowMs: LATE_WINDOW_MS, ...tally };
  mkdirSync(FAULT_TALLY_DIR, { recursive: true });
  writeFileSync(join(FAULT_TALLY_DIR, `${mine.file}.json`), JSON.stringify(mine));
  // And straight to the terminal: the lines are the matrix's result, not a test's log.
  process.stdout.write(`\n${faultMatrixLines([mine]).join('\n')}${tally.finds.length ? `\n  passwords found: ${tally.finds.join(' | ')}` : ''}\n`);
  expect(tally.duplicateSends, 'duplicate sends').toBe(0);
  expect(tally.silentFailures, 'silent failures').toBe(0);
  expect(tally.passwordsFound, 'passwords found').toBe(0);
});

/** The case being played: a known bug's verdict misses are collected instead of failing it. */
let current: { name: string; bug?: string; misses: string[] } | null = null;

/**
 * One verdict check (the run's end, its code, message, remedy, activity entry). In a plain case a
 * wrong end fails at once and a wrong word softly (the case goes on to its recovery); in a known-bug
 * case it is noted, and the case fails only if no verdict check misses any more (the bug is fixed:
 * make it a plain case). Hard checks (sends, password changes, other customers, silent failures,
 * stored passwords) are plain `expect`s and fail every case, known bug or not.
 */
function verdict(ok: boolean, what: string, stops = false): void {
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
function matrixCase(name: string, core: boolean, body: () => Promise<void>, bug?: string): void {
  const title = bug ? `${name} [known bug: ${bug}]` : name;
  (FULL || core ? it : it.skip)(title, async ({ task, onTestFinished }) => {
    tally.run++;
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
async function caseEnd(world: World, watcher: Watcher, canSend: boolean): Promise<void> {
  if (canSend) {
    await new Promise((r) => setTimeout(r, LATE_WINDOW_MS));
    const tokens = world.sim.outbox().map((m) => m.token);
    const dup = tokens.length - new Set(tokens).size;
    tally.duplicateSends += dup;
    expect(dup, `duplicate sends ${LATE_WINDOW_MS / 1000} s after the end`).toBe(0);
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
const BUG = {
  sendFailedAfterEffect: 'the admin\'s "could not be sent" after a Send it carried out is reported as not sent; the agent is not told it may have gone out',
  lateHistory: 'a resend the E-mail History does not list yet is sent again by the next resend (only the history is consulted, not our own send moments before)',
} as const;

const CUSTOMER: Record<Flow, string> = { lookup: PEOPLE.valid2h, resend: PEOPLE.valid2h, 'set-password': PEOPLE.expired3d };

interface Expected {
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

interface Played {
  popup: Page;
  end: Ending;
  since: number;
}

/**
 * Plays one flow through the popup: look-up (card) first for resend / set-password, then `arm`
 * (the fault), the action click, then `during` (the mid-flow fault; it may return a new popup,
 * e.g. after the worker was stopped), then waits for the run's end.
 */
async function play(
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
async function verify(world: World, flow: Flow, played: Played, expected: Expected, email = CUSTOMER[flow]): Promise<void> {
  const { popup, end, since } = played;
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

const OK: Record<Flow, Expected> = {
  lookup: { end: 'done', message: 'Valid', sends: 0, changes: 0, activity: /^Valid$/ },
  resend: { end: 'done', message: /E-mail has been sent|E-Mail wurde gesendet|reset e-mail was sent/, sends: 1, changes: 0, activity: /^reset e-mail resent$/ },
  'set-password': { end: 'done', message: /Changes saved|Änderungen gespeichert/, sends: 0, changes: 1, activity: /^new password set$/ },
};

const FLOWS: Flow[] = ['lookup', 'resend', 'set-password'];

/** Retry (or, where the popup offers none, the agent's way round: the action again); then the run's end. */
async function retry(popup: Page, flow: Flow): Promise<Played> {
  const since = Date.now();
  const button = popup.getByRole('button', { name: 'Retry' });
  if ((await button.count()) > 0) await button.click();
  else if (flow === 'lookup') await popup.getByRole('button', { name: 'Look up' }).click();
  else if (flow === 'resend') await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
  else await confirmSetPassword(popup);
  return { popup, since, end: await ending(popup, CUSTOMER[flow], since) };
}

/** The simulator's Save refusal banner (English). */
const SAVE_REFUSED = LABELS.en.saveRefused;

/**
 * The agent resends once more after a resend that ended: the admin tab elsewhere, a fresh look-up
 * (the card), then Resend (as an agent who was not sure it went out).
 */
async function resendAgain(world: World): Promise<Played> {
  await world.admin.goto(`${world.sim.url}/`);
  const popup = await cardFor(world, CUSTOMER.resend, 'Valid');
  await world.admin.goto(`${world.sim.url}/`);
  const since = Date.now();
  await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
  return { popup, since, end: await ending(popup, CUSTOMER.resend, since) };
}

/** Pages for mid-flow faults are slowed down so the step is still running when the fault lands. */
const SLOW = 500;

/** Where a mid-flow fault lands, per flow (steps that wait on the admin). */
const MID_STEP: Record<'session' | 'tab' | 'worker', Record<Flow, StepId>> = {
  // Look-up: while the result list loads (the next page, whichever, then meets the login page).
  session: { lookup: 'search', resend: 'send', 'set-password': 'open-customer' },
  tab: { lookup: 'search', resend: 'open-email', 'set-password': 'search-customer' },
  worker: { lookup: 'open-user', resend: 'send', 'set-password': 'open-customer' },
};

const CLEAN: Partial<SimConfig> = {
  pageLatencyMs: 0, loadDataFailure: 'never', failPages: [], renamed: {}, brokenDates: false,
  afterEffect: [], historyListsSent: 'at-once', refuseSave: 'never', adminWordingInData: false,
};

async function closeExtensionPages(world: World): Promise<void> {
  for (const p of world.ext.context.pages()) if (p !== world.admin && !p.isClosed() && p.url().startsWith('chrome-extension://')) await p.close();
}

describe('fault matrix on the classic admin (en, en-US)', () => {
  let world: World;
  let watcher: Watcher;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic' });
    watcher = watchPasswords(world);
  });
  afterAll(async () => world?.close());
  beforeEach(async () => {
    world.sim.setConfig(CLEAN);
    world.sim.reset();
    await freshAdminTab(world);
    watcher.resetPosts();
  });
  afterEach(async ({ task }) => {
    try {
      await caseEnd(world, watcher, !/^(lookup|set-password):/.test(task.name));
    } finally {
      await closeExtensionPages(world);
    }
  });

  describe.each(FLOWS)('%s', (flow) => {
    matrixCase(`${flow}: no fault (baseline)`, false, async () => {
      await verify(world, flow, await play(world, flow), OK[flow]);
    });

    matrixCase(`${flow}: a 5 s latency spike on the admin's pages completes`, flow === 'lookup', async () => {
      const played = await play(
        world,
        flow,
        () => void world.sim.setConfig({ pageLatencyMs: 5000 }),
        async (popup) => {
          // Every admin request in the first 6 s takes 5 s; then the admin is fast again.
          await popup.waitForTimeout(6000);
          world.sim.setConfig({ pageLatencyMs: 0 });
        },
      );
      await verify(world, flow, played, OK[flow]);
      const run = (await runs(played.popup)).find((r) => r.email === CUSTOMER[flow] && r.startedAt >= played.since)!;
      const slowest = Math.max(...run.steps.map((s) => (s.endedAt ?? 0) - (s.startedAt ?? s.endedAt ?? 0)));
      expect(slowest, 'a step met the spike').toBeGreaterThanOrEqual(4500);
    });

    matrixCase(`${flow}: "load data" failing once is retried and completes`, flow === 'resend', async () => {
      await verify(world, flow, await play(world, flow, () => void world.sim.setConfig({ loadDataFailure: 'once' })), OK[flow]);
    });

    matrixCase(`${flow}: "load data" failing always`, flow === 'lookup', async () => {
      const played = await play(world, flow, () => void world.sim.setConfig({ loadDataFailure: 'always' }));
      // Set password reads no history: it is not affected.
      await verify(
        world,
        flow,
        played,
        flow === 'set-password'
          ? OK[flow]
          : { end: 'failed', code: 'load-failed', message: /could not load.*(Password History|E-mail History)/s, remedy: 'retry', sends: 0, changes: 0, activity: /^failed: load-failed$/ },
      );
    });

    matrixCase(`${flow}: HTTP 500 once on the page that acts (reloaded, or a named error and Retry)`, flow === 'resend', async () => {
      // The page each flow depends on: the user page (look-up), Send (resend), Save (set password).
      const kind = ({ lookup: 'user', resend: 'send', 'set-password': 'save' } as const)[flow];
      const played = await play(world, flow, () => void world.sim.setConfig({ failPages: [{ kind, mode: 'once' }] }));
      if (flow === 'lookup') {
        // An error page after following a link is loaded once more (a GET is safe to repeat).
        await verify(world, flow, played, OK[flow]);
        return;
      }
      // After Send or Save (a form) nothing is repeated by itself: a named error and Retry.
      await verify(world, flow, played, {
        end: 'failed',
        message: flow === 'resend' ? /could not be sent/ : /error page/,
        remedy: 'retry',
        sends: 0,
        changes: 0,
        activity: /^failed: /,
      });
      await verify(world, flow, await retry(played.popup, flow), OK[flow]);
    });

    matrixCase(`${flow}: the session expires mid-flow`, flow === 'set-password', async () => {
      const played = await play(
        world,
        flow,
        () => void world.sim.setConfig({ pageLatencyMs: SLOW }),
        async (popup) => {
          await whenStep(popup, MID_STEP.session[flow]);
          world.sim.expireSessions();
        },
      );
      await verify(world, flow, played, { end: 'failed', code: 'not-logged-in', message: /not logged in/, remedy: 'login', sends: 0, changes: 0, activity: /^failed: not-logged-in$/ });
      await logInAgain(world);
    });

    matrixCase(`${flow}: the admin tab is closed mid-flow; Retry opens a new one and completes`, flow === 'lookup', async () => {
      const played = await play(
        world,
        flow,
        () => void world.sim.setConfig({ pageLatencyMs: SLOW }),
        async (popup) => {
          await whenStep(popup, MID_STEP.tab[flow]);
          await world.admin.close();
        },
      );
      await verify(world, flow, played, { end: 'failed', code: 'tab-closed', message: /The admin tab was closed/, remedy: 'retry', sends: 0, changes: 0, activity: /^failed: tab-closed$/ });
      world.sim.setConfig({ pageLatencyMs: 0 });
      const again = await retry(played.popup, flow);
      await adoptAdminTab(world);
      // The new tab is at the configured admin address.
      expect(world.admin.url().startsWith(world.sim.url)).toBe(true);
      await verify(world, flow, again, OK[flow]);
    });

    matrixCase(`${flow}: the worker is stopped mid-flow; the reopened popup shows the run resumed`, flow === 'resend', async () => {
      const played = await play(
        world,
        flow,
        () => void world.sim.setConfig({ pageLatencyMs: SLOW }),
        async (popup) => {
          await whenStep(popup, MID_STEP.worker[flow]);
          await world.ext.stopServiceWorker();
          await popup.close();
          // Reopening the popup wakes the worker, which picks the run up where it stood.
          return world.ext.openPopup(world.adminTabId);
        },
      );
      if (flow === 'resend' && played.end.code === 'send-unconfirmed') {
        // Stopped with Send recorded but not (yet) in the E-mail History: the resumed run does not
        // click it again and says so; Retry reads the history afresh and sends only if it is not there.
        // Whether Send reached the admin is known from the browser's requests, not from the outbox
        // (which is what the case checks).
        const sentBefore = watcher.posts.send;
        expect(sentBefore, 'at most the one Send before the stop').toBeLessThanOrEqual(1);
        await verify(world, flow, played, { end: 'failed', code: 'send-unconfirmed', message: /may or may not have gone out/, remedy: 'retry', sends: sentBefore, changes: 0, activity: /^failed: send-unconfirmed$/ });
        const again = await retry(played.popup, flow);
        if (sentBefore === 1) await verify(world, flow, again, { end: 'failed', code: 'already-resent', message: /already resent/, sends: 1, changes: 0, activity: /^failed: already-resent$/ });
        else await verify(world, flow, again, OK[flow]);
        return;
      }
      await verify(world, flow, played, OK[flow]);
    });

    if (flow === 'set-password') {
      matrixCase('set-password: the worker is stopped while saving: says so, never a silent second change', false, async () => {
        const played = await play(
          world,
          flow,
          () => void world.sim.setConfig({ pageLatencyMs: SLOW }),
          async (popup) => {
            await whenStep(popup, 'save');
            await world.ext.stopServiceWorker();
            await popup.close();
            return world.ext.openPopup(world.adminTabId);
          },
        );
        // The password lived in the stopped worker's memory only: the agent is told to set a new one.
        // Whether Save reached the admin is known from the browser's requests, not from the password
        // changes (which is what the case checks).
        const changes = watcher.posts.save;
        expect(changes, 'at most the one Save before the stop').toBeLessThanOrEqual(1);
        await verify(world, flow, played, { end: 'failed', code: 'password-unknown', message: /restarted while saving/, remedy: 'retry', sends: 0, changes, activity: /^failed: password-unknown$/ });
      });
    }

    matrixCase(`${flow}: a double click acts once`, flow === 'set-password', async () => {
      const email = CUSTOMER[flow];
      const popup = flow === 'lookup' ? await openSettledPopup(world) : await cardFor(world, email, flow === 'resend' ? 'Valid' : 'Expired');
      const since = Date.now();
      if (flow === 'lookup') {
        await popup.getByLabel('Customer e-mail').fill(email);
        await popup.getByRole('button', { name: 'Look up' }).dblclick();
      } else if (flow === 'resend') {
        await popup.getByRole('button', { name: 'Resend reset e-mail' }).dblclick();
      } else {
        await popup.getByRole('button', { name: 'Set new password' }).click();
        // Both clicks must land on Confirm itself (a second click on a button already gone tests
        // nothing): count the clicks the button received.
        await popup.evaluate(() => {
          const w = window as unknown as { confirmClicks: number };
          w.confirmClicks = 0;
          document.addEventListener('click', (e) => {
            if ((e.target as Element).closest('button')?.textContent?.trim() === 'Confirm') w.confirmClicks++;
          }, true);
        });
        await popup.getByRole('button', { name: 'Confirm' }).dblclick();
        expect(await popup.evaluate(() => (window as unknown as { confirmClicks: number }).confirmClicks), 'clicks that reached Confirm').toBe(2);
      }
      await verify(world, flow, { popup, since, end: await ending(popup, email, since) }, OK[flow]);
      expect((await runs(popup)).filter((r) => r.email === email && r.kind === flow && r.startedAt >= since), 'one run').toHaveLength(1);
    });

    matrixCase(`${flow}: two popups at once act once`, false, async () => {
      const email = CUSTOMER[flow];
      const word = flow === 'resend' ? 'Valid' : 'Expired';
      const [a, b] = flow === 'lookup' ? [await openSettledPopup(world), await openSettledPopup(world)] : [await cardFor(world, email, word), await cardFor(world, email, word)];
      const since = Date.now();
      if (flow === 'lookup') {
        await a.getByLabel('Customer e-mail').fill(email);
        await b.getByLabel('Customer e-mail').fill(email);
        await Promise.all([a.getByRole('button', { name: 'Look up' }).click(), b.getByRole('button', { name: 'Look up' }).click()]);
      } else if (flow === 'resend') {
        await Promise.all([a.getByRole('button', { name: 'Resend reset e-mail' }).click(), b.getByRole('button', { name: 'Resend reset e-mail' }).click()]);
      } else {
        await Promise.all([a.getByRole('button', { name: 'Set new password' }).click(), b.getByRole('button', { name: 'Set new password' }).click()]);
        await Promise.all([a.getByRole('button', { name: 'Confirm' }).click(), b.getByRole('button', { name: 'Confirm' }).click()]);
      }
      const [endA, endB] = [await ending(a, email, since), await ending(b, email, since)];
      // Both popups show the one run; the password is shown in (at least) one of them.
      const shown = endA.password ?? endB.password;
      expect(endA.kind, `popup A saw: ${endA.text}`).not.toBe('silent');
      expect(endB.kind, `popup B saw: ${endB.text}`).not.toBe('silent');
      const mine = (await runs(a)).filter((r) => r.email === email && r.kind === flow && r.startedAt >= since);
      if (mine.length === 1) {
        await verify(world, flow, { popup: a, since, end: { ...endA, ...(shown !== undefined ? { password: shown } : {}) } }, OK[flow]);
        expect(endB.status).toBe('done');
      } else {
        // The second click reached the worker after the first run had ended (a loaded machine): it
        // must then refuse by name, never act again. (Set password refuses such a stale
        // confirmation before it makes a run: already-set, see runGuards.test.ts.)
        expect(flow, 'a second set-password run from a confirmation chosen before the first ended').not.toBe('set-password');
        expect(mine).toHaveLength(2);
        if (flow === 'lookup') {
          // Two look-ups one after the other: harmless, both show the card.
          expect(mine.map((r) => r.status)).toEqual(['done', 'done']);
        } else {
          expect(mine.map((r) => r.status).sort()).toEqual(['done', 'failed']);
          expect(mine.find((r) => r.status === 'failed')!.error?.code).toMatch(/^already-resent$/);
        }
        expect(world.sim.outbox()).toHaveLength(OK[flow].sends);
        expect(world.sim.passwordChanges()).toHaveLength(OK[flow].changes);
      }
    });

    matrixCase(`${flow}: a renamed section stops with the label and the page`, flow === 'lookup', async () => {
      // Look-up and resend meet Password History on the user page; set password meets Password on the customer page.
      const renamed = flow === 'set-password' ? { password: 'Kennwort' } : { passwordHistory: 'Kennwortverlauf' };
      const played = await play(world, flow, () => void world.sim.setConfig({ renamed }));
      await verify(world, flow, played, {
        end: 'failed',
        code: 'label-missing',
        message: flow === 'set-password' ? /"Password".*customer page/s : /"Password History".*user page/s,
        sends: 0,
        changes: 0,
        activity: /^failed: label-missing$/,
      });
      expect(played.end.text).toMatch(/layout has changed/);
    });

    matrixCase(`${flow}: an unparseable date`, flow === 'resend', async () => {
      const played = await play(world, flow, () => void world.sim.setConfig({ brokenDates: true }));
      await verify(
        world,
        flow,
        played,
        // Set password reads no dates: not affected.
        flow === 'set-password'
          ? OK[flow]
          : { end: 'failed', code: 'unparseable-date', message: '13/32/2026 25:61:00 PM', sends: 0, changes: 0, activity: /^failed: unparseable-date$/ },
      );
    });
  });

  // Faults after the effect, late histories, page-level refusals, customer data with admin wording:
  // the popup paths. A Send or Save the admin may have carried out is never repeated by itself, the
  // agent is told it may have happened, and nobody else's data changes (verify's hard checks).
  const MAY_HAVE_SENT = /may (or may not )?have (been sent|gone out)/;
  const LOST: Record<LostAnswer, string> = { http500: 'HTTP 500', drop: 'the connection cut', hang: 'no answer until our timeout' };

  for (const mode of ['http500', 'drop', 'hang'] as const) {
    matrixCase(`resend: Send carried out, then ${LOST[mode]}: not repeated, "may have gone out"; Retry finds it in the history`, mode === 'drop', async () => {
      const played = await play(world, 'resend', () => void world.sim.setConfig({ afterEffect: [{ kind: 'send', mode, once: true }] }));
      await verify(world, 'resend', played, { end: 'failed', message: MAY_HAVE_SENT, remedy: 'retry', sends: 1, changes: 0, activity: /^failed: / });
      // Retry reads the E-mail History afresh (it lists the e-mail at once here) and does not send.
      await verify(world, 'resend', await retry(played.popup, 'resend'), { end: 'failed', code: 'already-resent', message: /already resent/, sends: 1, changes: 0, activity: /^failed: already-resent$/ });
    }, mode === 'hang' ? undefined : BUG.sendFailedAfterEffect);
  }

  for (const late of [60, 'never'] as const) {
    const when = late === 'never' ? 'never' : `${late} s late`;
    matrixCase(`resend: the E-mail History lists the resend ${when}: the next resend does not send it again`, late === 60, async () => {
      world.sim.setConfig({ historyListsSent: late });
      const played = await play(world, 'resend');
      await verify(world, 'resend', played, OK.resend);
      await verify(world, 'resend', await resendAgain(world), { end: 'failed', code: 'already-resent', message: /already resent/, sends: 1, changes: 0, activity: /^failed: already-resent$/ });
    }, BUG.lateHistory);
  }

  matrixCase('resend: Send carried out, then HTTP 500, and the history lists it late: Retry does not send it again', false, async () => {
    world.sim.setConfig({ historyListsSent: 60 });
    const played = await play(world, 'resend', () => void world.sim.setConfig({ afterEffect: [{ kind: 'send', mode: 'http500', once: true }] }));
    await verify(world, 'resend', played, { end: 'failed', message: MAY_HAVE_SENT, remedy: 'retry', sends: 1, changes: 0, activity: /^failed: / });
    await verify(world, 'resend', await retry(played.popup, 'resend'), { end: 'failed', message: /already resent|may (or may not )?have/, sends: 1, changes: 0, activity: /^failed: / });
  }, `${BUG.sendFailedAfterEffect}; ${BUG.lateHistory}`);

  for (const mode of ['drop', 'http500', 'hang'] as const) {
    matrixCase(`set-password: Save carried out, then ${LOST[mode]}: not repeated, "may have been changed"`, mode === 'drop', async () => {
      const played = await play(world, 'set-password', () => void world.sim.setConfig({ afterEffect: [{ kind: 'save', mode, once: true }] }));
      await verify(world, 'set-password', played, { end: 'failed', message: /may have been changed/, remedy: 'retry', sends: 0, changes: 1, activity: /^failed: / });
      expect(played.end.password, 'no password is shown for a Save whose answer was lost').toBeUndefined();
      await played.popup.waitForTimeout(LATE_WINDOW_MS);
      expect(world.sim.passwordChanges(), 'Save is not repeated by itself').toHaveLength(1);
    });
  }

  matrixCase('set-password: Save refused by a banner at the top of the page: not saved, the banner\'s words shown', true, async () => {
    const played = await play(world, 'set-password', () => void world.sim.setConfig({ refuseSave: 'once' }));
    await verify(world, 'set-password', played, { end: 'failed', code: 'validation', message: SAVE_REFUSED, sends: 0, changes: 0, activity: /^failed: validation$/ });
    expect(played.end.password, 'no password is shown for a refused Save').toBeUndefined();
  });

  matrixCase('set-password: Save refused by a banner while the customer\'s data reads "Changes saved": not taken as saved', true, async () => {
    world.sim.setConfig({ adminWordingInData: true });
    const played = await play(world, 'set-password', () => void world.sim.setConfig({ refuseSave: 'once' }));
    await verify(world, 'set-password', played, { end: 'failed', code: 'validation', message: SAVE_REFUSED, sends: 0, changes: 0, activity: /^failed: validation$/ });
  });

  for (const flow of FLOWS) {
    matrixCase(`${flow}: customer data that reads "Changes saved" / "E-mail has been sent" changes nothing`, flow === 'set-password', async () => {
      world.sim.setConfig({ adminWordingInData: true });
      await verify(world, flow, await play(world, flow), OK[flow]);
    });
  }
});

describe.each([
  { variant: 'modern', lang: 'de', dateFormat: 'de-DE', core: 'resend' },
  { variant: 'legacy', lang: 'en', dateFormat: 'iso-minute', core: 'set-password' },
  { variant: 'classic', lang: 'de', dateFormat: 'iso-t', core: 'lookup' },
] as const)('every markup variant: $variant ($lang, $dateFormat)', ({ core, ...config }) => {
  let world: World;
  let watcher: Watcher;
  beforeAll(async () => {
    world = await startWorld(config);
    watcher = watchPasswords(world);
  });
  afterAll(async () => world?.close());
  beforeEach(async () => {
    world.sim.reset();
    await freshAdminTab(world);
  });
  afterEach(async ({ task }) => {
    try {
      await caseEnd(world, watcher, / resend /.test(task.name));
    } finally {
      await closeExtensionPages(world);
    }
  });

  for (const flow of FLOWS) {
    matrixCase(`${config.variant}/${config.lang}: ${flow} completes`, flow === core, async () => {
      await verify(world, flow, await play(world, flow), OK[flow]);
    });
  }
});

/**
 * The in-page paths: the user page's own Resend (its bar), and the customer page's Generate + the
 * agent's own Save, with the same faults. The run's outcome must show in the page that started it.
 */
describe('fault matrix in the page (classic admin, en)', () => {
  let world: World;
  let watcher: Watcher;
  let ext: Page | undefined;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic' });
    watcher = watchPasswords(world);
  });
  afterAll(async () => world?.close());
  beforeEach(async () => {
    world.sim.setConfig(CLEAN);
    world.sim.reset();
    await freshAdminTab(world);
    watcher.resetPosts();
    ext = undefined;
  });
  afterEach(async ({ task }) => {
    try {
      await caseEnd(world, watcher, /resend/.test(task.name));
    } finally {
      await closeExtensionPages(world);
    }
  });

  // A page reports a resend run of its customer that ended in the last 20 s (userPage.tsx
  // RECENT_RUN_MS) instead of offering Resend: consecutive cases take turns between three customers
  // with a valid request.
  const TURNS = [PEOPLE.valid2h, PEOPLE.manyRows, PEOPLE.xss];
  let turn = 0;
  let email: string = PEOPLE.valid2h;
  beforeEach(() => {
    email = TURNS[turn++ % TURNS.length]!;
  });
  const bar = () => world.admin.locator('reset-desk-ui[data-kind="user-bar"]');

  async function openUserPage(who: string): Promise<void> {
    const account = world.sim.scenario().accounts.find((a) => a.email === who)!;
    await world.admin.goto(`${world.sim.pathOf('user')}?${PARAMS[world.sim.config.variant].id}=${account.id}`);
    await expect.poll(async () => (await bar().locator('section.bar').getAttribute('data-state').catch(() => null)) ?? 'none-yet', { timeout: 15_000 }).toMatch(/^(valid|expired|changed|none|error)$/);
  }

  /** An extension page to read runs and the activity log from (no tab: it starts nothing). */
  async function extPage(): Promise<Page> {
    ext ??= await world.ext.openPopup();
    return ext;
  }

  /**
   * Waits for the in-page run's end, then for the bar to show THAT run's own outcome (its error
   * message, or the admin's notice): otherwise the run ended silently.
   */
  async function inPageEnding(since: number, kind: 'resend' = 'resend'): Promise<Ending> {
    const page = await extPage();
    let run: RunRecord | undefined;
    await expect
      .poll(async () => {
        run = (await runs(page)).filter((r) => r.email === email && r.kind === kind && r.startedAt >= since).sort((a, b) => b.startedAt - a.startedAt)[0];
        return run?.status ?? 'not started';
      }, { timeout: 60_000, interval: 200 })
      .toMatch(/^(done|failed)$/);
    const own = run!.status === 'failed' ? run!.error?.message ?? '' : run!.notice ?? '';
    const outcome = bar().locator('[data-outcome]');
    let text = '';
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      text = ((await outcome.allInnerTexts().catch(() => [])).join(' ')).replace(/\s+/g, ' ').trim();
      if (own && text.includes(own.replace(/\s+/g, ' ').trim())) break;
      await world.admin.waitForTimeout(200);
    }
    const shown = !!own && text.includes(own.replace(/\s+/g, ' ').trim());
    return {
      status: run!.status,
      ...(run!.error ? { code: run!.error.code } : {}),
      text,
      kind: shown ? (run!.status === 'failed' ? 'error' : 'result') : 'silent',
      retry: false,
      login: false,
      stillCurrent: 0,
    };
  }

  /** The bar's Resend, confirmed, on the user page; then the run's end as the page shows it. */
  async function resendInPage(arm: () => void = () => undefined): Promise<Played> {
    await openUserPage(email);
    await bar().locator('button[data-action="resend"]').click();
    arm();
    const since = Date.now();
    await bar().locator('button[data-action="confirm-resend"]').click();
    return { popup: await extPage(), since, end: await inPageEnding(since) };
  }

  const MAY_HAVE_SENT = /may (or may not )?have (been sent|gone out)/;
  const IN_PAGE_OK: Expected = { ...OK.resend, message: /E-mail has been sent/ };

  matrixCase('in-page resend: no fault (baseline)', true, async () => {
    await verify(world, 'resend', await resendInPage(), IN_PAGE_OK, email);
  });

  for (const mode of ['http500', 'drop', 'hang'] as const) {
    matrixCase(`in-page resend: Send carried out, then ${mode}: not repeated, "may have gone out"`, mode === 'http500', async () => {
      const played = await resendInPage(() => void world.sim.setConfig({ afterEffect: [{ kind: 'send', mode, once: true }] }));
      await verify(world, 'resend', played, { end: 'failed', message: MAY_HAVE_SENT, sends: 1, changes: 0, activity: /^failed: / }, email);
    }, mode === 'hang' ? undefined : BUG.sendFailedAfterEffect);
  }

  for (const late of [60, 'never'] as const) {
    matrixCase(`in-page resend: the E-mail History lists the resend ${late === 'never' ? 'never' : `${late} s late`}: the page does not send it again`, late === 'never', async () => {
      world.sim.setConfig({ historyListsSent: late });
      await verify(world, 'resend', await resendInPage(), IN_PAGE_OK, email);
      // The page read again once it no longer reports the ended run (RECENT_RUN_MS, 20 s): a second
      // Resend, if it is offered, must not send.
      await world.admin.waitForTimeout(21_000);
      await openUserPage(email);
      const offered = (await bar().locator('button[data-action="resend"]').count()) > 0;
      if (offered) {
        await bar().locator('button[data-action="resend"]').click();
        const since = Date.now();
        await bar().locator('button[data-action="confirm-resend"]').click();
        await verify(world, 'resend', { popup: await extPage(), since, end: await inPageEnding(since) }, { end: 'failed', code: 'already-resent', message: /already resent/, sends: 1, changes: 0, activity: /^failed: already-resent$/ }, email);
      }
    }, BUG.lateHistory);
  }

  matrixCase('in-page resend: customer data that reads "E-mail has been sent" is not a confirmation', false, async () => {
    world.sim.setConfig({ adminWordingInData: true });
    await verify(world, 'resend', await resendInPage(), IN_PAGE_OK, email);
  });

  /** Generate on the customer page, then the agent's own Save; what the page says after it. */
  async function saveInPage(who: string): Promise<{ outcome: string; text: string; password: string }> {
    const account = world.sim.scenario().accounts.find((a) => a.email === who)!;
    await world.admin.goto(`${world.sim.pathOf('customer')}?${PARAMS[world.sim.config.variant].id}=${account.id}`);
    const gen = world.admin.locator('reset-desk-ui[data-kind="password-generator"]');
    await gen.locator('button[data-action="generate"]').click();
    const password = (await gen.locator('[data-secret="password"]').innerText()).trim();
    watcher.add(password);
    await Promise.all([world.admin.waitForEvent('load'), world.admin.getByRole('button', { name: 'Save' }).click()]);
    const after = world.admin.locator('reset-desk-ui[data-kind="customer-bar"] [data-outcome]');
    // The page's verdict after Save, or none at all (a silent failure).
    const outcome = await expect.poll(() => after.getAttribute('data-outcome').catch(() => null), { timeout: 10_000 }).toMatch(/^(saved|validation)$/).then(() => after.getAttribute('data-outcome'), () => 'none');
    const text = outcome === 'none' ? '' : await after.innerText();
    return { outcome: outcome ?? 'none', text, password };
  }

  for (const wording of [false, true]) {
    matrixCase(`in-page save: Save refused by a banner at the top${wording ? ' while the customer\'s data reads "Changes saved"' : ''}: the page says not saved`, wording, async () => {
      world.sim.setConfig({ refuseSave: 'once', adminWordingInData: wording });
      const { outcome, text, password } = await saveInPage(PEOPLE.expired3d);
      if (outcome === 'none') tally.silentFailures++;
      expect(outcome, 'the page says what Save did').not.toBe('none');
      expect(world.sim.passwordChanges(), 'password changes').toHaveLength(0);
      expect(world.sim.checkPassword(PEOPLE.expired3d, password)).toBe(false);
      verdict(outcome === 'validation', `the page said ${outcome}: ${text}`, true);
      verdict(text.includes(SAVE_REFUSED), `the page said ${JSON.stringify(text)}, expected the banner's words`);
    });
  }

  matrixCase('in-page save: customer data that reads "Changes saved": a good Save is confirmed', false, async () => {
    world.sim.setConfig({ adminWordingInData: true });
    const { outcome, password } = await saveInPage(PEOPLE.expired3d);
    expect(outcome).toBe('saved');
    expect(world.sim.passwordChanges()).toHaveLength(1);
    expect(world.sim.checkPassword(PEOPLE.expired3d, password)).toBe(true);
  });
});
