/**
 * The user page (Support > Incoming requests > Show): a bar above Password History with the state in
 * one sentence, the recommended action and the buttons Resend reset e-mail / Set new password / Copy
 * reply; both histories load by themselves (setting `autoLoadHistories`); a badge on every Password
 * History row and on the latest "New Password" e-mail.
 *
 * - Badges are separate shadow-root hosts appended to the rows' Date cells: the admin's text is
 *   never changed (a host adds no text to the cell's textContent, so the parsers read the same), and
 *   the latest request's / e-mail's row gets an outline that is removed with the page.
 * - Resend runs as a background run (`run/start`, kind resend, on this page): one run per customer,
 *   Send guarded against repeats, the same guarantees as the popup. Its progress comes back as
 *   'run/update' pushes from the background (content scripts cannot read storage.session).
 * - Set new password hands an 'open-customer' item to the next page of this tab (background memory)
 *   and opens Sales > Customers; the customers-list feature searches and opens the customer, whose
 *   page then shows Generate focused.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  findHeading, historyRowElements, latestNewPasswordEmail, loadHistory, openMenuItem, parseEmailHistory, parsePasswordHistory,
  readUserDetails, readUserPageEmail, type UserDetails,
} from '../../admin';
import { sameEmail } from '../../domain/email';
import { replyLanguage, templateForDecision, type TemplateId } from '../../domain/replyTemplates';
import type { RowVerdict } from '../../domain/resetStatus';
import { t, type MessageKey } from '../../shared/i18n';
import { sendToBackground } from '../../shared/messaging';
import { duration, present, renderReply, type Presented } from '../../shared/present';
import type { LookupData, RunView } from '../../shared/runs';
import type { PageContext } from '../pageContext';
import { askWhileRunning } from '../../shared/runWatch';
import { onRunUpdate } from '../runUpdates';
import { mountNextTo } from '../ui/mount';
import { CopyText, errorText, TrustedButton } from '../ui/parts';
import { BADGE_CSS, BAR_CSS } from '../ui/theme';
import { registerFeature } from './index';

/**
 * The in-page resend reloads the page (it reads fresh histories before and after Send): the new page
 * reports a resend run that is running or ended this recently (it may end before the page asks).
 */
const RECENT_RUN_MS = 20_000;

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
      return { kind: 'valid', text: t('badgeValid', [duration(v.remainingMs)]) };
    case 'expired':
      return { kind: 'expired', text: t('badgeExpired', [duration(v.expiredForMs)]) };
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
      {old ? <span class="badge old">{t('badgeOld', [String(validityHours)])}</span> : null}
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

