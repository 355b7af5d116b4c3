/**
 * Setting a new password from the admin page, in every markup variant and both admin languages:
 * "Set new password" on the user page (or on the customer page itself) → Confirm starts the same
 * run as the popup's; the tab walks to the customer and saves; the page after Save shows the
 * password, which works in the admin; the activity log has the run; no storage area holds the
 * password; a page script cannot press our buttons; a reload shows the password no more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PEOPLE } from '../admin-sim/server';
import { closedSecretTexts } from './closedRoots';
import { activityEntry } from './faultKit';
import { openDetailPage } from './adminPages';
import { startWorld, type World } from './setup';

const help = (admin: Page) => admin.locator('reset-desk-ui[data-kind="password-help"]');

/** Waits for the customer page's help to show the saved password; returns it. */
async function savedPassword(admin: Page): Promise<string> {
  const outcome = help(admin).locator('[data-outcome]');
  await expect.poll(async () => (await outcome.count()) ? outcome.first().getAttribute('data-outcome') : 'none yet', { timeout: 30_000 }).toBe('saved');
  // Shown in a closed shadow root, which only CDP reads (page scripts cannot: test/e2e/secrets.test.ts).
  await help(admin).locator('[data-secret="password"]').waitFor({ state: 'attached' });
  const [password = ''] = await closedSecretTexts(admin);
  return password;
}

describe.each(['classic', 'modern', 'legacy'] as const)('set a new password in the page (%s)', (variant) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant });
  });
  afterAll(async () => world?.close());

  it.each(['en', 'de'] as const)('from the user page: Confirm → the run saves on the customer page, logged, stored nowhere (%s)', async (lang) => {
    const { admin, sim } = world;
    sim.setConfig({ lang });
    sim.reset();
    const email = PEOPLE.valid2h;
    const since = Date.now();
    await openDetailPage(admin, sim, 'user', email);
    const bar = admin.locator('reset-desk-ui[data-kind="user-bar"]');
    await bar.locator('button[data-action="set-password"]').click();

    // A page script cannot press Confirm.
    await admin.evaluate(() => {
      for (const host of Array.from(document.querySelectorAll('reset-desk-ui'))) {
        for (const b of Array.from(host.shadowRoot!.querySelectorAll('button'))) {
          b.click();
          b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        }
      }
    });
    await admin.waitForTimeout(300);
    expect(sim.passwordChanges()).toHaveLength(0);

    await bar.locator('button[data-action="confirm-set-password"]').click();
    const password = await savedPassword(admin);
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(sim.checkPassword(email, password)).toBe(true);
    expect(sim.passwordChanges()).toHaveLength(1);
    expect(await help(admin).locator('button[data-action="copy-reply"]').count()).toBe(1);
    const popup = await world.ext.openPopup();
    expect((await activityEntry(popup, email, 'set-password', since)).outcome).toBe('new password set');
    await popup.close();
    expect(await world.dumpStorage()).not.toContain(password);
    // Shown once, on the page after Save: a reload does not show it again.
    await admin.reload();
    await help(admin).locator('button[data-action="set-password"]').waitFor();
    expect(await help(admin).locator('[data-secret]').count()).toBe(0);
    expect(await world.dumpStorage()).not.toContain(password);
  });

  it('from the customer page itself: the run fills and saves there, once, and the log has it', async () => {
    const { admin, sim } = world;
    sim.setConfig({ lang: 'en' });
    sim.reset();
    const email = PEOPLE.expired3d;
    const since = Date.now();
    await openDetailPage(admin, sim, 'customer', email);
    await help(admin).locator('button[data-action="set-password"]').click();
    await help(admin).locator('button[data-action="confirm-set-password"]').click();
    const password = await savedPassword(admin);
    expect(sim.checkPassword(email, password)).toBe(true);
    expect(sim.passwordChanges()).toHaveLength(1);
    expect(sim.passwordChanges()[0]!.email).toBe(email);
    const popup = await world.ext.openPopup();
    expect((await activityEntry(popup, email, 'set-password', since)).outcome).toBe('new password set');
    await popup.close();
  });
});
