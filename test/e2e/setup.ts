/**
 * One end-to-end world: the simulated admin on a free 127.0.0.1 port, Chromium with the built
 * extension (fresh profile), the agent logged in, and the extension's settings pointing at it.
 */
import { patchStoredSettings } from '../../scripts/extensionSettings';
import type { Page } from 'playwright-core';
import { startSimulator, SESSION_COOKIE, type SimConfig, type Simulator } from '../admin-sim/server';
import { launchWithExtension, type ExtensionBrowser } from './browser';

type LaunchOptions = Parameters<typeof launchWithExtension>[0];

export interface World {
  sim: Simulator;
  ext: ExtensionBrowser;
  /** The agent's admin tab, logged in, on the dashboard (a test that closes it may set a new one). */
  admin: Page;
  adminTabId: number;
  /** Writes extension settings (storage.sync) as the options page would. */
  setSettings(patch: Record<string, unknown>): Promise<void>;
  /**
   * Forgets the extension's runs, as a new agent's browser would not have them: after a simulator
   * reset the admin is a new world, but the runs of the last case (a resend of ours moments ago)
   * would rightly stop the next resend of the same customer. Storage first, then the worker (whose
   * copy of the runs goes with it; the next event starts a new one that reads the empty storage).
   */
  forgetRuns(): Promise<void>;
  /**
   * Forgets what the extension learnt about the admin, such as a search form's results address (a
   * later run then goes through the list page again): removed from storage, and the worker (with
   * its copy) is stopped; the next event starts a new one. The runs stay.
   */
  forgetLearnt(): Promise<void>;
  /** Every storage area's content, as JSON text (to prove what is NOT stored). */
  dumpStorage(): Promise<string>;
  close(): Promise<void>;
}

export async function startWorld(config: Partial<SimConfig> = {}, launchOptions: LaunchOptions = {}): Promise<World> {
  const sim = await startSimulator({ port: 0, control: true, loadDataLatencyMs: [20, 60], ...config });
  const ext = await launchWithExtension(launchOptions);
  const cookie = sim.login().split('=');
  await ext.context.addCookies([{ name: SESSION_COOKIE, value: cookie.slice(1).join('='), url: sim.url }]);
  const admin = ext.context.pages()[0] ?? (await ext.context.newPage());
  const world: World = {
    sim,
    ext,
    admin,
    adminTabId: -1,
    async setSettings(patch) {
      await patchStoredSettings(await ext.serviceWorker(), patch);
    },
    async forgetRuns() {
      const sw = await ext.serviceWorker();
      await sw.evaluate(async () => (globalThis as unknown as { chrome: { storage: { session: { remove(k: string): Promise<void> } } } }).chrome.storage.session.remove('runs'));
      await ext.stopServiceWorker();
    },
    async forgetLearnt() {
      const sw = await ext.serviceWorker();
      // src/background/runs/navigate.ts's SEARCH_URLS_KEY; then the worker's copy goes with it.
      await sw.evaluate(async () => (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome.storage.local.remove('searchUrls'));
      await ext.stopServiceWorker();
    },
    async dumpStorage() {
      const sw = await ext.serviceWorker();
      return sw.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync' | 'session', { get(k: null): Promise<unknown> }> } }).chrome;
        return JSON.stringify({ local: await api.storage.local.get(null), sync: await api.storage.sync.get(null), session: await api.storage.session.get(null) });
      });
    },
    async close() {
      await ext.close();
      await sim.close();
    },
  };
  // The admin prints dates in its own zone; the agent tells the extension which (as in the options).
  await world.setSettings({ adminUrl: `${sim.url}/`, adminTimeZone: sim.config.timeZone });
  await admin.goto(`${sim.url}/`);
  world.adminTabId = await ext.tabIdOf(admin);
  return world;
}
