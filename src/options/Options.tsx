import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { DEFAULT_SETTINGS, parseAdminUrl, readSettings, saveSettings, SETTINGS_FIELDS, SETTINGS_LIMITS, type MergedSettings, type SettingsField } from '../shared/settings';
import { ActivityLog } from './ActivityLog';
import { described, Field, Messages, Section } from './Field';
import { applyToForm, formFromSettings, validateForm, type FieldErrors, type OptionsForm } from './form';
import { hostPatternToRequest, requestHostAccess } from './hostAccess';
import { LabelOverrides } from './LabelOverrides';
import { SettingsFile } from './SettingsFile';
import { Templates } from './Templates';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; text: string };

/** Stored or policy values that failed their checks, one line per field (never dropped silently). */
function Rejected({ title, rejected }: { title: string; rejected: MergedSettings['storedRejected'] }) {
  const fields = Object.entries(rejected) as [SettingsField, FieldErrors][];
  if (!fields.length) return null;
  return (
    <div class="panel notice" role="note">
      <p>{title}</p>
      <ul>
        {fields.map(([field, errors]) => (
          <li key={field}>
            <strong>{t(SETTINGS_FIELDS[field].title)}</strong>: {Object.values(errors).flat().join(' ')}
          </li>
        ))}
      </ul>
    </div>
  );
}

