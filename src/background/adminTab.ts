import browser, { type Tabs } from 'webextension-polyfill';

/** The URL patterns of the admin hosts we hold permissions for (the manifest's host_permissions). */
export function adminUrlPatterns(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}

/** An open admin tab, preferring the active one in the last focused window. */
export async function findAdminTab(): Promise<Tabs.Tab | undefined> {
  const tabs = await browser.tabs.query({ url: adminUrlPatterns() });
  return tabs.find((t) => t.active) ?? tabs[0];
}
