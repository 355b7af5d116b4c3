/**
 * The popup when things are not simple: look-alikes, several shops, not logged in, a renamed
 * section, "load data" failing, two popups at once, and the service worker stopped mid-resend.
 * The cases that read the admin run on every markup variant, so every variant meets the unusual
 * paths too; the two that do not depend on the markup (a malformed e-mail: no admin at all; two
 * popups: the worker's start queue) run on the first only, on all with RESET_DESK_FAULTS=full.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { lookUp, resultSays, runFinished, stateWord, stopWorkerDuringSend } from './popupHelpers';
import { startWorld, type World } from './setup';
import { watchPasswords, type Watcher } from './faultKit';

const FULL = process.env.RESET_DESK_FAULTS === 'full';

describe.each(['classic', 'modern', 'legacy'] as const)('popup edge cases on the %s admin', (variant) => {
  const markupFree = FULL || variant === 'classic' ? it : it.skip;
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant });
  });
  afterAll(async () => world?.close());
  beforeEach(() => {
    world.sim.setConfig({ loadDataFailure: 'never', renamed: {}, failPages: [], pageLatencyMs: 0 });
    world.sim.reset();
  });

  markupFree('a malformed e-mail gets a message and no look-up', async () => {
    const popup = await lookUp(world, 'anna@@example');
    await expect.poll(() => popup.getByRole('alert').innerText()).toContain('not a complete e-mail address');
    expect(await popup.locator('.step').count()).toBe(0);
    await popup.close();
  });

  it('a look-alike-only result says "No customer with this e-mail" and shows the look-alikes', async () => {
    const popup = await lookUp(world, 'hanna@example.co');
    const text = await resultSays(popup, 'No customer with this e-mail');
    expect(text).toContain(PEOPLE.twoShops);
    // The reply asks which address the customer registered with; it is the main one.
    expect(await popup.locator('.replies button.primary').getAttribute('aria-label')).toBe('Copy reply: which address did you register with?');
    // A look-alike is a button that looks that address up.
    await popup.getByRole('button', { name: `Look up ${PEOPLE.twoShops}` }).first().click();
    await resultSays(popup, 'several shops');
    expect(await popup.getByLabel('Customer e-mail').inputValue()).toBe(PEOPLE.twoShops);
    await popup.close();
  });

  markupFree('a custom admin address Reset Desk has no access to is said by name, with the options', async () => {
    const custom = `http://[::1]:${new URL(world.sim.url).port}/`;
    await world.setSettings({ adminUrl: custom });
    try {
      const popup = await lookUp(world, PEOPLE.valid2h);
      const text = await resultSays(popup, /may not read/);
      expect(text).toContain(custom.slice(0, -1));
      expect(text).toContain('save the admin address again');
      expect(await popup.getByRole('button', { name: 'Open the options' }).count()).toBe(1);
      await popup.close();
    } finally {
      await world.setSettings({ adminUrl: `${world.sim.url}/` });
    }
  });

  it('the same e-mail in two shops asks which shop, then looks that one up', async () => {
    const popup = await lookUp(world, PEOPLE.twoShops);
    await resultSays(popup, 'several shops');
    // Each shop with its own state (state word and rounded time), not only the first one's.
    const states = popup.locator('.shops [data-shop-state]');
    expect(await states.count()).toBe(2);
    for (const text of await states.allInnerTexts()) expect(text).toMatch(/^(Valid · \d+ (h|min) left|(Expired|Already changed) · requested (about )?\d+ (min|h|d) ago|No reset request)$/);
    expect(await popup.locator('.shops [data-shop-state="unknown"]').count()).toBe(0);
    await popup.getByRole('button', { name: 'Kids Cinema' }).click();
    await resultSays(popup, 'Expired');
    expect(await popup.locator('.result').innerText()).toContain('Kids Cinema');
    await popup.close();
  });

  it('"load data" failing once is retried; failing always is a named error with Retry', async () => {
    world.sim.setConfig({ loadDataFailure: 'once' });
    let popup = await lookUp(world, PEOPLE.manyRows);
    await resultSays(popup, 'Valid');
    await popup.close();
    world.sim.setConfig({ loadDataFailure: 'always' });
    popup = await lookUp(world, PEOPLE.valid2h);
    const text = await resultSays(popup, /could not load/);
    expect(text).toMatch(/Password History|E-mail History/);
    expect(await popup.getByRole('button', { name: 'Retry' }).count()).toBe(1);
    await popup.close();
  });

  it('a renamed section stops with the missing label and page, and sends nothing', async () => {
    world.sim.setConfig({ renamed: { emailHistory: 'Mail Log' } });
    // Away from the user page an earlier case may have left open: its in-page reading (under 30 s
    // old, from before the rename) would be the card (issue 15's zero-request look-up).
    await world.admin.goto(`${world.sim.url}/`);
    const popup = await lookUp(world, PEOPLE.valid2h);
    const text = await resultSays(popup, /layout has changed/);
    expect(text).toContain('"E-mail History"');
    expect(text).toContain('user page');
    expect(world.sim.outbox()).toHaveLength(0);
    await popup.close();
  });

  markupFree('two popups resending for one customer send one e-mail', async () => {
    const first = await lookUp(world, PEOPLE.xss);
    const second = await lookUp(world, PEOPLE.xss);
    await resultSays(first, 'Valid');
    await resultSays(second, 'Valid');
    await Promise.all([
      // Each popup follows the run the other started: once it has resent, "Resent at …" replaces
      // the buttons in both, so the later click may find no button left to press.
      first.getByRole('button', { name: 'Resend reset e-mail' }).click({ timeout: 10_000 }).catch(() => undefined),
      second.getByRole('button', { name: 'Resend reset e-mail' }).click({ timeout: 10_000 }).catch(() => undefined),
    ]);
    await runFinished(first);
    await runFinished(second);
    expect(world.sim.outbox()).toHaveLength(1);
    // Both popups say what happened: resent (the run both followed), or a refused second resend as information.
    for (const popup of [first, second]) await popup.locator('.card [data-outcome="resent"], .card [data-outcome="already-resent"]').waitFor({ timeout: 20_000 });
    // The HTML-laden name is shown as text in the card, not interpreted.
    expect(await first.locator('img').count()).toBe(0);
    await first.close();
    await second.close();
  });

  it('not logged in: says so and offers the login', async () => {
    world.sim.expireSessions();
    const popup = await lookUp(world, PEOPLE.valid2h);
    await resultSays(popup, /not logged in/);
    await expect.poll(() => popup.getByRole('button', { name: 'Open the admin login' }).count()).toBe(1);
    await popup.close();
    // Log in again for the next test, as the agent would.
    const cookie = world.sim.login().split('=');
    await world.ext.context.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: world.sim.url }]);
  });
});

describe('a resend interrupted by the browser stopping the service worker', () => {
  let world: World;
  let watcher: Watcher;
  beforeAll(async () => {
    world = await startWorld({ variant: 'modern' });
    watcher = watchPasswords(world);
  });
  afterAll(async () => world?.close());

  // Stopped before Send (open-email) is the fault matrix's case; here the worker stops during Send.
  it('stopped while "Send" runs: resumes without clicking Send again; one e-mail in the end', async () => {
    world.sim.reset();
    watcher.resetPosts();
    const popup = await stopWorkerDuringSend(world, PEOPLE.valid2h);
    await popup.close();
    // Reopening the popup wakes the worker, which picks the run up where it stood: the E-mail
    // History confirms the send, or the run stops without clicking Send again and says so.
    const again = await world.ext.openPopup(world.adminTabId);
    const said = await resultSays(again, /E-mail has been sent|was sent|may or may not have gone out/, 40_000);
    await runFinished(again, 40_000);
    // Whether Send reached the admin before the stop is known from the browser's requests; the
    // outbox must agree (one e-mail per Send that left, never a second from the resumed run).
    const sentBeforeRetry = watcher.posts.send;
    expect(sentBeforeRetry, 'Sends that left the browser').toBeLessThanOrEqual(1);
    expect(world.sim.outbox()).toHaveLength(sentBeforeRetry);
    if (/E-mail has been sent|was sent/.test(said)) expect(sentBeforeRetry, 'a confirmed send').toBe(1);
    if (/may or may not/.test(said)) {
      await again.getByRole('button', { name: 'Retry' }).click();
      // Retry reads the history afresh: it sends only if the e-mail is not there.
      await resultSays(again, sentBeforeRetry ? /already resent/ : /E-mail has been sent/, 40_000);
      await runFinished(again, 40_000);
    } else {
      expect(sentBeforeRetry).toBe(1);
    }
    expect(world.sim.outbox()).toHaveLength(1);
    world.sim.setConfig({ pageLatencyMs: 0 });
    await again.close();
  });
});

describe('a session that expires while the histories load', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic', loadDataLatencyMs: [1500, 1500] });
  });
  afterAll(async () => world?.close());

  it('says "not logged in" (not "could not load"), with the login button', async () => {
    // The loads fail (the page only says "Error loading data"), and meanwhile the session ends:
    // the page, loaded again, is the login page, and that is what the agent must hear.
    world.sim.setConfig({ loadDataFailure: 'always' });
    const popup = await lookUp(world, PEOPLE.valid2h);
    await popup.locator('[aria-current="step"]', { hasText: 'Load the histories' }).waitFor({ timeout: 20_000 });
    world.sim.expireSessions();
    await resultSays(popup, /not logged in/);
    expect(await popup.getByRole('button', { name: 'Open the admin login' }).count()).toBe(1);
    await popup.close();
  });
});
