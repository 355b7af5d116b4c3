/**
 * Support > Incoming requests, the results list: a small status pill per row ("valid · 5 h left",
 * "expired", "changed", "no request"), read on demand by a Check button per row and automatically
 * for the row(s) whose e-mail IS the searched one. Rows that only contain the searched e-mail (the
 * admin's search is a substring match: anna@ also lists johanna@) are marked as look-alikes.
 *
 * How a row's status is read without leaving the list: the row's user page (the Show link's own
 * address, `linkTarget`) is opened in a hidden same-origin <iframe> that this content script
 * creates. Our content script does not run inside frames (no all_frames); the parent reaches the
 * frame's document through `iframe.contentDocument` (same origin) and runs the admin adapter on it:
 * `loadHistory` clicks the admin's own "Click to load data" (so the admin page's own script must run:
 * no sandbox), `parsePasswordHistory` reads the rows, `judge` (src/shared/judge.ts) judges them — the same rules and
 * words as the user page and the popup. Nothing is clicked but "Click to load data"; nothing is sent.
 *
 * - At most MAX_FRAMES frames at a time; each check is bounded by CHECK_TIMEOUT_MS; a frame is
 *   removed when its check ends and when the page's signal aborts (navigation).
 * - The frame is not visible and not focusable: `hidden` (display: none), tabindex=-1, aria-hidden.
 * - Waiting is event-driven: the frame's load event, then the adapter's MutationObserver waits.
 * - A Show that is a button without an address (it navigates by the page's script) is clicked, not
 *   guessed: the frame loads this list page (`location.href`, same origin), finds the same row there
 *   (same e-mail and shop), clicks ITS Show, so the frame (not the agent's tab) goes to the user page,
 *   and checks that a user page is what it shows before reading it.
 * - A failed check shows a short named reason on the pill (the adapter's full sentence as its title)
 *   and offers Check again.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  AdminError, clickLikeAUser, isAdminError, linkTarget, loadHistory, parsePasswordHistory, parseSearchResults, readSearchQuery,
  recognizePage, normalizeText, type AdminLabels, type SearchRow,
  type AdminErrorCode,
} from '../../admin';
import { isPlausibleEmail, sameEmail } from '../../domain/email';
import { duration } from '../../shared/present';
import type { ResetStatus } from '../../domain/resetStatus';
import { judge } from '../../shared/judge';
import { t, type MessageKey } from '../../shared/i18n';
import type { PageContext } from '../pageContext';
import { mountNextTo } from '../ui/mount';
import { errorText, TrustedButton } from '../ui/parts';
import { BADGE_CSS } from '../ui/theme';
import type { Feature } from './forPage';

/** Hidden frames open at the same time (each one is a full admin page load plus a data load). */
export const MAX_FRAMES = 2;
/** One check: frame load + "Click to load data" (+ its one retry) + reading. */
export const CHECK_TIMEOUT_MS = 20_000;
/** Marks our frames (tests look for leftovers by it). */
export const FRAME_ATTR = 'data-reset-desk-frame';

export type PillKind = 'valid' | 'expired' | 'changed' | 'none' | 'failed';

/** The pill's class and words for a reset state ("valid · 22 h left", as the user page's badge). Pure: exported for unit tests. */
export function pillWords(status: ResetStatus): { kind: PillKind; text: string } {
  switch (status.state) {
    case 'valid':
      return { kind: 'valid', text: t('badgeValid', [duration(status.remainingMs, 'left')]) };
    case 'expired':
      return { kind: 'expired', text: t('pillExpired') };
    case 'changed':
      return { kind: 'changed', text: t('pillChanged') };
    case 'none':
      return { kind: 'none', text: t('pillNone') };
  }
}

/** Why a check failed, in a word or two per adapter error code (anything else: just "could not check"). */
const FAILURE_WHY: Partial<Record<AdminErrorCode, MessageKey>> = {
  timeout: 'pillWhyTimeout',
  aborted: 'pillWhyTimeout',
  'not-logged-in': 'pillWhyLogin',
  'load-failed': 'pillWhyLoad',
  'unparseable-date': 'pillWhyDate',
  'unexpected-page': 'pillWhyNotUser',
  'not-found': 'pillWhyRowGone',
};

/** A failed check in a few words ("could not check: timed out"); the full sentence goes in the title. */
export function pillFailureWords(error: unknown): string {
  if (!isAdminError(error) && !AdminError.isData(error)) return t('pillFailed');
  if (error.code === 'label-missing' && error.label) return t('pillFailedWhy', [t('pillWhyLabel', [error.label.text])]);
  const why = FAILURE_WHY[error.code];
  return why ? t('pillFailedWhy', [t(why)]) : t('pillFailed');
}

