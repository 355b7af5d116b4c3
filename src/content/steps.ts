/**
 * The background's requests, carried out on this admin page with the admin adapter. Each handler
 * does one step of a flow and answers with plain data (or an AdminError, which crosses messaging
 * as its JSON). Clicks that load a new page answer before the page goes away, with this page's
 * docId, so the background can wait for the next one.
 */
import {
  fillCustomerPassword,
  loadHistory,
  openEmail,
  openMenuItem,
  openResult,
  parseEmailHistory,
  parsePasswordHistory,
  parseSearchResults,
  saveBaseline,
  readSaveOutcome,
  readUserDetails,
  readUserPageEmail,
  normalizeText,
  replyToOpenEmail,
  requireOnlyRecipient,
  saveCustomer,
  sendComposedEmail,
  submitSearch,
  AdminError,
  checkLayout,
  labelRef,
} from '../admin';
import { sameEmail } from '../domain/email';
import { MessageError, type Handlers } from '../shared/messaging';
import type { ContentProtocol, Expected, Navigation } from '../shared/protocol';
import type { PageContext } from './pageContext';

/**
 * The click happens synchronously in the handler, so a missing label is this answer's error; the
 * page unloads only after the admin answers the request, by which time the reply is on its way
 * (and the background copes if it is not: it knows this page's docId from before).
 */
function navigating(ctx: PageContext, click: () => void): Navigation {
  click();
  return { navigating: true, fromDocId: ctx.docId };
}

/**
 * Every step that acts checks, right before it clicks, that this is the very page the run arrived
 * at and that it still shows the run's customer: the agent may have clicked another customer in
 * the tab meanwhile, and the run's request then reaches that page's content script.
 */
function requireExpected(ctx: PageContext, doc: Document, expect: Expected, what: string): void {
  const shown = readUserPageEmail(doc, ctx.labels, ctx.page);
  const samePage = ctx.docId === expect.docId && ctx.page === expect.page;
  if (!samePage || !shown || !sameEmail(shown, expect.email)) {
    const now = shown ? `${shown}'s ${ctx.page} page` : ctx.page === 'other' ? 'another page' : `a ${ctx.page} page`;
    throw new MessageError('wrong-page', `The admin tab no longer shows the ${expect.page} page of ${expect.email} that Reset Desk was working on (it shows ${now}), so it did not ${what} there.`, { shows: shown ?? now });
  }
  if (expect.shop && ctx.page === 'user') {
    const { shop } = readUserDetails(doc, ctx.labels);
    if (shop && normalizeText(shop) !== normalizeText(expect.shop)) {
      throw new MessageError('wrong-page', `This page shows ${expect.email} in the shop "${shop}", not "${expect.shop}", so Reset Desk did not ${what} here.`, { shows: `${expect.email} (${shop})` });
    }
  }
}

