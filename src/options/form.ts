/**
 * The options form: what the inputs hold (text, as typed) and the one validation that turns it into
 * Settings. Invalid input is never saved: every problem comes back as a message for its field, and
 * the form keeps what the agent typed, so nothing is lost silently.
 */
import { validateLabelOverrides, LABEL_KEYS } from '../admin/labels';
import { DEFAULT_TEMPLATES_BY_LANG, PLACEHOLDERS, REPLY_LANGS, TEMPLATE_IDS, templateKey, validateTemplate, type TemplateProblem } from '../domain/replyTemplates';
import { t } from '../shared/i18n';
import { isValidTimeZone, normalizeSettings, parseAdminUrl, SETTINGS_VERSION, type AdminLanguageSetting, type Settings } from '../shared/settings';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
export const MAX_VALIDITY_HOURS = 24 * 14;

export interface OptionsForm {
  adminUrl: string;
  adminTimeZone: string;
  adminLanguage: AdminLanguageSetting;
  validityHours: string;
  autoLoadHistories: boolean;
  passwordLength: string;
  lower: boolean;
  upper: boolean;
  digits: boolean;
  symbols: boolean;
  /** Every template's text in every reply language, by templateKey (defaults filled in). */
  templates: Record<string, string>;
  replyLanguage: 'en' | 'de';
  setPasswordBelowMinutes: number;
  /** Label key → text as typed ('' = no override). */
  labelOverrides: Record<string, string>;
}

/** A field's id (as used for the input's id and the error's key): e.g. `adminUrl`, `template-try-again`, `label-save`. */
export type FieldErrors = Record<string, string[]>;

export function formFromSettings(s: Settings): OptionsForm {
  const templates: Record<string, string> = {};
  for (const lang of REPLY_LANGS) for (const id of TEMPLATE_IDS) templates[templateKey(lang, id)] = s.templates[templateKey(lang, id)] ?? DEFAULT_TEMPLATES_BY_LANG[lang][id];
  const labelOverrides: Record<string, string> = {};
  for (const key of LABEL_KEYS) {
    labelOverrides[key] = s.labelOverrides[key] ?? '';
  }
  // Stored keys we no longer know stay visible (and are reported), never dropped silently.
  for (const [key, text] of Object.entries(s.labelOverrides)) labelOverrides[key] ??= text;
  return {
    adminUrl: s.adminUrl,
    adminTimeZone: s.adminTimeZone,
    adminLanguage: s.adminLanguage,
    validityHours: String(s.validityHours),
    autoLoadHistories: s.autoLoadHistories,
    passwordLength: String(s.passwordPolicy.length),
    lower: s.passwordPolicy.lower,
    upper: s.passwordPolicy.upper,
    digits: s.passwordPolicy.digits,
    symbols: s.passwordPolicy.symbols,
    templates,
    replyLanguage: s.replyLanguage,
    setPasswordBelowMinutes: s.setPasswordBelowMinutes,
    labelOverrides,
  };
}

const numberIn = (raw: string, min: number, max: number, integer: boolean): number | null => {
  const trimmed = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const n = Number(trimmed);
  if (integer && !Number.isInteger(n)) return null;
  return n >= min && n <= max ? n : null;
};

export type ValidationResult = { ok: true; settings: Settings; warnings: FieldErrors } | { ok: false; errors: FieldErrors; warnings: FieldErrors };

/** A template problem in the agent's words. */
export function templateProblemText(problem: TemplateProblem): string {
  switch (problem.code) {
    case 'empty':
      return t('tplEmpty');
    case 'unknown-placeholders':
      return t(problem.names.length === 1 ? 'tplUnknownOne' : 'tplUnknown', [
        problem.names.map((n) => (n.suggestion ? t('tplDidYouMean', [`{${n.name}}`, `{${n.suggestion}}`]) : `{${n.name}}`)).join(', '),
        PLACEHOLDERS.map((p) => `{${p}}`).join(', '),
      ]);
    case 'password-missing':
      return t('tplPasswordMissing');
    case 'password-unused':
      return t('tplPasswordUnused');
    case 'stray-brace':
      return t('tplStrayBrace');
  }
}

export function validateForm(form: OptionsForm): ValidationResult {
  const errors: FieldErrors = {};
  const warnings: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);

  const url = parseAdminUrl(form.adminUrl);
  if (!url) fail('adminUrl', t('optErrAdminUrl', [form.adminUrl.trim()]));
  else if (url.username || url.password) fail('adminUrl', t('optErrAdminUrlCredentials'));

  const zone = form.adminTimeZone.trim();
  if (zone !== '' && !isValidTimeZone(zone)) fail('adminTimeZone', t('optErrTimeZone', [zone]));

  const validity = numberIn(form.validityHours, 1, MAX_VALIDITY_HOURS, false);
  if (validity === null) fail('validityHours', t('optErrValidity', [String(MAX_VALIDITY_HOURS)]));

  const length = numberIn(form.passwordLength, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, true);
  if (length === null) fail('passwordLength', t('optErrPasswordLength', [String(MIN_PASSWORD_LENGTH), String(MAX_PASSWORD_LENGTH)]));
  if (!form.lower && !form.upper && !form.digits && !form.symbols) fail('passwordClasses', t('optErrPasswordClasses'));

  const templates: Record<string, string> = {};
  for (const lang of REPLY_LANGS) {
    for (const id of TEMPLATE_IDS) {
      const key = templateKey(lang, id);
      const text = form.templates[key] ?? DEFAULT_TEMPLATES_BY_LANG[lang][id];
      const check = validateTemplate(id, text);
      if (!check.ok) for (const e of check.errors) fail(`template-${key}`, templateProblemText(e));
      if (check.warnings.length) warnings[`template-${key}`] = check.warnings.map(templateProblemText);
      // Only edited templates are stored: an untouched one follows improvements of the defaults.
      if (text !== DEFAULT_TEMPLATES_BY_LANG[lang][id]) templates[key] = text;
    }
  }

  const typed: Record<string, string> = {};
  for (const [key, raw] of Object.entries(form.labelOverrides)) {
    if (raw.trim() === '') continue;
    typed[key] = raw;
  }
  const checked = validateLabelOverrides(typed);
  if (!checked.ok) {
    for (const message of checked.errors) {
      const key = /"([^"]+)"/.exec(message)?.[1];
      fail(key && key in form.labelOverrides ? `label-${key}` : 'labelOverrides', message);
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors, warnings };
  const settings: Settings = {
    version: SETTINGS_VERSION,
    adminUrl: form.adminUrl.trim(),
    adminTimeZone: zone,
    adminLanguage: form.adminLanguage,
    validityHours: validity as number,
    autoLoadHistories: form.autoLoadHistories,
    passwordPolicy: { length: length as number, lower: form.lower, upper: form.upper, digits: form.digits, symbols: form.symbols },
    templates,
    replyLanguage: form.replyLanguage,
    // Not in the form yet: kept as stored.
    setPasswordBelowMinutes: form.setPasswordBelowMinutes,
    labelOverrides: checked.ok ? (checked.overrides as Record<string, string>) : {},
  };
  // Whatever passes here must survive the read-side validation unchanged (else it would be lost on read).
  const roundTrip = normalizeSettings(settings);
  if (JSON.stringify(roundTrip) !== JSON.stringify(settings)) fail('form', t('optErrInternal'));
  return Object.keys(errors).length > 0 ? { ok: false, errors, warnings } : { ok: true, settings, warnings };
}
