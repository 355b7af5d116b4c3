/**
 * The loop the rest stands on: the built extension loads in Chromium, its content script runs in
 * the simulated admin, and a message goes popup → background → content script → back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { openCustomer, openMenu, search } from './manualProcedure';
import { startWorld, type World } from './setup';

describe.each(['classic', 'modern', 'legacy'] as const)('extension loop (%s markup)', (variant) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant });
  });
  afterAll(async () => world?.close());

  it("injects its bar into the user page, found by the page's labels", async () => {
    const { admin, sim } = world;
    // Navigate like an agent: menu → Incoming requests → search → Show.
    await openMenu(admin, sim, 'incomingRequests');
    await search(admin, sim, PEOPLE.valid2h);
    // The list page gets row pills (once the content script has loaded), never the user page's bar.
    expect(await admin.locator('reset-desk-ui[data-kind="user-bar"]').count()).toBe(0);
    await openCustomer(admin, sim, PEOPLE.valid2h);
    await expect.poll(() => admin.locator('reset-desk-ui[data-kind="user-bar"]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => admin.getByText('Reset Desk', { exact: true }).count()).toBe(1);
  });

  it('round-trips a message from the popup through the background to the admin tab', async () => {
    const popup = await world.ext.openPopup(world.adminTabId);
    const report = await popup.evaluate(async (tabId) => {
      const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: { tabId: number; report: { page: string; customerEmail?: string } } }> } } }).chrome;
      return api.runtime.sendMessage({ resetDesk: 1, type: 'admin/ping', payload: { tabId } });
    }, world.adminTabId);
    expect(report.ok).toBe(true);
    expect(report.value.tabId).toBe(world.adminTabId);
    expect(report.value.report.page).toBe('user');
    expect(report.value.report.customerEmail).toBe(PEOPLE.valid2h);
    await popup.close();
  });
});
