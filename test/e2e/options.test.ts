/**
 * The options page in real Chromium: round-trip, invalid input not saved, the custom-host
 * permission request, templates and label overrides taking effect in the popup, `?email=`
 * (the context-menu target), the registered context-menu item and shortcut, the permission list.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, SESSION_COOKIE, startSimulator } from '../admin-sim/server';
import { DIST } from './browser';
import { launch } from './optionsLaunch';
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
    // A fresh profile: the welcome tab the install opened is kept for the first case.
    world = await startWorld({ variant: 'classic' }, { keepWelcome: true });
    page = await world.ext.context.newPage();
    await page.goto(optionsUrl());
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
  });
  afterAll(async () => world?.close());

  it('opens the welcome page on install: the admin\'s address, zone (a picker) and language, what it adds, the way to the options; its Save is the options\' Save', async () => {
    const welcome = world.ext.welcome!;
    expect(welcome, 'a welcome tab opened on install').not.toBeNull();
    // Loaded before the test set the admin's address: read the settings again, as a new visit would.
    await welcome.reload();
    await welcome.getByRole('heading', { name: 'Welcome to Reset Desk' }).waitFor();
    expect(await welcome.getByLabel('Admin time zone').evaluate((el) => el.localName)).toBe('select');
    expect(await welcome.getByLabel('Admin address').inputValue()).toBe(`${world.sim.url}/`);
    await welcome.getByLabel('Admin language').waitFor();
    const adds = await welcome.locator('.adds li').allInnerTexts();
    expect(adds.join('\n')).toMatch(/popup[\s\S]*user page[\s\S]*Incoming requests[\s\S]*customer page/);
    await welcome.getByLabel('Admin time zone').selectOption('Asia/Tokyo');
    await welcome.getByRole('button', { name: 'Save', exact: true }).click();
    await welcome.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Admin time zone').inputValue()).toBe('Asia/Tokyo');
    expect(await welcome.getByRole('link', { name: 'Open the options' }).getAttribute('href')).toBe(optionsUrl());
    mkdirSync('test-results/screenshots', { recursive: true });
    await welcome.screenshot({ path: 'test-results/screenshots/welcome-en.png', fullPage: true });
    await welcome.close();
  });

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

  it('says why an admin address is refused (plain http elsewhere than this computer, a wildcard host)', async () => {
    await page.reload();
    await page.getByLabel('Admin address').waitFor();
    const before = await storedSettings();
    await page.getByLabel('Admin address').fill('http://admin.example.org:8080/');
    await save();
    await page.getByText('The admin address must start with https://').waitFor();
    await page.getByLabel('Admin address').fill('https://*.example.org/');
    await save();
    await page.getByText('The admin address must name one host').waitFor();
    expect(await storedSettings()).toEqual(before);
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
    expect(await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([{ origins: ['https://admin.example.org:8443/*'] }]);
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

  it('exports the settings as a file and imports it back; a bad file says what it rejects, field by field', async () => {
    await page.reload();
    await page.getByLabel('Validity of a reset link (hours)').fill('36');
    await page.getByLabel('Symbols (#, -, _, …)').check();
    await page.getByRole('textbox', { name: 'Try again, check junk (English)' }).fill('Hi {name}, once more please.');
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const exported = await storedSettings();
    // Something in the activity log, to prove the file never carries it.
    await (await world.ext.serviceWorker()).evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      await c.storage.local.set({ probeNotExported: 'anna@example.com' });
    });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export settings' }).click()]);
    expect(download.suggestedFilename()).toBe('reset-desk-settings.json');
    const file = readFileSync((await download.path())!, 'utf8');
    const parsed = JSON.parse(file);
    expect(parsed).toEqual({ format: 'reset-desk-settings', settings: exported });
    expect(file).not.toContain('anna@example.com');

    // Change things, then import the file: the preview lists what will be applied; Apply fills the form.
    await page.getByLabel('Validity of a reset link (hours)').fill('12');
    await page.getByLabel('Symbols (#, -, _, …)').uncheck();
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.locator('#import-settings').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    const preview = page.getByRole('region', { name: 'Import from team.json' });
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/Will be applied:[\s\S]*Validity of a reset link \(hours\): 36/);
    expect(await preview.getByText('Not applied:').count()).toBe(0);
    // Nothing changes before Apply.
    expect((await storedSettings()).validityHours).toBe(12);
    await preview.getByRole('button', { name: 'Apply to the form' }).click();
    await page.getByText('check them, then Save').waitFor();
    expect(await page.getByLabel('Validity of a reset link (hours)').inputValue()).toBe('36');
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(await storedSettings()).toEqual(exported);

    // A file with bad fields: each rejected with its reason, the good ones offered, nothing applied yet.
    const bad = { format: 'reset-desk-settings', settings: { version: 1, adminUrl: 'ftp://nope', validityHours: 0, adminLanguage: 'de', labelOverrides: { bogus: 'x' } } };
    await page.locator('#import-settings').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    const badPreview = page.getByRole('region', { name: 'Import from bad.json' });
    await badPreview.waitFor();
    const rejected = await badPreview.locator('.import-rejected').innerText();
    expect(rejected).toContain('Admin address: "ftp://nope" is not a web page address');
    expect(rejected).toContain('Validity of a reset link (hours): Enter the number of hours a reset link is valid: from 1 to 336.');
    expect(rejected).toContain('Admin labels: Unknown label "bogus"');
    expect(await badPreview.locator('.import-apply').innerText()).toBe('Admin language: de');
    await badPreview.getByRole('button', { name: 'Cancel' }).click();
    expect(await badPreview.count()).toBe(0);
    expect(await page.getByLabel('Admin language').inputValue()).toBe('auto');
    expect(await storedSettings()).toEqual(exported);

    // Back to what the other tests expect.
    await page.getByLabel('Validity of a reset link (hours)').fill('24');
    await page.getByRole('button', { name: 'Reset all templates to the defaults' }).click();
    await save();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
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

  it('ships the policy schema the manifest names (storage.managed_schema)', () => {
    const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.json'), 'utf8'));
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(JSON.parse(readFileSync(resolve(DIST, manifest.storage.managed_schema), 'utf8'))).toEqual(JSON.parse(readFileSync(resolve('public/managed_schema.json'), 'utf8')));
  });

  it('asks for exactly the permissions it needs', () => {
    const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'scripting']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.host_permissions).toEqual(['https://admin.flickrocket.com/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+K');
  });

  it('the activity log shows outcomes in words, also old entries stored with codes', async () => {
    await (await world.ext.serviceWorker()).evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      await c.storage.local.set({
        activity: [
          { at: Date.now() - 60_000, action: 'lookup', email: 'old-code@example.com', shop: 'Movie Shop Berlin', outcome: 'failed: label-missing' },
          { at: Date.now() - 120_000, action: 'resend', email: 'old-code@example.com', shop: 'Movie Shop Berlin', outcome: 'not found' },
        ],
      });
    });
    await page.reload();
    const log = page.locator('table.activity tbody');
    await log.waitFor();
    const text = await log.innerText();
    expect(text).toContain("not done: the admin's layout has changed");
    expect(text).toContain('no customer with this e-mail');
    expect(text).not.toMatch(/label-missing|failed:|not found/);
    await (await world.ext.serviceWorker()).evaluate(async () => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.remove('activity'));
    await page.reload();
  });
});

/**
 * Settings an organisation pins by policy. An extension cannot write storage.managed, and Chromium
 * has no switch for policies: Debian's Chromium reads them from /etc/chromium/policies/managed/
 * (root only), including `3rdparty.extensions.<id>` as an extension's managed storage, and does so
 * headless. The test writes a policy for a copy of dist/ (its own extension id, so no other test's
 * browser sees it) and removes it afterwards; without root it is skipped, and says so.
 */
