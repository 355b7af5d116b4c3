/**
 * The named requests each context answers, and their replies. Shared by all contexts so both
 * ends of every message are checked by the compiler.
 */

/** What the content script found on the admin page it runs in. */
export interface PageReport {
  /** The page kind as recognised from labels and structure ('other' on pages that are not ours). */
  page: string;
  /** The admin language detected on the page, if any. */
  lang?: string;
  /** On a user or customer page: the customer's e-mail shown there. */
  customerEmail?: string;
}

/** Requests the background service worker answers (from the popup, options page and content scripts). */
export interface BackgroundProtocol {
  /** Round trip popup → background → content script in the admin tab → back. */
  'admin/ping': { request: { tabId?: number }; response: { tabId: number; report: PageReport } };
}

/** Requests a content script answers (from the background only). */
export interface ContentProtocol {
  'content/ping': { request: Record<string, never>; response: PageReport };
}
