/**
 * The generated password on the customer page: shown to the agent, but in a closed shadow root that
 * the admin page's own scripts cannot read; a copied password leaves the clipboard after a minute
 * where the browser lets us read it (the admin's origin with clipboard-read granted); and after
 * Save, the browser's own password store (the profile's "Login Data") holds no entry for the
 * customer.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PEOPLE } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';
import { closedSecretTexts } from './closedRoots';
import { label } from './manualProcedure';
import { startWorld, type World } from './setup';

let world: World;
beforeAll(async () => {
  world = await startWorld({ variant: 'classic' });
});
afterAll(async () => world?.close());

async function openCustomerPage(email: string): Promise<void> {
  const account = world.sim.scenario().accounts.find((a) => a.email === email)!;
  // The DOM is what this file checks, not the page's load event (CI once saw a fresh profile's first
  // page miss 'load' for 30 s while four browsers started); the help it waits for comes after.
  await world.admin.goto(`${world.sim.pathOf('customer')}?${PARAMS[world.sim.config.variant].id}=${account.id}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
}

/** Everything a page script can read of our UI: the text of every open shadow root, walked from the document. */
async function pageScriptReads(page: Page): Promise<string> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) {
          texts.push(el.shadowRoot.textContent ?? '');
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    // And what selecting everything would give a copy listener.
    texts.push(document.body.innerText);
    return texts.join('\n');
  });
}

/** The profile's password store files ("Login Data", "Login Data For Account", their journals): SQLite, username_value in plain text. */
function loginDataFiles(profile: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && name.startsWith('Login Data')) found.push(path);
    }
  };
  walk(profile);
  return found;
}

describe('the in-page password', () => {
  it('is in a closed shadow root: shown to the agent, unreadable for a page script; the copy leaves the clipboard after a minute; the browser stores no login', async () => {
    const { admin, sim } = world;
    sim.reset();
    const email = PEOPLE.valid2h;
    await world.ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: sim.url });
    await openCustomerPage(email);
    const help = admin.locator('reset-desk-ui[data-kind="password-help"]');
    await help.locator('button[data-action="set-password"]').click();
    await help.locator('button[data-action="confirm-set-password"]').click();
    await expect.poll(async () => ((await help.locator('[data-outcome]').count()) ? help.locator('[data-outcome]').first().getAttribute('data-outcome') : ''), { timeout: 30_000 }).toBe('saved');
    await help.locator('[data-secret="password"]').waitFor({ state: 'attached' });
    // The agent sees it.
    const [password = ''] = await closedSecretTexts(admin);
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(sim.checkPassword(email, password)).toBe(true);
    // The page's own scripts: the open roots, the host element, a select-all.
    expect(await pageScriptReads(admin)).not.toContain(password);
    expect(await admin.evaluate(() => document.querySelector('reset-desk-ui[data-kind="password-help"]')!.shadowRoot!.querySelector('[data-secret]')!.shadowRoot)).toBeNull();

    // Copy: the clipboard holds it now (read here by the page, which the test granted clipboard-read).
    await admin.bringToFront();
    await help.locator('button[data-action="copy-password"]').click();
    await help.locator('[data-clipboard="copied"]').waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(password);
    // A minute later (no fake clock reaches the content script's world): emptied, and said so; the shown password is gone too.
    await help.locator('[data-clipboard="cleared"]').waitFor({ timeout: 75_000 });
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe('');
    await help.locator('[data-secret-gone]').waitFor();
    expect(await closedSecretTexts(admin)).toEqual([]);

    // The browser's password store: nothing for the customer (nor for the password) in the profile.
    const store = loginDataFiles(world.ext.profile);
    expect(store.length).toBeGreaterThan(0);
    for (const needle of [email, password, new URL(sim.url).host]) {
      expect(store.filter((file) => readFileSync(file).includes(Buffer.from(needle))), needle).toEqual([]);
    }
  }, 120_000);
});
