/**
 * The three flows. Each is written to be run again from the top after a worker restart: the
 * navigation parts notice where the tab already is, reading is harmless, and the two steps with
 * effects (Send, Save) record an attempt before they act; a resumed run that finds an attempt it
 * cannot confirm stops and says so instead of acting again.
 */
import { normalizeEmail, sameEmail } from '../../domain/email';
import { formatDuration } from '../../domain/formatDuration';
import { generatePassword } from '../../domain/passwordGenerator';
import { t } from '../../shared/i18n';
import { MessageError } from '../../shared/messaging';
import type { Expected, PageReport } from '../../shared/protocol';
import type { LookupData, RunView, StepId } from '../../shared/runs';
import { judge } from '../../shared/judge';
import { loadSettings } from '../../shared/settings';
import { holdPassword } from '../passwordVault';
import { bindTo, goToCustomer, rememberPage, requirePage, TO_CUSTOMER, TO_USER, type Arrival, type Target } from './navigate';
import type { RunContext } from './runContext';
import { listRuns } from './runStore';

export const FLOW_STEPS: Record<RunView['kind'], StepId[]> = {
  lookup: ['open-admin', 'open-incoming', 'search', 'open-user', 'load-history'],
  resend: ['open-admin', 'open-incoming', 'search', 'open-user', 'load-history', 'open-email', 'reply', 'send'],
  'set-password': ['open-admin', 'open-customers', 'search-customer', 'open-customer', 'fill-password', 'save'],
};

type OpenAdmin = (ctx: RunContext) => Promise<PageReport>;

/** A resend younger than this (seen in the E-mail History) is not repeated by another click. */
export const RECENT_RESEND_MS = 10 * 60_000;

async function readLookup(ctx: RunContext, customer: LookupData['customer'], expect: Expected): Promise<LookupData> {
  try {
    const histories = await ctx.ask('admin/read-histories', { which: ['passwordHistory', 'emailHistory'], expect });
    const known = histories.language ? { ...customer, language: histories.language } : customer;
    return { customer: known, requests: histories.requests, emails: histories.emails, readAt: Date.now() };
  } catch (error) {
    // "Error loading data" is all the page says when the session has expired meanwhile; the page
    // itself, loaded again, tells the two apart (the admin sends it to its login page).
    if (error instanceof MessageError && error.code === 'load-failed') {
      const again = await ctx.reload().catch(() => null);
      if (again?.page === 'login') throw new MessageError('not-logged-in', 'You are not logged in to the admin any more (the session expired).', { step: 'load-history' });
    }
    throw error;
  }
}

/**
 * Goes from the admin page the run started on (`start`, its open-admin step) to the run's customer. When that ends the run instead (several shops
 * to choose from, or no such customer), records the outcome and returns null.
 */
async function reachCustomer(ctx: RunContext, start: PageReport, target: Target): Promise<Extract<Arrival, { kind: 'arrived' }> | null> {
  const arrival = await goToCustomer(ctx, target, ctx.run.email, ctx.run.shop, start);
  if (arrival.kind === 'choose-shop') {
    severalShops.add(normalizeEmail(ctx.run.email));
    // A look-up reads every shop's histories, so the agent picks with each shop's state in view.
    const shopLookups = ctx.run.kind === 'lookup' && target === TO_USER ? await ctx.step('load-history', () => readEachShop(ctx, target, arrival.shops)) : undefined;
    await ctx.update({ status: 'choose-shop', shops: arrival.shops, ...(shopLookups ? { shopLookups } : {}), endedAt: Date.now() });
    return null;
  }
  if (arrival.kind === 'not-found') {
    await ctx.update({
      status: 'failed',
      lookalikes: arrival.lookalikes,
      // In the agent's words like every other run error (runner.ts toRunError): a page's bar shows it as is.
      error: { code: 'not-found', message: t('noCustomer'), remedy: 'none', step: target.steps.pick },
      endedAt: Date.now(),
    });
    return null;
  }
  ctx.show({ shop: arrival.customer.shop });
  return arrival;
}

/** Errors that end the whole run; any other failure leaves just that shop without a state. */
const ENDS_RUN = new Set(['not-logged-in', 'tab-closed', 'aborted', 'no-admin-tab']);

/**
 * Several shops hold the e-mail: opens each one's user page from the search results (going back
 * to the results through the menu for the next) and reads its histories. The pages are not
 * remembered as known (rememberPage): no shop was chosen, and a later look-up without a shop must
 * ask again rather than land on whichever shop was read last.
 */
