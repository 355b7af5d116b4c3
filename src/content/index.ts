/**
 * The full content script. It answers the background's step requests and injects in-page help on
 * the pages that are ours. It is loaded by the gate (./gate.ts) on pages that may be ours, and
 * injected by the background into any other admin page a flow needs to talk to; both as
 * `content/full.js` (this file and all it imports, one classic script: vite.config.ts), and it
 * starts once per page however often it is injected (CONTENT_READY_KEY).
 *
 * What it runs at first is kept small: recognising the page and answering pings. The step
 * handlers (the whole admin adapter) are set up on the first step request, the in-page features
 * only on our pages (dynamic imports, inlined by the build: they run only when called).
 *
 * Security: it listens only to runtime messages from our own extension (web pages cannot send
 * those) and never to window.postMessage or page events.
 */
import browser from 'webextension-polyfill';
import { handleMessages, sendToBackground, type Handlers } from '../shared/messaging';
import { CONTENT_READY_KEY, type ContentProtocol } from '../shared/protocol';
import { startFeature } from './features/forPage';
import { pageReport, readPageContext, type PageContext } from './pageContext';

/** Requests this file answers itself (not steps of a flow): the agent's own, from the popup. */
const PAGE_REQUESTS = ['content/ping', 'content/teach', 'content/layout-report'] as const satisfies readonly (keyof ContentProtocol)[];

/** Every step request, answered by ./steps once it has loaded. */
const STEP_REQUESTS = [
  'content/check-layout',
  'admin/open-menu',
  'admin/search',
  'admin/read-results',
  'admin/next-results',
  'admin/open-result',
  'admin/read-histories',
  'admin/open-email',
  'admin/reply',
  'admin/send',
  'admin/fill-password',
  'admin/save',
  'admin/read-save-outcome',
] as const satisfies readonly Exclude<keyof ContentProtocol, (typeof PAGE_REQUESTS)[number]>[];

// Compile-time check that STEP_REQUESTS and PAGE_REQUESTS name every request.
type Missing = Exclude<keyof ContentProtocol, (typeof PAGE_REQUESTS)[number] | (typeof STEP_REQUESTS)[number]>;
const allStepsListed: Missing extends never ? true : Missing = true;
void allStepsListed;

function lazyStepHandlers(ctx: PageContext, doc: Document): Handlers<ContentProtocol> {
  let loaded: Promise<Handlers<ContentProtocol>> | undefined;
  const steps = () => (loaded ??= import('./steps').then((m) => m.stepHandlers(ctx, doc)));
  const handlers: Handlers<ContentProtocol> = {};
  for (const name of STEP_REQUESTS) {
    Object.assign(handlers, {
      [name]: async (payload: never, sender: never) => {
        const handler = (await steps())[name] as ((p: never, s: never) => unknown) | undefined;
        if (!handler) throw new Error(`No handler for ${name}`);
        return handler(payload, sender);
      },
    });
  }
  return handlers;
}

async function main(): Promise<void> {
  const ctx = await readPageContext(document);
  handleMessages<ContentProtocol>(
    {
      ...lazyStepHandlers(ctx, document),
      'content/ping': () => pageReport(ctx, document),
      'content/teach': async (target) => {
        const { startTeach } = await import('./features/teach');
        startTeach(ctx, document, target);
        return { shown: true };
      },
      'content/layout-report': async () => ({ report: (await import('./report')).layoutReportOf(ctx, document) }),
    },
    (sender) => sender.id === browser.runtime.id && sender.tab === undefined,
  );
  // Wake a waiting flow: this is the page its last click led to. No worker to hear it (none is
  // running, or it is restarting) is harmless: a flow that waits pings the tab itself, and the page
  // then gets its in-page help as on any visit of the agent's.
  const announced = sendToBackground('content/ready', pageReport(ctx, document)).catch(() => undefined);
  // A list page a run of ours only passes through (to its customer's page) starts no in-page help:
  // its automatic checks would load admin pages alongside the run's and slow it. The agent's own
  // visits (and pages whose announcement found no worker) get it, one round trip later.
  if (PASSED_THROUGH.includes(ctx.page) && (await announced)?.forRun) return;
  void startFeature(ctx, document);
}

/** The pages a flow goes through on its way to a customer. */
const PASSED_THROUGH: readonly PageContext['page'][] = ['incoming-requests', 'customers'];

/**
 * Settles once the page has been recognised and requests are answered (the background's injection
 * waits for it). Kept on the content-script world's global, where a second injection finds it.
 */
const world = globalThis as unknown as Record<symbol, Promise<void> | undefined>;
export const ready: Promise<void> = (world[Symbol.for(CONTENT_READY_KEY)] ??= main());
