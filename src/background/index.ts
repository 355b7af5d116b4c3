/**
 * The background service worker: owns every multi-step flow, so closing the popup never stops one.
 * It talks to the admin only through our content script in the agent's own admin tab.
 */
import browser from 'webextension-polyfill';
import { handleMessages, isExtensionPage, isOwnContentScript, MessageError, sendToTab } from '../shared/messaging';
import type { ActionKind, BackgroundProtocol, PageReport } from '../shared/protocol';
import { findAdminTab } from './adminTab';
import { notePageReady, pingTab } from './pageEvents';
import { revealPassword } from './passwordVault';
import { requireOwnCustomer } from './ownCustomer';
import { startRunFollowers } from './runFollowers';
import { notePageReading } from './runs/flows';
import { abortRunsInTab, resumeRuns, startRun } from './runs/runner';
import { latestRun, listRuns } from './runs/runStore';
import { loadSettings } from '../shared/settings';
import { saveTaughtLabel } from './teachLabel';
import { setupContextMenu } from './contextMenu';
import { watchCustomAdminHost } from './hostAccess';
import { handleInstall } from './install';
import { bootFullScript } from './contentScript';

async function adminTabId(tabId: number | undefined): Promise<number> {
  const id = tabId ?? (await findAdminTab((await loadSettings()).adminUrl))?.id;
  if (id === undefined) throw new MessageError('no-admin-tab', 'No admin tab is open.');
  return id;
}

/** The admin tab and its page, with the full content script answering there (injected when the gate passed the page over). */
async function answeringTab(tabId: number | undefined): Promise<{ tab: number; report: PageReport }> {
  const tab = await adminTabId(tabId);
  const report = await pingTab(tab);
  if (!report) throw new MessageError('no-receiver', 'The admin tab did not answer (it is still loading, or shows no admin page).');
  return { tab, report };
}

/** The runs an in-page button may start, and the pages it may start them from. */
const PAGE_RUNS: Partial<Record<ActionKind, readonly PageReport['page'][]>> = { resend: ['user'], 'set-password': ['user', 'customer'] };

/** Runs whose password a page was given (memory only, as the passwords are). */
const revealedToPage = new Set<string>();

/** Requests only our own content scripts may make. */
const FROM_CONTENT = new Set<string>(['content/ready', 'content/boot', 'page/open-options', 'page/save-label', 'page/histories-read']);
/** Requests our extension pages and our content scripts (in-page buttons) may make. */
const FROM_EITHER = new Set<string>(['run/start', 'run/reveal-password']);

handleMessages<BackgroundProtocol>(
  {
    async 'admin/ping'({ tabId }) {
      const { tab, report } = await answeringTab(tabId);
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
      // From a content script only what its in-page buttons do, for the customer its own page
      // shows: resend from the user page (src/content/features/userPage.tsx), set a new password
      // from the user page or the customer page (customerPage.tsx). A content script could fill and
      // save the customer's Password field on that page anyway; the run adds the guards.
      const pages = PAGE_RUNS[request.kind];
      if (!pages) throw new MessageError('forbidden', `"${request.kind}" runs are not accepted from a page.`);
      await requireOwnCustomer(sender, request.email, pages);
      return startRun({ ...request, tabId: sender.tab?.id, onThisPage: true });
    },
    async 'run/get'({ email }) {
      return latestRun(email);
    },
    async 'run/reveal-password'({ runId }, sender) {
      if (isExtensionPage(sender)) return revealPassword(runId);
      // A page sees only the password of a run started from a page of its own tab, on the customer
      // page of that run's customer.
      const run = (await listRuns()).find((r) => r.id === runId);
      if (!run || !run.onThisPage || run.tabId !== sender.tab?.id) throw new MessageError('forbidden', 'A page may only see the password its own run set.');
      await requireOwnCustomer(sender, run.email, ['customer']);
      // Once to a page (the one after Save): a reload or a later page of the tab does not show it again.
      if (revealedToPage.has(runId)) return null;
      revealedToPage.add(runId);
      return revealPassword(runId);
    },
    async 'admin/teach'({ tabId, page, key }) {
      const { tab } = await answeringTab(tabId);
      await sendToTab(tab, 'content/teach', { page, key });
      // The picker waits there: bring the tab to the agent (a real popup closes as the tab takes focus).
      // Harmless when it fails (the tab is being dragged, its window went away): the picker is open
      // in that tab already and the popup's answer to this request tells the agent to look there.
      await browser.tabs.update(tab, { active: true }).catch((error: unknown) => console.warn('reset-desk: the admin tab could not be brought forward for teach mode:', error));
      return { tabId: tab };
    },
    async 'admin/layout-report'({ tabId }) {
      return sendToTab((await answeringTab(tabId)).tab, 'content/layout-report', {});
    },
    async 'page/save-label'(request) {
      return saveTaughtLabel(request);
    },
    async 'page/open-options'() {
      await browser.runtime.openOptionsPage();
      return { ok: true };
    },
    async 'page/histories-read'({ lookup }, sender) {
      // Kept for the page the tab shows now, as our own ping finds it (its docId, its customer):
      // a reading of another customer than the page shows is refused.
      const shown = await requireOwnCustomer(sender, lookup.customer.email, ['user']);
      notePageReading(sender.tab!.id!, shown.docId, lookup);
      return { ok: true };
    },
    async 'content/ready'(report, sender) {
      return { ok: true, forRun: sender.tab?.id !== undefined && notePageReady(sender.tab.id, report) };
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

browser.tabs.onRemoved.addListener((tabId) => abortRunsInTab(tabId));

startRunFollowers();

void resumeRuns();

handleInstall();
setupContextMenu();
watchCustomAdminHost();
