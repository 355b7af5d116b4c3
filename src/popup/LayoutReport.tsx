/**
 * The popup's layout report action: the admin tab's content script builds the redacted report of
 * the page it shows (src/content/report.ts); the popup downloads it as a JSON file and offers a copy.
 */
import { useState } from 'preact/hooks';
import { downloadFile } from '../options/download';
import { pageWords, errorText } from '../shared/errorWords';
import { t } from '../shared/i18n';
import { sendToBackground } from '../shared/messaging';
import { CopyButton } from '../ui/CopyButton';

export function LayoutReportAction({ tabId }: { tabId: number | undefined }) {
  const [made, setMade] = useState<{ text: string; page: string; file: string } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const make = async () => {
    setFailed(null);
    try {
      const { report } = await sendToBackground('admin/layout-report', tabId !== undefined ? { tabId } : {});
      const text = `${JSON.stringify(report, null, 2)}\n`;
      const file = `reset-desk-layout-report-${report.page}.json`;
      downloadFile(file, [text], 'application/json');
      setMade({ text, page: report.page, file });
    } catch (error) {
      setFailed(errorText(error));
    }
  };
  return (
    <span class="layout-report">
      <button type="button" onClick={() => void make()} title={t('layoutReportWhy')}>
        {t('layoutReport')}
      </button>
      {made ? (
        <span role="status" class="muted">
          {' '}
          {t('layoutReportSaved', [pageWords(made.page), made.file])} <CopyButton text={made.text} what={t('layoutReport')} />
        </span>
      ) : null}
      {failed ? <span class="error" role="alert">{' '}{failed}</span> : null}
    </span>
  );
}
