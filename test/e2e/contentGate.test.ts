/**
 * The content script's gate in the browser: on admin pages that are not ours only the gate runs
 * (no listener, nothing announced), on ours the full script; a flow that needs a page the gate
 * passed over gets the full script injected; and with renamed labels, which the gate does not
 * know, a registered script brings the full one to every admin page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';
import { startWorld, type World } from './setup';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

/** What the page's content script answers to a ping sent straight from the worker (no injection), or the error. */
async function rawPing(): Promise<string> {
  const sw = await world.ext.serviceWorker();
  return sw.evaluate(async (tabId) => {
    const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: object, o: object): Promise<{ ok: boolean; value?: { page: string } }> } } }).chrome;
    try {
      const reply = await api.tabs.sendMessage(tabId, { resetDesk: 1, type: 'content/ping', payload: {} }, { frameId: 0 });
      return reply?.ok ? `page ${reply.value?.page}` : 'no reply';
    } catch (error) {
      return `error: ${(error as Error).message}`;
    }
  }, world.adminTabId);
}

async function registeredScripts(): Promise<{ id: string; js?: string[]; matches?: string[] }[]> {
  const sw = await world.ext.serviceWorker();
  return sw.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string; js?: string[]; matches?: string[] }[]> } } }).chrome;
    return api.scripting.getRegisteredContentScripts();
  });
}

const userPageUrl = (email: string) => {
  const account = world.sim.scenario().accounts.find((a) => a.email === email)!;
  return `${world.sim.pathOf('user')}?${PARAMS[world.sim.config.variant].id}=${account.id}`;
};

describe('content script gate', () => {
  it('leaves the Dashboard to the gate alone, and runs the full script on the user page', async () => {
    await world.admin.goto(world.sim.pathOf('dashboard'));
    await world.admin.waitForTimeout(300);
    expect(await rawPing()).toMatch(/^error: .*(Receiving end does not exist|Could not establish connection)/);

    await world.admin.goto(userPageUrl(PEOPLE.valid2h));
    await expect.poll(rawPing, { timeout: 10_000 }).toBe('page user');
  });

  it('injects the full script when a flow starts on a page the gate passed over', async () => {
    await world.admin.goto(world.sim.pathOf('orders'));
    await world.admin.waitForTimeout(300);
    expect(await rawPing()).toMatch(/^error:/);
    const popup = await world.ext.openPopup(world.adminTabId);
    await popup.getByLabel('Customer e-mail').fill(PEOPLE.valid2h);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await expect.poll(() => popup.locator('.state-word').textContent(), { timeout: 30_000 }).toBe('Valid');
    await popup.close();
  });

  it('with renamed labels, brings the full script to every admin page (the gate knows only the defaults)', async () => {
    world.sim.setConfig({ renamed: { passwordHistory: 'Kennwortverlauf' } });
    try {
      await world.admin.goto(userPageUrl(PEOPLE.valid2h));
      await world.admin.waitForTimeout(500);
      // The gate does not recognise the renamed page: no in-page help, nothing answers.
      expect(await rawPing()).toMatch(/^error:/);
      expect(await world.admin.locator('reset-desk-ui[data-kind="user-bar"]').count()).toBe(0);

      await world.setSettings({ labelOverrides: { passwordHistory: 'Kennwortverlauf' } });
      await expect.poll(async () => (await registeredScripts()).map((s) => s.id), { timeout: 10_000 }).toContain('reset-desk-full-script');
      const full = (await registeredScripts()).find((s) => s.id === 'reset-desk-full-script')!;
      expect(full.js).toEqual(['content/full.js']);
      expect(full.matches).toEqual(expect.arrayContaining(['http://127.0.0.1/*']));

      await world.admin.reload();
      await expect.poll(rawPing, { timeout: 10_000 }).toBe('page user');
      await expect(world.admin.locator('reset-desk-ui[data-kind="user-bar"]').first().waitFor({ timeout: 10_000 })).resolves.toBeUndefined();

      await world.setSettings({ labelOverrides: {} });
      await expect.poll(async () => (await registeredScripts()).map((s) => s.id), { timeout: 10_000 }).not.toContain('reset-desk-full-script');
    } finally {
      world.sim.setConfig({ renamed: {} });
      await world.setSettings({ labelOverrides: {} });
    }
  });
});
