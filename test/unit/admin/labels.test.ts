// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AdminError, composeLabels, detectAdminLanguage, keysOfPage, LABEL_KEYS, labelsFor, labelsOn, labelText, matchesLabel, validateLabelOverrides, type LabelKey } from '../../../src/admin';

describe('labels', () => {
  it('both languages define every key', () => {
    for (const lang of ['en', 'de'] as const) for (const k of LABEL_KEYS) expect(labelText(labelsFor(lang), k)).not.toBe('');
    expect(labelText(labelsFor('de'), 'menuIncomingRequests')).toBe('Eingehende Anfragen');
    expect(labelText(labelsFor('de'), 'clickToLoad')).toBe('Klicken, um Daten zu laden');
  });
  it('matches by normalised exact text, never by substring', () => {
    const en = labelsFor('en');
    expect(matchesLabel(en, 'emailHistory', '  e-MAIL \n  history ')).toBe(true);
    expect(matchesLabel(en, 'customerSection', 'Customers')).toBe(false);
    expect(matchesLabel(en, 'passwordHistory', 'Old Password History')).toBe(false);
    expect(matchesLabel(en, 'passwordHistory', 'Password History (all)')).toBe(false);
    expect(matchesLabel(en, 'passwordHistory', 'Password History 3')).toBe(false);
  });
  it('a trailing entry count is not part of the label (it changes with the data)', () => {
    const en = labelsFor('en');
    expect(matchesLabel(en, 'passwordHistory', 'Password History (3)')).toBe(true);
    expect(matchesLabel(en, 'passwordHistory', 'Password History(12)')).toBe(true);
    expect(matchesLabel(labelsFor('de'), 'emailHistory', 'E-Mail-Historie (0)')).toBe(true);
  });
  it('overrides replace the default texts', () => {
    const l = labelsFor('en', { emailHistory: 'Mail Log', save: ['Store', 'Save now'] });
    expect(matchesLabel(l, 'emailHistory', 'Mail Log')).toBe(true);
    expect(matchesLabel(l, 'emailHistory', 'E-mail History')).toBe(false);
    expect(matchesLabel(l, 'save', 'save now')).toBe(true);
  });
  it('matches the texts of every language; the detected one only picks the quoted text', () => {
    const de = labelsFor('de');
    expect(matchesLabel(de, 'searchIcon', 'Search')).toBe(true);
    expect(matchesLabel(de, 'searchIcon', 'Suchen')).toBe(true);
    expect(labelText(de, 'searchIcon')).toBe('Suchen');
    const en = labelsFor('en');
    expect(matchesLabel(en, 'show', 'Anzeigen')).toBe(true);
    expect(labelText(en, 'show')).toBe('Show');
    // An override replaces the texts of every language.
    const renamed = labelsFor('de', { emailHistory: 'Mail-Protokoll' });
    expect(matchesLabel(renamed, 'emailHistory', 'Mail-Protokoll')).toBe(true);
    expect(matchesLabel(renamed, 'emailHistory', 'E-Mail-Historie')).toBe(false);
    expect(matchesLabel(renamed, 'emailHistory', 'E-mail History')).toBe(false);
  });
  it('a foreign text another label of the same page claims: the detected language decides', () => {
    const en = { ...labelsFor('en').texts } as Record<LabelKey, readonly string[]>;
    const de = { ...labelsFor('de').texts } as Record<LabelKey, readonly string[]>;
    // A made-up false friend: the German "next" control says what the English "show" says.
    de.next = ['Show'];
    const tables = { en, de };
    const list = keysOfPage('customers');
    const deList = composeLabels(tables, 'de', undefined, 'customers', list);
    expect(matchesLabel(deList, 'next', 'Show')).toBe(true);
    expect(matchesLabel(deList, 'show', 'Show')).toBe(false);
    expect(matchesLabel(deList, 'show', 'Anzeigen')).toBe(true);
    const enList = composeLabels(tables, 'en', undefined, 'customers', list);
    expect(matchesLabel(enList, 'show', 'Show')).toBe(true);
    expect(matchesLabel(enList, 'next', 'Show')).toBe(false);
    expect(matchesLabel(enList, 'next', 'Next')).toBe(true);
    // Not ambiguous where only one of the two labels can appear: the user page has no "Show".
    de.reply = ['Show'];
    delete (de as Partial<typeof de>).next;
    de.next = ['Weiter'];
    const deUser = composeLabels(tables, 'de', undefined, 'user', keysOfPage('user'));
    const deCustomers = composeLabels(tables, 'de', undefined, 'customers', list);
    expect(matchesLabel(deUser, 'reply', 'Show')).toBe(true);
    expect(matchesLabel(deCustomers, 'show', 'Show')).toBe(true);
    // Unscoped labels judge ambiguity among every label.
    expect(matchesLabel(composeLabels(tables, 'de', undefined, undefined, null), 'show', 'Show')).toBe(false);
  });
  it('a page-scoped override holds on its page and wins there over the plain one', () => {
    const o = { colName: 'Full name', 'customers:colName': 'Kundenname' } as const;
    const customers = labelsFor('en', o, 'customers');
    expect(matchesLabel(customers, 'colName', 'Kundenname')).toBe(true);
    expect(matchesLabel(customers, 'colName', 'Full name')).toBe(false);
    expect(labelText(customers, 'colName')).toBe('Kundenname');
    const user = labelsOn(labelsFor('en', o), 'user');
    expect(matchesLabel(user, 'colName', 'Full name')).toBe(true);
    expect(matchesLabel(user, 'colName', 'Kundenname')).toBe(false);
    // Unscoped labels know only the plain overrides.
    expect(matchesLabel(labelsFor('en', o), 'colName', 'Full name')).toBe(true);
  });
  it('labelsOn scopes labels to a page (cached)', () => {
    const l = labelsFor('en');
    expect(labelsOn(l, 'user')).toBe(labelsOn(l, 'user'));
    expect(labelsOn(l, 'user').page).toBe('user');
  });
  it('validates override maps with clear messages', () => {
    expect(validateLabelOverrides({ emailHistory: 'Mail Log' })).toEqual({ ok: true, overrides: { emailHistory: 'Mail Log' } });
    const bad = validateLabelOverrides({ emailHistroy: 'x', save: '  ', show: 3 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      // Keyed by the override's key, so the options page marks the field without reading the sentence.
      expect(Object.keys(bad.errors).sort()).toEqual(['emailHistroy', 'save', 'show']);
      expect(bad.errors.emailHistroy).toMatch(/Unknown label "emailHistroy"/);
      expect(bad.errors.save).toMatch(/Label "save" is empty/);
      expect(bad.errors.show).toMatch(/Label "show" must be a text/);
    }
    expect(validateLabelOverrides([1]).ok).toBe(false);
    // Page-scoped keys.
    expect(validateLabelOverrides({ 'customers:colName': 'Kundenname', colName: 'Full name' })).toEqual({ ok: true, overrides: { 'customers:colName': 'Kundenname', colName: 'Full name' } });
    const scoped = validateLabelOverrides({ 'shop:colName': 'x', 'customers:colNme': 'y', 'user:save': '' });
    expect(scoped.ok).toBe(false);
    if (!scoped.ok) {
      expect(scoped.errors["shop:colName"]).toMatch(/^Unknown label "shop:colName": there is no page "shop"/);
      expect(scoped.errors["customers:colNme"]).toMatch(/^Unknown label "customers:colNme"/);
      expect(scoped.errors["user:save"]).toMatch(/^Label "user:save" is empty/);
    }
    expect(validateLabelOverrides(undefined)).toEqual({ ok: true, overrides: {} });
  });
  it('detects the admin language from the menu', () => {
    document.body.innerHTML = '<ul><li><a href="#">Verkauf</a><ul><li><a href="#">Kunden</a></li></ul></li><li><a>Support</a><ul><li><a>Eingehende Anfragen</a></li></ul></li></ul>';
    expect(detectAdminLanguage(document)).toBe('de');
    expect(detectAdminLanguage(document, 'en')).toBe('en');
    document.body.innerHTML = '<nav><span>Sales</span><a>Customers</a><span>Support</span><a>Incoming requests</a></nav>';
    expect(detectAdminLanguage(document)).toBe('en');
    document.body.innerHTML = '<p>hello</p>';
    expect(detectAdminLanguage(document)).toBeNull();
    // As many texts of each language (a partly translated admin): the page's lang attribute.
    document.documentElement.setAttribute('lang', 'de');
    document.body.innerHTML = '<nav><a>Kunden</a><a>Incoming requests</a></nav>';
    expect(detectAdminLanguage(document)).toBe('de');
    document.documentElement.setAttribute('lang', 'en');
    expect(detectAdminLanguage(document)).toBe('en');
    document.documentElement.removeAttribute('lang');
  });
});

describe('AdminError', () => {
  it('crosses messaging as plain data', () => {
    const e = new AdminError({ code: 'label-missing', page: 'user', step: 'find E-mail History', label: { key: 'emailHistory', text: 'E-mail History' } });
    expect(e.message).toBe('The admin\'s layout has changed: no "E-mail History" on the user page.');
    const data = JSON.parse(JSON.stringify(e));
    expect(AdminError.isData(data)).toBe(true);
    const back = AdminError.fromJSON(data);
    expect(back).toBeInstanceOf(AdminError);
    expect(back).toMatchObject({ code: 'label-missing', page: 'user', step: 'find E-mail History', label: { key: 'emailHistory' }, message: e.message });
  });
});
