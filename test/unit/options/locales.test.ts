// @vitest-environment node
/** Every English message has a German one, with the same $1.. placeholders (the UI is in both languages). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const read = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('_locales', () => {
  const en = read('en');
  const de = read('de');

  it('German has every English key', () => {
    expect(Object.keys(en).filter((k) => !(k in de))).toEqual([]);
  });

  it('German has no key English lacks (the English file defines the keys)', () => {
    expect(Object.keys(de).filter((k) => !(k in en))).toEqual([]);
  });

  it('German uses the same placeholders $1.. (and %s) as English', () => {
    const mismatched = Object.keys(en)
      .filter((k) => k in de)
      .filter((k) => JSON.stringify(placeholders(en[k]!.message)) !== JSON.stringify(placeholders(de[k]!.message)) || en[k]!.message.includes('%s') !== de[k]!.message.includes('%s'))
      .map((k) => `${k}: en ${placeholders(en[k]!.message).join(',')} / de ${placeholders(de[k]!.message).join(',')}`);
    expect(mismatched).toEqual([]);
  });

  it('every message is non-empty text', () => {
    for (const [lang, file] of [['en', en], ['de', de]] as const) {
      for (const [k, v] of Object.entries(file)) expect(typeof v.message === 'string' && v.message.trim() !== '', `${lang}.${k}`).toBe(true);
    }
  });
});
