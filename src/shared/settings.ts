/**
 * The agent's settings: kept in `storage.sync` (follows the agent across machines), with the fields
 * an organisation pins by policy in `storage.managed` (see public/managed_schema.json) laid over
 * them. Every field is described once, in SETTINGS_FIELDS: its default, its limits and the one
 * check that every source goes through (storage, policy, an imported file, the options form), so a
 * value the form accepts is exactly a value the reader keeps. An older stored shape is brought up
 * to date by SETTINGS_MIGRATIONS (on read, and in the background on install/update).
 */
import browser from 'webextension-polyfill';
import { validateLabelOverrides } from '../admin/labels';
import { ADMIN_MIN_PASSWORD_LENGTH, CHAR_CLASSES, DEFAULT_PASSWORD_POLICY, MAX_PASSWORD_LENGTH, type PasswordPolicy } from '../domain/passwordGenerator';
import { isReplyLang, PLACEHOLDERS, REPLY_LANGS, TEMPLATE_IDS, templateKey, validateTemplate, type TemplateId, type TemplateProblem } from '../domain/replyTemplates';
import { t } from './i18n';
import { checkAdminUrl, type AdminUrlProblem } from './adminAddress';

// The admin address's checks and patterns live in ./adminAddress; these names stay importable from here.
export { checkAdminUrl, isCoveredByPatterns, originPattern, parseAdminUrl } from './adminAddress';

export const SETTINGS_VERSION = 1;
export const SETTINGS_KEY = 'settings';

export type AdminLanguageSetting = 'auto' | 'en' | 'de';

export type PasswordPolicySetting = PasswordPolicy;

export interface Settings {
  version: number;
  /** Where the agent's admin lives; the look-up opens a tab here when none is open. */
  adminUrl: string;
  /** IANA zone the admin prints dates in; '' = the browser's own zone. */
  adminTimeZone: string;
  adminLanguage: AdminLanguageSetting;
  validityHours: number;
  autoLoadHistories: boolean;
  passwordPolicy: PasswordPolicySetting;
  /** Reply templates the agent edited, by templateKey ("try-again" English, "de:try-again"); missing ones use the defaults. */
  templates: Record<string, string>;
  /** The replies' language when neither the customer's nor the shop's is known. */
  replyLanguage: 'en' | 'de';
  /** Less time left than this on a valid link: recommend setting a password instead of a resend. */
  setPasswordBelowMinutes: number;
  /** The admin's label for a thing the extension looks for, where it differs from ours (label key → text). */
  labelOverrides: Record<string, string>;
}

export type SettingsField = Exclude<keyof Settings, 'version'>;

/** Messages by the options form's field id (the input's id): e.g. `adminUrl`, `template-try-again`, `label-save`. */
export type FieldErrors = Record<string, string[]>;

/** One field's check: the clean value (absent when nothing of it is usable) and what was wrong. */
export interface Checked<T> {
  value?: T;
  errors: FieldErrors;
  warnings: FieldErrors;
}

export interface NormalizeOptions {
  /**
   * false: keep any string as the admin time zone and leave the check to `effectiveTimeZone`.
   * The check builds an Intl.DateTimeFormat, and the first one in a fresh JavaScript context costs
   * tens of milliseconds (ICU set-up): too much for the content script on every admin page.
   */
  checkTimeZone?: boolean;
}

interface FieldSpec<T> {
  default: T;
  /** The options section's heading or the field's label (message key), for import and policy reports. */
  title: Parameters<typeof t>[0];
  /** The one check, for a value in its stored shape from any source (typed text is converted first). */
  check(raw: unknown, options: NormalizeOptions): Checked<T>;
}

/**
 * An IANA name (or alias) this browser knows. The first Intl.DateTimeFormat in a JavaScript world
 * sets up ICU's time-zone data, about 30-60 ms here: any time-zone arithmetic pays it once, so the
 * content script checks only when it first needs the zone (PageContext.timeZone).
 */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Why the admin address is refused, in the agent's words. */
export function adminUrlMessage(problem: AdminUrlProblem, typed: string): string {
  switch (problem) {
    case 'not-url':
      return t('optErrAdminUrl', [typed]);
    case 'scheme':
      return t('optErrAdminUrlScheme', [typed]);
    case 'credentials':
      return t('optErrAdminUrlCredentials');
    case 'wildcard':
      return t('optErrAdminUrlWildcard');
    case 'insecure':
      return t('optErrAdminUrlInsecure');
  }
}

