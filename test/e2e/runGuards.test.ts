/**
 * Runs never act twice or out of turn: a second resend soon after a first one re-reads the admin
 * (it must not decide on the first one's reading from before its Send); an action asked for while
 * another kind of run for the customer is going is refused by name, not swallowed; and a saved
 * password the popup can no longer show (the worker restarted) is said so, not left blank; and a
 * popup watching a run whose worker was stopped wakes it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PEOPLE } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';
import { confirmSetPassword, runs, watchPasswords, type Watcher } from './faultKit';
import { lookUp, resultSays, stopWorkerDuringSend } from './popupHelpers';
import { startWorld, type World } from './setup';

let world: World;
let watcher: Watcher;
beforeAll(async () => {
  world = await startWorld({ variant: 'modern' });
  watcher = watchPasswords(world);
});
afterAll(async () => world?.close());
beforeEach(async () => {
  world.sim.reset();
  await world.forgetRuns();
  watcher.resetPosts();
  world.sim.setConfig({ pageLatencyMs: 0, loadDataLatencyMs: [20, 60] });
});

type Reply = { ok: true; value: { id: string; status: string } } | { ok: false; error: { code: string; message: string } };

/** run/start as the popup sends it (an extension page), on the admin tab. */
async function startRun(page: Page, kind: string, email: string): Promise<Reply> {
  return page.evaluate(
    async ({ kind, email, tabId }) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<Reply> } } }).chrome;
      return api.runtime.sendMessage({ resetDesk: 1, type: 'run/start', payload: { kind, email, tabId } });
    },
    { kind, email, tabId: world.adminTabId },
  );
}

async function runEnd(page: Page, id: string): Promise<{ status: string; error?: { code: string; message: string } }> {
  await expect.poll(async () => (await runs(page)).find((r) => r.id === id)?.status, { timeout: 30_000 }).toMatch(/^(done|failed)$/);
  return (await runs(page)).find((r) => r.id === id)!;
}

