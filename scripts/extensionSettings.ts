/**
 * Stored settings patched from outside the extension (the demo, the e2e worlds), through the
 * extension's own service worker: the same `settings` object the options page saves, merged.
 */
import type { Worker } from 'playwright-core';

export async function patchStoredSettings(worker: Worker, patch: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (p) => {
    const api = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const current = ((await api.storage.sync.get('settings')).settings ?? {}) as Record<string, unknown>;
    await api.storage.sync.set({ settings: { ...current, ...p } });
  }, patch);
}
