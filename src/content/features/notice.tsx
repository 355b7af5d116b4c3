/**
 * What the agent sees when our in-page help cannot attach to a page we recognise as ours: what was
 * not found, on which page, and the fix: for a missing label, "Show me" (teach mode: point out the
 * element that carries it, ./teach.tsx); the options (the admin's own words); and a copy of the
 * page's redacted layout report for whoever maintains Reset Desk.
 */
import { useState } from 'preact/hooks';
import { isAdminError } from '../../admin/errors';
import { isLabelKey } from '../../admin/teach';
import { t } from '../../shared/i18n';
import { sendToBackground } from '../../shared/messaging';
import type { PageContext } from '../pageContext';
import { layoutReportOf } from '../report';
import { mountNextTo } from '../ui/mount';
import { CopyText, errorText, TrustedButton } from '../ui/parts';
import { BAR_CSS } from '../ui/theme';
import { startTeach, type TeachTarget } from './teach';

const NOTICE_CSS = `${BAR_CSS}
.notice { position: fixed; right: 12px; bottom: 12px; z-index: 2147483647; max-width: 420px; box-shadow: 0 2px 10px rgba(0,0,0,.2); }
`;

function Notice({ message, teach, report }: { message: string; teach: (() => void) | null; report: () => string }) {
  const [open, setOpen] = useState(true);
  const [failed, setFailed] = useState('');
  if (!open) return null;
  return (
    <section class="rd bar notice" role="alert" aria-label={t('extName')} data-notice="cannot-attach">
      <div class="head"><span class="brand">{t('extName')}</span></div>
      <p class="sentence">{t('noticeCannotAttach', [message])}</p>
      <p class="reason">{t('noticeFix')}</p>
      <div class="actions">
        {teach ? (
          <TrustedButton primary action="teach" onPress={teach}>
            {t('showMe')}
          </TrustedButton>
        ) : null}
        <TrustedButton
          primary={!teach}
          action="open-options"
          onPress={() => void sendToBackground('page/open-options', {}).catch((e: unknown) => setFailed(errorText(e)))}
        >
          {t('openOptions')}
        </TrustedButton>
        <CopyText action="copy-layout-report" label={t('copyThis', [t('layoutReport')])} text={report}>
          {t('layoutReportCopy')}
        </CopyText>
        <TrustedButton action="dismiss" onPress={() => setOpen(false)}>{t('noticeDismiss')}</TrustedButton>
      </div>
      {failed ? <p class="error">{failed}</p> : null}
    </section>
  );
}

/** A missing label the agent can point out: its key and the page it is missing on. */
function teachTarget(error: unknown): TeachTarget | null {
  if (!isAdminError(error) || error.code !== 'label-missing' || !error.label || !isLabelKey(error.label.key)) return null;
  return { page: error.page, key: error.label.key };
}

export function showNotice(ctx: PageContext, doc: Document, error: unknown, signal: AbortSignal): void {
  const anchor = doc.body ?? doc.documentElement;
  const target = teachTarget(error);
  const teach = target ? () => startTeach(ctx, doc, target) : null;
  const report = () => JSON.stringify(layoutReportOf(ctx, doc), null, 2);
  mountNextTo({ kind: 'notice', anchor, where: 'append', css: NOTICE_CSS, signal }, <Notice message={errorText(error)} teach={teach} report={report} />);
}
