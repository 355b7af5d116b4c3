/**
 * Getting the admin tab to a customer's page the way an agent would: menu → list page → search →
 * the exact match → Show. Each part first looks where the tab already is, so a resumed or repeated
 * flow does not click through pages it is already on.
 */
import browser from 'webextension-polyfill';
import { sameEmail } from '../../domain/email';
import type { CustomerRef } from '../../domain/types';
import { t } from '../../shared/i18n';
import { MessageError } from '../../shared/messaging';
import type { Expected, PageReport } from '../../shared/protocol';
import type { StepId } from '../../shared/runs';
import type { RunContext } from './runContext';

/** Search result pages we follow "Next" through before giving up on finding the exact e-mail. */
const MAX_RESULT_PAGES = 5;

/**
 * The page a step led to must be the one it wanted. If it is not, say why in the agent's terms:
 * the login page (logged out), a page missing a label we need (the admin's layout changed: the
 * content script names the label), or an error page. `reloadOnce`: an error page after following
 * a link is loaded once more before giving up (not after a form: a reload could resubmit it).
 */
export async function requirePage(
  ctx: RunContext,
  report: PageReport,
  wanted: PageReport['page'],
  step: StepId,
  options: { reloadOnce?: boolean } = {},
): Promise<PageReport> {
  if (report.page === 'login') throw new MessageError('not-logged-in', 'You are not logged in to the admin.', { step });
  if (report.page === wanted) return report;
  const layout = report.page === 'other' ? await ctx.ask('content/check-layout', { expected: wanted }) : { errorPage: false };
  if (layout.errorPage && options.reloadOnce) return requirePage(ctx, await ctx.reload(), wanted, step);
  if (layout.errorPage) {
    const status = 'httpStatus' in layout && layout.httpStatus ? ` (HTTP ${layout.httpStatus})` : '';
    throw new MessageError('admin-error', `The admin answered with an error page${status}.`, { step });
  }
  const shows = report.customerEmail ? `${report.customerEmail}'s ${report.page} page` : `a ${report.page} page`;
  throw new MessageError('unexpected-page', `The admin tab shows ${shows} instead of the ${wanted} page Reset Desk was going to (was something else clicked in the tab?); nothing was done there.`, { step, shows: report.customerEmail ?? shows });
}

export interface Target {
  list: 'incomingRequests' | 'customers';
  listPage: 'incoming-requests' | 'customers';
  detailPage: 'user' | 'customer';
  steps: { open: StepId; search: StepId; pick: StepId };
}

export const TO_USER: Target = {
  list: 'incomingRequests',
  listPage: 'incoming-requests',
  detailPage: 'user',
  steps: { open: 'open-incoming', search: 'search', pick: 'open-user' },
};

export const TO_CUSTOMER: Target = {
  list: 'customers',
  listPage: 'customers',
  detailPage: 'customer',
  steps: { open: 'open-customers', search: 'search-customer', pick: 'open-customer' },
};

/**
 * Detail pages this worker's runs opened (by docId): a later run for the same customer and shop
 * can start from such a page without clicking through again. Memory only: after a worker restart
 * we know no page and navigate afresh, which is always safe.
 */
const knownPages = new Map<string, CustomerRef>();

export function rememberPage(docId: string, customer: CustomerRef): void {
  knownPages.set(docId, customer);
  // Only recent pages matter; keep the map small.
  if (knownPages.size > 50) knownPages.delete(knownPages.keys().next().value as string);
}

/**
 * What the steps that act on `report` may act on: that page, for that customer. Throws
 * 'wrong-page' when the page is not the customer's detail page (the agent clicked elsewhere).
 */
export function bindTo(report: PageReport, customer: CustomerRef, page: Expected['page']): Expected {
  if (report.page !== page || !report.customerEmail || !sameEmail(report.customerEmail, customer.email)) {
    const shows = report.customerEmail ? `${report.customerEmail}'s ${report.page} page` : `a ${report.page} page`;
    throw new MessageError('wrong-page', `The admin tab shows ${shows}, not the ${page} page of ${customer.email} that Reset Desk opened; it did nothing there.`, { shows: report.customerEmail ?? shows });
  }
  return { docId: report.docId, page, email: customer.email, ...(customer.shop ? { shop: customer.shop } : {}) };
}

