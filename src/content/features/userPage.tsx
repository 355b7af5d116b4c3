/**
 * The user page (Support > Incoming requests > Show): a bar above Password History with the state in
 * one sentence, the recommended action and the buttons Resend reset e-mail / Set new password / Copy
 * reply; both histories load by themselves (setting `autoLoadHistories`); a badge on every Password
 * History row and on the latest "New Password" e-mail.
 *
 * - Badges are separate shadow-root hosts appended to the rows' Date cells: the admin's text is
 *   never changed (a host adds no text to the cell's textContent, so the parsers read the same), and
 *   the latest request's / e-mail's row gets an outline that is removed with the page.
 * - Resend and Set new password are background runs (`run/start` from this page), the same runs
 *   as the popup's: one per customer, Send and Save recorded before they are clicked, an entry in
 *   the activity log. The bar follows them through the worker's port (src/ui/live.ts). Setting a
 *   password takes this tab to the customer's page in Sales > Customers, whose in-page help shows
 *   the run's end and the password (src/content/features/customerPage.tsx).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  AdminError, findHeading, historyRowElements, labelRef, latestNewPasswordEmail, loadHistory, parseEmailHistory, parsePasswordHistory,
  readUserDetails, requireCustomerEmail, type UserDetails,
} from '../../admin';
import { sameEmail } from '../../domain/email';
import { replyLanguage, templateForDecision, type TemplateId } from '../../domain/replyTemplates';
import type { RowVerdict } from '../../domain/resetStatus';
import { t, type MessageKey } from '../../shared/i18n';
import { sendToBackground } from '../../shared/messaging';
import { duration, outcomeLine, present, renderReply, runOutcome, type Presented } from '../../shared/present';
import type { LookupData } from '../../shared/runs';
import type { PageContext } from '../pageContext';
import { useRun } from '../../ui/live';
import { mountNextTo } from '../ui/mount';
import { CopyText, errorText, TrustedButton } from '../ui/parts';
import { BADGE_CSS, BAR_CSS } from '../ui/theme';
import type { Feature } from './forPage';

/**
 * The in-page resend reloads the page (it reads fresh histories before and after Send): the new page
 * reports a resend run that is running or ended this recently (it may end before the page asks).
 */
const RECENT_RUN_MS = 20_000;

const IN_PAGE_STEP = 'show the in-page help';

const agentTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const ACTION_KEYS: Record<Presented['decision']['kind'], MessageKey> = {
  resend: 'barActResend',
  'manual-reset': 'barActManual',
  'request-again': 'barActRequestAgain',
  'nothing-to-do': 'barActNothing',
  'no-request': 'barActNoRequest',
};

/** Badge words for one Password History row. Pure: exported for unit tests. */
export function verdictWords(v: RowVerdict): { kind: string; text: string } {
  switch (v.kind) {
    case 'valid':
      return { kind: 'valid', text: t('badgeValid', [duration(v.remainingMs, 'left')]) };
    case 'expired':
      return { kind: 'expired', text: t('badgeExpired', [duration(v.expiredForMs, 'ago')]) };
    case 'changed':
      return { kind: 'changed', text: t('badgeChanged') };
    case 'superseded':
      return { kind: 'superseded', text: t('badgeSuperseded') };
    case 'manual-change':
      return { kind: 'manual-change', text: t('badgeManualChange') };
    case 'admin-no-change':
      return { kind: 'admin-no-change', text: t('badgeAdminNoChange') };
    case 'future':
      return { kind: 'future', text: t('badgeFuture') };
    case 'undated':
      return { kind: 'undated', text: t('badgeUndated') };
  }
}

/** Older than the validity window (a dated row only). */
export function isOlderThanValidity(v: RowVerdict, now: number, validityMs: number): boolean {
  return Number.isFinite(v.request.at) && now - v.request.at >= validityMs;
}

