/**
 * One run engine for the popup and the in-page paths: the same verdict everywhere (the agent's
 * validity window included), and every run, wherever it started, in the activity log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { openDetailPage, userBarState } from './adminPages';
import { activityEntry, whenStep } from './faultKit';
import { lookUp, resultSays, stateWord } from './popupHelpers';
import { startWorld, type World } from './setup';

describe('one verdict everywhere', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic', lang: 'en' });
  });
  afterAll(async () => world?.close());
  beforeEach(() => world.sim.reset());

  it('a 48 h validity window: a request 24 h 01 min old is valid in the popup, the page and the log', async () => {
    await world.setSettings({ validityHours: 48 });
    try {
      const since = Date.now();
      const popup = await lookUp(world, PEOPLE.expired24h01);
      await resultSays(popup, 'Valid');
      expect(await stateWord(popup)).toBe('Valid');
      const logged = await activityEntry(popup, PEOPLE.expired24h01, 'lookup', since);
      expect(logged.outcome).toBe('Valid');

      await openDetailPage(world.admin, world.sim, 'user', PEOPLE.expired24h01);
      expect(await userBarState(world.admin)).toBe('valid');
      await popup.close();
    } finally {
      await world.setSettings({ validityHours: 24 });
    }
  });
});

describe('following a run through a stopped worker', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic', lang: 'en' });
  });
  afterAll(async () => world?.close());
  beforeEach(() => world.sim.reset());

  it('the popup and the in-page bar wake the worker by reconnecting, and show the resumed run at once', async () => {
    const popup = await lookUp(world, PEOPLE.valid2h);
    await resultSays(popup, 'Valid');
    // The look-up left the admin tab on the customer's user page, whose bar follows the customer too.
    const bar = world.admin.locator('reset-desk-ui[data-kind="user-bar"]');
    await bar.locator('button[data-action="resend"]').click();
    world.sim.setConfig({ pageLatencyMs: 600 });
    await bar.locator('button[data-action="confirm-resend"]').click();
    // The popup follows the customer's newest run: the in-page resend takes over its view.
    await whenStep(popup, 'send');

    await world.ext.stopServiceWorker();
    const stoppedAt = Date.now();
    // Nothing but the watchers' ports can wake it: Send is the admin's AJAX, no page loads, no timer.
    await world.ext.workerRunning(10_000);
    const wokeAt = Date.now();
    // The resumed run is shown: the popup no longer shows the stopped worker's "Send it".
    await expect.poll(async () => popup.locator('[aria-current="step"] .step-label', { hasText: /^\s*Send it/ }).count(), { timeout: 5_000, interval: 50 }).toBe(0);
    const shownAt = Date.now();
    console.log(`worker stopped → running again after ${wokeAt - stoppedAt} ms; the popup showed the resumed run ${shownAt - stoppedAt} ms after the stop`);
    // Woken by the watchers' reconnecting ports at once, not by a question every 5 s.
    expect(shownAt - stoppedAt, 'the popup showed the resumed run').toBeLessThan(2_000);

    await resultSays(popup, /E-mail has been sent|was sent|may or may not have gone out/, 30_000);
    const outcome = bar.locator('[data-outcome]');
    await expect.poll(async () => ((await outcome.count()) ? outcome.first().getAttribute('data-outcome') : 'none yet'), { timeout: 30_000 }).toMatch(/sent|failed/);
    expect(world.sim.outbox().length).toBeLessThanOrEqual(1);
    await popup.close();
  });
});
