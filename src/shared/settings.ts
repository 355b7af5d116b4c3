/**
 * The agent's settings: kept in `storage.sync` (follows the agent across machines), validated on
 * every read so a corrupt or older entry falls back to defaults field by field instead of breaking
 * the extension. `version` is there for later migrations.
 */
import browser from 'webextension-polyfill';

export const SETTINGS_VERSION = 1;
export const SETTINGS_KEY = 'settings';

export type AdminLanguageSetting = 'auto' | 'en' | 'de';

export interface PasswordPolicySetting {
  length: number;
  lower: boolean;
  upper: boolean;
  digits: boolean;
  symbols: boolean;
}

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

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  adminUrl: 'https://admin.flickrocket.com/',
  adminTimeZone: '',
  adminLanguage: 'auto',
  validityHours: 24,
  autoLoadHistories: true,
  passwordPolicy: { length: 16, lower: true, upper: true, digits: true, symbols: false },
  templates: {},
  replyLanguage: 'en',
  setPasswordBelowMinutes: 30,
  labelOverrides: {},
};

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

/** The admin address must be an http(s) origin we can ask permission for. */
export function parseAdminUrl(raw: string): URL | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

const isRecordOfStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

export interface NormalizeOptions {
  /**
   * false: keep any string as the admin time zone and leave the check to `effectiveTimeZone`.
   * The check builds an Intl.DateTimeFormat, and the first one in a fresh JavaScript context costs
   * tens of milliseconds (ICU set-up): too much for the content script on every admin page.
   */
  checkTimeZone?: boolean;
}

/** Takes whatever storage holds and returns valid settings: each bad field falls back to its default. */
export function normalizeSettings(raw: unknown, { checkTimeZone = true }: NormalizeOptions = {}): Settings {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const d = DEFAULT_SETTINGS;
  const policy = (typeof s.passwordPolicy === 'object' && s.passwordPolicy !== null ? s.passwordPolicy : {}) as Partial<Record<keyof PasswordPolicySetting, unknown>>;
  const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
  const length = typeof policy.length === 'number' && Number.isInteger(policy.length) && policy.length >= 8 && policy.length <= 128 ? policy.length : d.passwordPolicy.length;
  const normalizedPolicy: PasswordPolicySetting = {
    length,
    lower: bool(policy.lower, d.passwordPolicy.lower),
    upper: bool(policy.upper, d.passwordPolicy.upper),
    digits: bool(policy.digits, d.passwordPolicy.digits),
    symbols: bool(policy.symbols, d.passwordPolicy.symbols),
  };
  if (!normalizedPolicy.lower && !normalizedPolicy.upper && !normalizedPolicy.digits && !normalizedPolicy.symbols) {
    Object.assign(normalizedPolicy, { lower: true, upper: true, digits: true });
  }
  return {
    version: SETTINGS_VERSION,
    adminUrl: typeof s.adminUrl === 'string' && parseAdminUrl(s.adminUrl) ? s.adminUrl.trim() : d.adminUrl,
    adminTimeZone:
      typeof s.adminTimeZone === 'string' && (s.adminTimeZone === '' || !checkTimeZone || isValidTimeZone(s.adminTimeZone)) ? s.adminTimeZone : d.adminTimeZone,
    adminLanguage: s.adminLanguage === 'en' || s.adminLanguage === 'de' || s.adminLanguage === 'auto' ? s.adminLanguage : d.adminLanguage,
    validityHours: typeof s.validityHours === 'number' && s.validityHours > 0 && s.validityHours <= 24 * 14 ? s.validityHours : d.validityHours,
    autoLoadHistories: bool(s.autoLoadHistories, d.autoLoadHistories),
    passwordPolicy: normalizedPolicy,
    templates: isRecordOfStrings(s.templates) ? s.templates : {},
    replyLanguage: s.replyLanguage === 'en' || s.replyLanguage === 'de' ? s.replyLanguage : d.replyLanguage,
    setPasswordBelowMinutes:
      typeof s.setPasswordBelowMinutes === 'number' && Number.isInteger(s.setPasswordBelowMinutes) && s.setPasswordBelowMinutes >= 0 && s.setPasswordBelowMinutes <= 24 * 60 ? s.setPasswordBelowMinutes : d.setPasswordBelowMinutes,
    labelOverrides: isRecordOfStrings(s.labelOverrides) ? s.labelOverrides : {},
  };
}

/** The zone the admin prints dates in: the one set in the options, else the agent's own. */
export function effectiveTimeZone(settings: Settings): string {
  // Checked here too: settings loaded with `checkTimeZone: false` may hold a name that is no zone.
  if (settings.adminTimeZone && isValidTimeZone(settings.adminTimeZone)) return settings.adminTimeZone;
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export async function loadSettings(options?: NormalizeOptions): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY], options);
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = normalizeSettings(settings);
  await browser.storage.sync.set({ [SETTINGS_KEY]: clean });
  return clean;
}

/** Calls `listener` with fresh settings whenever they change anywhere. Returns an unsubscribe function. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(normalizeSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** The match pattern that covers every page of the admin's origin, e.g. `https://admin.example.com/*`. */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * True when one of the match patterns (`scheme://host/path`, host `*` or `*.domain`) covers the
 * URL's scheme and host. Ports are not part of a match pattern's host, so `http://127.0.0.1/*`
 * covers every port, as in the browsers.
 */
export function isCoveredByPatterns(url: URL, patterns: readonly string[]): boolean {
  const scheme = url.protocol.slice(0, -1);
  return patterns.some((pattern) => {
    const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
    if (!m) return pattern === '<all_urls>';
    const [, pScheme, pHost] = m as unknown as [string, string, string];
    if (pScheme !== '*' && pScheme !== scheme) return false;
    if (pScheme === '*' && scheme !== 'http' && scheme !== 'https') return false;
    const host = pHost.replace(/:\d+$/, '');
    if (host === '*') return true;
    if (host.startsWith('*.')) return url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1));
    return url.hostname === host;
  });
}
