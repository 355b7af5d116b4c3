/**
 * German UI (Chromium with --lang=de and LANGUAGE=de), and the content script on a custom admin
 * host, registered at run time (scripting.registerContentScripts) by the background.
 *
 * The custom host: Chromium cannot grant an optional host permission without a person clicking
 * its prompt, so this test loads a copy of dist/ whose manifest holds the custom host as a
 * REQUIRED host permission, but not in content_scripts.matches: the background then finds the
 * permission granted and must register our content script there itself, exactly as after the
 * agent's "Allow". The custom host is the simulator on IPv6 loopback, http://[::1]:PORT/: plain
 * http is allowed on this machine's loopback only (src/shared/adminAddress.ts), and [::1] is none
 * of the built-in hosts (127.0.0.1, localhost).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PEOPLE, SESSION_COOKIE, startSimulator } from '../admin-sim/server';
import { DIST } from './browser';
import { launch } from './optionsLaunch';

type Chrome = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('German UI', () => {
  it('shows the popup and the options page in German', async () => {
    const b = await launch({ args: ['--lang=de'], env: { LANGUAGE: 'de', LANG: 'de_DE.UTF-8' } });
    try {
      const page = await b.context.newPage();
      await page.goto(`chrome-extension://${b.extensionId}/src/popup/index.html`);
      await page.getByLabel('Kunden-E-Mail').waitFor();
      expect(await page.getByRole('button', { name: 'Prüfen' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Prüfen' }).click();
      await page.getByText('Geben Sie die E-Mail-Adresse des Kunden ein.').waitFor();

      await page.goto(`chrome-extension://${b.extensionId}/src/options/index.html`);
      await page.getByRole('heading', { name: 'Reset-Desk-Optionen' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
      expect(await page.getByRole('button', { name: 'Speichern', exact: true }).count()).toBe(1);
    } finally {
      await b.close();
    }
  });
});

describe('custom admin host', () => {
  it('runs our content script there once the host is granted, and stops when the address changes', async () => {
    const sim = await startSimulator({ port: 0, control: true, host: '::1' });
    const dir = mkdtempSync(join(tmpdir(), 'reset-desk-dist-'));
    cpSync(DIST, dir, { recursive: true });
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.host_permissions.push('http://[::1]/*');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const port = new URL(sim.url).port;
    const b = await launch({ dist: dir });
    try {
      const adminUrl = `http://[::1]:${port}/`;
      const sw = await b.sw();
      await sw.evaluate(
        async ({ adminUrl, timeZone }) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({ settings: { adminUrl, adminTimeZone: timeZone } }),
        { adminUrl, timeZone: sim.config.timeZone },
      );
      const registered = () =>
        sw.evaluate(async () => ((await (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()) as { id: string; matches: string[]; js: string[] }[]));
      await expect.poll(registered, { timeout: 10_000 }).toEqual([
        expect.objectContaining({ id: 'reset-desk-custom-admin', matches: [`http://[::1]:${port}/*`], js: manifest.content_scripts[0].js }),
      ]);

      const cookie = sim.login().split('=');
      await b.context.addCookies([{ name: SESSION_COOKIE, value: cookie.slice(1).join('='), url: adminUrl }]);
      const admin = b.context.pages()[0] ?? (await b.context.newPage());
      await admin.goto(adminUrl);
      const tabId = await sw.evaluate(async (u) => ((await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ url: `${u}*` })) as { id: number }[])[0]?.id, adminUrl);
      // The whole loop on the custom host: popup → background → our content script there → result.
      const popup = await b.context.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/src/popup/index.html?tab=${tabId}`);
      await popup.getByLabel('Customer e-mail').fill(PEOPLE.valid2h);
      await popup.getByRole('button', { name: 'Look up' }).click();
      await popup.locator('.state-word').filter({ hasText: 'Valid' }).waitFor({ timeout: 30_000 });

      // Back to the built-in address: the registration goes.
      await sw.evaluate(async (u) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.sync.set({ settings: { adminUrl: u } }), 'http://127.0.0.1:8787/');
      await expect.poll(registered, { timeout: 10_000 }).toEqual([]);
    } finally {
      await b.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
