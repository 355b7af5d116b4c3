import browser, { type Tabs } from 'webextension-polyfill';
import { originPattern, parseAdminUrl, sameOrigin } from '../shared/adminAddress';

/** The simulated admin's hosts, which only dist/ (the demo, the tests) has: the stores' packages leave them out (scripts/package.ts). */
const SIMULATOR_HOST = /^http:\/\/(127\.0\.0\.1|localhost)\//;

/**
 * An open tab of the agent's admin, the active one preferred: on the configured admin address;
 * else, in a build that has the simulated admin's hosts, on one of those (the demo works before its
 * address is set). Never any other page: a flow types customer data into the tab it drives.
 */
export async function findAdminTab(adminUrl?: string): Promise<Tabs.Tab | undefined> {
  const configured = adminUrl ? parseAdminUrl(adminUrl) : null;
  const pick = (tabs: Tabs.Tab[]) => tabs.find((t) => t.active) ?? tabs[0];
  if (configured) {
    // Queried by host (a pattern with a port is refused in Firefox), then kept to the admin's own port.
    const onHost = await browser.tabs.query({ url: [originPattern(configured, { withPort: false })] });
    const onConfigured = onHost.filter((tab) => sameOrigin(tab.url, configured));
    if (onConfigured.length) return pick(onConfigured);
  }
  const simulator = (browser.runtime.getManifest().host_permissions ?? []).filter((host) => SIMULATOR_HOST.test(host));
  return simulator.length ? pick(await browser.tabs.query({ url: simulator })) : undefined;
}
