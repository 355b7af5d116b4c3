/**
 * axe-core (WCAG 2.x A/AA rules) in the popup, the options and welcome pages and our in-page help on the
 * admin's user page (the bar and the row badges, in their shadow roots; the admin's own markup is
 * not ours to judge, so the check is scoped to our elements), in light and dark mode, in their
 * main states: 0 violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';
import { startWorld, type World } from './setup';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axe(page: Page, scope?: string): Promise<string[]> {
  // Runtime evaluation is not subject to the extension pages' CSP (an inline <script> would be).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (scope) => {
    const { axe } = window as unknown as { axe: { run(c: unknown, o: object): Promise<{ violations: Violation[] }> } };
    // Scoped: only our elements (open shadow roots included); 'region' is about the host page's landmarks.
    const context = scope ? { include: Array.from(document.querySelectorAll(scope), (el) => el) } : document;
    const rules = scope ? { region: { enabled: false } } : {};
    return (await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, rules })).violations;
  }, scope);
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join('; ')}`);
}

describe.each(['light', 'dark'] as const)('axe: 0 violations (%s)', (scheme) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic' });
  });
  afterAll(async () => world?.close());

  it('popup: empty, with a validation message, with a result and replies', async () => {
    const popup = await world.ext.openPopup(world.adminTabId);
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.getByLabel('Customer e-mail').waitFor();
    expect(await axe(popup)).toEqual([]);
    await popup.getByLabel('Customer e-mail').fill('not-an-address');
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByRole('alert').waitFor();
    expect(await axe(popup)).toEqual([]);
    for (const email of [PEOPLE.valid2h, PEOPLE.expired3d, PEOPLE.changed, PEOPLE.noRequest]) {
      await popup.getByLabel('Customer e-mail').fill(email);
      await popup.getByRole('button', { name: 'Look up' }).click();
      await popup.locator('.replies').waitFor({ timeout: 30_000 });
      await popup.locator('.steps .step-running').waitFor({ state: 'detached', timeout: 30_000 });
      expect(await axe(popup), email).toEqual([]);
    }
    await popup.close();
  });

  it('popup: several shops, look-alikes, after a resend, a refused second resend, after set password', async () => {
    const popup = await world.ext.openPopup(world.adminTabId);
    await popup.emulateMedia({ colorScheme: scheme });
    const lookUp = async (email: string) => {
      await popup.getByLabel('Customer e-mail').fill(email);
      // exact: the look-alikes are buttons named "Look up <address>".
      await popup.getByRole('button', { name: 'Look up', exact: true }).click();
      await popup.locator('.card').waitFor({ timeout: 30_000 });
      await expect.poll(() => popup.locator('[aria-current="step"]').count(), { timeout: 30_000 }).toBe(0);
    };
    await lookUp(PEOPLE.twoShops);
    await popup.locator('.shops [data-shop-state]').first().waitFor();
    expect(await axe(popup), 'several shops').toEqual([]);
    await lookUp('nna@example.com');
    await popup.locator('.lookalikes button').first().waitFor();
    expect(await axe(popup), 'look-alikes').toEqual([]);
    for (const outcome of ['resent', 'already-resent']) {
      await lookUp(PEOPLE.valid2h);
      await popup.locator('.card .state-word', { hasText: 'Valid' }).waitFor({ timeout: 30_000 });
      await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
      await popup.locator(`.card [data-outcome="${outcome}"]`).waitFor({ timeout: 30_000 });
      await expect.poll(() => popup.locator('[aria-current="step"]').count(), { timeout: 30_000 }).toBe(0);
      expect(await axe(popup), outcome).toEqual([]);
    }
    await lookUp(PEOPLE.expired3d);
    await popup.locator('.card .state-word', { hasText: 'Expired' }).waitFor({ timeout: 30_000 });
    await popup.getByRole('button', { name: 'Set new password' }).click();
    await popup.getByRole('button', { name: 'Confirm' }).click();
    await popup.locator('.card .secret code.password').waitFor({ timeout: 30_000 });
    expect(await axe(popup), 'after set password').toEqual([]);
    await popup.close();
  });

  it('in-page help on the user page: the bar and the badges', async () => {
    const { admin, sim } = world;
    await admin.emulateMedia({ colorScheme: scheme });
    for (const email of [PEOPLE.valid2h, PEOPLE.expired3d, PEOPLE.changed, PEOPLE.noRequest]) {
      const account = sim.scenario().accounts.find((a) => a.email === email)!;
      await admin.goto(`${sim.pathOf('user')}?${PARAMS[sim.config.variant].id}=${account.id}`);
      const bar = admin.locator('reset-desk-ui[data-kind="user-bar"] section.bar');
      await expect.poll(async () => (await bar.getAttribute('data-state')) ?? '', { timeout: 15_000 }).toMatch(/^(valid|expired|changed|none)$/);
      expect(await admin.locator('reset-desk-ui').count(), email).toBeGreaterThan(0);
      expect(await axe(admin, 'reset-desk-ui'), email).toEqual([]);
    }
  });

  it('options: as loaded, and with validation messages and the advanced labels open', async () => {
    const page = await world.ext.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${world.ext.extensionId}/src/options/index.html`);
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Validity of a reset link (hours)').fill('0');
    await page.getByRole('textbox', { name: 'New password (English)' }).fill('no placeholder {x}');
    await page.getByText("Advanced: the admin's wording").click();
    await page.getByLabel('menuSales').fill('x'.repeat(201));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('welcome page (the first-run page)', async () => {
    const page = await world.ext.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${world.ext.extensionId}/src/welcome/index.html`);
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
