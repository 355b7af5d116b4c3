/**
 * German throughout: in a German browser (Chromium --lang=de, accept-language de) every popup
 * state, the in-page help (user page bar, list pills, teach mode), the options page and the welcome page carry no English
 * sentence. The check is a word list (test/e2e/englishCheck.ts); the simulated admin runs in German
 * so its labels, quoted in our messages, are German too.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { englishIn, visibleTexts } from './englishCheck';
import { openMenu, search } from './manualProcedure';
import { startWorld, type World } from './setup';

let world: World;
beforeAll(async () => {
  world = await startWorld({ lang: 'de' }, { lang: 'de', keepWelcome: true });
});
afterAll(async () => world?.close());

async function noEnglish(page: Page, what: string, onlyOurs = false): Promise<void> {
  const ours = await visibleTexts(page, onlyOurs ? 'reset-desk-ui' : undefined);
  expect(ours.length, `${what}: nothing to check`).toBeGreaterThan(0);
  expect(englishIn(ours), what).toEqual([]);
}

async function lookUpDe(email: string, settled: RegExp): Promise<Page> {
  const popup = await world.ext.openPopup(world.adminTabId);
  await popup.getByLabel('Kunden-E-Mail').fill(email);
  await popup.getByRole('button', { name: 'Prüfen', exact: true }).click();
  await expect.poll(() => popup.locator('.result').innerText(), { timeout: 30_000 }).toMatch(settled);
  await expect.poll(() => popup.locator('[aria-current="step"]').count(), { timeout: 30_000 }).toBe(0);
  return popup;
}

describe('German UI: no English sentence', () => {
  it('the welcome page opened on install', async () => {
    const welcome = world.ext.welcome!;
    await welcome.getByRole('heading', { name: 'Willkommen bei Reset Desk' }).waitFor();
    await noEnglish(welcome, 'welcome');
    mkdirSync('test-results/screenshots', { recursive: true });
    await welcome.screenshot({ path: 'test-results/screenshots/welcome-de.png', fullPage: true });
    await welcome.close();
  });

  it('the popup before a look-up, and its input error', async () => {
    const popup = await world.ext.openPopup(world.adminTabId);
    await popup.getByLabel('Kunden-E-Mail').waitFor();
    await noEnglish(popup, 'empty popup');
    await popup.getByLabel('Kunden-E-Mail').fill('kein-at');
    await popup.getByRole('button', { name: 'Prüfen', exact: true }).click();
    await popup.getByRole('alert').waitFor();
    await noEnglish(popup, 'input error');
    await popup.close();
  });

  const STATES = [
    ['valid', PEOPLE.valid2h, /Gültig/],
    ['expired', PEOPLE.expired3d, /Abgelaufen/],
    ['changed', PEOPLE.changed, /Bereits geändert/],
    ['changed by an agent', PEOPLE.adminChanged, /Bereits geändert/],
    ['no request', PEOPLE.noRequest, /Keine Reset-Anfrage/],
    ['several shops, each with its state', PEOPLE.twoShops, /mehreren Shops[\s\S]*Gültig · noch/],
    ['no customer, look-alikes', 'nna@example.com', /Kein Kunde/],
  ] as const;
  for (const [name, email, word] of STATES) {
    it(`popup: ${name}`, async () => {
      const popup = await lookUpDe(email, word);
      await noEnglish(popup, `popup ${name}`);
      await popup.close();
    });
  }

  it('the user page bar and its badges', async () => {
    const popup = await lookUpDe(PEOPLE.valid2h, /Gültig/);
    await popup.close();
    // The look-up left the admin tab on the customer's user page, with our bar.
    await world.admin.locator('reset-desk-ui[data-kind="user-bar"]').waitFor();
    await expect.poll(() => world.admin.locator('reset-desk-ui[data-kind="user-bar"]').evaluate((h) => h.shadowRoot?.textContent ?? ''), { timeout: 30_000 }).toMatch(/Gültig/);
    await noEnglish(world.admin, 'user page', true);
  });

  it('popup after a resend, a refused second resend, and after setting a password', async () => {
    const popup = await lookUpDe(PEOPLE.valid2h, /Gültig/);
    await popup.getByRole('button', { name: 'Reset-E-Mail erneut senden' }).first().click();
    const resent = popup.locator('.card [data-outcome="resent"]');
    await resent.waitFor({ timeout: 30_000 });
    await expect.poll(() => popup.locator('[aria-current="step"]').count(), { timeout: 30_000 }).toBe(0);
    expect(await resent.innerText()).toMatch(/^Erneut gesendet um \d\d:\d\d \S+$/);
    await noEnglish(popup, 'after resend');
    await popup.close();

    const again = await lookUpDe(PEOPLE.valid2h, /Gültig/);
    await again.getByRole('button', { name: 'Reset-E-Mail erneut senden' }).first().click();
    const already = again.locator('.card [data-outcome="already-resent"]');
    await already.waitFor({ timeout: 30_000 });
    expect(await already.innerText()).toMatch(/^Schon vor .+ erneut gesendet$/);
    await noEnglish(again, 'already resent');
    await again.close();

    const set = await lookUpDe(PEOPLE.expired3d, /Abgelaufen/);
    await set.getByRole('button', { name: 'Neues Passwort setzen' }).first().click();
    await set.getByRole('button', { name: 'Bestätigen' }).click();
    await set.locator('.card .secret').waitFor({ timeout: 30_000 });
    expect(await set.locator('.card .state-word').innerText()).toMatch(/^Von Ihnen geändert um \d\d:\d\d \S+$/);
    await noEnglish(set, 'after set password');
    await set.close();
  });

  it('the Incoming requests list pills', async () => {
    await openMenu(world.admin, world.sim, 'incomingRequests');
    await search(world.admin, world.sim, PEOPLE.valid2h);
    await expect.poll(() => world.admin.locator('reset-desk-ui[data-kind="row-pill"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => world.admin.getByText('wird geprüft').count(), { timeout: 30_000 }).toBe(0);
    await noEnglish(world.admin, 'list pills', true);
  });

  it('a missing label: the popup\'s error with Show me and Layout report, and the teach panel on the page', async () => {
    world.sim.setConfig({ renamed: { show: 'Ansehen' } });
    try {
      const popup = await lookUpDe(PEOPLE.valid2h, /Layout des Admins/);
      await popup.getByRole('button', { name: 'Auf der Seite zeigen' }).click();
      await popup.locator('[data-teaching]').waitFor({ timeout: 15_000 });
      await noEnglish(popup, 'label-missing error');
      const panel = world.admin.locator('reset-desk-ui[data-kind="teach"] section[data-teach]');
      await panel.waitFor({ timeout: 15_000 });
      await noEnglish(world.admin, 'teach panel, picking', true);
      await world.admin.locator('a', { hasText: /^Ansehen$/ }).first().click();
      await expect.poll(() => panel.getAttribute('data-teach'), { timeout: 10_000 }).toBe('proposed');
      await noEnglish(world.admin, 'teach panel, proposed', true);
      await popup.close();
    } finally {
      await world.admin.keyboard.press('Escape');
      world.sim.setConfig({ renamed: {} });
    }
  });

  it('an error with its remedy (not logged in)', async () => {
    await world.ext.context.clearCookies();
    const popup = await lookUpDe(PEOPLE.valid2h, /angemeldet/);
    await noEnglish(popup, 'not logged in');
    await popup.close();
  });

  it('the options page, with the activity log', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(`chrome-extension://${world.ext.extensionId}/src/options/index.html`);
    await page.getByRole('heading', { name: 'Reset-Desk-Optionen' }).waitFor();
    await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    await noEnglish(page, 'options');
    await page.close();
  });
});
