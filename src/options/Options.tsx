import { t } from '../shared/i18n';
import { SETTINGS_FIELDS, SETTINGS_LIMITS, type MergedSettings, type SettingsField } from '../shared/settings';
import { ActivityLog } from './ActivityLog';
import { AdminFields } from './AdminFields';
import { described, Field, Messages, Section } from './Field';
import { applyToForm, type FieldErrors, type OptionsForm } from './form';
import { LabelOverrides } from './LabelOverrides';
import { SettingsFile } from './SettingsFile';
import { SaveBar } from './SaveBar';
import { Templates } from './Templates';
import { useSettingsForm } from './useSettingsForm';

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

export function Options() {
  const { form, errors, warnings, status, loaded, dirty, update, onSave } = useSettingsForm();

  if (!form) return <main class="options">{t('optLoading')}</main>;

  const pinned = (id: string) => loaded.pinned.includes(id);
  const field = (id: keyof OptionsForm | string, hint?: string) => described(id, errors[id], warnings[id], hint, pinned(id));

  return (
    <main class="options">
      <h1>{t('optTitle')}</h1>
      {loaded.policyUnreadable !== undefined ? (
        <div class="panel notice" role="note" data-policy-unreadable>
          <p>{t('optPolicyUnreadable', [loaded.policyUnreadable])}</p>
        </div>
      ) : null}
      <Rejected title={t('optPolicyRejected')} rejected={loaded.policyRejected} />
      <Rejected title={t('optStoredRejected')} rejected={loaded.storedRejected} />
      <form noValidate onSubmit={onSave}>
        <Section id="admin" title={t('optAdmin')}>
          <AdminFields form={form} errors={errors} warnings={warnings} pinned={loaded.pinned} update={update} />
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

        <SaveBar status={status} dirty={dirty} errors={errors.form} />
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
