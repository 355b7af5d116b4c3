/**
 * The background service worker: owns every multi-step flow, so closing the popup never stops one.
 * It talks to the admin only through our content script in the agent's own admin tab.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { sameEmail } from '../domain/email';
import { handleMessages, isExtensionPage, isOwnContentScript, MessageError } from '../shared/messaging';
import type { BackgroundProtocol } from '../shared/protocol';
import { findAdminTab } from './adminTab';
import { notePageReady, pingTab } from './pageEvents';
import { revealPassword } from './passwordVault';
import { dropHandOver, handOver, notePage, takeHandOver } from './handOver';
import { startRunPush } from './runPush';
import { abortRunsInTab, resumeRuns, startRun } from './runs/runner';
import { latestRun } from './runs/runStore';
import { loadSettings } from '../shared/settings';
import { setupContextMenu } from './contextMenu';
import { watchCustomAdminHost } from './hostAccess';
import { bootFullScript } from './contentScript';

async function adminTabId(tabId: number | undefined): Promise<number> {
  const id = tabId ?? (await findAdminTab((await loadSettings()).adminUrl))?.id;
  if (id === undefined) throw new MessageError('no-admin-tab', 'No admin tab is open.');
  return id;
}

/** A content script acts and asks only for the customer whose user page its tab shows. */
async function requireOwnCustomer(sender: Runtime.MessageSender, email: string | undefined): Promise<void> {
  const tabId = sender.tab?.id;
  const shown = tabId === undefined || !email ? undefined : await pingTab(tabId, { inject: false });
  if (shown?.page !== 'user' || !shown.customerEmail || !sameEmail(shown.customerEmail, email!)) {
    throw new MessageError('forbidden', 'A page may only act for the customer it shows.');
  }
}

/** Requests only our own content scripts may make. */
const FROM_CONTENT = new Set<string>(['content/ready', 'content/boot', 'page/hand-over', 'page/take-hand-over']);
/** Requests our extension pages and our content scripts (in-page buttons) may make. */
const FROM_EITHER = new Set<string>(['run/start', 'run/get']);

handleMessages<BackgroundProtocol>(
  {
    async 'admin/ping'({ tabId }) {
      const tab = await adminTabId(tabId);
      const report = await pingTab(tab);
      if (!report) throw new MessageError('no-receiver', 'The admin tab did not answer (it is still loading, or shows no admin page).');
      return { tabId: tab, report };
    },
    async 'admin/current-customer'({ tabId }) {
      const tab = await adminTabId(tabId).catch(() => undefined);
      if (tab === undefined) return {};
      // Only pages the content script's gate passed to the full script can show a customer: loading
      // it into any other page just to hear "none" would only delay the popup's prefill.
      const report = await pingTab(tab, { inject: false });
      return { tabId: tab, ...(report?.customerEmail ? { email: report.customerEmail } : {}) };
    },
    async 'run/start'(request, sender) {
      if (isExtensionPage(sender)) return startRun(request);
      // From a content script only what its in-page button does (src/content/features/userPage.tsx):
      // resend to the customer whose user page its tab shows. Setting a password always starts in
      // the popup, whose Confirm and one-time reveal a page never sees.
      if (request.kind !== 'resend') throw new MessageError('forbidden', `"${request.kind}" runs are not accepted from a page.`);
      await requireOwnCustomer(sender, request.email);
      return startRun({ ...request, tabId: sender.tab?.id, onThisPage: true });
    },
    async 'run/get'({ email }, sender) {
      // A page asks about its own customer only; the newest run of anyone is for the popup.
      if (!isExtensionPage(sender)) await requireOwnCustomer(sender, email);
      return latestRun(email);
    },
    async 'run/reveal-password'({ runId }) {
      return revealPassword(runId);
    },
    async 'page/hand-over'({ item, fromDocId }, sender) {
      if (sender.tab?.id === undefined) throw new MessageError('bad-request', 'No tab.');
      handOver(sender.tab.id, item, fromDocId);
      return { ok: true };
    },
    async 'page/take-hand-over'({ docId }, sender) {
      return sender.tab?.id === undefined ? null : takeHandOver(sender.tab.id, docId);
    },
    async 'content/ready'(report, sender) {
      if (sender.tab?.id !== undefined) notePage(sender.tab.id, report.docId);
      if (sender.tab?.id !== undefined) notePageReady(sender.tab.id, report);
      return { ok: true };
    },
    async 'content/boot'(_request, sender) {
      if (sender.tab?.id === undefined) throw new MessageError('bad-request', 'No tab.');
      await bootFullScript(sender.tab.id, sender.url);
      return { ok: true };
    },
  },
  // A web page cannot reach runtime messaging at all; of our own contexts, content scripts may only
  // announce pages, and everything that acts comes from our extension pages.
  (sender, type) =>
    FROM_CONTENT.has(type) ? isOwnContentScript(sender) : FROM_EITHER.has(type) ? isExtensionPage(sender) || isOwnContentScript(sender) : isExtensionPage(sender),
);

browser.tabs.onRemoved.addListener((tabId) => {
  abortRunsInTab(tabId);
  dropHandOver(tabId);
});

startRunPush();

void resumeRuns();

setupContextMenu();
watchCustomAdminHost();
