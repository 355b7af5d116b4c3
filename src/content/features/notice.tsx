/**
 * What the agent sees when our in-page help cannot attach to a page we recognise as ours: what was
 * not found, on which page, and the fix (the admin's own words go under Options → Admin labels).
 */
import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { sendToBackground } from '../../shared/messaging';
import type { PageContext } from '../pageContext';
import { mountNextTo } from '../ui/mount';
import { errorText, TrustedButton } from '../ui/parts';
import { BAR_CSS } from '../ui/theme';

const NOTICE_CSS = `${BAR_CSS}
.notice { position: fixed; right: 12px; bottom: 12px; z-index: 2147483647; max-width: 420px; box-shadow: 0 2px 10px rgba(0,0,0,.2); }
`;

function Notice({ message }: { message: string }) {
  const [open, setOpen] = useState(true);
  const [failed, setFailed] = useState('');
  if (!open) return null;
  return (
    <section class="rd bar notice" role="alert" aria-label={t('extName')} data-notice="cannot-attach">
      <div class="head"><span class="brand">{t('extName')}</span></div>
      <p class="sentence">{t('noticeCannotAttach', [message])}</p>
      <p class="reason">{t('noticeFix')}</p>
      <div class="actions">
        <TrustedButton
          primary
          action="open-options"
          onPress={() => void sendToBackground('page/open-options', {}).catch((e: unknown) => setFailed(errorText(e)))}
        >
          {t('openOptions')}
        </TrustedButton>
        <TrustedButton action="dismiss" onPress={() => setOpen(false)}>{t('noticeDismiss')}</TrustedButton>
      </div>
      {failed ? <p class="error">{failed}</p> : null}
    </section>
  );
}

export function showNotice(_ctx: PageContext, doc: Document, error: unknown, signal: AbortSignal): void {
  const anchor = doc.body ?? doc.documentElement;
  mountNextTo({ kind: 'notice', anchor, where: 'append', css: NOTICE_CSS, signal }, <Notice message={errorText(error)} />);
}
