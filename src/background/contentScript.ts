/**
 * Getting the full content script into an admin page.
 *
 * The manifest runs only a gate on every admin page (content/gate.js, src/content/gate.ts): it
 * loads the full script (`content/boot.js`) on pages that may be ours and leaves the others
 * untouched, so they cost next to nothing. Two things here make up for what the gate cannot do:
 *   - a flow that needs a page the gate passed over (the Dashboard it starts from, the login page
 *     after a session ended, an error page) injects the full script: `injectContentScript`;
 *   - the gate knows only the default labels. While the agent has renamed labels in the options,
 *     a registered content script (content/force-boot.js) loads the full script on every admin
 *     page, where it recognises pages with the agent's labels: `syncFullScript`.
 * Loading boot.js twice in one page is harmless: a module is evaluated once per page.
 */
import browser from 'webextension-polyfill';
import { validateLabelOverrides } from '../admin/labels';
import type { Settings } from '../shared/settings';

/** Written by the build (vite.config.ts, contentGate()): the full content script's module. */
export const CONTENT_BOOT = 'content/boot.js';
export const FULL_SCRIPT_ID = 'reset-desk-full-script';
const FORCE_BOOT = 'content/force-boot.js';

/**
 * Loads the full content script into the tab's top frame, and resolves once it answers requests.
 * False where we cannot (not an admin page we have access to, the page is still being replaced).
 */
export async function injectContentScript(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      // Runs in the page's content-script world; `ready` settles once the page is recognised.
      func: async (url: string) => {
        const script = (await import(url)) as { ready?: Promise<void> };
        await script.ready;
      },
      args: [browser.runtime.getURL(CONTENT_BOOT)],
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Registers content/force-boot.js while label overrides are set, for the admin's hosts (the built-in
 * ones and `customPattern`, the custom host we hold permission for); unregisters it otherwise.
 * Part of hostAccess.ts's reconciliation, on every worker start, settings and permission change.
 */
export async function syncFullScript(settings: Settings, customPattern: string | null): Promise<void> {
  const checked = validateLabelOverrides(settings.labelOverrides);
  const renamed = checked.ok && Object.keys(checked.overrides).length > 0;
  const builtIn = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  const matches = renamed ? [...builtIn, ...(customPattern ? [customPattern] : [])] : [];

  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [FULL_SCRIPT_ID] }))[0];
  if (registered && JSON.stringify(registered.matches ?? []) === JSON.stringify(matches)) return;
  if (registered) await browser.scripting.unregisterContentScripts({ ids: [FULL_SCRIPT_ID] });
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([{ id: FULL_SCRIPT_ID, matches, js: [FORCE_BOOT], runAt: 'document_idle', persistAcrossSessions: true }]);
}
