import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { ACTIVITY_KEY, actionWords, clearActivity, outcomeWords, readActivity, type ActivityEntry } from '../shared/activityLog';
import { t } from '../shared/i18n';
import { activityCsv, filterActivity } from './csv';
import { downloadFile } from './download';

/** The local activity log: filter by e-mail, export as CSV (what is shown), clear (after a confirmation). */
export function ActivityLog() {
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  const [filter, setFilter] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void readActivity().then(setEntries);
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && ACTIVITY_KEY in changes) void readActivity().then(setEntries);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  // Outcomes in words, also old entries stored with codes (and so in the CSV as shown).
  const shown = filterActivity(entries, filter).map((e) => ({ ...e, outcome: outcomeWords(e.outcome) }));

  const exportCsv = () => {
    // A BOM, so spreadsheet programs read the file as UTF-8 (names with umlauts).
    downloadFile(`reset-desk-activity-${new Date().toISOString().slice(0, 10)}.csv`, ['\uFEFF', activityCsv(shown)], 'text/csv;charset=utf-8');
    setNotice(t('optExported', [String(shown.length)]));
  };

  const clear = async () => {
    await clearActivity();
    setConfirming(false);
    setEntries([]);
    setNotice(t('optCleared'));
  };

  return (
    <>
      <div class="row">
        <label for="activity-filter">{t('optFilterEmail')}</label>
        <input id="activity-filter" type="search" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
        <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
          {t('optExportCsv')}
        </button>
        {confirming ? (
          <span role="group" aria-label={t('optClearLog')} class="confirm">
            <span>{t('optClearConfirm', [String(entries.length)])}</span>{' '}
            <button type="button" class="danger" onClick={() => void clear()}>
              {t('optClearYes')}
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={entries.length === 0}>
            {t('optClearLog')}
          </button>
        )}
      </div>
      <p role="status" class="notice">
        {notice}
      </p>
      {shown.length === 0 ? (
        <p class="muted">{entries.length === 0 ? t('optLogEmpty') : t('optLogNoMatch')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('optLogCaption', [String(shown.length), String(entries.length)])}>
          <table class="activity">
            <caption class="visually-hidden">{t('optLogCaption', [String(shown.length), String(entries.length)])}</caption>
            <thead>
              <tr>
                <th scope="col">{t('optColTime')}</th>
                <th scope="col">{t('optColAction')}</th>
                <th scope="col">{t('optColEmail')}</th>
                <th scope="col">{t('optColShop')}</th>
                <th scope="col">{t('optColOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td>
                    <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toLocaleString()}</time>
                  </td>
                  <td>{actionWords(e.action)}</td>
                  <td>{e.email}</td>
                  <td>{e.shop}</td>
                  <td>{e.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