function RowBadge({ verdict, latest, old, validityHours }: { verdict: RowVerdict; latest: boolean; old: boolean; validityHours: number }) {
  const words = verdictWords(verdict);
  return (
    <span class="rd" data-verdict={words.kind} data-latest={latest ? 'true' : 'false'} data-old={old ? 'true' : 'false'}>
      {latest ? <span class="badge latest">{t('badgeLatest')}</span> : null}
      <span class={`badge ${words.kind}`}>{words.text}</span>
      {/* Red only where its age is the problem: an old request whose password was changed since is just history. */}
      {old ? <span class={`badge ${verdict.kind === 'expired' ? 'old' : 'aged'}`}>{t('badgeOld', [String(validityHours)])}</span> : null}
    </span>
  );
}

/** An outline on an admin row, removed with the page (its text and children stay untouched). */
function outlineRow(row: HTMLElement, signal: AbortSignal): void {
  const before = { outline: row.style.outline, offset: row.style.outlineOffset };
  row.style.outline = '2px solid #1f5fbf';
  row.style.outlineOffset = '-2px';
  signal.addEventListener('abort', () => {
    row.style.outline = before.outline;
    row.style.outlineOffset = before.offset;
  }, { once: true });
}

function markRows(ctx: PageContext, doc: Document, signal: AbortSignal, presented: Presented, lookup: LookupData): void {
  const { status, decision } = presented;
  const rows = historyRowElements(doc, ctx.labels, 'passwordHistory');
  for (const v of status.rows) {
    const el = rows[v.request.row];
    if (!el?.dateCell) continue;
    const latest = status.latest !== null && status.latest.row === v.request.row;
    const old = isOlderThanValidity(v, status.now, status.validityMs);
    mountNextTo({ kind: 'row-badge', anchor: el.dateCell, where: 'append', css: BADGE_CSS, signal }, (
      <RowBadge verdict={v} latest={latest} old={old} validityHours={ctx.settings.validityHours} />
    ));
    if (latest) outlineRow(el.row, signal);
  }
  const mail = decision.kind === 'resend' ? decision.email : latestNewPasswordEmail(lookup.emails);
  const mailRow = mail ? historyRowElements(doc, ctx.labels, 'emailHistory')[mail.row] : undefined;
  if (mail && mailRow?.dateCell) {
    mountNextTo({ kind: 'mail-badge', anchor: mailRow.dateCell, where: 'append', css: BADGE_CSS, signal }, (
      <span class="rd" data-mail="latest-reset">
        <span class="badge latest">{t('badgeLatestMail')}</span>
        {decision.kind === 'resend' ? <span class="badge valid">{t('badgeResendThis')}</span> : null}
      </span>
    ));
    outlineRow(mailRow.row, signal);
  }
}

/** What the agent has opened in the bar (the run's own state comes from the worker). */
type Asking = { kind: 'none'; refused?: string } | { kind: 'confirm-resend' } | { kind: 'confirm-set-password'; openedAt: number };

interface BarProps {
  ctx: PageContext;
  doc: Document;
  signal: AbortSignal;
  email: string;
  details: UserDetails;
}