const POLICY_DIR = '/etc/chromium/policies/managed';
const canWritePolicy = (() => {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    console.warn(`options.test: SKIPPED the policy test: ${POLICY_DIR} is not writable (needs root)`);
    return false;
  }
})();

/** Chromium's id for an unpacked extension: the SHA-256 of its path, first 32 hex digits as a-p. */
const unpackedExtensionId = (path: string) =>
  [...createHash('sha256').update(path).digest('hex').slice(0, 32)].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');

describe('settings pinned by policy (storage.managed)', () => {
  it.skipIf(!canWritePolicy)('shows pinned fields locked ("Set by your organisation") and every context uses them', async () => {
    const sim = await startSimulator({ port: 0, control: true });
    const dist = mkdtempSync(join(tmpdir(), 'reset-desk-policy-dist-'));
    cpSync(DIST, dist, { recursive: true });
    const id = unpackedExtensionId(dist);
    const policyFile = join(POLICY_DIR, `reset-desk-e2e-${id}.json`);
    const pinned = { adminUrl: `${sim.url}/`, adminLanguage: 'en', labelOverrides: { menuIncomingRequests: 'Inbound tickets' } };
    // A value the policy sets that fails its check is not used, and the options page says so.
    const policy = { ...pinned, adminTimeZone: 'Mars/Olympus' };
    writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
    const b = await launch({ dist });
    try {
      expect(b.extensionId).toBe(id);
      const sw = await b.sw();
      expect(await sw.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.managed.get())).toEqual(policy);
      // The agent's own values differ: the pinned ones must win.
      await sw.evaluate(async (timeZone) => {
        const c = (globalThis as unknown as { chrome: Chrome }).chrome;
        await c.storage.sync.set({ settings: { version: 1, adminUrl: 'https://own.example.org/', adminLanguage: 'de', adminTimeZone: timeZone, labelOverrides: { save: 'Store' }, templates: { 'no-such': 'x' } } });
      }, sim.config.timeZone);

      const page = await b.context.newPage();
      await page.goto(`chrome-extension://${b.extensionId}/src/options/index.html`);
      const address = page.getByLabel('Admin address');
      await expect.poll(() => address.inputValue()).toBe(`${sim.url}/`);
      expect(await address.isDisabled()).toBe(true);
      expect(await page.getByLabel('Admin language').isDisabled()).toBe(true);
      expect(await page.getByLabel('Admin language').inputValue()).toBe('en');
      expect(await page.getByLabel('Admin time zone').isDisabled()).toBe(false);
      expect(await page.getByLabel('Admin time zone').inputValue()).toBe(sim.config.timeZone);
      const notes = await page.getByRole('note').allInnerTexts();
      expect(notes.join('\n')).toMatch(/Your organisation's policy sets values that are not valid[\s\S]*Admin time zone: "Mars\/Olympus" is not a time zone/);
      expect(notes.join('\n')).toMatch(/Some stored settings are not valid[\s\S]*Reply templates: Unknown template "no-such"/);
      expect(await page.locator('#adminUrl-pinned').innerText()).toContain('Set by your organisation');
      expect(await address.getAttribute('aria-describedby')).toContain('adminUrl-pinned');
      const pinnedLabel = page.getByLabel('menuIncomingRequests');
      expect(await pinnedLabel.inputValue()).toBe('Inbound tickets');
      expect(await pinnedLabel.isDisabled()).toBe(true);
      expect(await page.getByLabel('save', { exact: true }).isDisabled()).toBe(false);

      // Saving keeps the agent's own values of pinned fields in storage.sync (back if the policy goes).
      await page.getByLabel('Validity of a reset link (hours)').fill('30');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      const own = await sw.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.get('settings')).settings);
      expect(own).toMatchObject({ adminUrl: 'https://own.example.org/', adminLanguage: 'de', validityHours: 30, labelOverrides: { save: 'Store' } });
      expect(own.labelOverrides).not.toHaveProperty('menuIncomingRequests');

      // Used by the worker and the content script: the look-up goes to the pinned admin and looks
      // for the pinned label (which this admin does not show), so it stops naming it.
      const cookie = sim.login().split('=');
      await b.context.addCookies([{ name: SESSION_COOKIE, value: cookie.slice(1).join('='), url: sim.url }]);
      const admin = await b.context.newPage();
      await admin.goto(`${sim.url}/`);
      const tabId = await sw.evaluate(async (u) => (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ url: `${u}/*` }))[0]?.id, sim.url);
      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/src/popup/index.html?tab=${tabId}`);
      await popup.getByLabel('Customer e-mail').fill(PEOPLE.valid2h);
      await popup.getByRole('button', { name: 'Look up' }).click();
      await popup.getByText('"Inbound tickets"').first().waitFor({ timeout: 30_000 });
    } finally {
      await b.close();
      rmSync(policyFile, { force: true });
      rmSync(dist, { recursive: true, force: true });
      await sim.close();
    }
  });
});
