/**
 * Fault matrix: the in-page Resend and Save on the classic admin. The machinery, the counters and what they cover: faultMatrix.ts.
 */
import { beforeEach, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { PEOPLE } from '../admin-sim/server';
import { closedSecretTexts } from './closedRoots';
import { PARAMS } from '../admin-sim/variants';
import { runs, type Ending, type RunRecord } from './faultKit';
import { loggedFailure, OK, SAVE_REFUSED, matrixCase, matrixSummary, matrixWorld, tally, verdict, verify, type Expected, type Played } from './faultMatrix';

matrixSummary('faultsInPage.test.ts');

describe('fault matrix in the page (classic admin, en)', () => {
  const m = matrixWorld({ variant: 'classic' }, (name) => /resend/.test(name));
  let ext: Page | undefined;
  beforeEach(() => {
    ext = undefined;
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
  const bar = () => m.world().admin.locator('reset-desk-ui[data-kind="user-bar"]');

  async function openUserPage(who: string): Promise<void> {
    const account = m.world().sim.scenario().accounts.find((a) => a.email === who)!;
    await m.world().admin.goto(`${m.world().sim.pathOf('user')}?${PARAMS[m.world().sim.config.variant].id}=${account.id}`);
    await expect.poll(async () => (await bar().locator('section.bar').getAttribute('data-state').catch(() => null)) ?? 'none-yet', { timeout: 15_000 }).toMatch(/^(valid|expired|changed|none|error)$/);
  }

  /** An extension page to read runs and the activity log from (no tab: it starts nothing). */
  async function extPage(): Promise<Page> {
    ext ??= await m.world().ext.openPopup();
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
      await m.world().admin.waitForTimeout(200);
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
    await verify(m.world(), 'resend', await resendInPage(), IN_PAGE_OK, email);
  });

  for (const mode of ['http500', 'drop', 'hang'] as const) {
    matrixCase(`in-page resend: Send carried out, then ${mode}: not repeated, "may have gone out"`, mode === 'http500', async () => {
      const played = await resendInPage(() => void m.world().sim.setConfig({ afterEffect: [{ kind: 'send', mode, once: true }] }));
      await verify(m.world(), 'resend', played, { end: 'failed', message: MAY_HAVE_SENT, sends: 1, changes: 0, activity: /^not done: / }, email);
    });
  }

  for (const late of [60, 'never'] as const) {
    matrixCase(`in-page resend: the E-mail History lists the resend ${late === 'never' ? 'never' : `${late} s late`}: the page does not send it again`, late === 'never', async () => {
      m.world().sim.setConfig({ historyListsSent: late });
      await verify(m.world(), 'resend', await resendInPage(), IN_PAGE_OK, email);
      // The page read again once it no longer reports the ended run (RECENT_RUN_MS, 20 s): a second
      // Resend, if it is offered, must not send.
      await m.world().admin.waitForTimeout(21_000);
      await openUserPage(email);
      const offered = (await bar().locator('button[data-action="resend"]').count()) > 0;
      if (offered) {
        await bar().locator('button[data-action="resend"]').click();
        const since = Date.now();
        await bar().locator('button[data-action="confirm-resend"]').click();
        await verify(m.world(), 'resend', { popup: await extPage(), since, end: await inPageEnding(since) }, { end: 'failed', code: 'already-resent', message: /already resent/, sends: 1, changes: 0, activity: loggedFailure('already-resent') }, email);
      }
    });
  }

  matrixCase('in-page resend: customer data that reads "E-mail has been sent" is not a confirmation', false, async () => {
    m.world().sim.setConfig({ adminWordingInData: true });
    await verify(m.world(), 'resend', await resendInPage(), IN_PAGE_OK, email);
  });

  /** "Set new password" → Confirm on the customer page (the run fills and saves there); what the page says after it. */
  async function saveInPage(who: string): Promise<{ outcome: string; text: string; password: string }> {
    const account = m.world().sim.scenario().accounts.find((a) => a.email === who)!;
    await m.world().admin.goto(`${m.world().sim.pathOf('customer')}?${PARAMS[m.world().sim.config.variant].id}=${account.id}`);
    const help = m.world().admin.locator('reset-desk-ui[data-kind="password-help"]');
    await help.locator('button[data-action="set-password"]').click();
    await help.locator('button[data-action="confirm-set-password"]').click();
    const after = help.locator('[data-outcome]');
    // The page's verdict after Save, or none at all (a silent failure).
    const outcome = await expect
      .poll(async () => ((await after.count()) ? after.first().getAttribute('data-outcome') : null), { timeout: 30_000 })
      .toMatch(/^(saved|failed|gone)$/)
      .then(() => after.first().getAttribute('data-outcome'), () => 'none');
    // The help's own text (in its shadow root: the host's innerText is the admin page's).
    const text = outcome === 'none' ? '' : await help.locator('span.rd').first().innerText();
    const [password = ''] = outcome === 'saved' ? await closedSecretTexts(m.world().admin) : [];
    if (password) m.watcher().add(password);
    return { outcome: outcome ?? 'none', text, password };
  }

  for (const wording of [false, true]) {
    matrixCase(`in-page save: Save refused by a banner at the top${wording ? ' while the customer\'s data reads "Changes saved"' : ''}: the page says not saved`, wording, async () => {
      m.world().sim.setConfig({ refuseSave: 'once', adminWordingInData: wording });
      const { outcome, text, password } = await saveInPage(PEOPLE.expired3d);
      if (outcome === 'none') tally.silentFailures++;
      expect(outcome, 'the page says what Save did').not.toBe('none');
      expect(m.world().sim.passwordChanges(), 'password changes').toHaveLength(0);
      expect(m.world().sim.checkPassword(PEOPLE.expired3d, password)).toBe(false);
      verdict(outcome === 'failed', `the page said ${outcome}: ${text}`, true);
      verdict(text.includes(SAVE_REFUSED), `the page said ${JSON.stringify(text)}, expected the banner's words`);
    });
  }

  matrixCase('in-page save: customer data that reads "Changes saved": a good Save is confirmed', false, async () => {
    m.world().sim.setConfig({ adminWordingInData: true });
    const { outcome, password } = await saveInPage(PEOPLE.expired3d);
    expect(outcome).toBe('saved');
    expect(m.world().sim.passwordChanges()).toHaveLength(1);
    expect(m.world().sim.checkPassword(PEOPLE.expired3d, password)).toBe(true);
  });
});