async function readEachShop(ctx: RunContext, target: Target, shops: LookupData['customer'][]): Promise<LookupData[]> {
  const read: LookupData[] = [];
  let onResults = true;
  for (const shop of shops) {
    try {
      if (!onResults) {
        await requirePage(ctx, await ctx.navigate('admin/open-menu', { item: target.list }), target.listPage, 'load-history', { reloadOnce: true });
        await requirePage(ctx, await ctx.navigate('admin/search', { email: ctx.run.email }), target.listPage, 'load-history');
      }
      onResults = false;
      const arrived = await requirePage(ctx, await ctx.navigate('admin/open-result', { email: shop.email, shop: shop.shop }), target.detailPage, 'load-history', { reloadOnce: true });
      const expect = bindTo(arrived, shop, target.detailPage);
      const lookup = await readLookup(ctx, shop, expect);
      recentReads.set(expect.docId, lookup);
      read.push(lookup);
    } catch (error) {
      if (error instanceof MessageError && ENDS_RUN.has(error.code)) throw error;
      // This shop is listed without a state ("not checked"); the agent can still pick it.
      console.warn('reset-desk: could not read one shop of several', shop.shop, error instanceof Error ? error.message : error);
      onResults = false;
    }
  }
  return read;
}

/**
 * What our look-ups read on which page (by docId). A resend right after a look-up on the same page
 * may decide on that reading instead of loading the page again, as long as it is recent and no
 * other run of ours that acts (resend, set password) was still going at or after the reading: it
 * could have sent or changed something since. Only look-ups' readings: a resend's own reading is
 * from before its Send, and a second resend deciding on it would send again.
 * Memory only: after a worker restart nothing is reused and the page is read afresh.
 */
const recentReads = new Map<string, LookupData>();
export const REUSE_READ_MS = 2 * 60_000;

async function reusableRead(ctx: RunContext, docId: string): Promise<LookupData | null> {
  const read = recentReads.get(docId);
  if (!read || Date.now() - read.readAt > REUSE_READ_MS || !sameEmail(read.customer.email, ctx.run.email)) return null;
  return (await actedSince(ctx, read.readAt)) ? null : read;
}

/** Whether another run of ours that acts (resend, set password) for this customer went on at or after `at`. */
async function actedSince(ctx: RunContext, at: number): Promise<boolean> {
  return (await listRuns()).some(
    (r) => r.id !== ctx.run.id && r.kind !== 'lookup' && sameEmail(r.email, ctx.run.email) && (r.endedAt ?? Infinity) >= at,
  );
}

/**
 * What the user page's in-page help read (both histories) on the page a tab shows, by tab: the
 * newest page of a tab replaces its older one. A look-up for that customer on that very page
 * (same docId: not reloaded, not left) shows it without asking the admin again, within
 * PAGE_READ_MS and with no run of ours acting since. Only look-ups: a resend or a new password
 * goes its own way (navigates, reads afresh before it acts), and nothing here feeds recentReads.
 * Memory only, like recentReads.
 */
const pageReads = new Map<number, { docId: string; lookup: LookupData }>();
/**
 * Addresses a search found in several shops (this worker's lifetime). A user page shows one shop's
 * account: its reading answers a look-up of the address alone only where no other shop is known,
 * or the card would show one shop's state as the customer's (after the picker read each shop, the
 * tab is left on the last one's page).
 */
const severalShops = new Set<string>();
export const PAGE_READ_MS = 30_000;

/** From 'page/histories-read': `docId` is the page as the background's own ping found it. */
export function notePageReading(tabId: number, docId: string, lookup: LookupData): void {
  pageReads.set(tabId, { docId, lookup });
  if (pageReads.size > 50) pageReads.delete(pageReads.keys().next().value as number);
}

async function pageReading(ctx: RunContext, report: PageReport): Promise<LookupData | null> {
  const read = ctx.run.tabId === undefined ? undefined : pageReads.get(ctx.run.tabId);
  if (!read || read.docId !== report.docId || report.page !== 'user' || !report.customerEmail) return null;
  const { lookup } = read;
  const fits =
    sameEmail(report.customerEmail, ctx.run.email) &&
    sameEmail(lookup.customer.email, ctx.run.email) &&
    (ctx.run.shop === undefined ? !severalShops.has(normalizeEmail(ctx.run.email)) : ctx.run.shop === lookup.customer.shop) &&
    Date.now() - lookup.readAt <= PAGE_READ_MS;
  return fits && !(await actedSince(ctx, lookup.readAt)) ? lookup : null;
}

/**
 * Goes to the user page and reads both histories; null when the run ended there (not found,
 * several shops). `expect`: the page the reading is from, which the steps after it act on.
 */
