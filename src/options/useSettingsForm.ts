/**
 * The settings form's state, shared by the options page and the welcome page (src/welcome/): the
 * stored settings read into the form, edits, and Save (checked by validateForm; a custom admin host
 * asks for its permission inside the click; invalid input is never saved and says why per field).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { DEFAULT_SETTINGS, parseAdminUrl, readSettings, saveSettings, type MergedSettings } from '../shared/settings';
import { formFromSettings, validateForm, type FieldErrors, type OptionsForm } from './form';
import { hostPatternToRequest, requestHostAccess } from './hostAccess';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; text: string };

export function useSettingsForm() {
  const [form, setForm] = useState<OptionsForm | null>(null);
  const [saved, setSaved] = useState<OptionsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [warnings, setWarnings] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [focusFirstError, setFocusFirstError] = useState(0);
  const [loaded, setLoaded] = useState<Omit<MergedSettings, 'settings'>>({ pinned: [], policyRejected: {}, storedRejected: {} });

  useEffect(() => {
    void readSettings()
      .catch((error: unknown) => {
        setStatus({ kind: 'error', text: t('optErrLoad', [(error as Error).message]) });
        return { settings: DEFAULT_SETTINGS, pinned: [], policyRejected: {}, storedRejected: {} } satisfies MergedSettings;
      })
      .then(({ settings, ...rest }) => {
        const f = formFromSettings(settings);
        setForm(f);
        setSaved(f);
        setLoaded(rest);
      });
  }, []);

  const dirty = form !== null && saved !== null && JSON.stringify(form) !== JSON.stringify(saved);
  useEffect(() => {
    // Unsaved edits are not lost silently: leaving the page asks first.
    const guard = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    addEventListener('beforeunload', guard);
    return () => removeEventListener('beforeunload', guard);
  }, [dirty]);

  useEffect(() => {
    if (focusFirstError) (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus();
  }, [focusFirstError]);

  // Functional updates: several edits in one event (e.g. "reset all templates") must all land.
  const update = (patch: Partial<OptionsForm> | ((f: OptionsForm) => Partial<OptionsForm>)) => {
    setForm((f) => (f ? { ...f, ...(typeof patch === 'function' ? patch(f) : patch) } : f));
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
  };

  const onSave = (e: Event) => {
    e.preventDefault();
    if (!form) return;
    const result = validateForm(form);
    setWarnings(result.warnings);
    if (!result.ok) {
      setErrors(result.errors);
      const count = Object.values(result.errors).reduce((n, list) => n + list.length, 0);
      setStatus({ kind: 'error', text: t('optNotSaved', [String(count)]) });
      setFocusFirstError((n) => n + 1);
      return;
    }
    // A custom admin host: ask for its permission now, inside the click (a user gesture is required).
    const pattern = hostPatternToRequest(result.settings.adminUrl);
    const permission = pattern ? requestHostAccess(pattern) : Promise.resolve(true);
    setStatus({ kind: 'saving' });
    void (async () => {
      let granted = false;
      try {
        granted = await permission;
      } catch (error) {
        setStatus({ kind: 'error', text: t('optErrPermission', [(error as Error).message]) });
        return;
      }
      if (!granted) {
        const origin = parseAdminUrl(result.settings.adminUrl)?.origin ?? result.settings.adminUrl;
        setErrors({ adminUrl: [t('optErrPermissionDenied', [origin])] });
        setStatus({ kind: 'error', text: t('optNotSavedPermission') });
        setFocusFirstError((n) => n + 1);
        return;
      }
      try {
        const stored = await saveSettings(result.settings);
        const f = formFromSettings(stored);
        setErrors({});
        setForm(f);
        setSaved(f);
        setStatus({ kind: 'saved' });
      } catch (error) {
        setStatus({ kind: 'error', text: t('optErrSave', [(error as Error).message]) });
      }
    })();
  };

  return { form, errors, warnings, status, loaded, dirty, update, onSave };
}
