import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../shared/messaging';
import type { PageReport } from '../shared/protocol';

/** `?tab=<id>`: act on a given admin tab (a popup opened as a page is attached to no tab). */
function tabFromQuery(): number | undefined {
  const raw = new URLSearchParams(location.search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

export function Popup() {
  const [report, setReport] = useState<PageReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendToBackground('admin/ping', { tabId: tabFromQuery() })
      .then(({ report }) => setReport(report))
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <main>
      <h1>Reset Desk</h1>
      <p role="status">{error ?? (report ? `Admin page: ${report.page}` : 'Connecting to the admin tab…')}</p>
    </main>
  );
}
