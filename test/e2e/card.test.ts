/**
 * The card at a glance (issue 16): under the state word one "Do: …" line with its button as the
 * primary one, visible without scrolling in a 400 × 600 popup; the words for the customer
 * collapsed; the steps one line after success; little time left recommends setting a password;
 * only the replies that fit the state, with their own accessible names. Screenshots of every state
 * in both languages and both themes go to test-results/screenshots/ (looked at, not compared).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { startWorld, type World } from './setup';

const SHOTS = 'test-results/screenshots';
const STATES = [
  ['valid', PEOPLE.valid2h],
  ['valid-minutes-left', PEOPLE.valid23h59],
  ['expired', PEOPLE.expired3d],
  ['changed', PEOPLE.changed],
  ['changed-by-agent', PEOPLE.adminChanged],
  ['no-request', PEOPLE.noRequest],
  ['several-shops', PEOPLE.twoShops],
  ['no-customer', 'nna@example.com'],
] as const;

async function settle(popup: Page, email: string): Promise<void> {
  await popup.locator('#customer-email').fill(email);
  await popup.locator('form.lookup button[type=submit]').click();
  await expect.poll(() => popup.locator('.card').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect.poll(() => popup.locator('[aria-current="step"]').count(), { timeout: 30_000 }).toBe(0);
}

describe('the card (English, light)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world?.close());

  async function card(email: string): Promise<Page> {
    const popup = await world.ext.openPopup(world.adminTabId);
    await popup.setViewportSize({ width: 400, height: 600 });
    await settle(popup, email);
    return popup;
  }

  it('a valid request: "Do: resend" under the state word, its button primary and in view; steps one line', async () => {
    const popup = await card(PEOPLE.valid2h);
    const doLine = popup.locator('.card .do');
    expect(await doLine.innerText()).toMatch(/^Do: resend the reset e-mail/);
    const primary = popup.locator('.card button.primary');
    expect(await primary.innerText()).toBe('Resend reset e-mail');
    const box = await primary.boundingBox();
    expect(box && box.y + box.height <= 600, 'the primary button is visible without scrolling').toBe(true);
    expect(await popup.locator('details.steps-done > summary').innerText()).toMatch(/^Checked in \d+\.\d s$/);
    expect(await popup.locator('details.steps-done').getAttribute('open')).toBeNull();
    // The words for the customer are collapsed; a valid request never offers "please request again".
    expect(await popup.locator('details.words').getAttribute('open')).toBeNull();
    const replies = await popup.locator('.replies button').evaluateAll((b) => b.map((x) => x.getAttribute('aria-label')));
    expect(replies).toEqual(['Copy reply: reset e-mail resent', 'Copy reply: forward us a copy']);
    await popup.close();
  });

  it('less than 30 minutes left: recommends setting a password instead, and says why', async () => {
    const popup = await card(PEOPLE.valid23h59);
    expect(await popup.locator('.card .do').innerText()).toMatch(/^Do: set a new password\. The link expires in .*too soon/);
    expect(await popup.locator('.card button.primary').innerText()).toBe('Set new password');
    await popup.close();
  });

  it('expired: the main button copies the "request again" reply', async () => {
    const popup = await card(PEOPLE.expired3d);
    expect(await popup.locator('.card button.primary').getAttribute('aria-label')).toBe('Copy reply: please request again');
    await popup.close();
  });

  it('a failed run keeps its steps open', async () => {
    world.sim.setConfig({ loadDataFailure: 'always' });
    const popup = await world.ext.openPopup(world.adminTabId);
    await popup.locator('#customer-email').fill(PEOPLE.changed);
    await popup.locator('form.lookup button[type=submit]').click();
    await popup.locator('.error-box').waitFor({ timeout: 30_000 });
    expect(await popup.locator('details.steps-done').count()).toBe(0);
    expect(await popup.locator('ol.steps').isVisible()).toBe(true);
    world.sim.setConfig({ loadDataFailure: 'never' });
    await popup.close();
  });
});

describe.each([
  ['en', 'light'],
  ['en', 'dark'],
  ['de', 'light'],
  ['de', 'dark'],
] as const)('screenshots (%s, %s)', (lang, scheme) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({}, { lang, colorScheme: scheme });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => world?.close());

  it('every state of the popup', async () => {
    for (const [name, email] of STATES) {
      const popup = await world.ext.openPopup(world.adminTabId);
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.emulateMedia({ colorScheme: scheme });
      await settle(popup, email);
      await popup.screenshot({ path: `${SHOTS}/popup-${name}-${lang}-${scheme}.png` });
      await popup.close();
    }
  });

  it('the popup after its actions: resent, a refused second resend, a new password set', async () => {
    const shot = async (popup: Page, name: string) => {
      await expect.poll(() => popup.locator('[aria-current="step"]').count(), { timeout: 30_000 }).toBe(0);
      await popup.screenshot({ path: `${SHOTS}/popup-${name}-${lang}-${scheme}.png` });
      await popup.close();
    };
    const open = async (email: string) => {
      const popup = await world.ext.openPopup(world.adminTabId);
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.emulateMedia({ colorScheme: scheme });
      await settle(popup, email);
      return popup;
    };
    for (const name of ['after-resend', 'already-resent'] as const) {
      const popup = await open(PEOPLE.valid2h);
      await popup.locator('.card .do-buttons button').first().click();
      await popup.locator(`.card [data-outcome="${name === 'after-resend' ? 'resent' : 'already-resent'}"]`).waitFor({ timeout: 30_000 });
      await shot(popup, name);
    }
    const popup = await open(PEOPLE.expired3d);
    await popup.locator('.card .do-buttons button.primary, .card .do-buttons button').filter({ hasText: lang === 'de' ? 'Neues Passwort setzen' : 'Set new password' }).click();
    await popup.locator('.card .confirm button.primary').click();
    await popup.locator('.card .secret code.password').waitFor({ timeout: 30_000 });
    await shot(popup, 'after-set-password');
  });
});
