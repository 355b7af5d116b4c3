// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addressesIn, isPlausibleEmail, normalizeEmail, sameEmail } from '../../../src/domain/email';

describe('normalizeEmail', () => {
  it('trims (also zero-width characters) and case-folds', () => {
    expect(normalizeEmail('  Anna@Example.COM \n')).toBe('anna@example.com');
    expect(normalizeEmail('\u200Banna@example.com\uFEFF')).toBe('anna@example.com');
  });
});

describe('isPlausibleEmail', () => {
  it.each(['anna@example.com', ' Anna.B+tag@mail.example.co.uk ', 'x@y.de', "o'neil@example.org"])(
    'accepts %s',
    (e) => expect(isPlausibleEmail(e)).toBe(true),
  );

  it.each([
    ['', 'empty'],
    ['anna.example.com', 'no @'],
    ['anna@@example.com', 'two @'],
    ['an@na@example.com', 'two @'],
    ['@example.com', 'empty local part'],
    ['anna@localhost', 'no dot in the domain'],
    ['anna@.example.com', 'empty label'],
    ['anna@example.com.', 'trailing dot'],
    ['anna@example..com', 'double dot'],
    ['an na@example.com', 'space'],
    ['anna@exa\tmple.com', 'tab'],
    ['anna\u200B@example.com', 'invisible character inside'],
    [`${'a'.repeat(243)}@example.com`, '255 characters'],
  ])('rejects %j (%s)', (e) => expect(isPlausibleEmail(e)).toBe(false));

  it('accepts exactly 254 characters', () => {
    const e = `${'a'.repeat(242)}@example.com`;
    expect(e).toHaveLength(254);
    expect(isPlausibleEmail(e)).toBe(true);
  });
});

describe('sameEmail', () => {
  it('matches after trim and case fold', () => {
    expect(sameEmail(' Anna@Example.com', 'anna@example.COM ')).toBe(true);
  });

  it('tells exact matches from substring look-alikes', () => {
    expect(sameEmail('anna@example.com', 'johanna@example.com')).toBe(false);
    expect(sameEmail('anna@example.com', 'anna@example.com.au')).toBe(false);
  });

  it('never matches empty addresses', () => {
    expect(sameEmail('', '')).toBe(false);
    expect(sameEmail('  ', ' ')).toBe(false);
  });
});

describe('addressesIn', () => {
  it('reads the addresses of a recipient line as mail forms show it', () => {
    expect(addressesIn('anna@example.com')).toEqual(['anna@example.com']);
    expect(addressesIn('  Anna Berg <Anna@Example.com> ')).toEqual(['anna@example.com']);
    expect(addressesIn('"Berg, Anna" <anna@example.com>; bob@example.org, carl@example.net')).toEqual(['anna@example.com', 'bob@example.org', 'carl@example.net']);
    expect(addressesIn('Anna Berg')).toEqual([]);
    expect(addressesIn('')).toEqual([]);
  });

  it('keeps look-alikes apart: one is never read out of another', () => {
    const [one] = addressesIn('anna@example.com');
    expect(sameEmail(one!, 'anna@example.co')).toBe(false);
    expect(addressesIn('johanna@example.com')).toEqual(['johanna@example.com']);
  });
});
