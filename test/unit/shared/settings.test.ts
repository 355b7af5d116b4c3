// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** storage.sync and storage.managed as a browser holds them (managed: what the policy sets). */
const store = { sync: {} as Record<string, unknown>, managed: {} as Record<string, unknown>, writes: 0 };
const area = (name: 'sync' | 'managed') => ({
  get: async (key?: string) => (key === undefined ? { ...store[name] } : key in store[name] ? { [key]: structuredClone(store[name][key]) } : {}),
  set: async (items: Record<string, unknown>) => {
    store.writes++;
    Object.assign(store[name], structuredClone(items));
  },
});
vi.mock('webextension-polyfill', async () => ({
  default: {
    i18n: (await import('../englishI18n')).i18n,
    storage: { sync: area('sync'), managed: area('managed'), onChanged: { addListener() {}, removeListener() {} } },
    runtime: { onInstalled: { addListener() {} } },
  },
}));
const {
  checkSettings,
  DEFAULT_SETTINGS,
  effectiveTimeZone,
  exportSettings,
  loadSettings,
  MANAGED_FIELDS,
  mergeManaged,
  migrateSettings,
  normalizeSettings,
  parseAdminUrl,
  previewImport,
  readSettings,
  saveSettings,
  SETTINGS_FIELD_NAMES,
  SETTINGS_FIELDS,
  SETTINGS_LIMITS,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
} = await import('../../../src/shared/settings');
const { DEFAULT_PASSWORD_POLICY } = await import('../../../src/domain/passwordGenerator');
const { formFromSettings, validateForm } = await import('../../../src/options/form');
const { runMigrations } = await import('../../../src/background/migrations');

beforeEach(() => {
  store.sync = {};
  store.managed = {};
  store.writes = 0;
});

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

describe('one table of settings fields', () => {
  it('has one password policy default: the generator\'s, without symbols', () => {
    expect(DEFAULT_SETTINGS.passwordPolicy).toEqual(DEFAULT_PASSWORD_POLICY);
    expect(DEFAULT_SETTINGS.passwordPolicy.symbols).toBe(false);
  });

  it('every default passes its own check, and every check keeps its own output unchanged', () => {
    const samples: Record<string, unknown[]> = {
      adminUrl: [' https://admin.example.org/x ', 'http://127.0.0.1:8787/'],
      adminTimeZone: [' Europe/Berlin ', ''],
      adminLanguage: ['de', 'en', 'auto'],
      validityHours: [1, 36.5, 336],
      autoLoadHistories: [false],
      passwordPolicy: [{ length: 8, lower: false, upper: false, digits: true, symbols: false }, { length: 12, lower: 'x', upper: true, digits: true, symbols: true }],
      templates: [{ 'try-again': 'Hi {name}' }, { 'new-password': 'no placeholder', 'try-again': 'ok' }, { 'de:try-again': 'Hallo {name}' }],
      replyLanguage: ['de', 'en', 'fr'],
      setPasswordBelowMinutes: [0, 45, 1440, 2000, 1.5],
      labelOverrides: [{ save: '  Store   now ' }, { save: 'Store', bogus: 'x' }],
    };
    for (const field of SETTINGS_FIELD_NAMES) {
      const spec = SETTINGS_FIELDS[field];
      expect(spec.check(spec.default, {}), field).toEqual({ value: spec.default, errors: {}, warnings: {} });
      for (const raw of samples[field]!) {
        const first = spec.check(raw, {});
        if (first.value === undefined) continue;
        const again = spec.check(first.value, {});
        expect(again.value, `${field} ${JSON.stringify(raw)}`).toEqual(first.value);
        expect(again.errors, `${field} ${JSON.stringify(raw)}`).toEqual({});
      }
    }
  });

  // The reader and the form must agree: a value the form saves survives the read, and a value the
  // reader would drop is one the form refuses (before, the reader kept 0.5 hours the form refused).
  it.each([
    ['validityHours', 0.5, '0.5'],
    ['validityHours', SETTINGS_LIMITS.validityHours.min, String(SETTINGS_LIMITS.validityHours.min)],
    ['validityHours', SETTINGS_LIMITS.validityHours.max, String(SETTINGS_LIMITS.validityHours.max)],
    ['validityHours', SETTINGS_LIMITS.validityHours.max + 0.5, String(SETTINGS_LIMITS.validityHours.max + 0.5)],
    ['passwordLength', SETTINGS_LIMITS.passwordLength.min - 1, String(SETTINGS_LIMITS.passwordLength.min - 1)],
    ['passwordLength', SETTINGS_LIMITS.passwordLength.max, String(SETTINGS_LIMITS.passwordLength.max)],
    ['adminUrl', 'https://me:secret@admin.example.org/', 'https://me:secret@admin.example.org/'],
  ])('the reader keeps %s = %j exactly when the form accepts it', (field, stored, typed) => {
    const raw =
      field === 'passwordLength'
        ? { passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, length: stored } }
        : { [field]: stored };
    const read = checkSettings(raw);
    const kept = Object.keys(read.rejected).length === 0;
    const form = formFromSettings(DEFAULT_SETTINGS);
    const result = validateForm({ ...form, [field]: typed });
    expect(result.ok, `form accepts ${typed}`).toBe(kept);
  });

  it('the form saves only what the reader reads back unchanged (no round trip needed)', () => {
    const form = { ...formFromSettings(DEFAULT_SETTINGS), adminUrl: ' https://admin.example.org/ ', validityHours: '36.5', labelOverrides: { save: '  Store   it ' } };
    const r = validateForm(form);
    expect(r.ok).toBe(true);
    if (r.ok) expect(normalizeSettings(JSON.parse(JSON.stringify(r.settings)))).toEqual(r.settings);
  });

  it('keeps the good entries of a map and says what it dropped', () => {
    const check = checkSettings({ labelOverrides: { save: 'Store', bogus: 'x' }, templates: { 'try-again': 'Hi', 'no-such': 'x' } });
    expect(check.settings.labelOverrides).toEqual({ save: 'Store' });
    expect(check.settings.templates).toEqual({ 'try-again': 'Hi' });
    expect(Object.keys(check.rejected.labelOverrides!)).toEqual(['label-bogus']);
    expect(check.rejected.templates!['template-no-such']![0]).toMatch(/Unknown template "no-such"/);
  });
});

