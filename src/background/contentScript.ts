/**
 * Getting the full content script into an admin page.
 *
 * The manifest runs only a gate on every admin page (content/gate.js, src/content/gate.ts): on
 * pages that may be ours it asks for the full script ('content/boot': `bootFullScript`), and it
 * leaves the others untouched, so they cost next to nothing. The full script (content/full.js,
 * src/content/index.ts built as one classic script) is injected with scripting.executeScript, never
 * imported from the page: nothing of ours is web-accessible, so no web page can load one of our
 * files and tell that Reset Desk is installed. Two more ways in make up for what the gate cannot do:
 *   - a flow that needs a page the gate passed over (the Dashboard it starts from, the login page
 *     after a session ended, an error page) injects the full script: `injectContentScript`;
 *   - the gate knows only the default labels. While the agent has renamed labels in the options,
 *     the full script is registered on every admin page, where it recognises pages with the
 *     agent's labels: `syncFullScript`.
 * Injecting it twice into one page is harmless: the second run finds the first one's start on the
 * content-script world's global (CONTENT_READY_KEY) and starts nothing again.
 */
import browser from 'webextension-polyfill';
import { validateLabelOverrides } from '../admin/labels';
import { isCoveredByPatterns, parseAdminUrl, sameOrigin } from '../shared/adminAddress';
import { MessageError } from '../shared/messaging';
import { CONTENT_READY_KEY } from '../shared/protocol';
import { loadSettings, type Settings } from '../shared/settings';

/** Written by the build (vite.config.ts, contentScripts()): the full content script, one file. */
export const FULL_SCRIPT = 'content/full.js';
export const FULL_SCRIPT_ID = 'reset-desk-full-script';

/**
 * Loads the full content script into the tab's top frame, and resolves once it answers requests.
 * False where we cannot (not an admin page we have access to, the page is still being replaced).
 */
export async function injectContentScript(tabId: number): Promise<boolean> {
  const target = { tabId, frameIds: [0] };
  try {
    await browser.scripting.executeScript({ target, files: [FULL_SCRIPT] });
    const [started] = await browser.scripting.executeScript({
      target,
      // Runs in the page's content-script world, where the full script keeps its start.
      func: async (key: string) => {
        const ready = (globalThis as unknown as Record<symbol, Promise<void> | undefined>)[Symbol.for(key)];
        if (!ready) return false;
        await ready;
        return true;
      },
      args: [CONTENT_READY_KEY],
    });
    return started?.result === true;
  } catch {
    return false;
  }
}

/** The admin's pages: the manifest's hosts, and the configured admin address's exact origin (scheme, host, port). */
export async function isAdminPage(pageUrl: string | undefined): Promise<boolean> {
  const url = pageUrl ? parseAdminUrl(pageUrl) : null;
  if (!url) return false;
  const builtIn = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  if (isCoveredByPatterns(url, builtIn)) return true;
  const admin = parseAdminUrl((await loadSettings()).adminUrl);
  return admin !== null && sameOrigin(pageUrl, admin);
}

/**
 * The gate's request ('content/boot') from a page that may be ours. Refused on a page that is no
 * admin page: in Firefox the custom host's registration covers every port of the host (its match
 * patterns have none), and the admin's port is kept here.
 */
export async function bootFullScript(tabId: number, pageUrl: string | undefined): Promise<void> {
  if (!(await isAdminPage(pageUrl))) {
    throw new MessageError('forbidden', `Reset Desk does not run on ${pageUrl ? new URL(pageUrl).origin : 'this page'}: it is not the admin address set in the options.`);
  }
  if (!(await injectContentScript(tabId))) {
    throw new MessageError('inject-failed', `The full content script could not be started in tab ${tabId} (the page was replaced meanwhile, or access to it was withdrawn).`);
  }
}

/**
 * Registers the full script while label overrides are set, for the admin's hosts (the built-in
 * ones and `customPattern`, the custom host we hold permission for); unregisters it otherwise.
 * Part of hostAccess.ts's reconciliation, on every worker start, settings and permission change.
 */
export async function syncFullScript(settings: Settings, customPattern: string | null): Promise<void> {
  const checked = validateLabelOverrides(settings.labelOverrides);
  const renamed = checked.ok && Object.keys(checked.overrides).length > 0;
  const builtIn = browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  const matches = renamed ? [...builtIn, ...(customPattern ? [customPattern] : [])] : [];

  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [FULL_SCRIPT_ID] }))[0];
  if (registered && registered.runAt === 'document_end' && JSON.stringify(registered.matches ?? []) === JSON.stringify(matches)) return;
  if (registered) await browser.scripting.unregisterContentScripts({ ids: [FULL_SCRIPT_ID] });
  if (!matches.length) return;
  await browser.scripting.registerContentScripts([{ id: FULL_SCRIPT_ID, matches, js: [FULL_SCRIPT], runAt: 'document_end', persistAcrossSessions: true }]);
}
