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
  replyToOpenEmail,
  saveCustomer,
  sendComposedEmail,
  submitSearch,
  AdminError,
  checkLayout,
  labelRef,
} from '../admin';
import { addressesIn, sameEmail } from '../domain/email';
import type { Handlers } from '../shared/messaging';
import type { ContentProtocol, Navigation } from '../shared/protocol';
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

export function stepHandlers(ctx: PageContext, doc: Document): Handlers<ContentProtocol> {
  const tz = { timeZone: ctx.timeZone };
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

    'admin/search': ({ email }) => navigating(ctx, () => submitSearch(doc, ctx.labels, email, ctx.page)),

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

    'admin/read-histories': async ({ which }) => {
      // Both at once, as an agent clicking both links would: the admin answers each on its own.
      await Promise.all(which.map((section) => loadHistory(doc, ctx.labels, section)));
      const email = readUserPageEmail(doc);
      const { language } = readUserDetails(doc, ctx.labels);
      return {
        ...(email ? { customerEmail: email } : {}),
        ...(language ? { language } : {}),
        requests: which.includes('passwordHistory') ? parsePasswordHistory(doc, ctx.labels, tz) : [],
        emails: which.includes('emailHistory') ? parseEmailHistory(doc, ctx.labels, tz) : [],
      };
    },

    'admin/open-email': async ({ email }) => {
      await openEmail(doc, ctx.labels, email);
      return { opened: true };
    },

    'admin/reply': async () => {
      const compose = await replyToOpenEmail(doc, ctx.labels);
      const customer = readUserPageEmail(doc);
      // Never send a reset link to anyone but the customer whose page this is: every address in To
      // is exactly theirs (not a look-alike such as anna@example.co for anna@example.com).
      const recipients = addressesIn(compose.to);
      if (!customer || recipients.length === 0 || !recipients.every((r) => sameEmail(r, customer))) {
        throw new AdminError({ code: 'unexpected-page', page: 'user', step: 'reply to e-mail', detail: `the reply would go to ${compose.to}, not ${customer ?? 'the customer of this page'}` });
      }
      return { composing: true };
    },

    'admin/send': async () => {
      await sendComposedEmail(doc, ctx.labels);
      return { notice: labelRef(ctx.labels, 'emailSent').text };
    },

    'admin/fill-password': ({ password }) => {
      fillCustomerPassword(doc, ctx.labels, password);
      // Read here, not in admin/save: Save's own answer can be lost as its POST unloads the page.
      return { filled: true, before: saveBaseline(doc, ctx.labels) };
    },

    'admin/save': () => navigating(ctx, () => saveCustomer(doc, ctx.labels)),

    'admin/read-save-outcome': ({ before }) => {
      const outcome = readSaveOutcome(doc, ctx.labels, before);
      if (outcome.kind === 'saved') return { saved: true, message: labelRef(ctx.labels, 'changesSaved').text };
      if (outcome.kind === 'validation') return { saved: false, message: outcome.message };
      throw new AdminError({ code: 'label-missing', page: 'customer', step: 'read the result of Save', label: labelRef(ctx.labels, 'changesSaved') });
    },
  };
}