/**
 * By list, the address of a search's results as the admin's own search form produced it (a plain
 * GET form: the content script worked the address out, and the tab then showed exactly that
 * address), and the query parameter that carried the e-mail. A later run goes straight there for
 * another e-mail: the list page before the search is a page loaded only to reach the next.
 * Kept in storage.local (SEARCH_URLS_KEY) with the e-mail taken out, so a restarted worker knows
 * it too; test/e2e/setup.ts's forgetLearnt removes it.
 */
type SearchUrls = Partial<Record<Target['list'], { href: string; field: string }>>;
export const SEARCH_URLS_KEY = 'searchUrls';
let searchUrls: SearchUrls | undefined;

async function learntSearchUrls(): Promise<SearchUrls> {
  if (searchUrls) return searchUrls;
  const stored = (await browser.storage.local.get(SEARCH_URLS_KEY).catch(() => ({}) as Record<string, unknown>))[SEARCH_URLS_KEY] as SearchUrls | undefined;
  const valid: SearchUrls = {};
  for (const list of ['incomingRequests', 'customers'] as const) {
    const entry = stored?.[list];
    if (entry && typeof entry.href === 'string' && typeof entry.field === 'string' && parses(entry.href)) valid[list] = { href: entry.href, field: entry.field };
  }
  return (searchUrls ??= valid);
}

async function keepSearchUrls(next: SearchUrls): Promise<void> {
  searchUrls = next;
  // Not kept: the next worker searches the usual way once and learns it again.
  await browser.storage.local.set({ [SEARCH_URLS_KEY]: next }).catch((error: unknown) => console.warn('reset-desk: the search address was not kept:', error));
}

/** URL.canParse, which Chrome has only from 120 (the manifest's minimum is 109). */
function parses(href: string): boolean {
  try {
    new URL(href);
    return true;
  } catch {
    return false;
  }
}

/**
 * The tab's address, or undefined when the tab is gone: then the learnt address counts as not
 * confirmed (it is forgotten), and the run's next request to the tab names the closed tab itself.
 */
async function tabUrl(ctx: RunContext): Promise<string | undefined> {
  return (await browser.tabs.get(ctx.tabId).catch(() => undefined))?.url;
}

async function learnSearchUrl(ctx: RunContext, list: Target['list'], getUrl: string, email: string): Promise<void> {
  if ((await tabUrl(ctx)) !== getUrl) return;
  const url = new URL(getUrl);
  const fields = [...url.searchParams].filter(([, value]) => value === email);
  if (fields.length !== 1) return;
  const field = fields[0]![0];
  url.searchParams.set(field, '');
  const known = await learntSearchUrls();
  if (known[list]?.href !== url.href || known[list]?.field !== field) await keepSearchUrls({ ...known, [list]: { href: url.href, field } });
}

/** The learnt results address for `email`, when the tab is on that admin's origin. */
async function straightSearchUrl(ctx: RunContext, list: Target['list'], email: string): Promise<string | undefined> {
  const learnt = (await learntSearchUrls())[list];
  const now = learnt && (await tabUrl(ctx));
  if (!learnt || !now || !parses(now) || new URL(now).origin !== new URL(learnt.href).origin) return undefined;
  const url = new URL(learnt.href);
  url.searchParams.set(learnt.field, email);
  return url.href;
}

async function forgetSearchUrl(list: Target['list']): Promise<void> {
  const { [list]: _gone, ...rest } = await learntSearchUrls();
  await keepSearchUrls(rest);
}

export type Arrival =
  /**
   * `fresh`: the page was loaded by this run (not found already open, with possibly old data).
   * `expect`: what the steps that act there may act on.
   */
  | { kind: 'arrived'; report: PageReport; customer: CustomerRef; fresh: boolean; expect: Expected }
  | { kind: 'choose-shop'; shops: CustomerRef[] }
  | { kind: 'not-found'; lookalikes: CustomerRef[] };

/**
 * Takes the tab from wherever it is to the detail page of `email` (in `shop`, when given).
 * `knownCustomer`: when the tab is already on this customer's detail page (same e-mail, and the
 * shop is the one a previous step chose), nothing is clicked.
 */
