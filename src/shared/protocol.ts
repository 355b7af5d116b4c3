/**
 * The named requests each context answers, and their replies. Shared by all contexts so both
 * ends of every message are checked by the compiler.
 */
import type { SaveBaseline } from '../admin';
import type { CustomerRef, HistoryEmail, ResetRequest } from '../domain/types';
import type { RunView } from './runs';

/** What the content script found on the admin page it runs in. */
export interface PageReport {
  /** Random per document: tells a new page from the one a click started on. */
  docId: string;
  /** The page kind as recognised from labels and structure ('other' on pages that are not ours). */
  page: 'login' | 'incoming-requests' | 'customers' | 'user' | 'customer' | 'other';
  /** The admin language detected on the page, if any. */
  lang?: 'en' | 'de';
  /** On a user or customer page: the customer's e-mail shown there. */
  customerEmail?: string;
  /** On a list page: the text in its search field. */
  searchQuery?: string;
}

/** A step that clicked something that loads a new page; `fromDocId` is the page it left. */
export interface Navigation {
  navigating: true;
  fromDocId: string;
}

export interface SearchOutcome {
  exact: CustomerRef[];
  lookalikes: CustomerRef[];
  hasNext: boolean;
}

export interface Histories {
  customerEmail?: string;
  /** The customer's Language as the user page shows it. */
  language?: 'en' | 'de';
  requests: ResetRequest[];
  emails: HistoryEmail[];
}

export type ActionKind = 'lookup' | 'resend' | 'set-password';

/**
 * What an in-page button hands to the next page of the same tab (admin pages are full page loads):
 * kept in the background worker's memory only, for at most a minute, given out once.
 * `open-customer`: "Set new password" on a user page, on its way to Sales > Customers.
 * `saved-password`: a generated password, so the page after Save can offer the reply with it.
 */
export type HandOver =
  | { kind: 'open-customer'; email: string; shop?: string; hops: number }
  | { kind: 'saved-password'; email: string; password: string; before: SaveBaseline };

/** Requests the background service worker answers (from the popup, options page and content scripts). */
export interface BackgroundProtocol {
  /** Round trip popup → background → content script in the admin tab → back. */
  'admin/ping': { request: { tabId?: number }; response: { tabId: number; report: PageReport } };
  /** Starts (or joins, for the same customer) a look-up, resend or password reset. */
  'run/start': {
    /**
     * `onThisPage`: the customer is the one whose user page the tab shows now (in-page buttons);
     * from a content script the tab is always the sender's own. `decidedAt`: when the agent chose
     * the action (set password: opened its confirmation); a run of it that ended since makes the
     * choice stale.
     */
    request: { kind: ActionKind; email: string; shop?: string; tabId?: number; onThisPage?: boolean; decidedAt?: number };
    response: RunView;
  };
  /** The newest run for a customer (or the newest of all), for a popup that opens mid-flow. */
  'run/get': { request: { email?: string }; response: RunView | null };
  /** The generated password of a finished set-password run, while it is still held (one minute). */
  'run/reveal-password': { request: { runId: string }; response: { password: string; expiresAt: number } | null };
  /** The customer e-mail on the admin tab's current page, to prefill the popup. */
  'admin/current-customer': { request: { tabId?: number }; response: { email?: string; tabId?: number } };
  /** In-page help: keep `item` for the next page of the sender's tab (`fromDocId` is the page handing over). */
  'page/hand-over': { request: { item: HandOver; fromDocId: string }; response: { ok: true } };
  /** In-page help: the item handed over to this page (`docId`), once; null if none. */
  'page/take-hand-over': { request: { docId: string }; response: HandOver | null };
  /** The content script announces a freshly loaded admin page. */
  'content/ready': { request: PageReport; response: { ok: true } };
}

/** Requests a content script answers (from the background only). */
export interface ContentProtocol {
  'content/ping': { request: Record<string, never>; response: PageReport };
  /**
   * Why this page is not the `expected` kind: an error page (the HTTP status, or no admin menu at
   * all), or an admin page that lacks a label we need (the layout changed; throws label-missing).
   */
  'content/check-layout': { request: { expected: PageReport['page'] }; response: { errorPage: boolean; httpStatus?: number } };
  'admin/open-menu': { request: { item: 'incomingRequests' | 'customers' }; response: Navigation };
  'admin/search': { request: { email: string }; response: Navigation };
  'admin/read-results': { request: { email: string }; response: SearchOutcome };
  'admin/next-results': { request: Record<string, never>; response: Navigation };
  'admin/open-result': { request: { email: string; shop: string }; response: Navigation };
  'admin/read-histories': { request: { which: ('passwordHistory' | 'emailHistory')[] }; response: Histories };
  'admin/open-email': { request: { email: HistoryEmail }; response: { opened: true } };
  'admin/reply': { request: Record<string, never>; response: { composing: true } };
  'admin/send': { request: Record<string, never>; response: { notice: string } };
  /** `before`: what the page shows before Save, so a permanent hint is not taken for an error, nor customer text for the notice. */
  'admin/fill-password': { request: { password: string }; response: { filled: true; before: SaveBaseline } };
  'admin/save': { request: Record<string, never>; response: Navigation };
  'admin/read-save-outcome': { request: { before: SaveBaseline }; response: { saved: boolean; message: string } };
  /** A run acting on this tab changed (pushed by the background, so in-page buttons show progress). */
  'run/update': { request: RunView; response: { ok: true } };
}
