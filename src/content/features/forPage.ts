/**
 * The one map from our pages to their in-page feature, so a page loads only its own chunk (the user
 * page does not need the list pills, a list page not the reply templates). Each feature gets the
 * page's AbortSignal, so whatever it injected goes away with the page.
 *
 * Never silent: a feature that cannot attach (a label it needs is missing, the page does not name
 * its customer) throws, and the agent gets a notice on the page saying what was not found where,
 * and how to fix it (src/content/features/notice.tsx).
 */
import { AdminError } from '../../admin/errors';
import { labelRef, labelsOn } from '../../admin/labels';
import { nearlyUserPage } from '../../admin/pages';
import type { PageContext } from '../pageContext';

export interface Feature {
  init(ctx: PageContext, doc: Document, signal: AbortSignal): void | Promise<void>;
}

export const FEATURES_FOR_PAGE: Partial<Record<PageContext['page'], () => Promise<Feature>>> = {
  user: () => import('./userPage').then((m) => m.userPageHelp),
  customer: () => import('./customerPage').then((m) => m.customerPageHelp),
  'incoming-requests': () => import('./incomingList').then((m) => m.incomingListPills),
};

/** The page's feature as last started: `attached` once its init went through. */
let current: { controller: AbortController; attached: boolean } | null = null;

/** Starts this page's feature, if it has one (again: what the last start injected goes first). */
export async function startFeature(ctx: PageContext, doc: Document): Promise<void> {
  const load = FEATURES_FOR_PAGE[ctx.page] ?? (ctx.page === 'other' ? nearMiss(ctx, doc) : undefined);
  if (!load) return;
  current?.controller.abort();
  const controller = new AbortController();
  const run = { controller, attached: false };
  current = run;
  // pagehide, not unload: unload handlers break the back/forward cache.
  window.addEventListener('pagehide', () => controller.abort(), { once: true });
  try {
    const feature = await load();
    await feature.init(ctx, doc, controller.signal);
    run.attached = true;
  } catch (error) {
    if (controller.signal.aborted) return;
    console.warn(`Reset Desk: the in-page help of the ${ctx.page} page could not attach:`, error instanceof Error ? error.message : error);
    const { showNotice } = await import('./notice');
    showNotice(ctx, doc, error, controller.signal);
  }
}

/**
 * A page that is the user page but for one renamed history heading: a "feature" that only says
 * so (the notice, with Show me for that heading). Pages that are not ours stay untouched.
 */
function nearMiss(ctx: PageContext, doc: Document): (() => Promise<Feature>) | undefined {
  const missing = nearlyUserPage(doc, ctx.labels);
  if (!missing) return undefined;
  return async () => ({
    init() {
      throw new AdminError({ code: 'label-missing', page: 'user', step: 'recognise the page', label: labelRef(labelsOn(ctx.labels, 'user'), missing) });
    },
  });
}

/**
 * After the agent taught a label here (teach mode): the page's help once more where it did not
 * attach (its notice goes, replaced by the help or a new notice), or where the page is ours only now.
 */
export function retryFeature(ctx: PageContext, doc: Document): void {
  if (current?.attached) return;
  void startFeature(ctx, doc);
}
