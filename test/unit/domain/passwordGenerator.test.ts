// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  ADMIN_MIN_PASSWORD_LENGTH,
  CHAR_CLASSES,
  createUniformPicker,
  DEFAULT_PASSWORD_POLICY,
  EXCLUDED_LOOKALIKES,
  generatePassword,
  MAX_CONSECUTIVE_REJECTIONS,
  MAX_PASSWORD_LENGTH,
  passwordAlphabet,
  PASSWORD_CHARACTER_SETS,
  PasswordPolicyError,
  resolvePasswordPolicy,
  type RandomSource,
} from '../../../src/domain/passwordGenerator';

const TWO_POW_32 = 2 ** 32;
const ALL_CLASSES = { lower: true, upper: true, digits: true, symbols: true };
const ALPHABET = passwordAlphabet({ length: 16, ...ALL_CLASSES });

/** A source that hands out the given values in order (then `fallback`), and counts them. */
function scriptedSource(values: number[], fallback = 0): RandomSource & { used: () => number } {
  const queue = [...values];
  let used = 0;
  const source = (n: number) =>
    Uint32Array.from({ length: n }, () => {
      used++;
      return queue.length > 0 ? queue.shift()! : fallback;
    });
  return Object.assign(source, { used: () => used });
}

/** |observed - expected| within 5 standard deviations (Poisson approximation): ~1e-6 per cell. */
function expectNearUniform(counts: Map<string, number>, chars: string, total: number) {
  const expected = total / chars.length;
  for (const c of chars) {
    const n = counts.get(c) ?? 0;
    expect(Math.abs(n - expected), `count of ${c}: ${n}, expected ${expected.toFixed(0)}`).toBeLessThan(
      5 * Math.sqrt(expected),
    );
  }
}

function classOf(c: string) {
  return CHAR_CLASSES.find((cls) => PASSWORD_CHARACTER_SETS[cls].includes(c));
}