type Resend =
  /** `refused`: why the last Resend did not start (e.g. another run for the customer is going); it may be asked again. */
  | { kind: 'idle'; refused?: string }
  | { kind: 'confirm' }
  | { kind: 'sending' }
  | { kind: 'sent'; notice: string }
  | { kind: 'failed'; message: string };

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
  const [resend, setResend] = useState<Resend>({ kind: 'idle' });
  const [navError, setNavError] = useState('');
  const sending = useRef(false);

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
      markRows(ctx, doc, signal, presented, lookup);
    } catch (e) {
      if (signal.aborted) return;
      setError(errorText(e));
      setPhase('error');
    }
  };

  const applyRun = (run: RunView): void => {
    sending.current = true;
    if (run.status === 'done') setResend({ kind: 'sent', notice: run.notice ?? t('barSent') });
    else if (run.status === 'failed') setResend({ kind: 'failed', message: run.error?.message ?? t('barFailed') });
    else setResend({ kind: 'sending' });
  };
  const isOurResend = (run: RunView | null): run is RunView => !!run && run.kind === 'resend' && !!run.onThisPage && sameEmail(run.email, email);

  useEffect(() => {
    if (resend.kind !== 'sending') return;
    return askWhileRunning(email, (run) => {
      if (isOurResend(run) && run.status !== 'running') applyRun(run);
    });
  }, [resend.kind]);

  useEffect(() => {
    if (ctx.settings.autoLoadHistories) void load();
    // The resend run reloads this page (to read fresh histories before and after Send): a new page
    // picks up the run's progress from the background, then follows its pushes.
    let pushed = false;
    onRunUpdate((run: RunView) => {
      if (!isOurResend(run)) return;
      pushed = true;
      applyRun(run);
    }, signal);
    void sendToBackground('run/get', { email })
      .then((run) => {
        if (pushed || !isOurResend(run)) return;
        if (run.status === 'running' || (run.endedAt ?? 0) > Date.now() - RECENT_RUN_MS) applyRun(run);
      })
      .catch(() => undefined);
  }, []);

  const startResend = async (): Promise<void> => {
    // Once per page: the background also joins a running run and never clicks Send twice.
    if (sending.current) return;
    sending.current = true;
    setResend({ kind: 'sending' });
    try {
      const run = await sendToBackground('run/start', { kind: 'resend', email, ...(details.shop ? { shop: details.shop } : {}) });
      if (run.status === 'done') setResend({ kind: 'sent', notice: run.notice ?? t('barSent') });
      else if (run.status === 'failed') setResend({ kind: 'failed', message: run.error?.message ?? t('barFailed') });
    } catch (e) {
      // Refused before any run started (busy, not this page's customer…): nothing was sent, and
      // Resend stays on offer for when the reason has passed.
      sending.current = false;
      setResend({ kind: 'idle', refused: errorText(e) });
    }
  };

  const setNewPassword = async (): Promise<void> => {
    setNavError('');
    try {
      await sendToBackground('page/hand-over', {
        item: { kind: 'open-customer', email, ...(details.shop ? { shop: details.shop } : {}), hops: 0 },
        fromDocId: ctx.docId,
      });
      openMenuItem(doc, labels, 'customers');
    } catch (e) {
      setNavError(errorText(e));
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

  const state = data?.presented.status.state;
  const decision = data?.presented.decision;
  const replyId: TemplateId | null = resend.kind === 'sent' ? 'resend-done' : decision ? templateForDecision(decision).id : null;

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
            {decision.kind === 'resend' && resend.kind === 'idle' ? (
              <TrustedButton primary action="resend" onPress={() => setResend({ kind: 'confirm' })}>{t('resend')}</TrustedButton>
            ) : null}
            {resend.kind === 'confirm' ? (
              <span class="confirm" role="group" aria-label={t('resend')}>
                <span>{t('barConfirmResend', [email])}</span>
                <TrustedButton primary action="confirm-resend" onPress={() => void startResend()}>{t('barConfirmSend')}</TrustedButton>
                <TrustedButton action="cancel-resend" onPress={() => setResend({ kind: 'idle' })}>{t('cancel')}</TrustedButton>
              </span>
            ) : null}
            {resend.kind === 'sending' ? <span role="status" class="muted">{t('barSending')}</span> : null}
            {resend.kind === 'sent' ? <span role="status" class="ok" data-outcome="sent">{t('barSentNotice', [resend.notice])}</span> : null}
            {resend.kind === 'failed' ? <span role="alert" class="error" data-outcome="failed">{resend.message}</span> : null}
            {resend.kind === 'idle' && resend.refused ? <span role="alert" class="error" data-outcome="refused">{resend.refused}</span> : null}
            <TrustedButton action="set-password" onPress={() => void setNewPassword()}>{t('setPassword')}</TrustedButton>
            {replyId ? <CopyText action="copy-reply" text={() => replyFor(replyId)}>{t('barCopyReply')}</CopyText> : null}
          </div>
          {navError ? <p class="error" role="alert">{navError}</p> : null}
        </>
      ) : null}
    </section>
  );
}

registerFeature({
  id: 'user-page-help',
  pages: ['user'],
  init(ctx, doc, signal) {
    const heading = findHeading(doc, ctx.labels, 'passwordHistory');
    const email = readUserPageEmail(doc);
    if (!heading || !email) return;
    const details = readUserDetails(doc, ctx.labels);
    mountNextTo({ kind: 'user-bar', anchor: heading, where: 'before', css: BAR_CSS, signal }, (
      <UserBar ctx={ctx} doc={doc} signal={signal} email={email} details={details} />
    ));
  },
});