describe('migrations', () => {
  it('from version 0 (no version field, as very early builds stored): every field kept', () => {
    const v0 = { adminUrl: 'http://127.0.0.1:8787/', adminTimeZone: 'Asia/Tokyo', adminLanguage: 'de', validityHours: 48, autoLoadHistories: false, passwordPolicy: { length: 20, lower: true, upper: true, digits: true, symbols: true }, templates: { 'try-again': 'Hi {name}' }, labelOverrides: { save: 'Store' } };
    const migrated = migrateSettings(v0);
    expect(migrated).toEqual({ ...v0, version: SETTINGS_VERSION });
    // Fields that came later (reply language, the set-password threshold) take their defaults.
    expect(normalizeSettings(v0)).toEqual({ ...v0, replyLanguage: 'en', setPasswordBelowMinutes: 30, version: SETTINGS_VERSION });
  });

  it('from version 1 (current): nothing changes', () => {
    const v1 = { ...DEFAULT_SETTINGS, validityHours: 12 };
    expect(migrateSettings(v1)).toEqual(v1);
    expect(SETTINGS_MIGRATIONS.map((m) => m.from)).toEqual([...Array(SETTINGS_VERSION).keys()]);
  });

  it('runs the list step by step, and refuses a gap or a step that skips a version', () => {
    const steps = [
      ...SETTINGS_MIGRATIONS,
      { from: 1, migrate: (s: Record<string, unknown>) => ({ ...s, version: 2, renamed: s.validityHours }) },
    ];
    expect(migrateSettings({ validityHours: 5 }, steps, 2)).toEqual({ validityHours: 5, renamed: 5, version: 2 });
    expect(() => migrateSettings({ version: 1 }, SETTINGS_MIGRATIONS, 2)).toThrow(/no settings migration from version 1/);
    expect(() => migrateSettings({}, [{ from: 0, migrate: (s) => ({ ...s, version: 2 }) }], 2)).toThrow(/gave version 2/);
  });

  it('reads a newer version (synced from a newer build) field by field', () => {
    expect(normalizeSettings({ version: 7, validityHours: 12, futureField: 1 }).validityHours).toBe(12);
  });

  it('the background migrates stored settings on install/update, and leaves current ones alone', async () => {
    store.sync.settings = { validityHours: 48, labelOverrides: { bogus: 'kept for the options page to report' } };
    expect(await runMigrations()).toBe(0);
    expect(store.sync.settings).toEqual({ version: 1, validityHours: 48, labelOverrides: { bogus: 'kept for the options page to report' } });
    store.writes = 0;
    expect(await runMigrations()).toBeNull();
    expect(store.writes).toBe(0);
    store.sync = {};
    expect(await runMigrations()).toBeNull();
    expect(store.writes).toBe(0);
  });
});

