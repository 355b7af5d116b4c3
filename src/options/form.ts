/**
 * The options form: what the inputs hold (text, as typed) and its conversion into Settings. The
 * checks and limits are the settings table's (src/shared/settings.ts), the same the reader uses, so
 * whatever is saved reads back unchanged. Invalid input is never saved: every problem comes back as
 * a message for its field, and the form keeps what the agent typed, so nothing is lost silently.
 */
import { LABEL_KEYS } from '../admin/labels';
import { DEFAULT_TEMPLATES_BY_LANG, REPLY_LANGS, TEMPLATE_IDS, templateKey } from '../domain/replyTemplates';
import { DEFAULT_SETTINGS, SETTINGS_FIELDS, SETTINGS_VERSION, type AdminLanguageSetting, type FieldErrors, type Settings } from '../shared/settings';

export type { FieldErrors } from '../shared/settings';
export { adminUrlMessage, templateProblemText } from '../shared/settings';

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

/** A typed number as a number; anything else stays text, which the field's check then rejects with its message. */
const numberFromText = (raw: string): number | string => (/^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : raw);

export type ValidationResult = { ok: true; settings: Settings; warnings: FieldErrors } | { ok: false; errors: FieldErrors; warnings: FieldErrors };

/** The form in the stored shape (numbers as numbers, empty label fields left out), before the checks. */
export function rawFromForm(form: OptionsForm): Omit<Settings, 'version'> & Record<string, unknown> {
  return {
    adminUrl: form.adminUrl,
    adminTimeZone: form.adminTimeZone,
    adminLanguage: form.adminLanguage,
    validityHours: numberFromText(form.validityHours) as number,
    autoLoadHistories: form.autoLoadHistories,
    passwordPolicy: { length: numberFromText(form.passwordLength) as number, lower: form.lower, upper: form.upper, digits: form.digits, symbols: form.symbols },
    templates: form.templates,
    replyLanguage: form.replyLanguage,
    setPasswordBelowMinutes: form.setPasswordBelowMinutes,
    labelOverrides: Object.fromEntries(Object.entries(form.labelOverrides).filter(([, text]) => text.trim() !== '')),
  };
}

export function validateForm(form: OptionsForm): ValidationResult {
  const errors: FieldErrors = {};
  const warnings: FieldErrors = {};
  const raw = rawFromForm(form);
  const settings = { version: SETTINGS_VERSION } as Record<string, unknown>;
  for (const [field, spec] of Object.entries(SETTINGS_FIELDS)) {
    const checked = spec.check(raw[field], {});
    Object.assign(errors, checked.errors);
    Object.assign(warnings, checked.warnings);
    settings[field] = checked.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, warnings };
  // Every template is checked, but only edited ones are stored: an untouched one follows improvements of the defaults.
  const templates = settings.templates as Record<string, string>;
  const edited: Record<string, string> = {};
  for (const lang of REPLY_LANGS) {
    for (const id of TEMPLATE_IDS) {
      const key = templateKey(lang, id);
      if (templates[key] !== undefined && templates[key] !== DEFAULT_TEMPLATES_BY_LANG[lang][id]) edited[key] = templates[key];
    }
  }
  settings.templates = edited;
  return { ok: true, settings: settings as unknown as Settings, warnings };
}

/** The form's inputs that show each settings field. */
const FORM_KEYS: { [K in keyof Omit<Settings, 'version'>]: (keyof OptionsForm)[] } = {
  adminUrl: ['adminUrl'],
  adminTimeZone: ['adminTimeZone'],
  adminLanguage: ['adminLanguage'],
  validityHours: ['validityHours'],
  autoLoadHistories: ['autoLoadHistories'],
  passwordPolicy: ['passwordLength', 'lower', 'upper', 'digits', 'symbols'],
  templates: ['templates'],
  replyLanguage: ['replyLanguage'],
  setPasswordBelowMinutes: ['setPasswordBelowMinutes'],
  labelOverrides: ['labelOverrides'],
};

/**
 * The form with an import's accepted fields put in (the agent then reviews and saves). A field
 * replaces the form's whole field (templates not in the file go back to the defaults); pinned
 * labels keep their pinned text.
 */
export function applyToForm(form: OptionsForm, apply: Partial<Omit<Settings, 'version'>>, pinned: readonly string[]): OptionsForm {
  const incoming = formFromSettings({ ...DEFAULT_SETTINGS, ...apply });
  const next: OptionsForm = { ...form };
  for (const [field, keys] of Object.entries(FORM_KEYS) as [keyof typeof FORM_KEYS, (keyof OptionsForm)[]][]) {
    if (apply[field] === undefined) continue;
    for (const key of keys) (next as unknown as Record<string, unknown>)[key] = incoming[key];
  }
  if (apply.labelOverrides !== undefined) {
    for (const id of pinned) {
      const key = id.startsWith('label-') ? id.slice('label-'.length) : null;
      if (key !== null) next.labelOverrides[key] = form.labelOverrides[key] ?? '';
    }
  }
  return next;
}
