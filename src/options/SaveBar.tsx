/** The form's Save button with what saving did: saved, saving, unsaved edits, or why not. */
import { t } from '../shared/i18n';
import { Messages } from './Field';
import type { SaveStatus } from './useSettingsForm';

export function SaveBar({ status, dirty, errors, label }: { status: SaveStatus; dirty: boolean; errors?: string[] | undefined; label?: string }) {
  return (
    <div class="save-bar">
      <button type="submit" class="primary" disabled={status.kind === 'saving'}>
        {label ?? t('optSave')}
      </button>
      <span role="status" aria-live="polite" class={`save-status ${status.kind}`}>
        {status.kind === 'saved' ? t('optSaved') : status.kind === 'saving' ? t('optSaving') : dirty ? t('optUnsaved') : ''}
      </span>
      {status.kind === 'error' ? (
        <p role="alert" class="error">
          {status.text}
        </p>
      ) : null}
      <Messages id="form" errors={errors} />
    </div>
  );
}