export async function goToCustomer(ctx: RunContext, target: Target, email: string, shop: string | undefined, start: PageReport, restarts = 0): Promise<Arrival> {
  let report = start;
  if (report.page === 'login') await requirePage(ctx, report, target.listPage, target.steps.open);

  // Already there: the page shows this customer and either the run was started from this very page
  // or one of our runs opened it for this shop (the page itself need not say which shop it is).
  const known = knownPages.get(report.docId);
  const thisCustomer = report.page === target.detailPage && report.customerEmail !== undefined && sameEmail(report.customerEmail, email);
  const sameShop = known !== undefined && sameEmail(known.email, email) && (shop === undefined || known.shop === shop);
  if (thisCustomer && (ctx.run.onThisPage || sameShop)) {
    await ctx.skip(target.steps.open, t('noteAlreadyOnCustomer'));
    await ctx.skip(target.steps.search, t('noteAlreadyOnCustomer'));
    await ctx.skip(target.steps.pick, t('noteAlreadyOnCustomer'));
    const customer = known ?? { email: report.customerEmail ?? email, name: '', shop: shop ?? '' };
    return { kind: 'arrived', report, customer, fresh: false, expect: bindTo(report, customer, target.detailPage) };
  }

  const straight = report.page === target.listPage ? undefined : await straightSearchUrl(ctx, target.list, email);
  let searched = false;
  if (report.page === target.listPage) {
    await ctx.skip(target.steps.open, t('noteAlreadyThere'));
  } else if (straight) {
    await ctx.skip(target.steps.open, t('noteStraightToResults'));
    const from = report.docId;
    const arrived = await ctx.step(target.steps.search, async () => {
      await browser.tabs.update(ctx.tabId, { url: straight });
      return requirePage(ctx, await ctx.arrive({ navigating: true, fromDocId: from }), target.listPage, target.steps.search);
    });
    report = arrived;
    // Not where it led last time (the admin redirected it): forgotten, and this list page searches.
    searched = (await tabUrl(ctx)) === straight;
    if (!searched) await forgetSearchUrl(target.list);
  } else {
    report = await ctx.step(target.steps.open, async () => requirePage(ctx, await ctx.navigate('admin/open-menu', { item: target.list }), target.listPage, target.steps.open, { reloadOnce: true }));
  }

  if (searched) {
    // Done above.
  } else if (report.searchQuery !== undefined && sameEmail(report.searchQuery, email)) {
    await ctx.skip(target.steps.search, t('noteAlreadySearched'));
  } else {
    // The page the search was decided on must still be the one in the tab: a click made before a
    // stopped worker's run resumed can still be landing (the fault matrix saw Search asked of the
    // user page Show had just opened). Moved on: start again from where the tab is now.
    const now = await ctx.here();
    if (now.docId !== report.docId && restarts < 2) return goToCustomer(ctx, target, email, shop, now, restarts + 1);
    report = await ctx.step(target.steps.search, async () => {
      let getUrl: string | undefined;
      const arrived = await requirePage(ctx, await ctx.navigate('admin/search', { email }, (answer) => (getUrl = answer.getUrl)), target.listPage, target.steps.search);
      if (getUrl) await learnSearchUrl(ctx, target.list, getUrl, email);
      return arrived;
    });
  }

  return ctx.step(target.steps.pick, async (): Promise<Arrival> => {
    let lookalikes: CustomerRef[] = [];
    for (let page = 1; ; page++) {
      const results = await ctx.ask('admin/read-results', { email });
      lookalikes = [...lookalikes, ...results.lookalikes];
      const candidates = shop === undefined ? results.exact : results.exact.filter((c) => c.shop === shop);
      if (candidates.length > 1) return { kind: 'choose-shop', shops: candidates };
      const chosen = candidates[0];
      if (chosen) {
        const arrived = await requirePage(ctx, await ctx.navigate('admin/open-result', { email: chosen.email, shop: chosen.shop }), target.detailPage, target.steps.pick, { reloadOnce: true });
        // Show led to this customer's page, not to another one the agent clicked meanwhile.
        const expect = bindTo(arrived, chosen, target.detailPage);
        rememberPage(arrived.docId, chosen);
        return { kind: 'arrived', report: arrived, customer: chosen, fresh: true, expect };
      }
      if (!results.hasNext || page >= MAX_RESULT_PAGES) return { kind: 'not-found', lookalikes };
      await requirePage(ctx, await ctx.navigate('admin/next-results', {}), target.listPage, target.steps.pick, { reloadOnce: true });
    }
  });
}
