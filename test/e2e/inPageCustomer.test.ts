/**
 * In-page help from the user page to Sales > Customers, in every markup variant and both admin
 * languages: "Set new password" takes the tab to the customer with Generate focused; Generate fills a
 * password that the admin accepts on Save (the simulator confirms it works); the page after Save
 * confirms and offers the reply; no storage area holds the password; a page script cannot press
 * Generate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PEOPLE, type Simulator } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';
import { closedSecretTexts } from './closedRoots';
import { label } from './manualProcedure';
import { startWorld, type World } from './setup';

async function openUser(admin: Page, sim: Simulator, email: string): Promise<void> {
  const account = sim.scenario().accounts.find((a) => a.email === email)!;
  await admin.goto(`${sim.pathOf('user')}?${PARAMS[sim.config.variant].id}=${account.id}`);
}

const exact = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

describe.each(['classic', 'modern', 'legacy'] as const)('customer page help (%s)', (variant) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant });
  });
  afterAll(async () => world?.close());

  it.each(['en', 'de'] as const)('Set new password → Generate → Save changes the password, stored nowhere (%s)', async (lang) => {
    const { admin, sim } = world;
    sim.setConfig({ lang });
    sim.reset();
    const email = PEOPLE.valid2h;
    await openUser(admin, sim, email);
    const bar = admin.locator('reset-desk-ui[data-kind="user-bar"]');
    await bar.locator('button[data-action="set-password"]').click();
    // The tab walks Customers → search → Show by itself and lands with Generate ready.
    const gen = admin.locator('reset-desk-ui[data-kind="password-generator"]');
    await expect.poll(() => gen.locator('[data-ready]').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
    expect(await gen.locator('button[data-action="generate"]').evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);

    // A page script cannot press Generate.
    await admin.evaluate(() => {
      const host = document.querySelector('reset-desk-ui[data-kind="password-generator"]')!;
      for (const b of Array.from(host.shadowRoot!.querySelectorAll('button'))) {
        b.click();
        b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      }
    });
    expect(await gen.locator('[data-secret]').count()).toBe(0);

    await gen.locator('button[data-action="generate"]').click();
    // Shown in a closed shadow root, which only CDP reads (page scripts cannot: test/e2e/secrets.test.ts).
    await gen.locator('[data-secret="password"]').waitFor({ state: 'attached' });
    const [password = ''] = await closedSecretTexts(admin);
    expect(password.length).toBeGreaterThanOrEqual(12);
    const save = admin.getByRole('button', { name: exact(label(sim, 'save')) }).or(admin.getByRole('link', { name: exact(label(sim, 'save')) }));
    await Promise.all([admin.waitForEvent('load'), save.first().click()]);
    const after = admin.locator('reset-desk-ui[data-kind="customer-bar"] [data-outcome]');
    await expect.poll(() => after.getAttribute('data-outcome'), { timeout: 15_000 }).toBe('saved');
    expect(await closedSecretTexts(admin)).toEqual([password]);
    expect(await after.locator('button[data-action="copy-reply"]').count()).toBe(1);
    expect(sim.checkPassword(email, password)).toBe(true);
    expect(sim.passwordChanges()).toHaveLength(1);
    expect(await world.dumpStorage()).not.toContain(password);
    // Handed over once: a reload does not show it again.
    await admin.reload();
    await gen.locator('button[data-action="generate"]').waitFor();
    expect(await admin.locator('reset-desk-ui[data-kind="customer-bar"]').count()).toBe(0);
    expect(await world.dumpStorage()).not.toContain(password);
  });
});
