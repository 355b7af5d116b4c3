import browser, { type Tabs } from 'webextension-polyfill';
import { parseAdminUrl } from '../shared/settings';

/**
 * An open tab of the agent's admin: on the configured admin address first, else on any host the
 * extension runs on (the local simulated admin); the active one preferred.
 */
export async function findAdminTab(adminUrl?: string): Promise<Tabs.Tab | undefined> {
  const configured = adminUrl ? parseAdminUrl(adminUrl) : null;
  const patterns = configured ? [`${configured.origin}/*`] : [];
  const pick = (tabs: Tabs.Tab[]) => tabs.find((t) => t.active) ?? tabs[0];
  if (patterns.length) {
    const onConfigured = await browser.tabs.query({ url: patterns }).catch(() => []);
    if (onConfigured.length) return pick(onConfigured);
  }
  return pick(await browser.tabs.query({ url: browser.runtime.getManifest().host_permissions ?? [] }));
}
