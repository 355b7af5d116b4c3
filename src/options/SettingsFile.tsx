import { useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { exportSettings, loadSettings, previewImport, SETTINGS_FIELDS, type ImportPreview, type Settings, type SettingsField } from '../shared/settings';
import { downloadFile } from './download';

const FILE_NAME = 'reset-desk-settings.json';

const titleOf = (field: string) => (field in SETTINGS_FIELDS ? t(SETTINGS_FIELDS[field as SettingsField].title) : t('optImportFile'));
const shownValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Team roll-out: the saved settings as a file, and a colleague's file read back through the same
 * field checks. Importing shows what will be applied and what not (with the reasons) before
 * anything changes; applying puts the accepted fields into the form, which the agent then saves.
 */
export function SettingsFile(props: { pinned: readonly string[]; onApply(apply: ImportPreview['apply']): void }) {
  const [preview, setPreview] = useState<{ name: string; result: ImportPreview } | null>(null);
  const [notice, setNotice] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const onExport = async () => {
    try {
      const settings: Settings = await loadSettings();
      downloadFile(FILE_NAME, [exportSettings(settings)], 'application/json');
      setNotice(t('optExportedSettings', [FILE_NAME]));
    } catch (error) {
      setNotice(t('optErrExport', [(error as Error).message]));
    }
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setNotice('');
    try {
      setPreview({ name: file.name, result: previewImport(await file.text(), props.pinned) });
    } catch (error) {
      setPreview({ name: file.name, result: { apply: {}, rejected: { file: [t('optImportReadError', [(error as Error).message])] } } });
    }
  };

  const applied = preview ? (Object.entries(preview.result.apply) as [SettingsField, unknown][]) : [];
  const rejected = preview ? Object.entries(preview.result.rejected) : [];

  return (
    <>
      <p class="hint">{t('optTransferHint')}</p>
      <div class="row">
        <button type="button" onClick={() => void onExport()}>
          {t('optExportSettings')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('optImportSettings')}
        </button>
        <input ref={fileInput} id="import-settings" hidden type="file" accept="application/json,.json" aria-label={t('optImportSettings')} onChange={(e) => void onFile(e.target as HTMLInputElement)} />
      </div>
      {preview ? (
        <div class="import-preview" role="region" aria-label={t('optImportFrom', [preview.name])}>
          <h3>{t('optImportFrom', [preview.name])}</h3>
          {applied.length ? (
            <>
              <p>{t('optImportWillApply')}</p>
              <ul class="import-apply">
                {applied.map(([field, value]) => (
                  <li key={field}>
                    <strong>{titleOf(field)}</strong>: <code>{shownValue(value)}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('optImportNothing')}</p>
          )}
          {rejected.length ? (
            <>
              <p>{t('optImportRejected')}</p>
              <ul class="import-rejected">
                {rejected.map(([field, messages]) => (
                  <li key={field}>
                    <strong>{titleOf(field)}</strong>: {messages.join(' ')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div class="row">
            {applied.length ? (
              <button
                type="button"
                class="primary"
                onClick={() => {
                  props.onApply(preview.result.apply);
                  setPreview(null);
                  setNotice(t('optImportApplied'));
                }}
              >
                {t('optImportApply')}
              </button>
            ) : null}
            <button type="button" onClick={() => setPreview(null)}>
              {t('optImportCancel')}
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" aria-live="polite">
        {notice}
      </p>
    </>
  );
}