async function reachUserAndRead(ctx: RunContext, start: PageReport): Promise<{ lookup: LookupData; expect: Expected } | null> {
  const arrival = await reachCustomer(ctx, start, TO_USER);
  if (!arrival) return null;
  let reused = false;
  let expect = arrival.expect;
  const lookup = await ctx.step(
    'load-history',
    async () => {
      if (!arrival.fresh) {
        const read = await reusableRead(ctx, expect.docId);
        if (read) {
          reused = true;
          return read;
        }
        // A page that was already open shows the histories as they were then; a resend decided on
        // those could miss one sent in the meantime. The reload is of whatever the tab shows now.
        expect = bindTo(await ctx.reload(), arrival.customer, 'user');
        rememberPage(expect.docId, arrival.customer);
      }
      const read = await readLookup(ctx, arrival.customer, expect);
      if (ctx.run.kind === 'lookup') {
        recentReads.set(expect.docId, read);
        if (recentReads.size > 50) recentReads.delete(recentReads.keys().next().value as string);
      }
      return read;
    },
    () => (reused ? t('noteReused') : undefined),
  );
  ctx.show({ lookup });
  return { lookup, expect };
}

export async function lookupFlow(ctx: RunContext, openAdmin: OpenAdmin): Promise<void> {
  const start = await ctx.step('open-admin', () => openAdmin(ctx));
  // The tab shows this customer's user page, whose in-page help has just read both histories:
  // the card shows that reading, and the admin is not asked again.
  const onPage = await pageReading(ctx, start);
  if (onPage) {
    for (const id of [TO_USER.steps.open, TO_USER.steps.search, TO_USER.steps.pick] as const) await ctx.skip(id, t('noteAlreadyOnCustomer'));
    await ctx.skip('load-history', t('noteReadOnPage'));
    ctx.show({ shop: onPage.customer.shop, lookup: onPage });
    await ctx.update({ status: 'done', endedAt: Date.now() });
    return;
  }
  if (await reachUserAndRead(ctx, start)) await ctx.update({ status: 'done', endedAt: Date.now() });
}

/**
 * The newest resend of ours for this customer that clicked Send within RECENT_RESEND_MS, unless the
 * admin refused it for want of a session (then nothing went out).
 */
async function recentSendOfOurs(ctx: RunContext): Promise<RunView | undefined> {
  const now = Date.now();
  return (await listRuns())
    .filter((r) => r.id !== ctx.run.id && r.kind === 'resend' && sameEmail(r.email, ctx.run.email) && (r.shop === undefined || ctx.run.shop === undefined || r.shop === ctx.run.shop) && r.sendAttempt && now - r.sendAttempt.at < RECENT_RESEND_MS && r.error?.code !== 'not-logged-in')
    .sort((a, b) => (b.sendAttempt?.at ?? 0) - (a.sendAttempt?.at ?? 0))[0];
}

export async function resendFlow(ctx: RunContext, openAdmin: OpenAdmin): Promise<void> {
  const settingsLoaded = loadSettings();
  settingsLoaded.catch(() => undefined); // awaited below; meanwhile not an unhandled rejection
  const reached = await reachUserAndRead(ctx, await ctx.step('open-admin', () => openAdmin(ctx)));
  if (!reached) return;
  const { lookup, expect } = reached;
  const settings = await settingsLoaded;
  const { decision } = judge(lookup, settings, Date.now());

  const attempt = ctx.run.sendAttempt;
  if (attempt) {
    // We may have clicked Send before the worker stopped: the E-mail History tells.
    if (decision.resendsSinceRequest.length > attempt.resendsBefore) {
      for (const id of ['open-email', 'reply', 'send'] as const) await ctx.skip(id, t('noteSentBefore'));
      await ctx.update({ status: 'done', notice: t('noticeSentConfirmed'), endedAt: Date.now() });
      return;
    }
    // Not in the history (yet): Send may still have reached the admin (a request in flight when the
    // worker stopped, a history written late), so a resumed run never clicks it again. The agent
    // decides, with the E-mail History in view; Retry reads it afresh before it would send.
    throw new MessageError(
      'send-unconfirmed',
      'The extension was restarted while sending, and the E-mail History does not show the e-mail: it may or may not have gone out, so it was not sent again. Look at the E-mail History in a minute; Retry sends only if it is still not there.',
      { step: 'send' },
    );
  }

  // Our own Send moments ago, which the E-mail History may list late or never (a real admin's
  // history is not bound to show it at once): not sent again, whatever the history says.
  const ours = ctx.run.sendAnyway ? undefined : await recentSendOfOurs(ctx);
  if (ours && decision.resendsSinceRequest.length <= (ours.sendAttempt?.resendsBefore ?? 0)) {
    throw new MessageError(
      'already-resent',
      `The reset e-mail was already resent by Reset Desk ${formatDuration(Math.max(0, Date.now() - (ours.sendAttempt?.at ?? Date.now())))} ago (the E-mail History does not list it yet), so it was not sent again. Ask the customer to check the inbox and the junk folder; if it does not arrive, set a new password instead.`,
      { step: 'load-history', agoMs: Math.max(0, Date.now() - (ours.sendAttempt?.at ?? Date.now())), notListed: true, sendAnyway: true },
    );
  }

  // Another popup, window or an in-page button may have resent it a moment ago (its run is over, so
  // it did not join ours): a fresh resend in the E-mail History means we do not send again.
  const latestResend = decision.resendsSinceRequest.at(-1);
  if (latestResend && Date.now() - latestResend.at < RECENT_RESEND_MS) {
    throw new MessageError(
      'already-resent',
      `The reset e-mail was already resent ${formatDuration(Math.max(0, Date.now() - latestResend.at))} ago, so it was not sent again. Ask the customer to check the inbox and the junk folder.`,
      { step: 'load-history', agoMs: Math.max(0, Date.now() - latestResend.at) },
    );
  }

  if (decision.kind !== 'resend') {
    throw new MessageError('not-resendable', `Not resent: ${decision.kind}`, { step: 'load-history', reason: decision.reason });
  }
  await ctx.step('open-email', () => ctx.ask('admin/open-email', { email: decision.email, expect }));
  await ctx.step('reply', () => ctx.ask('admin/reply', { expect }));
  await ctx.update({ sendAttempt: { at: Date.now(), resendsBefore: decision.resendsSinceRequest.length } });
  const sent = await ctx.step('send', async () => {
    try {
      return await ctx.ask('admin/send', { expect });
    } catch (error) {
      throw mayHaveSent(error);
    }
  });
  // The admin's own "E-mail has been sent" is the confirmation; the E-mail History lists the copy
  // too, which is what a resumed or repeated run checks before it would ever send again.
  await ctx.update({ notice: sent.notice, status: 'done', endedAt: Date.now() });
}

