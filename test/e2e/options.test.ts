/**
 * The options page in real Chromium: round-trip, invalid input not saved, the custom-host
 * permission request, templates and label overrides taking effect in the popup, `?email=`
 * (the context-menu target), the registered context-menu item and shortcut, the permission list.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { DIST } from './browser';
import { startWorld, type World } from './setup';

type Chrome = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('options page', () => {
  let world: World;
  let page: Page;
  const optionsUrl = () => `chrome-extension://${world.ext.extensionId}/src/options/index.html`;
  const storedSettings = async () =>
    (await world.ext.serviceWorker()).evaluate(async () => ((await (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>);
  const save = () => page.getByRole('button', { name: 'Save', exact: true }).click();

  beforeAll(async () => {
    world = await startWorld({ variant: 'classic' });
    page = await world.ext.context.newPage();
    await page.goto(optionsUrl());
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
  });
  afterAll(async () => world?.close());

  it('saves valid values, says "Saved", and shows them again after a reload', async () => {
    const adminUrl = (await storedSettings()).adminUrl as string;
    await page.getByLabel('Admin time zone').selectOption('America/New_York');
    await page.getByLabel('Admin language').selectOption('de');
    await page.getByLabel('Validity of a reset link (hours)').fill('48');
    await page.getByLabel('Load the password and e-mail histories automatically').uncheck();
    await page.getByLabel('Length (characters)').fill('20');
    await page.getByLabel('Symbols (#, -, _, …)').check();
    await expect.poll(() => page.getByText('Unsaved changes').count()).toBe(1);
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const stored = await storedSettings();
    expect(stored).toMatchObject({
      version: 1,
      adminUrl,
      adminTimeZone: 'America/New_York',
      adminLanguage: 'de',
      validityHours: 48,
      autoLoadHistories: false,
      passwordPolicy: { length: 20, lower: true, upper: true, digits: true, symbols: true },
    });

    await page.reload();
    await expect.poll(() => page.getByLabel('Admin time zone').inputValue()).toBe('America/New_York');
    expect(await page.getByLabel('Admin language').inputValue()).toBe('de');
    expect(await page.getByLabel('Validity of a reset link (hours)').inputValue()).toBe('48');
    expect(await page.getByLabel('Load the password and e-mail histories automatically').isChecked()).toBe(false);
    expect(await page.getByLabel('Length (characters)').inputValue()).toBe('20');
    expect(await page.getByLabel('Symbols (#, -, _, …)').isChecked()).toBe(true);
    expect(await page.getByLabel('Admin address').inputValue()).toBe(adminUrl);

    // Back to what the other tests expect.
    await page.getByLabel('Admin language').selectOption('auto');
    await page.getByLabel('Admin time zone').selectOption(world.sim.config.timeZone);
    await page.getByLabel('Validity of a reset link (hours)').fill('24');
    await page.getByLabel('Load the password and e-mail histories automatically').check();
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  });

  it('reports invalid values next to their fields and saves nothing', async () => {
    await page.reload();
    await page.getByLabel('Admin time zone').waitFor();
    const before = await storedSettings();
    await page.getByLabel('Admin address').fill('admin.example.org');
    await page.getByLabel('Validity of a reset link (hours)').fill('0');
    await page.getByLabel('Length (characters)').fill('5');
    for (const name of ['Lower-case letters (a–z)', 'Upper-case letters (A–Z)', 'Digits (0–9)', 'Symbols (#, -, _, …)']) await page.getByLabel(name).uncheck();
    await page.locator('[data-templates-lang="en"]').getByRole('textbox', { name: 'Try again, check junk' }).fill('Hi {nam}');
    await page.getByText("Advanced: the admin's wording").click();
    await page.getByLabel('menuSales').fill('x'.repeat(201));
    await save();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Not saved: 6 problem\(s\)/);
    for (const text of [
      '"admin.example.org" is not a web address',
      'Enter the number of hours a reset link is valid',
      'Enter a whole number of characters from 8 to 128',
      'Choose at least one kind of character',
      'Unknown placeholder: {nam}',
      'Label "menuSales" is longer than 200 characters',
    ]) {
      expect(await page.getByText(text).count(), text).toBe(1);
    }
    // The fields say they are invalid, and the first one has the focus.
    expect(await page.getByLabel('Admin address').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('adminUrl');
    // Nothing was saved, and what the agent typed is still there.
    expect(await storedSettings()).toEqual(before);
    expect(await page.getByLabel('Admin address').inputValue()).toBe('admin.example.org');
    // The zone is picked from the browser's list, not typed.
    expect(await page.getByRole('combobox', { name: 'Admin time zone' }).locator('option').count()).toBeGreaterThan(300);
    expect(await page.getByText('Saved', { exact: true }).count()).toBe(0);
  });

  it('asks for the permission of a custom admin host at save time, and saves only when granted', async () => {
    await page.reload();
    await page.getByLabel('Admin address').waitFor();
    const before = await storedSettings();
    // Chromium shows its permission prompt only to a real user (there is no switch or CDP call to
    // answer it in a test), so the test answers it: it records the request and says no, then yes.
    await page.evaluate(() => {
      const w = window as unknown as { asked: unknown[]; answer: boolean; chrome: Chrome; browser?: Chrome };
      w.asked = [];
      w.answer = false;
      const fake = (request: unknown) => {
        w.asked.push(request);
        return Promise.resolve(w.answer);
      };
      w.chrome.permissions.request = fake;
      if (w.browser?.permissions) w.browser.permissions.request = fake;
    });
    await page.getByLabel('Admin address').fill('https://admin.example.org:8443/cms/');
    await save();
    await page.getByText('Reset Desk may not run on https://admin.example.org:8443').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/Not saved: Reset Desk has no permission/);
    expect(await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([{ origins: ['https://admin.example.org/*'] }]);
    expect(await storedSettings()).toEqual(before);

    await page.evaluate(() => ((window as unknown as { answer: boolean }).answer = true));
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await storedSettings()).adminUrl).toBe('https://admin.example.org:8443/cms/');

    // A built-in host asks nothing.
    await page.getByLabel('Admin address').fill(before.adminUrl as string);
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toHaveLength(2);
    expect((await storedSettings()).adminUrl).toBe(before.adminUrl);
  });

  it('a custom reply template shows in the preview and is what the popup copies', async () => {
    await page.reload();
    const textarea = page.locator('[data-templates-lang="en"]').getByRole('textbox', { name: 'Try again, check junk' });
    await textarea.fill('Dear {name}, please try once more with {email}. Regards, {shop}');
    await expect.poll(() => page.locator('pre[data-preview="try-again"]').innerText()).toBe('Dear there, please try once more with anna@example.com. Regards, Movie Shop');
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const popup = await world.ext.openPopup(world.adminTabId);
    await popup.evaluate(() => {
      const w = window as unknown as { copied: string[] };
      w.copied = [];
      navigator.clipboard.writeText = async (text: string) => void w.copied.push(text);
    });
    await popup.getByLabel('Customer e-mail').fill(PEOPLE.noRequest);
    await popup.getByRole('button', { name: 'Look up' }).click();
    const row = popup.locator('.copy').filter({ hasText: 'reply: try again, check junk' });
    await row.getByRole('button', { name: 'Copy' }).click({ timeout: 30_000 });
    const copied = await popup.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatch(new RegExp(`^Dear .+, please try once more with ${PEOPLE.noRequest.replace('.', '\\.')}\\. Regards, .+$`));
    await popup.close();

    await page.getByRole('button', { name: 'Reset all templates to the defaults' }).click();
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await storedSettings()).templates).toEqual({});
  });

  it("a label override is what the extension looks for in the admin", async () => {
    await page.reload();
    await page.getByText("Advanced: the admin's wording").click();
    await page.getByLabel('menuIncomingRequests').fill('Inbound tickets');
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await storedSettings()).labelOverrides).toEqual({ menuIncomingRequests: 'Inbound tickets' });

    // The admin tab reads its labels at page load: reload it so the override is in effect there.
    await world.admin.goto(`${world.sim.url}/`);
    const popup = await world.ext.openPopup(world.adminTabId);
    await popup.getByLabel('Customer e-mail').fill(PEOPLE.valid2h);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByText('"Inbound tickets"').first().waitFor({ timeout: 30_000 });
    await popup.close();

    await page.getByLabel('menuIncomingRequests').fill('');
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect((await storedSettings()).labelOverrides).toEqual({});
    await world.admin.goto(`${world.sim.url}/`);
  });

  it('?email= (the context-menu target) fills in the address and looks it up; a non-address gets the message', async () => {
    const popup = await world.ext.context.newPage();
    await popup.goto(`chrome-extension://${world.ext.extensionId}/src/popup/index.html?email=${encodeURIComponent(PEOPLE.valid2h)}`);
    expect(await popup.getByLabel('Customer e-mail').inputValue()).toBe(PEOPLE.valid2h);
    await popup.locator('.state-word').filter({ hasText: 'Valid' }).waitFor({ timeout: 30_000 });
    await popup.goto(`chrome-extension://${world.ext.extensionId}/src/popup/index.html?email=${encodeURIComponent('call me maybe')}`);
    await popup.getByText('"call me maybe" is not a complete e-mail address').waitFor();
    await popup.close();
  });

  it('registers the context-menu item and the shortcut', async () => {
    const sw = await world.ext.serviceWorker();
    const result = await sw.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      // No API lists menu items; update() succeeds only for an item that exists.
      const exists = async (id: string) =>
        c.contextMenus.update(id, {}).then(
          () => true,
          () => false,
        );
      return { menu: await exists('reset-desk-check-selection'), bogus: await exists('no-such-item'), commands: await c.commands.getAll() };
    });
    expect(result.menu).toBe(true);
    expect(result.bogus).toBe(false);
    expect(result.commands).toEqual([expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+K' })]);
  });

  it('asks for exactly the permissions it needs', () => {
    const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'scripting']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.host_permissions).toEqual(['https://admin.flickrocket.com/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+K');
  });
});