describe('policy (storage.managed) over the agent\'s own settings', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'public', 'managed_schema.json'), 'utf8')) as { properties: Record<string, { enum?: string[] }> };

  it('the managed_schema lists exactly the fields a policy may pin', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_FIELDS].sort());
    expect(schema.properties.adminLanguage!.enum).toEqual(['auto', 'en', 'de']);
  });

  it('pinned values win, through the same checks; labels merge per label', () => {
    const sync = { adminUrl: 'https://own.example.org/', adminLanguage: 'en', validityHours: 48, labelOverrides: { save: 'Mine', show: 'Mine too' } };
    const managed = { adminUrl: 'https://pinned.example.org/', adminTimeZone: 'Europe/Berlin', labelOverrides: { save: 'Pinned' }, validityHours: 2 };
    const merged = mergeManaged(sync, managed);
    expect(merged.settings).toMatchObject({ adminUrl: 'https://pinned.example.org/', adminTimeZone: 'Europe/Berlin', adminLanguage: 'en', validityHours: 48, labelOverrides: { save: 'Pinned', show: 'Mine too' } });
    // validityHours is not a field a policy may pin (not in the schema): ignored.
    expect(merged.pinned.sort()).toEqual(['adminTimeZone', 'adminUrl', 'label-save']);
  });

  it('a pinned value that fails its check is not used, and is reported', () => {
    const merged = mergeManaged({ adminLanguage: 'de' }, { adminUrl: 'ftp://nope', adminLanguage: 'fr', labelOverrides: { bogus: 'x', save: 'Store' } });
    expect(merged.settings.adminUrl).toBe(DEFAULT_SETTINGS.adminUrl);
    expect(merged.settings.adminLanguage).toBe('de');
    expect(merged.settings.labelOverrides).toEqual({ save: 'Store' });
    expect(merged.pinned).toEqual(['label-save']);
    expect(Object.keys(merged.policyRejected).sort()).toEqual(['adminLanguage', 'adminUrl', 'labelOverrides']);
  });

  it('every reader gets the merged settings; saving keeps the agent\'s own value of a pinned field', async () => {
    store.sync.settings = { ...DEFAULT_SETTINGS, adminUrl: 'https://own.example.org/', labelOverrides: { show: 'Mine' } };
    store.managed = { adminUrl: 'https://pinned.example.org/', labelOverrides: { save: 'Pinned' } };
    const loaded = await loadSettings();
    expect(loaded.adminUrl).toBe('https://pinned.example.org/');
    expect((await readSettings()).pinned.sort()).toEqual(['adminUrl', 'label-save']);

    const saved = await saveSettings({ ...loaded, validityHours: 12, labelOverrides: { ...loaded.labelOverrides, show: 'Changed' } });
    expect(saved).toMatchObject({ adminUrl: 'https://pinned.example.org/', validityHours: 12, labelOverrides: { save: 'Pinned', show: 'Changed' } });
    expect(store.sync.settings).toMatchObject({ adminUrl: 'https://own.example.org/', validityHours: 12, labelOverrides: { show: 'Changed' } });
    expect((store.sync.settings as { labelOverrides: object }).labelOverrides).not.toHaveProperty('save');
  });

  it('no policy at all (Firefox without a policy file rejects the read) is no policy', async () => {
    const managed = (await import('webextension-polyfill')).default.storage.managed;
    const original = managed.get;
    managed.get = async () => {
      throw new Error('Managed storage manifest not found');
    };
    try {
      store.sync.settings = { validityHours: 36 };
      expect((await readSettings()).settings.validityHours).toBe(36);
      expect((await readSettings()).policyUnreadable).toBeUndefined();
    } finally {
      managed.get = original;
    }
  });

  it('a policy that cannot be read is said (the options page shows the reason), the own values hold', async () => {
    const managed = (await import('webextension-polyfill')).default.storage.managed;
    const original = managed.get;
    managed.get = async () => {
      throw new Error('Policy file is not valid JSON');
    };
    try {
      store.sync.settings = { validityHours: 36 };
      const merged = await readSettings();
      expect(merged.settings.validityHours).toBe(36);
      expect(merged.policyUnreadable).toBe('Policy file is not valid JSON');
    } finally {
      managed.get = original;
    }
  });
});

