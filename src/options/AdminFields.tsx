/**
 * The admin's address, time zone (a picker) and language: what the extension needs to read the
 * admin right. On the options page and the welcome page (src/welcome/), one component.
 */
import { t } from '../shared/i18n';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { described, Field } from './Field';
import type { FieldErrors, OptionsForm } from './form';

function timeZones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

const zones = timeZones();

interface Props {
  form: OptionsForm;
  errors: FieldErrors;
  warnings?: FieldErrors;
  /** The fields the organisation's policy sets (shown disabled, saying why). */
  pinned: string[];
  update: (patch: Partial<OptionsForm>) => void;
}

export function AdminFields({ form, errors, warnings = {}, pinned: pinnedIds, update }: Props) {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const pinned = (id: string) => pinnedIds.includes(id);
  const field = (id: keyof OptionsForm, hint?: string) => described(id, errors[id], warnings[id], hint, pinned(id));
  return (
    <>
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
    </>
  );
}
