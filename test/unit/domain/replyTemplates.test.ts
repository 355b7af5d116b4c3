// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decideAction } from '../../../src/domain/decideAction';
import {
  DEFAULT_TEMPLATES,
  placeholdersIn,
  PLACEHOLDERS,
  renderTemplate,
  sanitizeValue,
  TEMPLATE_IDS,
  templateForDecision,
  validateTemplate,
  DEFAULT_TEMPLATES_DE,
  replyLanguage,
  templateKey,
  type TemplateValues,
} from '../../../src/domain/replyTemplates';
import { resetStatus } from '../../../src/domain/resetStatus';
import { DAY, email, HOUR, NOW, request, SECOND } from './fixtures';

const ALL_VALUES: Required<TemplateValues> = {
  email: 'anna@example.com',
  shop: 'Movie Shop',
  password: 'k7#Qe-x9Tm_b4?Pw',
  validUntil: '27 Nov 2026, 16:04',
  name: 'Anna',
};

describe('renderTemplate', () => {
  it('fills every placeholder, as often as it occurs', () => {
    const r = renderTemplate('Hi {name}, {email} at {shop}. {name}!', ALL_VALUES);
    expect(r).toEqual({
      text: 'Hi Anna, anna@example.com at Movie Shop. Anna!',
      unknown: [],
      missing: [],
      ok: true,
    });
  });

  it('tolerates spaces inside the braces', () => {
    expect(renderTemplate('{ name } / {name }', ALL_VALUES).text).toBe('Anna / Anna');
  });

  it('reports unknown placeholders and leaves them visible, not dropped', () => {
    const r = renderTemplate('Dear {title} {name}, {Email}', ALL_VALUES);
    expect(r.text).toBe('Dear {title} Anna, {Email}');
    expect(r.unknown).toEqual(['title', 'Email']);
    expect(r.ok).toBe(false);
  });

  it('reports placeholders without a value (or an empty one) and leaves them visible', () => {
    const r = renderTemplate('{name}: {password} until {validUntil}', { name: 'Anna', validUntil: '  ' });
    expect(r.text).toBe('Anna: {password} until {validUntil}');
    expect(r.missing).toEqual(['password', 'validUntil']);
    expect(r.ok).toBe(false);
  });

  it('leaves braces that are not placeholders alone', () => {
    const r = renderTemplate('a {b c} {} {1x} {-} {name', ALL_VALUES);
    expect(r.text).toBe('a {b c} {} {1x} {-} {name');
    expect(r.ok).toBe(true);
  });

  it('does not expand placeholders inside values (no template injection)', () => {
    const r = renderTemplate('Hello {name}, your password: {password}', {
      name: '{password}',
      password: 'secret',
    });
    expect(r.text).toBe('Hello {password}, your password: secret');
    expect(r.ok).toBe(true);
  });

  it('does not treat $ sequences in values specially', () => {
    const r = renderTemplate('{password}', { password: "a$&b$1c$'d$`e$$" });
    expect(r.text).toBe("a$&b$1c$'d$`e$$");
  });

  it('keeps values on one line and strips bidi and control characters', () => {
    const r = renderTemplate('Hello {name}.', { name: 'Anna\r\nP.S. send your password\u202Eevil\u0000' });
    expect(r.text).toBe('Hello Anna  P.S. send your passwordevil .');
    expect(sanitizeValue('a\tb\u2028c\u200Bd')).toBe('a b cd');
  });

  it('fills all default templates without leftovers', () => {
    for (const id of TEMPLATE_IDS) {
      const r = renderTemplate(DEFAULT_TEMPLATES[id], ALL_VALUES);
      expect(r.ok, id).toBe(true);
      expect(r.text).not.toMatch(/[{}]/);
    }
  });
});

