/**
 * The three flows. Each is written to be run again from the top after a worker restart: the
 * navigation parts notice where the tab already is, reading is harmless, and the two steps with
 * effects (Send, Save) record an attempt before they act; a resumed run that finds an attempt it
 * cannot confirm stops and says so instead of acting again.
 */
import { sameEmail } from '../../domain/email';
import { formatDuration } from '../../domain/formatDuration';
import { generatePassword } from '../../domain/passwordGenerator';
import { t } from '../../shared/i18n';
import { MessageError } from '../../shared/messaging';
import type { PageReport } from '../../shared/protocol';
import type { LookupData, RunView, StepId } from '../../shared/runs';
import { judgeLookup } from '../../shared/present';
import { effectiveTimeZone, loadSettings, type Settings } from '../../shared/settings';
import { holdPassword } from '../passwordVault';
import { goToCustomer, rememberPage, requirePage, TO_CUSTOMER, TO_USER, type Arrival, type Target } from './navigate';
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

async function readLookup(ctx: RunContext, customer: LookupData['customer']): Promise<LookupData> {
  try {
    const histories = await ctx.ask('admin/read-histories', { which: ['passwordHistory', 'emailHistory'] });
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
 * Opens the admin and goes to the run's customer. When that ends the run instead (several shops
 * to choose from, or no such customer), records the outcome and returns null.
 */
async function reachCustomer(ctx: RunContext, openAdmin: OpenAdmin, target: Target): Promise<Extract<Arrival, { kind: 'arrived' }> | null> {
  const start = await ctx.step('open-admin', () => openAdmin(ctx));
  const arrival = await goToCustomer(ctx, target, ctx.run.email, ctx.run.shop, start);
  if (arrival.kind === 'choose-shop') {
    await ctx.update({ status: 'choose-shop', shops: arrival.shops, endedAt: Date.now() });
    return null;
  }
  if (arrival.kind === 'not-found') {
    await ctx.update({
      status: 'failed',
      lookalikes: arrival.lookalikes,
      error: { code: 'not-found', message: 'No customer with this e-mail', remedy: 'none', step: target.steps.pick },
      endedAt: Date.now(),
    });
    return null;
  }
  ctx.show({ shop: arrival.customer.shop });
  return arrival;
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
  const actedSince = (await listRuns()).some(
    (r) => r.id !== ctx.run.id && r.kind !== 'lookup' && sameEmail(r.email, ctx.run.email) && (r.endedAt ?? Infinity) >= read.readAt,
  );
  return actedSince ? null : read;
}

/** Goes to the user page and reads both histories; null when the run ended there (not found, several shops). */
async function reachUserAndRead(ctx: RunContext, openAdmin: OpenAdmin): Promise<LookupData | null> {
  const arrival = await reachCustomer(ctx, openAdmin, TO_USER);
  if (!arrival) return null;
  let reused = false;
  const lookup = await ctx.step(
    'load-history',
    async () => {
      let docId = arrival.report.docId;
      if (!arrival.fresh) {
        const read = await reusableRead(ctx, docId);
        if (read) {
          reused = true;
          return read;
        }
        // A page that was already open shows the histories as they were then; a resend decided on
        // those could miss one sent in the meantime.
        docId = (await ctx.reload()).docId;
        rememberPage(docId, arrival.customer);
      }
      const read = await readLookup(ctx, arrival.customer);
      if (ctx.run.kind === 'lookup') {
        recentReads.set(docId, read);
        if (recentReads.size > 50) recentReads.delete(recentReads.keys().next().value as string);
      }
      return read;
    },
    () => (reused ? t('noteReused') : undefined),
  );
  ctx.show({ lookup });
  return lookup;
}

export async function lookupFlow(ctx: RunContext, openAdmin: OpenAdmin): Promise<void> {
  if (await reachUserAndRead(ctx, openAdmin)) await ctx.update({ status: 'done', endedAt: Date.now() });
}

function judge(lookup: LookupData, settings: Settings) {
  // The same judgement as the card's: an assumed admin zone near the 24 h edge is no valid resend.
  const zone = effectiveTimeZone(settings);
  return judgeLookup(lookup, Date.now(), settings.validityHours, zone, zone === settings.adminTimeZone).decision;
}

export async function resendFlow(ctx: RunContext, openAdmin: OpenAdmin): Promise<void> {
  const settingsLoaded = loadSettings();
  settingsLoaded.catch(() => undefined); // awaited below; meanwhile not an unhandled rejection
  const lookup = await reachUserAndRead(ctx, openAdmin);
  if (!lookup) return;
  const settings = await settingsLoaded;
  const decision = judge(lookup, settings);

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
  await ctx.step('open-email', () => ctx.ask('admin/open-email', { email: decision.email }));
  await ctx.step('reply', () => ctx.ask('admin/reply', {}));
  await ctx.update({ sendAttempt: { at: Date.now(), resendsBefore: decision.resendsSinceRequest.length } });
  const sent = await ctx.step('send', () => ctx.ask('admin/send', {}));
  // The admin's own "E-mail has been sent" is the confirmation; the E-mail History lists the copy
  // too, which is what a resumed or repeated run checks before it would ever send again.
  await ctx.update({ notice: sent.notice, status: 'done', endedAt: Date.now() });
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
  if (!(await reachCustomer(ctx, openAdmin, TO_CUSTOMER))) return;
  const { password } = generatePassword(settings.passwordPolicy);
  const filled = await ctx.step('fill-password', () => ctx.ask('admin/fill-password', { password }));
  await ctx.update({ saveAttempt: { at: Date.now() } });
  const outcome = await ctx.step('save', async () => {
    try {
      await requirePage(ctx, await ctx.navigate('admin/save', {}), 'customer', 'save');
      return await ctx.ask('admin/read-save-outcome', { before: filled.before });
    } catch (error) {
      throw mayHaveChanged(error);
    }
  });
  if (!outcome.saved) throw new MessageError('validation', `The admin did not save the password: ${outcome.message}`, { step: 'save', adminSays: outcome.message });
  holdPassword(ctx.run.id, password);
  await ctx.update({ status: 'done', notice: outcome.message, endedAt: Date.now() });
}