/** How a result row relates to the searched text. Pure: exported for unit tests. */
export function rowMatch(rowEmail: string, searched: string, exact: boolean): 'exact' | 'lookalike' | 'other' {
  if (exact) return 'exact';
  // Only a searched e-mail makes a different row a look-alike; a partial search ("anna") matches by design.
  return isPlausibleEmail(searched) && rowEmail.trim() !== '' ? 'lookalike' : 'other';
}

/**
 * Runs at most `max` tasks at once, the rest in order of arrival. A queued task whose signal aborts
 * is dropped (rejected) without running. Pure (no DOM): exported for unit tests.
 */
export function createLimiter(max: number): <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  const next = (): void => {
    while (running < max && queue.length > 0) queue.shift()!();
  };
  return <T,>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        if (signal?.aborted) {
          reject(new Error('aborted'));
          next();
          return;
        }
        running++;
        task().then(resolve, reject).finally(() => {
          running--;
          next();
        });
      };
      queue.push(start);
      next();
    });
}

const timeoutError = (step: string): AdminError => new AdminError({ code: 'timeout', page: 'user', step, detail: `${CHECK_TIMEOUT_MS / 1000} s` });

/** Resolves on the frame's load event for a real document (not the initial about:blank). */
function frameLoaded(frame: HTMLIFrameElement, signal: AbortSignal): Promise<Document> {
  return new Promise<Document>((resolve, reject) => {
    const done = (): void => {
      frame.removeEventListener('load', onLoad);
      signal.removeEventListener('abort', onAbort);
    };
    const onLoad = (): void => {
      let doc: Document | null = null;
      try {
        doc = frame.contentDocument;
      } catch {
        doc = null;
      }
      // A redirect to another origin leaves no readable document: that is not an admin user page.
      if (!doc) {
        done();
        reject(new AdminError({ code: 'unexpected-page', page: 'user', step: 'open the user in the background', detail: 'not readable' }));
        return;
      }
      if (doc.URL === 'about:blank') return;
      done();
      resolve(doc);
    };
    const onAbort = (): void => {
      done();
      reject(timeoutError('open the user in the background'));
    };
    frame.addEventListener('load', onLoad);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface FrameCheckOptions {
  labels: AdminLabels;
  timeZone: string;
  validityHours: number;
  /** As set in the options ('' = not set: times are judged as assumed, src/shared/judge.ts). */
  adminTimeZone: string;
  /** The page's signal: frames go with the page. */
  signal: AbortSignal;
}

/**
 * How the frame reaches the user page: a Show link's own address, or (Show is a scripted button)
 * the list page the row is on plus the row's e-mail and shop, to find and click its Show there.
 */
export type UserPageRoute = string | { listUrl: string; email: string; shop: string; searched: string };

const OPEN_STEP = 'open the user in the background';

/**
 * In the frame showing the list page: finds the row with this e-mail and shop (case-folded), clicks
 * its Show and waits for the frame's next document, which must be a user page.
 */
async function openUserFromList(frame: HTMLIFrameElement, listDoc: Document, route: Exclude<UserPageRoute, string>, labels: AdminLabels, signal: AbortSignal): Promise<Document> {
  if (recognizePage(listDoc, labels) === 'login') throw new AdminError({ code: 'not-logged-in', page: 'login', step: OPEN_STEP });
  const { rows } = parseSearchResults(listDoc, labels, route.searched, 'incoming-requests');
  const row = rows.find((r) => sameEmail(r.ref.email, route.email) && normalizeText(r.ref.shop) === normalizeText(route.shop));
  if (!row) throw new AdminError({ code: 'not-found', page: 'incoming-requests', step: OPEN_STEP, detail: `no row for ${route.email} (${route.shop}) when the list was loaded again` });
  const next = frameLoaded(frame, signal);
  clickLikeAUser(row.showControl);
  const userDoc = await next;
  const kind = recognizePage(userDoc, labels);
  if (kind === 'login') throw new AdminError({ code: 'not-logged-in', page: 'login', step: OPEN_STEP });
  if (kind !== 'user') throw new AdminError({ code: 'unexpected-page', page: kind, step: OPEN_STEP, detail: `Show led to a ${kind} page, not a user page` });
  return userDoc;
}

/**
 * Opens the user page `route` leads to in a hidden frame, loads its Password History there and
 * judges it. The frame is removed in every outcome.
 */
export async function checkInFrame(doc: Document, route: UserPageRoute, options: FrameCheckOptions): Promise<ResetStatus> {
  const { labels, signal } = options;
  const address = new URL(typeof route === 'string' ? route : route.listUrl, doc.baseURI);
  // The address comes from the admin's markup: a frame on another site would not be readable anyway,
  // and it is no business of ours to load one. Compared with the page's own origin, not doc.baseURI's
  // (a <base> element can point elsewhere).
  if (address.origin !== doc.location.origin) {
    throw new AdminError({ code: 'unexpected-page', page: 'incoming-requests', step: OPEN_STEP, detail: `the link leads to another site (${address.origin})` });
  }
  const limit = new AbortController();
  const timer = setTimeout(() => limit.abort(), CHECK_TIMEOUT_MS);
  const onPageAbort = (): void => limit.abort();
  signal.addEventListener('abort', onPageAbort, { once: true });
  const frame = doc.createElement('iframe');
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute(FRAME_ATTR, '');
  frame.style.display = 'none';
  try {
    const loaded = frameLoaded(frame, limit.signal);
    frame.src = address.href;
    (doc.body ?? doc.documentElement).append(frame);
    const firstDoc = await loaded;
    const frameDoc = typeof route === 'string' ? firstDoc : await openUserFromList(frame, firstDoc, route, labels, limit.signal);
    await loadHistory(frameDoc, labels, 'passwordHistory', { signal: limit.signal, timeoutMs: CHECK_TIMEOUT_MS });
    const requests = parsePasswordHistory(frameDoc, labels, { timeZone: options.timeZone });
    return judge({ requests }, options, Date.now()).status;
  } catch (e) {
    // The adapter reports our own deadline as 'aborted': it is a timeout to the agent.
    if (limit.signal.aborted && !signal.aborted) throw timeoutError('read the reset state');
    throw e;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onPageAbort);
    frame.remove();
  }
}

type Check =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'done'; pill: PillKind; text: string }
  | { kind: 'failed'; text: string; message: string };

interface PillProps {
  email: string;
  searched: string;
  match: 'exact' | 'lookalike' | 'other';
  check: () => Promise<ResetStatus>;
  auto: boolean;
  signal: AbortSignal;
}

function RowPill({ email, searched, match, check, auto, signal }: PillProps) {
  // An automatic check starts as 'checking': an 'idle' first render would show a Check button for
  // one frame (a second check if clicked) and a pill that reads as not yet asked (CI saw it).
  const [state, setState] = useState<Check>({ kind: auto ? 'checking' : 'idle' });

  const run = async (): Promise<void> => {
    setState({ kind: 'checking' });
    try {
      const words = pillWords(await check());
      if (!signal.aborted) setState({ kind: 'done', pill: words.kind, text: words.text });
    } catch (e) {
      if (!signal.aborted) setState({ kind: 'failed', text: pillFailureWords(e), message: errorText(e) });
    }
  };

  useEffect(() => {
    if (auto) void run();
  }, []);

  const checkButton = (
    <TrustedButton action="check" label={t('pillCheckLabel', [email])} disabled={state.kind === 'checking'} onPress={() => void run()}>
      {t('pillCheck')}
    </TrustedButton>
  );

  return (
    <span class="rd" data-match={match} data-pill={state.kind === 'done' ? state.pill : state.kind === 'failed' ? 'failed' : state.kind}>
      {match === 'lookalike' ? <span class="badge lookalike" title={t('pillLookalikeTitle', [searched])}>{t('pillLookalike')}</span> : null}
      <span aria-live="polite">
        {state.kind === 'checking' ? <span class="badge">{t('pillChecking')}</span> : null}
        {state.kind === 'done' ? <span class={`badge ${state.pill}`}>{state.text}</span> : null}
        {state.kind === 'failed' ? <span class="badge expired" title={state.message}>{state.text}</span> : null}
      </span>
      {state.kind === 'idle' || state.kind === 'failed' ? checkButton : null}
    </span>
  );
}

function mountPill(ctx: PageContext, doc: Document, signal: AbortSignal, row: SearchRow, searched: string, exact: boolean, limit: ReturnType<typeof createLimiter>): void {
  // A Show without an address is clicked in the frame, on this same list page loaded there.
  const route: UserPageRoute = linkTarget(row.showControl) ?? { listUrl: doc.URL, email: row.ref.email, shop: row.ref.shop, searched };
  const check = () => limit(() => checkInFrame(doc, route, { labels: ctx.labels, timeZone: ctx.timeZone, validityHours: ctx.settings.validityHours, adminTimeZone: ctx.settings.adminTimeZone, signal }), signal);
  mountNextTo({ kind: 'row-pill', anchor: row.emailCell, where: 'append', css: BADGE_CSS, signal }, (
    <RowPill email={row.ref.email} searched={searched} match={rowMatch(row.ref.email, searched, exact)} check={check} auto={exact} signal={signal} />
  ));
}

export const incomingListPills: Feature = {
  init(ctx, doc, signal) {
    const searched = readSearchQuery(doc, ctx.labels) ?? '';
    // Nothing searched yet: the list shows no results to annotate. Once it does, a results table
    // we cannot read is said on the page (forPage.ts), not passed over.
    if (!searched) return;
    const results = parseSearchResults(doc, ctx.labels, searched, 'incoming-requests');
    const limit = createLimiter(MAX_FRAMES);
    const exact = new Set(searched ? results.exact : []);
    for (const row of results.rows) mountPill(ctx, doc, signal, row, searched, exact.has(row), limit);
  },
};