function UserBar({ ctx, doc, signal, email, details }: BarProps) {
  const labels = ctx.labels;
  const [phase, setPhase] = useState<'loading' | 'manual' | 'ready' | 'error'>(ctx.settings.autoLoadHistories ? 'loading' : 'manual');
  const [error, setError] = useState('');
  const [data, setData] = useState<{ lookup: LookupData; presented: Presented } | null>(null);
  const [asking, setAsking] = useState<Asking>({ kind: 'none' });
  const mountedAt = useRef(Date.now());
  // The worker posts this customer's newest run (also after it restarts, or when this page is the
  // reload the resend itself asked for).
  const live = useRun(email);

  const load = async (): Promise<void> => {
    setPhase('loading');
    try {
      const tz = { timeZone: ctx.timeZone };
      await Promise.all([
        loadHistory(doc, labels, 'passwordHistory', { signal }),
        loadHistory(doc, labels, 'emailHistory', { signal }),
      ]);
      const lookup: LookupData = {
        customer: { email, name: details.name, shop: details.shop },
        requests: parsePasswordHistory(doc, labels, tz),
        emails: parseEmailHistory(doc, labels, tz),
        readAt: Date.now(),
      };
      const presented = present(lookup, { now: lookup.readAt, validityHours: ctx.settings.validityHours, adminTimeZone: ctx.timeZone, adminZoneKnown: ctx.timeZone === ctx.settings.adminTimeZone, agentTimeZone: agentTimeZone() });
      setData({ lookup, presented });
      setPhase('ready');
      // A look-up from the popup for this customer on this page can show this reading at once. Not
      // delivered (the worker is restarting): that look-up asks the admin itself, as without it.
      void sendToBackground('page/histories-read', { lookup: { ...lookup, customer: { ...lookup.customer, ...(details.language ? { language: details.language } : {}) } } }).catch(() => undefined);
      markRows(ctx, doc, signal, presented, lookup);
    } catch (e) {
      if (signal.aborted) return;
      setError(errorText(e));
      setPhase('error');
    }
  };

  useEffect(() => {
    if (ctx.settings.autoLoadHistories) void load();
  }, []);

  // This customer's resend, wherever it was started (this bar, the popup, another tab): running, or
  // ended since just before this page loaded (the resend reloads the page to read fresh histories
  // before and after Send), so the bar and the popup agree on what was done.
  const run = live.run;
  const resendRun =
    run && run.kind === 'resend' && sameEmail(run.email, email) && (run.status === 'running' || (run.endedAt ?? 0) > mountedAt.current - RECENT_RUN_MS)
      ? run
      : null;

  // A set-password run leaves this page for the customer's (which says its outcome); one that stops
  // before it leaves (a missing menu label, a session ended) or needs a shop picked is said here.
  const passwordRun =
    run && run.kind === 'set-password' && sameEmail(run.email, email) && (run.status === 'running' || (run.endedAt ?? 0) > mountedAt.current - RECENT_RUN_MS)
      ? run
      : null;

  const start = async (kind: 'resend' | 'set-password', decidedAt?: number): Promise<void> => {
    setAsking({ kind: 'none' });
    try {
      live.show(await sendToBackground('run/start', { kind, email, ...(details.shop ? { shop: details.shop } : {}), ...(decidedAt !== undefined ? { decidedAt } : {}) }));
    } catch (e) {
      // Refused before any run started (busy, not this page's customer…): nothing was done, and
      // the button stays on offer for when the reason has passed.
      setAsking({ kind: 'none', refused: errorText(e) });
    }
  };

  const replyFor = (id: TemplateId): string =>
    renderReply(id, {
      ...(data ? { lookup: data.lookup } : {}),
      email,
      shop: details.shop,
      ...(data?.presented.status.validUntil != null ? { validUntil: data.presented.status.validUntil } : {}),
      agentTimeZone: agentTimeZone(),
      templates: ctx.settings.templates,
      lang: replyLanguage(details.language, undefined, ctx.settings.replyLanguage).lang,
      replyTimeZone: ctx.timeZone,
    });

  const resendOutcome = runOutcome(resendRun);
  const state = data?.presented.status.state;
  const decision = data?.presented.decision;
  const replyId: TemplateId | null = resendRun?.status === 'done' ? 'resend-done' : decision ? templateForDecision(decision).id : null;

  return (
    <section class={`rd bar${state ? ` state-${state}` : ''}`} aria-label={t('barLabel')} data-state={state ?? phase}>
      <div class="head">
        <span class="brand">{t('extName')}</span>
        <span class="who" data-customer>{details.name ? `${details.name} · ${email}` : email}{details.shop ? ` · ${details.shop}` : ''}</span>
        {phase === 'loading' ? <span class="muted" role="status">{t('barLoading')}</span> : null}
      </div>
      {phase === 'manual' ? (
        <div class="actions">
          <TrustedButton primary action="load" onPress={() => void load()}>{t('barLoad')}</TrustedButton>
        </div>
      ) : null}
      {phase === 'error' ? <p class="error" role="alert">{error}</p> : null}
      {data && decision ? (
        <>
          <p class="sentence">
            <strong>{data.presented.stateWord}</strong>
            {data.presented.validity ? ` · ${data.presented.validity}` : ''}
            {data.presented.age ? <span class="muted"> · {t('barRequested', [data.presented.age])}</span> : null}
            {' — '}
            {t(ACTION_KEYS[decision.kind])}
          </p>
          <p class="reason" lang={t('htmlLang')}>{data.presented.reason}</p>
          {data.presented.warnings.length ? (
            <ul class="warnings">
              {data.presented.warnings.map((w) => <li key={w}>{w}</li>)}
            </ul>
          ) : null}
          <div class="actions">
            {decision.kind === 'resend' && !resendRun && asking.kind !== 'confirm-resend' ? (
              <TrustedButton primary action="resend" onPress={() => setAsking({ kind: 'confirm-resend' })}>{t('resend')}</TrustedButton>
            ) : null}
            {asking.kind === 'confirm-resend' ? (
              <span class="confirm" role="group" aria-label={t('resend')}>
                <span>{t('barConfirmResend', [email])}</span>
                <TrustedButton primary action="confirm-resend" onPress={() => void start('resend')}>{t('barConfirmSend')}</TrustedButton>
                <TrustedButton action="cancel-resend" onPress={() => setAsking({ kind: 'none' })}>{t('cancel')}</TrustedButton>
              </span>
            ) : null}
            {resendRun?.status === 'running' ? <span role="status" class="muted">{t('barSending')}</span> : null}
            {resendRun && resendOutcome?.kind === 'resent' ? (
              <span role="status" class="ok" data-outcome="sent">
                {outcomeLine(resendOutcome, Date.now(), agentTimeZone())}
                {resendRun.notice ? ` · ${resendRun.notice}` : ''}
              </span>
            ) : null}
            {/* A resend refused because one went out moments ago: information, not an error. */}
            {resendRun && resendOutcome?.kind === 'already-resent' ? <span role="status" class="info" data-outcome="already-resent">{resendRun.error?.message}</span> : null}
            {resendRun?.status === 'failed' && !resendOutcome ? <span role="alert" class="error" data-outcome="failed">{resendRun.error?.message ?? t('barFailed')}</span> : null}
            {asking.kind === 'none' && asking.refused ? <span role="alert" class="error" data-outcome="refused">{asking.refused}</span> : null}
            {passwordRun?.status === 'running' ? <span role="status" class="muted" data-outcome="setting">{t('custSetting')}</span> : null}
            {passwordRun?.status === 'failed' ? <span role="alert" class="error" data-outcome="set-password-failed">{passwordRun.error?.message || t('barFailed')}</span> : null}
            {passwordRun?.status === 'choose-shop' ? <span role="alert" class="error" data-outcome="choose-shop">{t('barChooseShop')}</span> : null}
            {asking.kind === 'confirm-set-password' ? (
              <span class="confirm" role="group" aria-label={t('setPassword')}>
                <span>{t('barConfirmSetPassword', [email])}</span>
                <TrustedButton primary action="confirm-set-password" onPress={() => void start('set-password', asking.openedAt)}>{t('barConfirmSet')}</TrustedButton>
                <TrustedButton action="cancel-set-password" onPress={() => setAsking({ kind: 'none' })}>{t('cancel')}</TrustedButton>
              </span>
            ) : (
              <TrustedButton action="set-password" onPress={() => setAsking({ kind: 'confirm-set-password', openedAt: Date.now() })}>{t('setPassword')}</TrustedButton>
            )}
            {replyId ? <CopyText action="copy-reply" text={() => replyFor(replyId)}>{t('barCopyReply')}</CopyText> : null}
          </div>
          {live.lost && resendRun?.status === 'running' ? <p class="error" role="alert">{t('followLost', [live.lost])}</p> : null}
        </>
      ) : null}
    </section>
  );
}

export const userPageHelp: Feature = {
  init(ctx, doc, signal) {
    const heading = findHeading(doc, ctx.labels, 'passwordHistory');
    if (!heading) throw new AdminError({ code: 'label-missing', page: 'user', step: IN_PAGE_STEP, label: labelRef(ctx.labels, 'passwordHistory') });
    const email = requireCustomerEmail(doc, ctx.labels, 'user', IN_PAGE_STEP);
    const details = readUserDetails(doc, ctx.labels);
    mountNextTo({ kind: 'user-bar', anchor: heading, where: 'before', css: BAR_CSS, signal }, (
      <UserBar ctx={ctx} doc={doc} signal={signal} email={email} details={details} />
    ));
  },
};