export function stepHandlers(ctx: PageContext, doc: Document): Handlers<ContentProtocol> {
  const tz = { timeZone: ctx.timeZone };
  // The field filled and what was put in it, for Save's check; in this page's memory only (never
  // storage or a message), and dropped once Save was clicked.
  let filled: { field: HTMLInputElement | HTMLTextAreaElement; value: string } | null = null;
  return {
    'content/check-layout': ({ expected }) => {
      // The browser knows the page's HTTP status (responseStatus: Chrome 109+, Firefox 130+).
      const navigation = performance.getEntriesByType('navigation')[0] as (PerformanceEntry & { responseStatus?: number }) | undefined;
      const httpStatus = navigation?.responseStatus;
      // An error page is not a changed layout: it has no admin labels at all (no language detected).
      if ((httpStatus !== undefined && httpStatus >= 400) || ctx.lang === null) {
        return { errorPage: true, ...(httpStatus ? { httpStatus } : {}) };
      }
      const first = checkLayout(doc, ctx.labels, expected).missing[0];
      if (first) throw new AdminError({ code: 'label-missing', page: expected, step: 'recognise the page', label: labelRef(ctx.labels, first) });
      return { errorPage: false };
    },

    'admin/open-menu': ({ item }) => navigating(ctx, () => openMenuItem(doc, ctx.labels, item)),

    'admin/search': ({ email }) => {
      let getUrl: string | undefined;
      const navigation = navigating(ctx, () => (getUrl = submitSearch(doc, ctx.labels, email, ctx.page)));
      return getUrl ? { ...navigation, getUrl } : navigation;
    },

    'admin/read-results': ({ email }) => {
      const results = parseSearchResults(doc, ctx.labels, email, ctx.page);
      return { exact: results.exact.map((r) => r.ref), lookalikes: results.lookalikes.map((r) => r.ref), hasNext: results.next !== null };
    },

    'admin/next-results': () => {
      const next = parseSearchResults(doc, ctx.labels, '', ctx.page).next;
      if (!next) throw new AdminError({ code: 'label-missing', page: ctx.page, step: 'next results page', label: labelRef(ctx.labels, 'next') });
      return navigating(ctx, () => next.click());
    },

    'admin/open-result': ({ email, shop }) => {
      const results = parseSearchResults(doc, ctx.labels, email, ctx.page);
      const row = results.exact.find((r) => sameEmail(r.ref.email, email) && r.ref.shop === shop);
      if (!row) throw new AdminError({ code: 'not-found', page: ctx.page, step: 'open the customer', detail: `${email} in ${shop} is no longer in the results` });
      return navigating(ctx, () => openResult(row));
    },

    'admin/read-histories': async ({ which, expect }) => {
      requireExpected(ctx, doc, expect, 'read the histories');
      // Both at once, as an agent clicking both links would: the admin answers each on its own.
      await Promise.all(which.map((section) => loadHistory(doc, ctx.labels, section)));
      const email = readUserPageEmail(doc, ctx.labels, ctx.page);
      const { language } = readUserDetails(doc, ctx.labels);
      return {
        ...(email ? { customerEmail: email } : {}),
        ...(language ? { language } : {}),
        requests: which.includes('passwordHistory') ? parsePasswordHistory(doc, ctx.labels, tz) : [],
        emails: which.includes('emailHistory') ? parseEmailHistory(doc, ctx.labels, tz) : [],
      };
    },

    'admin/open-email': async ({ email, expect }) => {
      requireExpected(ctx, doc, expect, 'open the reset e-mail');
      // The row the decision was made on, still there as it was read (a reload of the table in the
      // page could have put another e-mail at that row).
      const row = parseEmailHistory(doc, ctx.labels, tz).find((e) => e.row === email.row);
      if (!row || row.kind !== 'new-password' || row.at !== email.at || row.subject !== email.subject) {
        throw new AdminError({ code: 'unexpected-page', page: 'user', step: 'open the reset e-mail', detail: 'the E-mail History changed since it was read: the reset e-mail is no longer in the row the decision was made on' });
      }
      await openEmail(doc, ctx.labels, email);
      return { opened: true };
    },

    'admin/reply': async ({ expect }) => {
      requireExpected(ctx, doc, expect, 'reply to the reset e-mail');
      const compose = await replyToOpenEmail(doc, ctx.labels);
      // Checked here to stop before the run records a send; sendComposedEmail checks it once more.
      requireOnlyRecipient(compose, expect.email, 'reply to e-mail');
      return { composing: true };
    },

    'admin/send': async ({ expect }) => {
      requireExpected(ctx, doc, expect, 'send the e-mail');
      await sendComposedEmail(doc, ctx.labels, expect.email);
      return { notice: labelRef(ctx.labels, 'emailSent').text };
    },

    'admin/fill-password': ({ password, expect }) => {
      requireExpected(ctx, doc, expect, 'fill in the password');
      filled = { field: fillCustomerPassword(doc, ctx.labels, password), value: password };
      // Read here, not in admin/save: Save's own answer can be lost as its POST unloads the page.
      return { filled: true, before: saveBaseline(doc, ctx.labels) };
    },

    'admin/save': ({ expect }) => {
      requireExpected(ctx, doc, expect, 'save');
      // Right before the click: the Password field still holds what the run filled in. Changed or
      // cleared in between (the agent typed in it, the page reset the form), Save would set another
      // password than the one the run then shows, or none at all.
      const held = filled;
      filled = null;
      if (!held || !held.field.isConnected || held.field.value !== held.value) {
        throw new AdminError({ code: 'unexpected-page', page: 'customer', step: 'save', detail: 'the Password field no longer holds the password Reset Desk filled in (it was changed or cleared); nothing was saved' });
      }
      return navigating(ctx, () => saveCustomer(doc, ctx.labels));
    },

    'admin/read-save-outcome': ({ before, expect }) => {
      requireExpected(ctx, doc, expect, 'read the result of Save');
      const outcome = readSaveOutcome(doc, ctx.labels, before);
      if (outcome.kind === 'saved') return { saved: true, message: labelRef(ctx.labels, 'changesSaved').text };
      if (outcome.kind === 'validation') return { saved: false, message: outcome.message };
      throw new AdminError({ code: 'label-missing', page: 'customer', step: 'read the result of Save', label: labelRef(ctx.labels, 'changesSaved') });
    },
  };
}