/** The limits of the numeric fields: the checks below, the form's messages and the inputs' min/max. */
export const SETTINGS_LIMITS = {
  validityHours: { min: 1, max: 24 * 14 },
  passwordLength: { min: ADMIN_MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH },
  setPasswordBelowMinutes: { min: 0, max: 24 * 60 },
} as const;

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

const ok = <T>(value: T, warnings: FieldErrors = {}): Checked<T> => ({ value, errors: {}, warnings });
const bad = <T>(id: string, message: string, value?: T): Checked<T> => ({ ...(value === undefined ? {} : { value }), errors: { [id]: [message] }, warnings: {} });
const shown = (raw: unknown): string => (typeof raw === 'string' ? raw.trim() : JSON.stringify(raw) ?? String(raw));
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const yesNo = (id: string, raw: unknown): Checked<boolean> => (typeof raw === 'boolean' ? ok(raw) : bad(id, t('optErrYesNo', [shown(raw)])));

const ADMIN_LANGUAGES: readonly AdminLanguageSetting[] = ['auto', 'en', 'de'];

export const SETTINGS_FIELDS: { readonly [K in SettingsField]: FieldSpec<Settings[K]> } = {
  adminUrl: {
    default: 'https://admin.flickrocket.com/',
    title: 'optAdminUrl',
    check(raw) {
      if (typeof raw !== 'string') return bad('adminUrl', t('optErrAdminUrl', [shown(raw)]));
      const address = checkAdminUrl(raw);
      if (!address.ok) return bad('adminUrl', adminUrlMessage(address.problem, raw.trim()));
      return ok(raw.trim());
    },
  },
  adminTimeZone: {
    default: '',
    title: 'optTimeZone',
    check(raw, { checkTimeZone = true }) {
      const zone = typeof raw === 'string' ? raw.trim() : null;
      if (zone === null || (zone !== '' && checkTimeZone && !isValidTimeZone(zone))) return bad('adminTimeZone', t('optErrTimeZone', [shown(raw)]));
      return ok(zone);
    },
  },
  adminLanguage: {
    default: 'auto',
    title: 'optAdminLanguage',
    check(raw) {
      return ADMIN_LANGUAGES.includes(raw as AdminLanguageSetting) ? ok(raw as AdminLanguageSetting) : bad('adminLanguage', t('optErrLanguage', [shown(raw), ADMIN_LANGUAGES.join(', ')]));
    },
  },
  validityHours: {
    default: 24,
    title: 'optValidity',
    check(raw) {
      const { min, max } = SETTINGS_LIMITS.validityHours;
      return typeof raw === 'number' && Number.isFinite(raw) && raw >= min && raw <= max ? ok(raw) : bad('validityHours', t('optErrValidity', [String(min), String(max)]));
    },
  },
  autoLoadHistories: {
    default: true,
    title: 'optAutoLoad',
    check: (raw) => yesNo('autoLoadHistories', raw),
  },
  passwordPolicy: {
    default: { ...DEFAULT_PASSWORD_POLICY },
    title: 'optPasswordPolicy',
    check(raw) {
      if (!isPlainObject(raw)) return bad('passwordPolicy', t('optErrPolicyShape'));
      const d = DEFAULT_PASSWORD_POLICY;
      const errors: FieldErrors = {};
      const { min, max } = SETTINGS_LIMITS.passwordLength;
      const length = raw.length;
      const lengthOk = typeof length === 'number' && Number.isInteger(length) && length >= min && length <= max;
      if (!lengthOk) errors.passwordLength = [t('optErrPasswordLength', [String(min), String(max)])];
      const policy: PasswordPolicy = { ...d, length: lengthOk ? length : d.length };
      for (const cls of CHAR_CLASSES) {
        const flag = yesNo(`class-${cls}`, raw[cls]);
        if (flag.value === undefined) Object.assign(errors, flag.errors);
        else policy[cls] = flag.value;
      }
      if (!CHAR_CLASSES.some((cls) => policy[cls])) {
        errors.passwordClasses = [t('optErrPasswordClasses')];
        // The reader must still hand out a policy the generator accepts.
        for (const cls of CHAR_CLASSES) policy[cls] = d[cls];
      }
      return { value: policy, errors, warnings: {} };
    },
  },
  templates: {
    default: {},
    title: 'optTemplates',
    check(raw) {
      if (!isPlainObject(raw)) return bad('templates', t('optErrMapShape'));
      const result: Checked<Record<string, string>> = { value: {}, errors: {}, warnings: {} };
      const known = REPLY_LANGS.flatMap((lang) => TEMPLATE_IDS.map((id) => templateKey(lang, id)));
      for (const [key, text] of Object.entries(raw)) {
        const field = `template-${key}`;
        // "try-again" (English) or "de:try-again".
        const id = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
        if (!known.includes(key)) {
          result.errors[field] = [t('optErrUnknownTemplate', [key, known.join(', ')])];
          continue;
        }
        if (typeof text !== 'string') {
          result.errors[field] = [t('optErrNotText', [shown(text)])];
          continue;
        }
        const check = validateTemplate(id as TemplateId, text);
        if (check.warnings.length) result.warnings[field] = check.warnings.map(templateProblemText);
        if (check.ok) result.value![key] = text;
        else result.errors[field] = check.errors.map(templateProblemText);
      }
      return result;
    },
  },
  replyLanguage: {
    default: 'en',
    title: 'optReplyLanguage',
    check(raw) {
      return isReplyLang(raw) ? ok(raw) : bad('replyLanguage', t('optErrLanguage', [shown(raw), REPLY_LANGS.join(', ')]));
    },
  },
  setPasswordBelowMinutes: {
    default: 30,
    title: 'optSetPasswordBelow',
    check(raw) {
      const { min, max } = SETTINGS_LIMITS.setPasswordBelowMinutes;
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max ? ok(raw) : bad('setPasswordBelowMinutes', t('optErrSetPasswordBelow', [String(min), String(max)]));
    },
  },
  labelOverrides: {
    default: {},
    title: 'optLabels',
    check(raw) {
      if (!isPlainObject(raw)) return bad('labelOverrides', t('optErrMapShape'));
      const result: Checked<Record<string, string>> = { value: {}, errors: {}, warnings: {} };
      for (const [key, text] of Object.entries(raw)) {
        // One text per label here (the options page has one input per label); lists are for code.
        if (typeof text !== 'string') {
          result.errors[`label-${key}`] = [t('optErrNotText', [shown(text)])];
          continue;
        }
        const checked = validateLabelOverrides({ [key]: text });
        if (checked.ok) result.value![key] = checked.overrides[key as keyof typeof checked.overrides] as string;
        else for (const message of Object.values(checked.errors)) result.errors[`label-${key}`] = [message];
      }
      return result;
    },
  },
};