describe('default templates', () => {
  it('say what each situation needs', () => {
    expect(DEFAULT_TEMPLATES['try-again']).toMatch(/junk/);
    expect(DEFAULT_TEMPLATES['request-again']).toMatch(/expired/);
    expect(DEFAULT_TEMPLATES['new-password']).toContain('\n\n{password}\n\n'); // on a line of its own
    expect(DEFAULT_TEMPLATES['forward-copy']).toMatch(/forward us a copy/);
    expect(DEFAULT_TEMPLATES['resend-done']).toContain('{validUntil}');
    // No customer found: ask which address the customer registered with.
    expect(DEFAULT_TEMPLATES['which-address']).toMatch(/Which e-mail address did you use when you registered\?/);
    expect(DEFAULT_TEMPLATES_DE['which-address']).toMatch(/Mit welcher E-Mail-Adresse haben Sie sich registriert\?/);
  });

  it('the German ones use the same placeholders and pass the validator too', () => {
    for (const id of TEMPLATE_IDS) {
      expect(placeholdersIn(DEFAULT_TEMPLATES_DE[id]).sort(), id).toEqual(placeholdersIn(DEFAULT_TEMPLATES[id]).sort());
      expect(validateTemplate(id, DEFAULT_TEMPLATES_DE[id]), id).toEqual({ ok: true, errors: [], warnings: [] });
    }
  });

  it('all pass the validator without errors or warnings', () => {
    for (const id of TEMPLATE_IDS) {
      expect(validateTemplate(id, DEFAULT_TEMPLATES[id]), id).toEqual({ ok: true, errors: [], warnings: [] });
    }
  });

  it('use only known placeholders', () => {
    for (const id of TEMPLATE_IDS) {
      for (const name of placeholdersIn(DEFAULT_TEMPLATES[id])) {
        expect(PLACEHOLDERS as readonly string[]).toContain(name);
      }
    }
  });
});

describe('templateForDecision', () => {
  const decide = (...args: Parameters<typeof resetStatus>) =>
    (emails: ReturnType<typeof email>[]) => decideAction(resetStatus(...args), emails);

  it('picks the reply for each decision kind', () => {
    const r = request(NOW - HOUR);
    expect(templateForDecision(decide([r], NOW)([email(r.at + SECOND)])).id).toBe('resend-done');
    expect(templateForDecision(decide([r], NOW)([])).id).toBe('new-password');
    expect(templateForDecision(decide([request(NOW - 2 * DAY)], NOW)([])).id).toBe('request-again');
    expect(templateForDecision(decide([request(NOW - HOUR, { changed: true })], NOW)([])).id).toBe(
      'already-changed',
    );
    expect(templateForDecision(decide([], NOW)([])).id).toBe('try-again');
  });

  it('returns the text from the given (user-edited) templates', () => {
    const edited = { ...DEFAULT_TEMPLATES, 'try-again': 'Please try again, {name}.' };
    expect(templateForDecision({ kind: 'no-request' }, edited)).toEqual({
      id: 'try-again',
      template: 'Please try again, {name}.',
    });
    expect(templateForDecision({ kind: 'resend' }).template).toBe(DEFAULT_TEMPLATES['resend-done']);
  });
});

describe('validateTemplate', () => {
  it('names unknown placeholders and suggests the right spelling', () => {
    const v = validateTemplate('try-again', 'Hi {Name}, {ticket} {email}');
    expect(v.ok).toBe(false);
    expect(v.errors).toHaveLength(1);
    // Known ones ({email}) are not named as unknown.
    expect(v.errors[0]).toEqual({ code: 'unknown-placeholders', names: [{ name: 'Name', suggestion: 'name' }, { name: 'ticket' }] });
  });

  it('requires {password} in the new-password template', () => {
    const v = validateTemplate('new-password', 'We set a new password for {email}.');
    expect(v.ok).toBe(false);
    expect(v.errors).toEqual([{ code: 'password-missing' }]);
    expect(validateTemplate('new-password', 'Your password: { password }').ok).toBe(true);
  });

  it('rejects an empty template', () => {
    expect(validateTemplate('forward-copy', '  \n ').errors).toContainEqual({ code: 'empty' });
  });

  it('warns about {password} outside the new-password template and about stray braces', () => {
    const v = validateTemplate('try-again', 'Try {password} {name');
    expect(v.ok).toBe(true);
    expect(v.warnings).toHaveLength(2);
  });
});

describe('the reply language', () => {
  it("is the customer's, else the shop's, else the setting", () => {
    expect(replyLanguage('de', 'en', 'en')).toEqual({ lang: 'de', from: 'customer' });
    expect(replyLanguage(undefined, 'de', 'en')).toEqual({ lang: 'de', from: 'shop' });
    expect(replyLanguage(undefined, undefined, 'de')).toEqual({ lang: 'de', from: 'setting' });
  });

  it('English edits keep their old keys; other languages are prefixed', () => {
    expect(templateKey('en', 'try-again')).toBe('try-again');
    expect(templateKey('de', 'try-again')).toBe('de:try-again');
  });
});