describe('runs never act twice or out of turn', () => {
  it('a second resend right after one that read the page itself does not send again', async () => {
    // The admin tab already shows the customer's user page (no look-up of ours read it): the first
    // resend reads it, sends, and the page stays (the admin sends by AJAX).
    const first = await lookUp(world, PEOPLE.valid2h);
    await resultSays(first, 'Valid');
    await first.close();
    await world.admin.reload();
    const page = await world.ext.openPopup(world.adminTabId);
    const one = await startRun(page, 'resend', PEOPLE.valid2h);
    if (!one.ok) throw new Error(one.error.message);
    expect((await runEnd(page, one.value.id)).status).toBe('done');
    expect(world.sim.outbox()).toHaveLength(1);

    const two = await startRun(page, 'resend', PEOPLE.valid2h);
    if (!two.ok) throw new Error(two.error.message);
    const end = await runEnd(page, two.value.id);
    expect(end.status).toBe('failed');
    expect(end.error?.code).toBe('already-resent');
    await page.waitForTimeout(500);
    expect(world.sim.outbox()).toHaveLength(1);
    await page.close();
  });

  it('a resend asked for while a look-up of the customer runs is refused by name, not swallowed', async () => {
    // Slow enough that the look-up is surely still going when the resend is asked for, and the
    // admin tab elsewhere, so it reads the admin (not a look-up's reading of moments ago).
    world.sim.setConfig({ pageLatencyMs: 400, loadDataLatencyMs: [1500, 1500] });
    await world.admin.goto(`${world.sim.url}/`);
    const popup = await lookUp(world, PEOPLE.valid2h);
    await popup.locator('[aria-current="step"]').first().waitFor({ timeout: 10_000 });
    const reply = await startRun(popup, 'resend', PEOPLE.valid2h);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('busy');
      expect(reply.error.message).toContain(`A look-up for ${PEOPLE.valid2h} is still running`);
    }
    // A look-up may still watch a running run of any kind.
    const watch = await startRun(popup, 'lookup', PEOPLE.valid2h);
    expect(watch.ok).toBe(true);
    await resultSays(popup, 'Valid');
    expect(world.sim.outbox()).toHaveLength(0);
    await popup.close();
  });

  it('an in-page Resend refused while another run for the customer goes says why and stays on offer', async () => {
    // The agent's second tab shows the customer's user page; the popup's look-up drives the admin tab.
    const tab = await world.ext.context.newPage();
    const account = world.sim.scenario().accounts.find((a) => a.email === PEOPLE.valid2h)!;
    await tab.goto(`${world.sim.pathOf('user')}?${PARAMS[world.sim.config.variant].id}=${account.id}`);
    const bar = tab.locator('reset-desk-ui[data-kind="user-bar"]');
    await expect.poll(async () => (await bar.locator('section.bar').getAttribute('data-state').catch(() => null)) ?? '', { timeout: 15_000 }).toBe('valid');
    world.sim.setConfig({ pageLatencyMs: 400, loadDataLatencyMs: [1500, 1500] });
    // The admin tab elsewhere, so the look-up reads the admin (not a look-up's reading of moments ago).
    await world.admin.goto(`${world.sim.url}/`);
    const popup = await lookUp(world, PEOPLE.valid2h);
    await popup.locator('[aria-current="step"]').first().waitFor({ timeout: 10_000 });
    await bar.locator('button[data-action="resend"]').click();
    await bar.locator('button[data-action="confirm-resend"]').click();
    await expect.poll(() => bar.locator('[data-outcome="refused"]').innerText().catch(() => ''), { timeout: 10_000 }).toContain('is still running');
    expect(await bar.locator('button[data-action="resend"]').count()).toBe(1);
    await resultSays(popup, 'Valid');
    expect(world.sim.outbox()).toHaveLength(0);
    await popup.close();
    await tab.close();
  });

  it('a worker stopped during Send while the popup stays open: the popup wakes it and shows the outcome', async () => {
    const popup = await stopWorkerDuringSend(world, PEOPLE.valid2h);
    // Nothing else wakes the worker: the admin sends by AJAX, so no page loads.
    const said = await resultSays(popup, /E-mail has been sent|was sent|may or may not have gone out/, 30_000);
    // One e-mail per Send that left the browser (known from its requests), never a second one.
    expect(watcher.posts.send, 'Sends that left the browser').toBeLessThanOrEqual(1);
    expect(world.sim.outbox()).toHaveLength(watcher.posts.send);
    if (/E-mail has been sent|was sent/.test(said)) expect(world.sim.outbox()).toHaveLength(1);
    await popup.close();
  });

  it('a set-password confirmation opened before another popup set the password is stale: refused, a fresh one is not', async () => {
    const a = await lookUp(world, PEOPLE.expired3d);
    await resultSays(a, 'Expired');
    const b = await lookUp(world, PEOPLE.expired3d);
    await resultSays(b, 'Expired');
    await b.getByRole('button', { name: 'Set new password' }).click();
    // B's agent decides now, before A's password is set (what B's Confirm sends as decidedAt).
    const decidedAt = Date.now();
    await confirmSetPassword(a);
    await a.locator('code.password').waitFor({ timeout: 30_000 });
    const shown = await a.locator('code.password').innerText();
    // B follows the customer's runs, so its card turns to A's outcome and its Confirm may be gone
    // before the agent presses it; the worker's guard is what must hold either way: B's stale
    // decision, sent as its Confirm sends it, is refused by name.
    const start = (at: number) =>
      b.evaluate(
        async ({ email, at, tabId }) => {
          const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<Reply> } } }).chrome;
          return JSON.stringify(await api.runtime.sendMessage({ resetDesk: 1, type: 'run/start', payload: { kind: 'set-password', email, decidedAt: at, tabId } }));
        },
        { email: PEOPLE.expired3d, at, tabId: world.adminTabId },
      );
    const refused = await start(decidedAt);
    expect(refused).toContain('"ok":false');
    expect(refused).toContain('already-set');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(world.sim.passwordChanges()).toHaveLength(1);
    expect(world.sim.checkPassword(PEOPLE.expired3d, shown)).toBe(true);
    // Chosen afresh, after seeing it: that is the agent's decision.
    expect(await start(Date.now())).toContain('"ok":true');
    await expect.poll(() => world.sim.passwordChanges().length, { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await runs(b)).filter((r) => r.kind === 'set-password' && r.status === 'running').length, { timeout: 30_000 }).toBe(0);
    await a.close();
    await b.close();
  });

  it('a saved password the popup can no longer show (the worker restarted) is said so', async () => {
    const popup = await lookUp(world, PEOPLE.expired3d);
    await resultSays(popup, 'Expired');
    await confirmSetPassword(popup);
    await popup.locator('code.password').waitFor({ timeout: 30_000 });
    await popup.close();
    // The password lived in the stopped worker's memory only.
    await world.ext.stopServiceWorker();
    const again = await world.ext.openPopup(world.adminTabId);
    await expect.poll(() => again.getByRole('region', { name: 'New password' }).innerText(), { timeout: 15_000 }).toContain('can no longer be shown');
    expect(await again.locator('code.password').count()).toBe(0);
    expect(world.sim.passwordChanges()).toHaveLength(1);
    await again.close();
  });
});
