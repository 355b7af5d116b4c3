/**
 * Our content script on a custom admin host.
 *
 * The manifest's content_scripts run only on the built-in hosts (admin.flickrocket.com and the
 * local simulator). When the agent sets another admin address, the options page asks for that
 * origin (optional_host_permissions, at save time, under the Save click); a manifest cannot name a
 * host it does not know, so here we register the same content script dynamically
 * (scripting.registerContentScripts) for exactly that origin, and unregister it when the address
 * changes or the permission is taken away. We also give back the permission of a previous custom
 * host, so the extension only ever holds access to the one admin it works with.
 *
 * The file to register is the manifest's own content script, the gate (`content_scripts[0].js`,
 * content/gate.js): it asks the background for the full script, which is injected, not imported,
 * so nothing needs to be web-accessible on the custom host either (background/contentScript.ts).
 *
 * Reconciled on every worker start, on settings changes (also synced from another machine) and
 * when permissions change (the agent can revoke them in the browser's extension settings).
 */
import browser from 'webextension-polyfill';
import { isCoveredByPatterns, matchPatternsCarryPorts, originPattern, parseAdminUrl } from '../shared/adminAddress';
import { MessageError } from '../shared/messaging';
import { loadSettings, SETTINGS_KEY } from '../shared/settings';
import { syncFullScript } from './contentScript';

export const CUSTOM_ADMIN_SCRIPT_ID = 'reset-desk-custom-admin';

/** A custom admin host's origin pattern and whether it is granted; null for a built-in host (or no address). */
async function customHost(adminUrl: string): Promise<{ url: URL; pattern: string; granted: boolean } | null> {
  const url = parseAdminUrl(adminUrl);
  const manifest = browser.runtime.getManifest();
  const builtIn = manifest.content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
  if (!url || isCoveredByPatterns(url, builtIn)) return null;
  const pattern = originPattern(url, { withPort: matchPatternsCarryPorts(browser.runtime.getURL('')) });
  return { url, pattern, granted: await browser.permissions.contains({ origins: [pattern] }) };
}

/** The origin pattern our content script must be registered for, or null (none needed / not granted). */
export async function wantedCustomPattern(adminUrl: string): Promise<string | null> {
  const host = await customHost(adminUrl);
  return host?.granted ? host.pattern : null;
}

/**
 * Before a run opens the admin: a custom admin host whose access was never granted or was taken
 * back (the browser's extension settings) says so by name, instead of a tab in which Reset Desk
 * cannot start ("could not start in the admin tab ... reload").
 */
export async function requireHostAccess(adminUrl: string): Promise<void> {
  const host = await customHost(adminUrl);
  if (host && !host.granted) {
    throw new MessageError('no-host-access', `Reset Desk has no access to ${host.url.origin}.`, { origin: host.url.origin });
  }
}

async function reconcileNow(): Promise<void> {
  const manifest = browser.runtime.getManifest();
  const settings = await loadSettings();
  const wanted = await wantedCustomPattern(settings.adminUrl);

  // Give back optional origins other than the current admin's (a previous custom host).
  const required = new Set(manifest.host_permissions ?? []);
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const stale = granted.filter((o) => !required.has(o) && o !== wanted);
  if (stale.length) await browser.permissions.remove({ origins: stale }).catch(() => undefined);

  await syncCustomHostScript(manifest, wanted);
  // The full script's registration depends on the same settings and on this host's permission.
  await syncFullScript(settings, wanted);
}

async function syncCustomHostScript(manifest: ReturnType<typeof browser.runtime.getManifest>, wanted: string | null): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [CUSTOM_ADMIN_SCRIPT_ID] });
  const current = registered[0]?.matches?.[0] ?? null;
  if (current === wanted && (registered[0]?.matches?.length ?? 0) <= 1 && registered[0]?.runAt === 'document_end') return;
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [CUSTOM_ADMIN_SCRIPT_ID] });
  if (!wanted) return;
  const js = manifest.content_scripts?.[0]?.js ?? [];
  if (!js.length) throw new Error('reset-desk: the manifest has no content script to register');
  await browser.scripting.registerContentScripts([{ id: CUSTOM_ADMIN_SCRIPT_ID, matches: [wanted], js, runAt: 'document_end', persistAcrossSessions: true }]);
}

let queue: Promise<void> = Promise.resolve();

/** Brings the registration in line with the settings and permissions (serialised: events come in bursts). */
export function reconcileCustomAdminScript(): Promise<void> {
  const next = queue.then(reconcileNow);
  queue = next.catch((error: unknown) => console.warn('reset-desk: content script registration failed', error));
  return next;
}

/** Keeps our registered content scripts in line: the custom host's, and the full script while labels are renamed. */
export function watchCustomAdminHost(): void {
  const reconcile = () => void reconcileCustomAdminScript().catch(() => undefined);
  browser.storage.onChanged.addListener((changes, area) => {
    // The policy (managed) may set the admin address and the label overrides too.
    if ((area === 'sync' && SETTINGS_KEY in changes) || area === 'managed') reconcile();
  });
  browser.permissions.onAdded.addListener(reconcile);
  browser.permissions.onRemoved.addListener(reconcile);
  reconcile();
}
