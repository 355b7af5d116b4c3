// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AdminError, detectAdminLanguage, LABEL_KEYS, labelsFor, labelText, matchesLabel, validateLabelOverrides } from '../../../src/admin';

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
    expect(matchesLabel(en, 'passwordHistory', 'Password History (3)')).toBe(false);
  });
  it('overrides replace the default texts', () => {
    const l = labelsFor('en', { emailHistory: 'Mail Log', save: ['Store', 'Save now'] });
    expect(matchesLabel(l, 'emailHistory', 'Mail Log')).toBe(true);
    expect(matchesLabel(l, 'emailHistory', 'E-mail History')).toBe(false);
    expect(matchesLabel(l, 'save', 'save now')).toBe(true);
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