/**
 * A failure once Send was clicked, other than the admin's session-expired notice (a Send without a
 * session is refused): the e-mail may have gone out. Even the admin's own "could not be sent" is
 * no proof: an admin that carried the Send out may still answer with an error (a gateway timeout,
 * a 5xx), see docs/admin-model.md. It is never sent again by itself; Retry
 * reads the E-mail History afresh and sends only when the e-mail is not there.
 */
function mayHaveSent(error: unknown): unknown {
  if (error instanceof MessageError && error.code === 'not-logged-in') return error;
  const why = error instanceof Error ? error.message : String(error);
  const adminSays = error instanceof MessageError && typeof error.details?.detail === 'string' ? error.details.detail : undefined;
  return new MessageError(
    'send-unconfirmed',
    `The reset e-mail may or may not have gone out: ${why} It was not sent again. Look at the E-mail History in a minute; Retry sends only if it is still not there.`,
    { step: 'send', ...(adminSays ? { adminSays } : {}) },
  );
}

/** A failure once Save was clicked: the admin may have taken the password, which only this run knew. */
function mayHaveChanged(error: unknown): unknown {
  if (!(error instanceof MessageError)) return error;
  return new MessageError(error.code, `${error.message} The password may have been changed, but it cannot be shown: set a new one before you tell the customer.`, { ...error.details, mayHaveChanged: true });
}

export async function setPasswordFlow(ctx: RunContext, openAdmin: OpenAdmin): Promise<void> {
  const settings = await loadSettings();
  if (ctx.run.saveAttempt) {
    // Save may have gone through, but the password lived only in the stopped worker's memory.
    throw new MessageError(
      'password-unknown',
      'The extension was restarted while saving: the password may have been changed, but it can no longer be shown. Set a new password again.',
      { step: 'save' },
    );
  }
  const arrival = await reachCustomer(ctx, await ctx.step('open-admin', () => openAdmin(ctx)), TO_CUSTOMER);
  if (!arrival) return;
  const { expect } = arrival;
  const { password } = generatePassword(settings.passwordPolicy);
  const filled = await ctx.step('fill-password', () => ctx.ask('admin/fill-password', { password, expect }));
  await ctx.update({ saveAttempt: { at: Date.now() } });
  const outcome = await ctx.step('save', async () => {
    try {
      const after = await requirePage(ctx, await ctx.navigate('admin/save', { expect }), 'customer', 'save');
      return await ctx.ask('admin/read-save-outcome', { before: filled.before, expect: bindTo(after, arrival.customer, 'customer') });
    } catch (error) {
      throw mayHaveChanged(error);
    }
  });
  if (!outcome.saved) throw new MessageError('validation', `The admin did not save the password: ${outcome.message}`, { step: 'save', adminSays: outcome.message });
  holdPassword(ctx.run.id, password);
  await ctx.update({ status: 'done', notice: outcome.message, endedAt: Date.now() });
}
