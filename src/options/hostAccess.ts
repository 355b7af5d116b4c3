/**
 * Admin addresses outside the manifest's hosts need the agent's permission (optional host
 * permissions). `permissions.request` only works inside the click that asked for it (a user
 * gesture), so `requestHostAccess` must be called synchronously from the Save click, before any
 * `await`. Once granted, the background registers our content script for that origin
 * (src/background/hostAccess.ts).
 */
import browser from 'webextension-polyfill';
import { isCoveredByPatterns, matchPatternsCarryPorts, originPattern, parseAdminUrl } from '../shared/adminAddress';

/** The pattern to ask for, or null when the manifest's own host permissions cover the address. */
export function hostPatternToRequest(
  adminUrl: string,
  manifestHosts: readonly string[] = browser.runtime.getManifest().host_permissions ?? [],
  withPort: boolean = matchPatternsCarryPorts(browser.runtime.getURL('')),
): string | null {
  const url = parseAdminUrl(adminUrl);
  if (!url || isCoveredByPatterns(url, manifestHosts)) return null;
  return originPattern(url, { withPort });
}

/** Starts the permission request at once (keep it inside the user's click); resolves to granted or not. */
export function requestHostAccess(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}