describe('character sets', () => {
  it('contain no look-alikes (0 O o 1 l I 5 S 2 Z) and no duplicates', () => {
    for (const c of EXCLUDED_LOOKALIKES) expect(ALPHABET).not.toContain(c);
    expect(new Set(ALPHABET).size).toBe(ALPHABET.length);
  });

  it('are plain ASCII without quotes, spaces, backslash, angle brackets or ampersand', () => {
    expect(ALPHABET).toMatch(/^[\x21-\x7e]+$/);
    expect(ALPHABET).not.toMatch(/["'`\\<>& ]/);
    expect(PASSWORD_CHARACTER_SETS.symbols).toBe('-_.!?#%+=');
  });
});

describe('generatePassword', () => {
  it('defaults: 16 characters of letters and digits (no symbols: typed by customers), every enabled class present', () => {
    expect(DEFAULT_PASSWORD_POLICY).toEqual({ length: 16, lower: true, upper: true, digits: true, symbols: false });
    for (let i = 0; i < 500; i++) {
      const { password, policy, adjustments } = generatePassword();
      expect(password).toHaveLength(16);
      expect(policy).toEqual(DEFAULT_PASSWORD_POLICY);
      expect(adjustments).toEqual([]);
      for (const c of password) expect(passwordAlphabet(DEFAULT_PASSWORD_POLICY)).toContain(c);
      for (const cls of CHAR_CLASSES) {
        expect([...password].some((c) => PASSWORD_CHARACTER_SETS[cls].includes(c))).toBe(DEFAULT_PASSWORD_POLICY[cls]);
      }
    }
  });

  it('the shortest password with four classes still has all four', () => {
    for (let i = 0; i < 500; i++) {
      const { password } = generatePassword({ length: 8, ...ALL_CLASSES });
      expect(new Set([...password].map(classOf)).size).toBe(4);
    }
  });

  it('honours the enabled classes', () => {
    const { password } = generatePassword({ length: 40, upper: false, symbols: false });
    expect(password).toMatch(/^[a-z3-9]{40}$/);
    expect(password).toMatch(/[a-z]/);
    expect(password).toMatch(/[0-9]/);
    expect(generatePassword({ lower: false, upper: false, symbols: false }).password).toMatch(/^[346789]{16}$/);
  });

  it('raises a length below the admin minimum to 8, and says so', () => {
    const result = generatePassword({ length: 4 });
    expect(result.password).toHaveLength(ADMIN_MIN_PASSWORD_LENGTH);
    expect(result.policy.length).toBe(8);
    expect(result.adjustments).toEqual([
      'Length raised from 4 to 8: the admin requires at least 8 characters.',
    ]);
  });

  it('lowers a length above 128 to 128, and says so', () => {
    const result = generatePassword({ length: 1000 });
    expect(result.password).toHaveLength(MAX_PASSWORD_LENGTH);
    expect(result.adjustments[0]).toMatch(/lowered from 1000 to the maximum of 128/);
    expect(generatePassword({ length: 128 }).adjustments).toEqual([]);
    expect(generatePassword({ length: 8 }).adjustments).toEqual([]);
  });

  it('rejects a policy without classes, with a clear error', () => {
    const none = { lower: false, upper: false, digits: false, symbols: false };
    expect(() => generatePassword(none)).toThrow(PasswordPolicyError);
    expect(() => generatePassword(none)).toThrow(/no character class is enabled/);
  });

  it('rejects lengths that are not whole numbers and class flags that are not booleans', () => {
    expect(() => resolvePasswordPolicy({ length: 12.5 })).toThrow(/whole number/);
    expect(() => resolvePasswordPolicy({ length: Number.NaN })).toThrow(PasswordPolicyError);
    expect(() => resolvePasswordPolicy({ length: '16' as unknown as number })).toThrow(/whole number/);
    expect(() => resolvePasswordPolicy({ digits: 'false' as unknown as boolean })).toThrow(/true or false/);
  });

  it('uses only the injected random source', () => {
    const source = scriptedSource([]);
    const { password } = generatePassword({}, source);
    // All zeros: the first character of each set, then the pool's first ('a'); the shuffle with
    // index 0 everywhere is a fixed permutation.
    expect(password).toHaveLength(16);
    expect(source.used()).toBeGreaterThan(0);
    expect(generatePassword({}, scriptedSource([])).password).toBe(password);
  });
});

describe('uniform picking (rejection sampling)', () => {
  it('discards values in the biased zone at the top of the 32-bit range', () => {
    const bound = ALPHABET.length; // 61
    const limit = TWO_POW_32 - (TWO_POW_32 % bound); // first value that would favour small results
    expect(TWO_POW_32 % bound).not.toBe(0);
    // Without rejection, 2^32 - 1 would map to (2^32 - 1) % 61.
    const source = scriptedSource([TWO_POW_32 - 1, limit, limit - 1, 7]);
    const picker = createUniformPicker(source);
    expect(picker.index(bound)).toBe((limit - 1) % bound);
    expect(picker.index(bound)).toBe(7);
  });

  it('accepts every value for a bound that divides 2^32', () => {
    const picker = createUniformPicker(scriptedSource([TWO_POW_32 - 1]));
    expect(picker.index(64)).toBe(63);
  });

  it('gives up on a source that only returns values in the biased zone', () => {
    const picker = createUniformPicker(scriptedSource([], TWO_POW_32 - 1));
    expect(() => picker.index(61)).toThrow(/not random/);
    expect(MAX_CONSECUTIVE_REJECTIONS).toBeGreaterThan(10);
  });

  it('rejects a broken random source and bad bounds', () => {
    expect(() => createUniformPicker(() => [-1]).index(10)).toThrow(/unsigned 32-bit/);
    expect(() => createUniformPicker(() => [TWO_POW_32]).index(10)).toThrow(/unsigned 32-bit/);
    expect(() => createUniformPicker(() => [0.5]).index(10)).toThrow(/unsigned 32-bit/);
    expect(() => createUniformPicker(() => []).index(10)).toThrow(/no values/);
    expect(() => createUniformPicker().index(0)).toThrow(RangeError);
    expect(() => createUniformPicker().index(2.5)).toThrow(RangeError);
  });

  it('100 000 draws over the 61-character alphabet: every character near the uniform count', () => {
    const picker = createUniformPicker();
    const counts = new Map<string, number>();
    const N = 100_000;
    for (let i = 0; i < N; i++) {
      const c = ALPHABET.charAt(picker.index(ALPHABET.length));
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(ALPHABET.length);
    expectNearUniform(counts, ALPHABET, N);
  });
});

describe('generated passwords: distribution', () => {
  it('100 000 characters (6250 passwords): uniform within each class', () => {
    const perClass = new Map(CHAR_CLASSES.map((cls) => [cls, new Map<string, number>()]));
    for (let i = 0; i < 6250; i++) {
      for (const c of generatePassword(ALL_CLASSES).password) {
        const counts = perClass.get(classOf(c)!)!;
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    for (const cls of CHAR_CLASSES) {
      const counts = perClass.get(cls)!;
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      expectNearUniform(counts, PASSWORD_CHARACTER_SETS[cls], total);
    }
  });

  it('the required characters land at random positions (no position favours a class)', () => {
    const N = 10_000;
    const digitsAt = new Array<number>(8).fill(0);
    for (let i = 0; i < N; i++) {
      const { password } = generatePassword({ length: 8 });
      [...password].forEach((c, pos) => {
        if (classOf(c) === 'digits') digitsAt[pos]!++;
      });
    }
    const total = digitsAt.reduce((a, b) => a + b, 0);
    const expected = total / 8;
    for (const n of digitsAt) expect(Math.abs(n - expected)).toBeLessThan(5 * Math.sqrt(expected));
  });
});