function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function Options() {
  const [form, setForm] = useState<OptionsForm | null>(null);
  const [saved, setSaved] = useState<OptionsForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [warnings, setWarnings] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [focusFirstError, setFocusFirstError] = useState(0);
  const [loaded, setLoaded] = useState<Omit<MergedSettings, 'settings'>>({ pinned: [], policyRejected: {}, storedRejected: {} });
  const zones = useMemo(timeZones, []);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

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

  if (!form) return <main class="options">{t('optLoading')}</main>;

  // Functional updates: several edits in one event (e.g. "reset all templates") must all land.
  const update = (patch: Partial<OptionsForm> | ((f: OptionsForm) => Partial<OptionsForm>)) => {
    setForm((f) => (f ? { ...f, ...(typeof patch === 'function' ? patch(f) : patch) } : f));
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
  };

  const onSave = (e: Event) => {
    e.preventDefault();
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

  const pinned = (id: string) => loaded.pinned.includes(id);
  const field = (id: keyof OptionsForm | string, hint?: string) => described(id, errors[id], warnings[id], hint, pinned(id));

  return (
    <main class="options">
      <h1>{t('optTitle')}</h1>
      <Rejected title={t('optPolicyRejected')} rejected={loaded.policyRejected} />
      <Rejected title={t('optStoredRejected')} rejected={loaded.storedRejected} />
      <form noValidate onSubmit={onSave}>
        <Section id="admin" title={t('optAdmin')}>
          <Field id="adminUrl" label={t('optAdminUrl')} hint={t('optAdminUrlHint')} errors={errors.adminUrl} pinned={pinned('adminUrl')}>
            <input
              id="adminUrl"
              type="url"
              value={form.adminUrl}
              placeholder={DEFAULT_SETTINGS.adminUrl}
              {...field('adminUrl', 'adminUrl-hint')}
              onInput={(e) => update({ adminUrl: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <Field id="adminTimeZone" label={t('optTimeZone')} hint={t('optTimeZoneHint', [browserZone])} errors={errors.adminTimeZone} pinned={pinned('adminTimeZone')}>
            {/* A picker, not free text: a mistyped zone would silently judge every request wrong. */}
            <select
              id="adminTimeZone"
              value={form.adminTimeZone}
              {...field('adminTimeZone', 'adminTimeZone-hint')}
              onChange={(e) => update({ adminTimeZone: (e.target as HTMLSelectElement).value })}
            >
              <option value="">{t('optTimeZoneUnset', [browserZone])}</option>
              {/* A stored zone this browser does not list stays visible (and is reported), never dropped. */}
              {form.adminTimeZone && !zones.includes(form.adminTimeZone) ? <option value={form.adminTimeZone}>{form.adminTimeZone}</option> : null}
              {zones.map((z) => (
                <option key={z} value={z} translate={false}>
                  {z}
                </option>
              ))}
            </select>
          </Field>
          <Field id="adminLanguage" label={t('optAdminLanguage')} errors={errors.adminLanguage} pinned={pinned('adminLanguage')}>
            <select id="adminLanguage" value={form.adminLanguage} {...field('adminLanguage')} onChange={(e) => update({ adminLanguage: (e.target as HTMLSelectElement).value as OptionsForm['adminLanguage'] })}>
              <option value="auto">{t('optLangAuto')}</option>
              <option value="en">{t('optLangEn')}</option>
              <option value="de">{t('optLangDe')}</option>
            </select>
          </Field>
        </Section>

        <Section id="lookup" title={t('optLookup')}>
          <Field id="validityHours" label={t('optValidity')} hint={t('optValidityHint')} errors={errors.validityHours}>
            <input
              id="validityHours"
              type="number"
              inputMode="decimal"
              min={SETTINGS_LIMITS.validityHours.min}
              max={SETTINGS_LIMITS.validityHours.max}
              step="any"
              value={form.validityHours}
              {...field('validityHours', 'validityHours-hint')}
              onInput={(e) => update({ validityHours: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <div class="field check">
            <input id="autoLoadHistories" type="checkbox" checked={form.autoLoadHistories} onChange={(e) => update({ autoLoadHistories: (e.target as HTMLInputElement).checked })} />
            <label for="autoLoadHistories">{t('optAutoLoad')}</label>
          </div>
        </Section>

        <Section id="password" title={t('optPasswordPolicy')}>
          <Field id="passwordLength" label={t('optPasswordLength')} errors={errors.passwordLength}>
            <input
              id="passwordLength"
              type="number"
              inputMode="numeric"
              min={SETTINGS_LIMITS.passwordLength.min}
              max={SETTINGS_LIMITS.passwordLength.max}
              step={1}
              value={form.passwordLength}
              {...field('passwordLength')}
              onInput={(e) => update({ passwordLength: (e.target as HTMLInputElement).value })}
            />
          </Field>
          <fieldset class="classes" {...field('passwordClasses')}>
            <legend>{t('optPasswordClasses')}</legend>
            {(['lower', 'upper', 'digits', 'symbols'] as const).map((c) => (
              <span class="check" key={c}>
                <input id={`class-${c}`} type="checkbox" checked={form[c]} onChange={(e) => update({ [c]: (e.target as HTMLInputElement).checked })} />
                <label for={`class-${c}`}>{t(c === 'lower' ? 'optLower' : c === 'upper' ? 'optUpper' : c === 'digits' ? 'optDigits' : 'optSymbols')}</label>
              </span>
            ))}
            <Messages id="passwordClasses" errors={errors.passwordClasses} />
          </fieldset>
        </Section>

        <Section id="templates" title={t('optTemplates')}>
          <Field id="replyLanguage" label={t('optReplyLanguage')} hint={t('optReplyLanguageHint')}>
            <select id="replyLanguage" value={form.replyLanguage} aria-describedby="replyLanguage-hint" onChange={(e) => update({ replyLanguage: (e.target as HTMLSelectElement).value as OptionsForm['replyLanguage'] })}>
              <option value="en">{t('langEn')}</option>
              <option value="de">{t('langDe')}</option>
            </select>
          </Field>
          <Templates
            templates={form.templates}
            errors={errors}
            warnings={warnings}
            onChange={(key: string, text: string) => update((f) => ({ templates: { ...f.templates, [key]: text } }))}
          />
        </Section>

        <Section id="labels" title={t('optLabels')}>
          <LabelOverrides
            values={form.labelOverrides}
            errors={errors}
            pinned={loaded.pinned}
            onChange={(key, text) => update((f) => ({ labelOverrides: { ...f.labelOverrides, [key]: text } }))}
            onRemove={(key) => {
              update((f) => {
                const { [key]: _removed, ...rest } = f.labelOverrides;
                return { labelOverrides: rest };
              });
            }}
          />
        </Section>

        <div class="save-bar">
          <button type="submit" class="primary" disabled={status.kind === 'saving'}>
            {t('optSave')}
          </button>
          <span role="status" aria-live="polite" class={`save-status ${status.kind}`}>
            {status.kind === 'saved' ? t('optSaved') : status.kind === 'saving' ? t('optSaving') : dirty ? t('optUnsaved') : ''}
          </span>
          {status.kind === 'error' ? (
            <p role="alert" class="error">
              {status.text}
            </p>
          ) : null}
          <Messages id="form" errors={errors.form} />
        </div>
      </form>

      <Section id="transfer" title={t('optTransfer')}>
        <SettingsFile pinned={loaded.pinned} onApply={(apply) => update((f) => applyToForm(f, apply, loaded.pinned))} />
      </Section>

      <Section id="activity" title={t('optActivity')}>
        <ActivityLog />
      </Section>
    </main>
  );
}
