// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../englishI18n')).i18n } }));
const { DEFAULT_SETTINGS, effectiveTimeZone, normalizeSettings, parseAdminUrl, SETTINGS_VERSION } = await import('../../../src/shared/settings');

describe('normalizeSettings: whatever storage holds becomes valid settings', () => {
  it('gives the defaults for nothing, garbage and arrays', () => {
    for (const raw of [undefined, null, 42, 'x', [], {}]) expect(normalizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and replaces each bad one with its default, field by field', () => {
    const s = normalizeSettings({
      adminUrl: 'ftp://nope',
      adminTimeZone: 'Mars/Olympus',
      adminLanguage: 'de',
      validityHours: -1,
      autoLoadHistories: false,
      passwordPolicy: { length: 4, lower: true, upper: 'yes', digits: false, symbols: true },
      templates: { 'try-again': 'Hi {name}' },
      labelOverrides: { emailHistory: 7 },
    });
    expect(s.adminUrl).toBe(DEFAULT_SETTINGS.adminUrl);
    expect(s.adminTimeZone).toBe('');
    expect(s.adminLanguage).toBe('de');
    expect(s.validityHours).toBe(24);
    expect(s.autoLoadHistories).toBe(false);
    expect(s.passwordPolicy).toEqual({ length: 16, lower: true, upper: true, digits: false, symbols: true });
    expect(s.templates).toEqual({ 'try-again': 'Hi {name}' });
    expect(s.labelOverrides).toEqual({});
    expect(s.version).toBe(SETTINGS_VERSION);
  });

  it('never leaves a password policy without any character class', () => {
    const s = normalizeSettings({ passwordPolicy: { length: 12, lower: false, upper: false, digits: false, symbols: false } });
    expect(s.passwordPolicy.length).toBe(12);
    expect(s.passwordPolicy.lower || s.passwordPolicy.upper || s.passwordPolicy.digits || s.passwordPolicy.symbols).toBe(true);
  });

  it('leaves the time-zone check to effectiveTimeZone when asked (the content script on every page)', () => {
    const unchecked = normalizeSettings({ adminTimeZone: 'Mars/Olympus' }, { checkTimeZone: false });
    expect(unchecked.adminTimeZone).toBe('Mars/Olympus');
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(effectiveTimeZone(unchecked)).toBe(local);
    expect(effectiveTimeZone(normalizeSettings({ adminTimeZone: 'Asia/Tokyo' }, { checkTimeZone: false }))).toBe('Asia/Tokyo');
    expect(effectiveTimeZone(normalizeSettings({}))).toBe(local);
  });

  it('accepts a real IANA zone and an http(s) admin address', () => {
    const s = normalizeSettings({ adminTimeZone: 'America/New_York', adminUrl: ' http://127.0.0.1:8787/ ' });
    expect(s.adminTimeZone).toBe('America/New_York');
    expect(s.adminUrl).toBe('http://127.0.0.1:8787/');
    expect(parseAdminUrl('javascript:alert(1)')).toBeNull();
    expect(parseAdminUrl('not a url')).toBeNull();
  });
});
