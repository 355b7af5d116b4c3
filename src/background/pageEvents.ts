/**
 * Waiting for the admin tab to show a new page. The full content script announces its page
 * ('content/ready') with a fresh `docId`; a step that clicked a link waits for an announcement
 * whose docId differs from the page it clicked on. Event-driven, no polling: a ping when the tab
 * has loaded covers the page that finished before we started listening, and a page the content
 * script's gate passed over (it announces nothing), which the ping brings the full script into.
 */
import browser from 'webextension-polyfill';
import { MessageError, sendToTab } from '../shared/messaging';
import type { PageReport } from '../shared/protocol';
import { injectContentScript } from './contentScript';

interface Waiter {
  tabId: number;
  fromDocId: string | null;
  resolve(report: PageReport): void;
}

const waiters = new Set<Waiter>();

/** By tab, the page a run's wait took last (by docId): that page's content/ready may come after a ping found it. */
const takenByRun = new Map<number, string>();

/**
 * A freshly loaded page announced itself. True when it is a page a run of ours was waiting for
 * (the run goes on from it at once): a list page the run only passes through then starts no
 * in-page help of its own, whose checks would load admin pages alongside the run's.
 */
export function notePageReady(tabId: number, report: PageReport): boolean {
  let forRun = takenByRun.get(tabId) === report.docId;
  for (const waiter of waiters) {
    if (waiter.tabId === tabId && report.docId !== waiter.fromDocId) {
      waiter.resolve(report);
      forRun = true;
    }
  }
  return forRun;
}

async function ping(tabId: number): Promise<PageReport | undefined> {
  try {
    return await sendToTab(tabId, 'content/ping', {});
  } catch {
    return undefined;
  }
}

/**
 * Asks the tab's content script what page it is on; undefined while none answers (the page is
 * loading, or is no admin page). The gate leaves pages that are not ours without the full content
 * script, so one that does not answer gets it injected and is asked again (`inject: false`: not).
 */
export async function pingTab(tabId: number, { inject = true }: { inject?: boolean } = {}): Promise<PageReport | undefined> {
  const report = await ping(tabId);
  if (report || !inject) return report;
  return (await injectContentScript(tabId)) ? ping(tabId) : undefined;
}

/**
 * Resolves with the first page in `tabId` other than `fromDocId` (null: any page).
 * Rejects with `admin-slow` after `timeoutMs`, `tab-closed` if the tab goes away, or when `signal` aborts.
 */
export function waitForPage(tabId: number, fromDocId: string | null, options: { timeoutMs: number; signal?: AbortSignal }): Promise<PageReport> {
  return new Promise<PageReport>((resolve, reject) => {
    const cleanup = () => {
      waiters.delete(waiter);
      clearTimeout(timer);
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.tabs.onUpdated.removeListener(onUpdated);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const waiter: Waiter = {
      tabId,
      fromDocId,
      resolve(report) {
        cleanup();
        takenByRun.set(tabId, report.docId);
        resolve(report);
      },
    };
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onRemoved = (closed: number) => {
      if (closed === tabId) fail(new MessageError('tab-closed', 'The admin tab was closed.'));
    };
    // A content/ready lost while the worker was asleep: ask again once the tab says it has loaded.
    const onUpdated = (updated: number, change: { status?: string }) => {
      if (updated === tabId && change.status === 'complete') void check();
    };
    const onAbort = () => fail(options.signal?.reason instanceof Error ? options.signal.reason : new MessageError('aborted', 'Stopped.'));
    const check = async () => {
      const report = await pingTab(tabId);
      if (report && report.docId !== fromDocId) waiter.resolve(report);
    };
    const timer = setTimeout(
      () => fail(new MessageError('admin-slow', `The admin did not show the next page within ${Math.round(options.timeoutMs / 1000)} s.`)),
      options.timeoutMs,
    );
    if (options.signal?.aborted) return onAbort();
    waiters.add(waiter);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.tabs.onUpdated.addListener(onUpdated);
    options.signal?.addEventListener('abort', onAbort);
    void check();
  });
}
