/**
 * Getting the admin tab to a customer's page the way an agent would: menu → list page → search →
 * the exact match → Show. Each part first looks where the tab already is, so a resumed or repeated
 * flow does not click through pages it is already on.
 */
import { sameEmail } from '../../domain/email';
import type { CustomerRef } from '../../domain/types';
import { MessageError } from '../../shared/messaging';
import type { PageReport } from '../../shared/protocol';
import type { StepId } from '../../shared/runs';
import type { RunContext } from './runContext';

/** Search result pages we follow "Next" through before giving up on finding the exact e-mail. */
const MAX_RESULT_PAGES = 5;

export function requirePage(report: PageReport, wanted: PageReport['page'], step: StepId): PageReport {
  if (report.page === 'login') throw new MessageError('not-logged-in', 'You are not logged in to the admin.', { step });
  if (report.page !== wanted) {
    throw new MessageError('unexpected-page', `The admin showed another page than expected (${report.page} instead of ${wanted}). It may have answered with an error page.`, { step });
  }
  return report;
}

interface Target {
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

export type Arrival =
  | { kind: 'arrived'; report: PageReport; customer: CustomerRef }
  | { kind: 'choose-shop'; shops: CustomerRef[] }
  | { kind: 'not-found'; lookalikes: CustomerRef[] };

/**
 * Takes the tab from wherever it is to the detail page of `email` (in `shop`, when given).
 * `knownCustomer`: when the tab is already on this customer's detail page (same e-mail, and the
 * shop is the one a previous step chose), nothing is clicked.
 */
export async function goToCustomer(ctx: RunContext, target: Target, email: string, shop: string | undefined, start: PageReport): Promise<Arrival> {
  let report = start;
  if (report.page === 'login') requirePage(report, target.listPage, target.steps.open);

  // Already there: the page shows this customer and either the run was started from this very page
  // or an earlier step of this run chose this shop (several shops share one e-mail).
  const thisCustomer = report.page === target.detailPage && report.customerEmail !== undefined && sameEmail(report.customerEmail, email);
  if (thisCustomer && (ctx.run.onThisPage || (shop !== undefined && ctx.run.shop === shop))) {
    await ctx.skip(target.steps.open, 'already on this customer');
    await ctx.skip(target.steps.search, 'already on this customer');
    await ctx.skip(target.steps.pick, 'already on this customer');
    return { kind: 'arrived', report, customer: { email: report.customerEmail ?? email, name: '', shop: shop ?? '' } };
  }

  if (report.page === target.listPage) {
    await ctx.skip(target.steps.open, 'already there');
  } else {
    report = await ctx.step(target.steps.open, async () => requirePage(await ctx.navigate('admin/open-menu', { item: target.list }), target.listPage, target.steps.open));
  }

  if (report.searchQuery !== undefined && sameEmail(report.searchQuery, email)) {
    await ctx.skip(target.steps.search, 'already searched');
  } else {
    report = await ctx.step(target.steps.search, async () => requirePage(await ctx.navigate('admin/search', { email }), target.listPage, target.steps.search));
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
        const arrived = requirePage(await ctx.navigate('admin/open-result', { email: chosen.email, shop: chosen.shop }), target.detailPage, target.steps.pick);
        return { kind: 'arrived', report: arrived, customer: chosen };
      }
      if (!results.hasNext || page >= MAX_RESULT_PAGES) return { kind: 'not-found', lookalikes };
      requirePage(await ctx.navigate('admin/next-results', {}), target.listPage, target.steps.pick);
    }
  });
}