describe('settings file: export and import', () => {
  const custom = normalizeSettings({ adminUrl: 'https://admin.example.org/', adminLanguage: 'de', validityHours: 36, passwordPolicy: { length: 20, lower: true, upper: true, digits: true, symbols: true }, templates: { 'try-again': 'Hi {name}' }, labelOverrides: { save: 'Store' } });

  it('exports the settings fields and nothing else (no log, no secret), and imports them back unchanged', () => {
    const withExtras = { ...custom, activityLog: [{ email: 'anna@example.com' }], password: 'Secret-123' } as unknown as typeof custom;
    const text = exportSettings(withExtras);
    const file = JSON.parse(text) as { format: string; settings: Record<string, unknown> };
    expect(Object.keys(file)).toEqual(['format', 'settings']);
    expect(Object.keys(file.settings).sort()).toEqual(['version', ...SETTINGS_FIELD_NAMES].sort());
    expect(text).not.toMatch(/Secret-123|anna@example\.com|activityLog|password"/);
    const preview = previewImport(text);
    expect(preview.rejected).toEqual({});
    expect({ version: SETTINGS_VERSION, ...preview.apply }).toEqual(custom);
  });

  it('rejects bad fields one by one with the reason, and applies the rest', () => {
    const file = { format: 'reset-desk-settings', settings: { version: 1, adminUrl: 'ftp://nope', validityHours: 0, adminLanguage: 'de', labelOverrides: { save: 'Store', bogus: 'x' }, colour: 'blue' } };
    const preview = previewImport(JSON.stringify(file));
    expect(preview.apply).toEqual({ adminLanguage: 'de' });
    expect(Object.keys(preview.rejected).sort()).toEqual(['adminUrl', 'file', 'labelOverrides', 'validityHours']);
    expect(preview.rejected.adminUrl![0]).toMatch(/"ftp:\/\/nope" is not a web/);
    expect(preview.rejected.validityHours![0]).toMatch(/from 1 to 336/);
    expect(preview.rejected.labelOverrides![0]).toMatch(/Unknown label "bogus"/);
    expect(preview.rejected.file![0]).toMatch(/Unknown settings, not applied: colour/);
  });

  it('says why a file is not a settings file at all', () => {
    expect(previewImport('{oops').rejected.file![0]).toMatch(/not JSON/);
    expect(previewImport('{"adminUrl":"https://x.org/"}').rejected.file![0]).toMatch(/not a Reset Desk settings file/);
    expect(previewImport('{"format":"reset-desk-settings","settings":{"version":99}}').rejected.file![0]).toMatch(/newer Reset Desk \(settings version 99\)/);
  });

  it('migrates an old file (version 0: no version field)', () => {
    const preview = previewImport(JSON.stringify({ format: 'reset-desk-settings', settings: { validityHours: 12 } }));
    expect(preview).toEqual({ apply: { validityHours: 12 }, rejected: {} });
  });

  it('does not take pinned fields from a file, and says so', () => {
    const preview = previewImport(exportSettings(custom), ['adminUrl', 'label-save']);
    expect(preview.apply.adminUrl).toBeUndefined();
    expect(preview.apply.labelOverrides).toEqual({});
    expect(preview.apply.adminLanguage).toBe('de');
    expect(preview.rejected.adminUrl).toEqual(['Set by your organisation']);
    expect(preview.rejected.labelOverrides![0]).toMatch(/Set by your organisation, not taken from the file: save/);
  });
});
