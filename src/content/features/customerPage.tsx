/**
 * The customer page (Sales > Customers > Show): a Generate button beside the Password field, and
 * after Save a bar with the admin's answer and the new-password reply.
 *
 * Where the password lives (and why): Generate fills the admin's Password field and shows the
 * password in our shadow root, on this page only. Save is a full page POST, so the page after it
 * cannot know the password; the page hands it over through the background worker's MEMORY for this
 * tab only ('page/hand-over'), kept at most a minute and given exactly once, to the first new page of
 * this tab (src/background/handOver.ts). Never storage, never a log, never a run. That next page
 * offers the reply if the admin says "saved"; on a validation message it shows the message and drops
 * the password; on any other page it is simply dropped. The reply can also be copied before Save.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  fillCustomerPassword, findCustomerForm, findHeading, labelText, readCustomerFormLanguage, readSaveOutcome, readUserPageEmail, saveBaseline,
} from '../../admin';
import { sameEmail } from '../../domain/email';
import { generatePassword } from '../../domain/passwordGenerator';
import { replyLanguage } from '../../domain/replyTemplates';
import { t } from '../../shared/i18n';
import { sendToBackground } from '../../shared/messaging';
import { renderReply } from '../../shared/present';
import type { HandOver } from '../../shared/protocol';
import type { PageContext } from '../pageContext';
import { mountNextTo } from '../ui/mount';
import { CopyText, errorText, TrustedButton } from '../ui/parts';
import { BAR_CSS } from '../ui/theme';
import { registerFeature } from './index';

const agentTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The reply in the customer's language: the form's Language field, else the options' reply language. */
function replyWith(ctx: PageContext, doc: Document, email: string, password: string): string {
  const { lang } = replyLanguage(readCustomerFormLanguage(doc, ctx.labels), undefined, ctx.settings.replyLanguage);
  return renderReply('new-password', { email, password, agentTimeZone: agentTimeZone(), templates: ctx.settings.templates, lang });
}

function Generator({ ctx, doc, email, ready }: { ctx: PageContext; doc: Document; email: string; ready: boolean }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const button = useRef<HTMLButtonElement | null>(null);
  // The page before any Save (a permanent hint is not a validation message later, nor customer text the notice).
  const before = useRef(saveBaseline(doc, ctx.labels));

  useEffect(() => {
    if (ready) button.current?.focus();
  }, []);

  const generate = (): void => {
    setError('');
    try {
      const next = generatePassword(ctx.settings.passwordPolicy).password;
      fillCustomerPassword(doc, ctx.labels, next);
      setPassword(next);
      void sendToBackground('page/hand-over', {
        item: { kind: 'saved-password', email, password: next, before: before.current },
        fromDocId: ctx.docId,
      }).catch(() => undefined);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <span class="rd inline" data-ready={ready ? 'true' : 'false'}>
      <TrustedButton primary action="generate" buttonRef={(el) => (button.current = el)} label={t('genLabel')} onPress={generate}>
        {t('genButton')}
      </TrustedButton>
      {password ? (
        <>
          <span class="secret" data-secret="password" aria-label={t('newPassword')}>{password}</span>
          <CopyText action="copy-password" label={t('genCopyPassword')} text={() => password}>{t('copy')}</CopyText>
          <CopyText action="copy-reply" text={() => replyWith(ctx, doc, email, password)}>{t('barCopyReply')}</CopyText>
          <span class="muted">{t('genThenSave')}</span>
        </>
      ) : ready ? (
        <span class="muted">{t('genReady')}</span>
      ) : null}
      {error ? <span class="error" role="alert">{error}</span> : null}
    </span>
  );
}

type After = { kind: 'saved'; password: string } | { kind: 'validation'; message: string };

function CustomerBar({ ctx, doc, email, after }: { ctx: PageContext; doc: Document; email: string; after: After }) {
  return (
    <section class="rd bar" aria-label={t('barLabel')} data-outcome={after.kind}>
      <div class="head"><span class="brand">{t('extName')}</span></div>
      {after.kind === 'saved' ? (
        <>
          <p class="ok" role="status">{t('custSaved', [labelText(ctx.labels, 'changesSaved'), email])}</p>
          <div class="actions">
            <span class="secret" data-secret="password">{after.password}</span>
            <CopyText action="copy-password" label={t('genCopyPassword')} text={() => after.password}>{t('copy')}</CopyText>
            <CopyText action="copy-reply" text={() => replyWith(ctx, doc, email, after.password)}>{t('barCopyReply')}</CopyText>
          </div>
        </>
      ) : (
        <p class="error" role="alert">{t('custNotSaved', [after.message])}</p>
      )}
    </section>
  );
}

registerFeature({
  id: 'customer-page-help',
  pages: ['customer'],
  async init(ctx, doc, signal) {
    const email = readUserPageEmail(doc);
    let field: HTMLElement;
    try {
      field = findCustomerForm(doc, ctx.labels).password;
    } catch {
      return;
    }
    if (!email) return;
    const handed: HandOver | null = await sendToBackground('page/take-hand-over', { docId: ctx.docId }).catch(() => null);
    const mine = handed && sameEmail(handed.email, email) ? handed : null;
    let after: After | null = null;
    if (mine?.kind === 'saved-password') {
      const outcome = readSaveOutcome(doc, ctx.labels, mine.before);
      if (outcome.kind === 'saved') after = { kind: 'saved', password: mine.password };
      else if (outcome.kind === 'validation') after = { kind: 'validation', message: outcome.message };
    }
    const heading = findHeading(doc, ctx.labels, 'customerSection');
    if (after && heading) {
      mountNextTo({ kind: 'customer-bar', anchor: heading, where: 'before', css: BAR_CSS, signal }, <CustomerBar ctx={ctx} doc={doc} email={email} after={after} />);
    }
    mountNextTo({ kind: 'password-generator', anchor: field, where: 'after', css: BAR_CSS, signal }, (
      <Generator ctx={ctx} doc={doc} email={email} ready={mine?.kind === 'open-customer'} />
    ));
  },
});
