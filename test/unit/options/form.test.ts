// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../englishI18n')).i18n, runtime: { getManifest: () => ({}) } } }));

const formModule = await import('../../../src/options/form');
const { formFromSettings, validateForm } = formModule;
const { DEFAULT_SETTINGS, isCoveredByPatterns, normalizeSettings, originPattern } = await import('../../../src/shared/settings');
const { DEFAULT_TEMPLATES } = await import('../../../src/domain/replyTemplates');
const { hostPatternToRequest } = await import('../../../src/options/hostAccess');

const base = () => formFromSettings(DEFAULT_SETTINGS);

describe('options form', () => {
  it('the defaults pass and give the defaults back (no edited templates stored)', () => {
    const r = validateForm(base());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips edited values through Settings and normalizeSettings unchanged', () => {
    const form = {
      ...base(),
      adminUrl: ' https://admin.example.org/ ',
      adminTimeZone: 'America/New_York',
      adminLanguage: 'de' as const,
      validityHours: '48',
      autoLoadHistories: false,
      passwordLength: '20',
      symbols: true,
      lower: false,
      templates: { ...base().templates, 'try-again': 'Hi {name}, try again with {email}.' },
      labelOverrides: { ...base().labelOverrides, save: 'Store' },
    };
    const r = validateForm(form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings).toMatchObject({
      adminUrl: 'https://admin.example.org/',
      adminTimeZone: 'America/New_York',
      adminLanguage: 'de',
      validityHours: 48,
      autoLoadHistories: false,
      passwordPolicy: { length: 20, lower: false, upper: true, digits: true, symbols: true },
      templates: { 'try-again': 'Hi {name}, try again with {email}.' },
      labelOverrides: { save: 'Store' },
    });
    expect(normalizeSettings(JSON.parse(JSON.stringify(r.settings)))).toEqual(r.settings);
    expect(formFromSettings(r.settings)).toEqual({ ...form, adminUrl: 'https://admin.example.org/' });
  });

  it('reports every invalid field with a message and gives no settings', () => {
    const r = validateForm({
      ...base(),
      adminUrl: 'admin.example.org',
      adminTimeZone: 'Mars/Olympus',
      validityHours: '0',
      passwordLength: '7',
      lower: false,
      upper: false,
      digits: false,
      symbols: false,
      templates: { ...base().templates, 'new-password': 'Hello {Name}' },
      labelOverrides: { ...base().labelOverrides, save: 'x'.repeat(201), bogus: 'y' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(
      ['adminTimeZone', 'adminUrl', 'label-bogus', 'label-save', 'passwordClasses', 'passwordLength', 'template-new-password', 'validityHours'].sort(),
    );
    expect(r.errors.adminUrl![0]).toContain('"admin.example.org" is not a web address');
    expect(r.errors.adminTimeZone![0]).toContain('"Mars/Olympus" is not a time zone');
    expect(r.errors['template-new-password']!.join(' ')).toMatch(/\{Name\} \(did you mean \{name\}\?\)/);
    expect(r.errors['template-new-password']!.join(' ')).toMatch(/must contain \{password\}/);
    expect(r.errors['label-save']![0]).toMatch(/longer than 200/);
    expect(r.errors['label-bogus']![0]).toMatch(/Unknown label "bogus"/);
  });

  it.each([
    ['validityHours', 'abc'],
    ['validityHours', '337'],
    ['validityHours', '-1'],
    ['passwordLength', '12.5'],
    ['passwordLength', '129'],
    ['passwordLength', ''],
  ])('rejects %s = %j', (field, value) => {
    const r = validateForm({ ...base(), [field]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual([field]);
  });

  it('rejects an empty template and an admin address with credentials', () => {
    const r = validateForm({ ...base(), adminUrl: 'https://me:secret@admin.example.org/', templates: { ...base().templates, 'forward-copy': '  ' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(['adminUrl', 'template-forward-copy']);
  });

  it('keeps warnings (not errors) for {password} outside the new-password template', () => {
    const r = validateForm({ ...base(), templates: { ...base().templates, 'try-again': 'Your password: {password}' } });
    expect(r.ok).toBe(true);
    expect(r.warnings['template-try-again']![0]).toMatch(/only filled in for the new-password/);
  });

  it('a template reset to its default text is not stored', () => {
    const r = validateForm({ ...base(), templates: { ...base().templates, 'try-again': DEFAULT_TEMPLATES['try-again'] } });
    expect(r.ok && r.settings.templates).toEqual({});
  });

  it('shows stored overrides of unknown labels (not dropped silently) and reports them', () => {
    const form = formFromSettings({ ...DEFAULT_SETTINGS, labelOverrides: { renamedLabel: 'Old' } });
    expect(form.labelOverrides.renamedLabel).toBe('Old');
    expect(validateForm(form).ok).toBe(false);
  });
});

describe('admin address refusals', () => {
  it('says why an admin address is refused: plain http, a wildcard, another scheme', () => {
    const refusal = (adminUrl: string) => {
      const r = validateForm({ ...base(), adminUrl });
      return r.ok ? 'saved' : r.errors.adminUrl?.[0];
    };
    expect(refusal('http://admin.example.org/')).toMatch(/must start with https:\/\/.*Only this computer \(127\.0\.0\.1, localhost, \[::1\]\)/);
    expect(refusal('https://*.example.org/')).toMatch(/must name one host: a "\*" would let Reset Desk run on other sites too/);
    expect(refusal('ftp://admin.example.org/')).toContain('"ftp://admin.example.org/" is not a web page address');
    expect(refusal('http://localhost:8080/')).toBe('saved');
    expect(refusal('https://admin.example.org:8443/')).toBe('saved');
  });
});

describe('host patterns', () => {
  const manifestHosts = ['https://admin.flickrocket.com/*', 'http://127.0.0.1/*', 'http://localhost/*'];
  it('needs no permission for the built-in hosts (any port)', () => {
    expect(hostPatternToRequest('https://admin.flickrocket.com/', manifestHosts, true)).toBeNull();
    expect(hostPatternToRequest('http://127.0.0.1:8787/', manifestHosts, true)).toBeNull();
    expect(hostPatternToRequest('http://localhost:3000/x', manifestHosts, true)).toBeNull();
  });
  it('asks for exactly the origin (scheme + host + port) of a custom address; in Firefox without the port', () => {
    expect(hostPatternToRequest('https://admin.example.org:8443/cms', manifestHosts, true)).toBe('https://admin.example.org:8443/*');
    expect(hostPatternToRequest('https://admin.example.org:8443/cms', manifestHosts, false)).toBe('https://admin.example.org/*');
    expect(hostPatternToRequest('http://[::1]:8080/', manifestHosts, true)).toBe('http://[::1]:8080/*');
    // Plain http on another host is no admin address at all (the form says why).
    expect(hostPatternToRequest('http://admin.flickrocket.com/', manifestHosts, true)).toBeNull();
    expect(hostPatternToRequest('not a url', manifestHosts, true)).toBeNull();
  });
  it('matches wildcards like the browsers', () => {
    const u = new URL('https://eu.admin.example.org/');
    expect(isCoveredByPatterns(u, ['https://*.example.org/*'])).toBe(true);
    expect(isCoveredByPatterns(u, ['*://*/*'])).toBe(true);
    expect(isCoveredByPatterns(u, ['https://example.org/*'])).toBe(false);
    expect(isCoveredByPatterns(new URL('https://badexample.org/'), ['https://*.example.org/*'])).toBe(false);
    expect(originPattern(u)).toBe('https://eu.admin.example.org/*');
  });
});

describe('import into the form', () => {
  const { applyToForm } = formModule;
  it('puts the accepted fields in (a whole field each), leaves the rest, and keeps pinned labels', () => {
    const form = { ...base(), validityHours: '30', labelOverrides: { ...base().labelOverrides, save: 'Pinned', show: 'Mine' } };
    const next = applyToForm(form, { adminLanguage: 'de', passwordPolicy: { length: 20, lower: true, upper: false, digits: true, symbols: true }, labelOverrides: { save: 'From file', emailHistory: 'Mail Log' } }, ['label-save']);
    expect(next).toMatchObject({ adminLanguage: 'de', validityHours: '30', passwordLength: '20', upper: false, symbols: true });
    expect(next.labelOverrides).toMatchObject({ save: 'Pinned', emailHistory: 'Mail Log', show: '' });
    expect(validateForm(next).ok).toBe(true);
  });
});
