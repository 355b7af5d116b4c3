/**
 * The named requests each context answers, and their replies. Shared by all contexts so both
 * ends of every message are checked by the compiler.
 */
import type { LabelKey, LayoutReport, SaveBaseline } from '../admin';
import type { CustomerRef, HistoryEmail, ResetRequest } from '../domain/types';
import type { LookupData, RunView } from './runs';

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

/**
 * The page and customer a step that acts is for: the page the run arrived at (by docId) and the
 * customer it chose there. The content script refuses on any other page, so an agent clicking
 * another customer in the tab mid-flow never gets that customer's e-mail sent or password changed.
 */
export interface Expected {
  docId: string;
  page: 'user' | 'customer';
  email: string;
  /** Checked where the page shows a shop. */
  shop?: string;
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
     * choice stale. `sendAnyway`: the agent was told that a resend of ours moments ago is not in
     * the E-mail History, and chose to send again.
     */
    request: { kind: ActionKind; email: string; shop?: string; tabId?: number; onThisPage?: boolean; decidedAt?: number; sendAnyway?: boolean };
    response: RunView;
  };
  /** The newest run for a customer (or the newest of all), for a popup that opens mid-flow (pages follow runs: src/shared/runFollow.ts). */
  'run/get': { request: { email?: string }; response: RunView | null };
  /** The generated password of a finished set-password run, while it is still held (one minute). */
  'run/reveal-password': { request: { runId: string }; response: { password: string; expiresAt: number } | null };
  /** The customer e-mail on the admin tab's current page, to prefill the popup. */
  'admin/current-customer': { request: { tabId?: number }; response: { email?: string; tabId?: number } };
  /**
   * Teach mode from the popup: the admin tab's content script shows its picker for the label a
   * label-missing error named (`page`, `key`); the tab is brought to the front.
   */
  'admin/teach': { request: { tabId?: number; page: PageReport['page']; key: LabelKey }; response: { tabId: number } };
  /** The redacted layout report of the page the admin tab shows (built there: it reads the DOM). */
  'admin/layout-report': { request: { tabId?: number }; response: { report: LayoutReport } };
  /**
   * Teach mode's confirmed override (the content script checked it against its page first), saved
   * in the settings' label overrides. `saved: false`: the organisation's policy pins that label.
   */
  'page/save-label': { request: { page: PageReport['page']; key: LabelKey; text: string }; response: { saved: boolean } };
  /** In-page help: open the options page (content scripts cannot), e.g. from a notice that a label is missing. */
  'page/open-options': { request: Record<string, never>; response: { ok: true } };
  /**
   * The user page's in-page help has loaded and read both histories (with the customer it shows):
   * a look-up from the popup for that customer on that very page, within moments and with no run
   * of ours acting since, shows this reading instead of asking the admin again.
   */
  'page/histories-read': { request: { lookup: LookupData }; response: { ok: true } };
  /**
   * The content script announces a freshly loaded admin page. `forRun`: a run of ours was waiting
   * for this page and goes on from it (a list page it passes through starts no in-page help).
   */
  'content/ready': { request: PageReport; response: { ok: true; forRun: boolean } };
  /** The gate (src/content/gate.ts) on a page that may be ours: inject the full content script here. */
  'content/boot': { request: Record<string, never>; response: { ok: true } };
}

/**
 * Symbol.for(this) on the content-script world's global holds the full content script's start
 * (src/content/index.ts): the background's injection waits for it, and a second injection into
 * the same page finds it. The page's own scripts cannot see that world's globals.
 */
export const CONTENT_READY_KEY = 'reset-desk.content-ready';

/** Requests a content script answers (from the background only). */
export interface ContentProtocol {
  'content/ping': { request: Record<string, never>; response: PageReport };
  /** Teach mode: show the picker for the label `key` of the `page` a label-missing error named. */
  'content/teach': { request: { page: PageReport['page']; key: LabelKey }; response: { shown: true } };
  /** The redacted layout report of this page (src/admin/layoutReport.ts). */
  'content/layout-report': { request: Record<string, never>; response: { report: LayoutReport } };
  /**
   * Why this page is not the `expected` kind: an error page (the HTTP status, or no admin menu at
   * all), or an admin page that lacks a label we need (the layout changed; throws label-missing).
   */
  'content/check-layout': { request: { expected: PageReport['page'] }; response: { errorPage: boolean; httpStatus?: number } };
  'admin/open-menu': { request: { item: 'incomingRequests' | 'customers' }; response: Navigation };
  /** `getUrl`: the address the search form loads for this e-mail, when it is a plain GET (submitSearch). */
  'admin/search': { request: { email: string }; response: Navigation & { getUrl?: string } };
  'admin/read-results': { request: { email: string }; response: SearchOutcome };
  'admin/next-results': { request: Record<string, never>; response: Navigation };
  'admin/open-result': { request: { email: string; shop: string }; response: Navigation };
  'admin/read-histories': { request: { which: ('passwordHistory' | 'emailHistory')[]; expect: Expected }; response: Histories };
  /** `email`: the row the decision was made on; checked again (type, date, subject) right before its Subject is clicked. */
  'admin/open-email': { request: { email: HistoryEmail; expect: Expected }; response: { opened: true } };
  'admin/reply': { request: { expect: Expected }; response: { composing: true } };
  'admin/send': { request: { expect: Expected }; response: { notice: string } };
  /** `before`: what the page shows before Save, so a permanent hint is not taken for an error, nor customer text for the notice. */
  'admin/fill-password': { request: { password: string; expect: Expected }; response: { filled: true; before: SaveBaseline } };
  'admin/save': { request: { expect: Expected }; response: Navigation };
  /** `expect.docId`: the page Save led to. */
  'admin/read-save-outcome': { request: { before: SaveBaseline; expect: Expected }; response: { saved: boolean; message: string } };
}