export const SETTINGS_FIELD_NAMES = Object.keys(SETTINGS_FIELDS) as SettingsField[];

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  ...(Object.fromEntries(SETTINGS_FIELD_NAMES.map((f) => [f, SETTINGS_FIELDS[f].default])) as Omit<Settings, 'version'>),
};

// ---------------------------------------------------------------------------------------------
// Migrations

/** Takes a stored settings object of version `from` to version `from + 1`. */
export interface SettingsMigration {
  from: number;
  migrate(settings: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Version 0: the very first builds, which may have stored the fields without a `version`.
 * Version 1 (current): today's fields. No field has changed its name or shape since, so the one
 * migration only records the version; a rename or restructure adds version 2 and a step here.
 */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [{ from: 0, migrate: (s) => ({ ...s, version: 1 }) }];

/** The stored object's version: none at all is version 0. */
export function storedVersion(raw: unknown): number {
  if (!isPlainObject(raw) || !('version' in raw)) return 0;
  return typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 0 ? raw.version : 0;
}

/**
 * Brings a stored (or imported) settings object up to SETTINGS_VERSION, step by step. Field values
 * are not checked here (that is the fields' job), only moved. A version newer than ours (synced
 * from a machine with a newer build) is read as it is: its known fields still go through the checks.
 */
export function migrateSettings(raw: unknown, migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS, current = SETTINGS_VERSION): Record<string, unknown> {
  let settings: Record<string, unknown> = isPlainObject(raw) ? { ...raw } : {};
  let version = storedVersion(raw);
  while (version < current) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new Error(`reset-desk: no settings migration from version ${version} (to ${current})`);
    settings = step.migrate(settings);
    version = storedVersion(settings);
    if (version !== step.from + 1) throw new Error(`reset-desk: the settings migration from version ${step.from} gave version ${version}`);
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface SettingsCheck {
  settings: Settings;
  /** The fields (with their values) that passed. */
  accepted: Partial<Omit<Settings, 'version'>>;
  /** What was wrong, by settings field, then by the form's field id. */
  rejected: Partial<Record<SettingsField, FieldErrors>>;
  warnings: FieldErrors;
}

/**
 * Every field of a (migrated) settings object through its check. A field with any error is not
 * accepted (`rejected` says why); `settings` has the clean part of it, else its default, so the
 * reader never breaks on a bad entry and keeps what is still good.
 */
export function checkSettings(raw: unknown, options: NormalizeOptions = {}): SettingsCheck {
  const s = migrateSettings(raw);
  const settings = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  const accepted: Record<string, unknown> = {};
  const rejected: SettingsCheck['rejected'] = {};
  const warnings: FieldErrors = {};
  for (const field of SETTINGS_FIELD_NAMES) {
    if (!(field in s)) continue;
    const checked = SETTINGS_FIELDS[field].check(s[field], options) as Checked<unknown>;
    Object.assign(warnings, checked.warnings);
    if (checked.value !== undefined) settings[field] = checked.value;
    if (Object.keys(checked.errors).length) rejected[field] = checked.errors;
    else accepted[field] = checked.value;
  }
  settings.version = SETTINGS_VERSION;
  return { settings: settings as unknown as Settings, accepted, rejected, warnings };
}

/** Takes whatever storage holds and returns valid settings: each bad field falls back to its default. */
export function normalizeSettings(raw: unknown, options: NormalizeOptions = {}): Settings {
  return checkSettings(raw, options).settings;
}

/** The zone the admin prints dates in: the one set in the options, else the agent's own. */
export function effectiveTimeZone(settings: Settings): string {
  // Checked here too: settings loaded with `checkTimeZone: false` may hold a name that is no zone.
  if (settings.adminTimeZone && isValidTimeZone(settings.adminTimeZone)) return settings.adminTimeZone;
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// ---------------------------------------------------------------------------------------------
// Policy (storage.managed)

/** What an organisation may pin; public/managed_schema.json lists the same (a unit test keeps them in step). */
export const MANAGED_FIELDS = ['adminUrl', 'adminTimeZone', 'adminLanguage', 'labelOverrides'] as const satisfies readonly SettingsField[];

export interface MergedSettings {
  settings: Settings;
  /** The form's field ids a policy pins: `adminUrl`, …, and `label-<key>` per pinned label. */
  pinned: string[];
  /** Policy values that failed their check, so are not used (by settings field). */
  policyRejected: SettingsCheck['rejected'];
  /** Stored values that failed their check, so their defaults are used (by settings field). */
  storedRejected: SettingsCheck['rejected'];
  /** The policy could not be read (the browser's reason): nothing of it is in force. */
  policyUnreadable?: string;
}

/**
 * Lays the policy's values over the agent's own, each through the same field checks. Label
 * overrides merge per label (a pinned label is fixed, the agent may still set others).
 */
export function mergeManaged(syncRaw: unknown, managedRaw: unknown, options: NormalizeOptions = {}): MergedSettings {
  const own = checkSettings(syncRaw, options);
  const settings: Settings = { ...own.settings };
  const pinned: string[] = [];
  const policyRejected: SettingsCheck['rejected'] = {};
  const managed = isPlainObject(managedRaw) ? managedRaw : {};
  for (const field of MANAGED_FIELDS) {
    if (!(field in managed)) continue;
    const checked = SETTINGS_FIELDS[field].check(managed[field], options) as Checked<never>;
    if (Object.keys(checked.errors).length) policyRejected[field] = checked.errors;
    if (checked.value === undefined) continue;
    if (field === 'labelOverrides') {
      const labels = checked.value as Record<string, string>;
      settings.labelOverrides = { ...settings.labelOverrides, ...labels };
      pinned.push(...Object.keys(labels).map((key) => `label-${key}`));
    } else if (Object.keys(checked.errors).length === 0) {
      (settings as unknown as Record<string, unknown>)[field] = checked.value;
      pinned.push(field);
    }
  }
  return { settings, pinned, policyRejected, storedRejected: own.rejected };
}

const NO_POLICY_MESSAGE = /managed storage manifest not found/i;

/** The policy's values; {} without a policy (Firefox rejects where no policy file is installed). */
async function readManaged(): Promise<{ values: unknown; unreadable?: string }> {
  try {
    return { values: await browser.storage.managed.get() };
  } catch (error) {
    // Firefox's way of saying "no policy": not a fault. Anything else is, and is said (options page).
    const message = error instanceof Error ? error.message : String(error);
    if (NO_POLICY_MESSAGE.test(message)) return { values: {} };
    console.warn('reset-desk: could not read the organisation policy (storage.managed):', error);
    return { values: {}, unreadable: message };
  }
}

/** The settings in force with what the options page needs to say about them. */
export async function readSettings(options?: NormalizeOptions): Promise<MergedSettings> {
  const [stored, managed] = await Promise.all([browser.storage.sync.get(SETTINGS_KEY), readManaged()]);
  const merged = mergeManaged(stored[SETTINGS_KEY], managed.values, options);
  return managed.unreadable === undefined ? merged : { ...merged, policyUnreadable: managed.unreadable };
}

export async function loadSettings(options?: NormalizeOptions): Promise<Settings> {
  return (await readSettings(options)).settings;
}

/**
 * Stores the agent's own settings. Pinned values are the policy's, not the agent's: the stored
 * value of a pinned field stays what it was, so it comes back if the policy is lifted.
 */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = normalizeSettings(settings);
  const [stored, managed] = await Promise.all([browser.storage.sync.get(SETTINGS_KEY), readManaged()]);
  const before = checkSettings(stored[SETTINGS_KEY]).settings;
  const { pinned } = mergeManaged(stored[SETTINGS_KEY], managed.values);
  const own: Settings = { ...clean, labelOverrides: { ...clean.labelOverrides } };
  for (const id of pinned) {
    if (id.startsWith('label-')) {
      const key = id.slice('label-'.length);
      if (key in before.labelOverrides) own.labelOverrides[key] = before.labelOverrides[key]!;
      else delete own.labelOverrides[key];
    } else {
      (own as unknown as Record<string, unknown>)[id] = before[id as SettingsField];
    }
  }
  await browser.storage.sync.set({ [SETTINGS_KEY]: own });
  return mergeManaged(own, managed.values).settings;
}


// ---------------------------------------------------------------------------------------------
// Export / import (a team shares its settings as a file)

export const SETTINGS_FILE_FORMAT = 'reset-desk-settings';

/**
 * The file an agent shares: the settings fields and nothing else. Built from the table's fields
 * (an allow-list), so nothing stored beside them (activity log, runs) can end up in it; no field
 * holds a password or any other secret (the generated password lives only in the worker's memory).
 */
export function exportSettings(settings: Settings): string {
  const fields = Object.fromEntries(SETTINGS_FIELD_NAMES.map((f) => [f, settings[f]]));
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, settings: { version: SETTINGS_VERSION, ...fields } }, null, 2)}\n`;
}

export interface ImportPreview {
  /** The fields that pass, to be applied. */
  apply: Partial<Omit<Settings, 'version'>>;
  /** What will not be applied, by settings field (or `file`): messages ready to show. */
  rejected: Partial<Record<SettingsField | 'file', string[]>>;
}

/**
 * Reads a settings file through the same checks as everything else. A field with any problem is
 * rejected whole and named with its reasons; fields the organisation pins are not taken from a file.
 */
export function previewImport(text: string, pinned: readonly string[] = []): ImportPreview {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { apply: {}, rejected: { file: [t('optImportNotJson', [(error as Error).message])] } };
  }
  if (!isPlainObject(parsed) || parsed.format !== SETTINGS_FILE_FORMAT || !isPlainObject(parsed.settings)) {
    return { apply: {}, rejected: { file: [t('optImportNotOurs')] } };
  }
  const version = storedVersion(parsed.settings);
  if (version > SETTINGS_VERSION) return { apply: {}, rejected: { file: [t('optImportNewer', [String(version)])] } };

  const check = checkSettings(parsed.settings);
  const apply: ImportPreview['apply'] = { ...check.accepted };
  const rejected: ImportPreview['rejected'] = {};
  for (const [field, errors] of Object.entries(check.rejected)) rejected[field as SettingsField] = Object.values(errors).flat();
  const unknown = Object.keys(migrateSettings(parsed.settings)).filter((k) => k !== 'version' && !(k in SETTINGS_FIELDS));
  if (unknown.length) rejected.file = [t('optImportUnknownFields', [unknown.join(', ')])];

  for (const field of MANAGED_FIELDS) {
    if (apply[field] === undefined) continue;
    if (field === 'labelOverrides') {
      const labels = { ...apply.labelOverrides };
      const locked = Object.keys(labels).filter((key) => pinned.includes(`label-${key}`));
      for (const key of locked) delete labels[key];
      if (locked.length) (rejected.labelOverrides ??= []).push(t('optImportPinnedLabels', [locked.join(', ')]));
      apply.labelOverrides = labels;
    } else if (pinned.includes(field)) {
      delete apply[field];
      (rejected[field] ??= []).push(t('optPinned'));
    }
  }
  return { apply, rejected };
}
