/**
 * Pushes every change of a run that acts on a tab's own page (an in-page button started it) to that
 * tab's content script ('run/update'), so the in-page bar shows progress and the outcome without
 * polling: content scripts cannot read storage.session, where runs live. RunViews never hold a
 * password.
 */
import browser from 'webextension-polyfill';
import { sendToTab } from '../shared/messaging';
import { RUNS_KEY, type RunView } from '../shared/runs';

const lastSent = new Map<string, string>();

export function startRunPush(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'session' || !(RUNS_KEY in changes)) return;
    const runs = changes[RUNS_KEY]?.newValue;
    if (!Array.isArray(runs)) return;
    const ids = new Set<string>();
    for (const run of runs as RunView[]) {
      ids.add(run.id);
      if (run.tabId === undefined || !run.onThisPage) continue;
      const text = JSON.stringify(run);
      if (lastSent.get(run.id) === text) continue;
      lastSent.set(run.id, text);
      // The page may be loading or gone: its successor asks again if it needs to.
      void sendToTab(run.tabId, 'run/update', run).catch(() => undefined);
    }
    for (const id of lastSent.keys()) if (!ids.has(id)) lastSent.delete(id);
  });
}
