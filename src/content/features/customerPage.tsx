/**
 * The customer page (Sales > Customers > Show): "Set new password" beside the admin's Password
 * field. It starts the same run as the popup's (src/background/runs/flows.ts setPasswordFlow): the
 * worker generates the password, this page's content script fills the field and clicks Save, and
 * the page after Save shows the outcome and the password, which the worker holds in its memory
 * for one minute (src/background/passwordVault.ts) and gives only to this tab's page of this
 * customer. A run that "Set new password" on the user page started arrives here the same way.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { findCustomerForm, readCustomerFormLanguage, requireCustomerEmail } from '../../admin';
import { sameEmail } from '../../domain/email';
import { replyLanguage } from '../../domain/replyTemplates';
import { t } from '../../shared/i18n';
import { sendToBackground } from '../../shared/messaging';
import { renderReply } from '../../shared/present';
import { useRun } from '../../ui/live';
import type { PageContext } from '../pageContext';
import { mountNextTo } from '../ui/mount';
import { CopyText, errorText, TrustedButton } from '../ui/parts';
import { SecretText } from '../ui/SecretText';
import { BAR_CSS } from '../ui/theme';
import type { Feature } from './forPage';

/** A run that ended this shortly before the page loaded is still this page's (Save reloads it). */
const RECENT_RUN_MS = 20_000;

const agentTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

type Asking = { kind: 'none'; refused?: string } | { kind: 'confirm'; openedAt: number };

function CustomerHelp({ ctx, doc, email }: { ctx: PageContext; doc: Document; email: string }) {
  const live = useRun(email);
  const [asking, setAsking] = useState<Asking>({ kind: 'none' });
  const [secret, setSecret] = useState<{ password: string; expiresAt: number } | null>(null);
  const [gone, setGone] = useState(false);
  const mountedAt = useRef(Date.now());
  const run = live.run;
  const ours =
    run && run.kind === 'set-password' && run.onThisPage && sameEmail(run.email, email) && (run.status === 'running' || (run.endedAt ?? 0) > mountedAt.current - RECENT_RUN_MS)
      ? run
      : null;

  // The password of our finished run, once, from the worker's memory; gone from the page after its minute.
  useEffect(() => {
    if (ours?.status !== 'done') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const forget = (): void => {
      setSecret(null);
      setGone(true);
    };
    sendToBackground('run/reveal-password', { runId: ours.id }).then((held) => {
      // Nothing for a page loaded after the run ended (a reload): the page after Save had it once.
      if (!held && (ours.endedAt ?? 0) < mountedAt.current) return;
      if (!held) return forget();
      // SecretText takes it off the page after its minute; the copy buttons stay mounted, so a
      // copied password still leaves the clipboard a minute after its copy (src/shared/clipboard.ts).
      setSecret(held);
    }, forget);
    return () => clearTimeout(timer);
  }, [ours?.id, ours?.status]);

  const start = async (decidedAt: number): Promise<void> => {
    setAsking({ kind: 'none' });
    try {
      live.show(await sendToBackground('run/start', { kind: 'set-password', email, decidedAt }));
    } catch (e) {
      setAsking({ kind: 'none', refused: errorText(e) });
    }
  };

  // The reply in the customer's language: the form's Language field, else the options' reply language.
  const reply = (password: string): string => {
    const { lang } = replyLanguage(readCustomerFormLanguage(doc, ctx.labels), undefined, ctx.settings.replyLanguage);
    return renderReply('new-password', { email, password, agentTimeZone: agentTimeZone(), templates: ctx.settings.templates, lang });
  };

  return (
    <span class="rd inline" data-state={ours?.status ?? 'idle'}>
      {ours?.status === 'running' ? (
        <span role="status" class="muted">{t('custSetting')}</span>
      ) : asking.kind === 'confirm' ? (
        <span class="confirm" role="group" aria-label={t('setPassword')}>
          <span>{t('custConfirmSetPassword', [email])}</span>
          <TrustedButton primary action="confirm-set-password" onPress={() => void start(asking.openedAt)}>{t('barConfirmSet')}</TrustedButton>
          <TrustedButton action="cancel-set-password" onPress={() => setAsking({ kind: 'none' })}>{t('cancel')}</TrustedButton>
        </span>
      ) : (
        <TrustedButton action="set-password" onPress={() => setAsking({ kind: 'confirm', openedAt: Date.now() })}>{t('setPassword')}</TrustedButton>
      )}
      {ours?.status === 'done' && secret ? (
        <>
          <span class="ok" role="status" data-outcome="saved">{t('custSaved', [ours.notice ?? '', email])}</span>
          <SecretText text={secret.password} />
          <CopyText secret action="copy-password" label={t('genCopyPassword')} text={() => secret.password}>{t('copy')}</CopyText>
          <CopyText secret action="copy-reply" text={() => reply(secret.password)}>{t('barCopyReply')}</CopyText>
        </>
      ) : null}
      {ours?.status === 'done' && !secret && gone ? <span class="error" role="alert" data-outcome="gone">{t('custPasswordGone', [email])}</span> : null}
      {ours?.status === 'failed' ? <span class="error" role="alert" data-outcome="failed">{ours.error?.message || t('barFailed')}</span> : null}
      {asking.kind === 'none' && asking.refused ? <span class="error" role="alert" data-outcome="refused">{asking.refused}</span> : null}
      {live.lost && ours?.status === 'running' ? <span class="error" role="alert">{t('followLost', [live.lost])}</span> : null}
    </span>
  );
}

export const customerPageHelp: Feature = {
  init(ctx, doc, signal) {
    const form = findCustomerForm(doc, ctx.labels);
    const email = requireCustomerEmail(doc, ctx.labels, 'customer', 'show the in-page help');
    // Our button beside the admin's form looks like its Save, not louder.
    mountNextTo({ kind: 'password-help', anchor: form.password, where: 'after', css: BAR_CSS, signal, buttonsLike: form.save }, <CustomerHelp ctx={ctx} doc={doc} email={email} />);
  },
};
