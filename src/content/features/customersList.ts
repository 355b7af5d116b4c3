/**
 * Sales > Customers, on the way from a user page's "Set new password" (an 'open-customer' item
 * handed over to this page): search the e-mail, then open the one exact match (same shop when the
 * user page named one). Several matches or none: stop on the list and let the agent pick. At most a
 * few hops, so a page that does not behave cannot send the tab in circles.
 */
import { openResult, parseSearchResults, readSearchQuery, submitSearch } from '../../admin';
import { sameEmail } from '../../domain/email';
import { sendToBackground } from '../../shared/messaging';
import { registerFeature } from './index';

const MAX_HOPS = 4;

registerFeature({
  id: 'customers-open-customer',
  pages: ['customers'],
  async init(ctx, doc, signal) {
    const item = await sendToBackground('page/take-hand-over', { docId: ctx.docId }).catch(() => null);
    if (!item || item.kind !== 'open-customer' || item.hops >= MAX_HOPS || signal.aborted) return;
    const next = { ...item, hops: item.hops + 1 };
    const query = readSearchQuery(doc, ctx.labels);
    if (query !== null && sameEmail(query, item.email)) {
      const results = parseSearchResults(doc, ctx.labels, item.email, 'customers');
      const matches = results.exact.filter((r) => item.shop === undefined || r.ref.shop === item.shop);
      const only = matches.length === 1 ? matches[0] : undefined;
      if (!only) return;
      await sendToBackground('page/hand-over', { item: next, fromDocId: ctx.docId });
      openResult(only);
      return;
    }
    await sendToBackground('page/hand-over', { item: next, fromDocId: ctx.docId });
    submitSearch(doc, ctx.labels, item.email, 'customers');
  },
});
