/**
 * Password generator for manual resets: passwords an agent sends to a customer who types or pastes
 * them.
 *
 * Randomness: crypto.getRandomValues (or an injected source of uint32 values). Every index is drawn
 * by REJECTION SAMPLING: a 32-bit value v is only used if v < 2^32 - (2^32 mod n), so `v % n` is
 * exactly uniform over 0..n-1 (no modulo bias). A random source that keeps returning values in the
 * rejected range is not random: after MAX_CONSECUTIVE_REJECTIONS draws the generator throws.
 *
 * Character sets: look-alikes are left out entirely, both sides of each pair, because the reader
 * does not know which side the generator avoided: 0 O o, 1 l I, 5 S, 2 Z.
 * Symbols come from a small set that survives e-mail, chat and copy/paste (no quotes, backslash,
 * angle brackets, ampersand, spaces, or characters that keyboards place differently such as @ or ~).
 * Note: most symbols end a "word" for double-click selection; templates should put the password on
 * a line of its own, and symbols can be switched off.
 *
 * Policy: each enabled class is REQUIRED: the password contains at least one character of each
 * (one is drawn from each enabled class, the rest from the union of enabled classes, then the whole
 * is shuffled with an unbiased Fisher-Yates shuffle, so the required characters land at random
 * positions). The length is clamped into [8, 128]: 8 is the admin's minimum (a shorter password
 * would be rejected on Save), so a shorter requested length is raised to 8, and the adjustment is
 * reported in `adjustments`; above 128 it is lowered to 128. A policy with no class, or with a
 * length that is not a whole number, is an error (PasswordPolicyError).
 */

export type CharClass = 'lower' | 'upper' | 'digits' | 'symbols';

export const CHAR_CLASSES: readonly CharClass[] = ['lower', 'upper', 'digits', 'symbols'];

/** The characters never used, because they are easily mistaken for one another. */
export const EXCLUDED_LOOKALIKES = '0Oo1lI5S2Z';

export const PASSWORD_CHARACTER_SETS: Readonly<Record<CharClass, string>> = {
  lower: 'abcdefghijkmnpqrstuvwxyz', // no l, o
  upper: 'ABCDEFGHJKLMNPQRTUVWXY', // no I, O, S, Z
  digits: '346789', // no 0, 1, 2, 5
  symbols: '-_.!?#%+=',
};

/** The admin rejects shorter passwords ("at least 8 characters"). */
export const ADMIN_MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export interface PasswordPolicy {
  length: number;
  lower: boolean;
  upper: boolean;
  digits: boolean;
  symbols: boolean;
}

/**
 * The one default policy (the settings' default is this object). No symbols: the agent reads or
 * pastes the password to a customer who types it, often on a phone, where symbols sit on another
 * keyboard layer and most of them end a "word" for double-click selection; 16 characters from the
 * 52 letters and digits give about 91 bits, so leaving symbols out costs nothing that matters.
 * A team that wants them switches them on in the options.
 */
export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = {
  length: 16,
  lower: true,
  upper: true,
  digits: true,
  symbols: false,
};

/** Returns `count` uniformly random unsigned 32-bit integers. */
export type RandomSource = (count: number) => ArrayLike<number>;

export const cryptoRandomSource: RandomSource = (count) =>
  globalThis.crypto.getRandomValues(new Uint32Array(count));

export class PasswordPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PasswordPolicyError';
  }
}

export interface ResolvedPasswordPolicy {
  policy: PasswordPolicy;
  /** Plain-words notes on what was changed from the request, e.g. a length raised to 8. */
  adjustments: string[];
}

/** Fills in defaults, validates, and clamps the length into [8, 128]. */
export function resolvePasswordPolicy(requested: Partial<PasswordPolicy> = {}): ResolvedPasswordPolicy {
  const policy: PasswordPolicy = { ...DEFAULT_PASSWORD_POLICY };
  for (const cls of CHAR_CLASSES) {
    const value = requested[cls];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') {
      throw new PasswordPolicyError(`Password policy: "${cls}" must be true or false, got ${String(value)}.`);
    }
    policy[cls] = value;
  }
  if (!CHAR_CLASSES.some((cls) => policy[cls])) {
    throw new PasswordPolicyError(
      'Password policy: no character class is enabled; enable at least one of lower-case letters, ' +
        'upper-case letters, digits or symbols.',
    );
  }

  const adjustments: string[] = [];
  const length = requested.length ?? DEFAULT_PASSWORD_POLICY.length;
  if (typeof length !== 'number' || !Number.isInteger(length)) {
    throw new PasswordPolicyError(`Password policy: length must be a whole number, got ${String(length)}.`);
  }
  if (length < ADMIN_MIN_PASSWORD_LENGTH) {
    policy.length = ADMIN_MIN_PASSWORD_LENGTH;
    adjustments.push(
      `Length raised from ${length} to ${ADMIN_MIN_PASSWORD_LENGTH}: the admin requires at least ` +
        `${ADMIN_MIN_PASSWORD_LENGTH} characters.`,
    );
  } else if (length > MAX_PASSWORD_LENGTH) {
    policy.length = MAX_PASSWORD_LENGTH;
    adjustments.push(`Length lowered from ${length} to the maximum of ${MAX_PASSWORD_LENGTH}.`);
  } else {
    policy.length = length;
  }
  return { policy, adjustments };
}

/** How many consecutive rejected draws make the generator give up on a random source. */
export const MAX_CONSECUTIVE_REJECTIONS = 1000;
const TWO_POW_32 = 2 ** 32;
const BATCH = 64;

/** Draws unbiased indices from a source of uint32 values (buffered). */
export interface UniformPicker {
  /** A uniformly random integer in [0, bound), 1 <= bound <= 2^32. */
  index(bound: number): number;
}

export function createUniformPicker(random: RandomSource = cryptoRandomSource): UniformPicker {
  let buffer: ArrayLike<number> = [];
  let next = 0;
  const draw = (): number => {
    if (next >= buffer.length) {
      buffer = random(BATCH);
      next = 0;
      if (buffer.length === 0) throw new Error('Random source returned no values.');
    }
    const value = buffer[next++];
    if (value === undefined || !Number.isInteger(value) || value < 0 || value >= TWO_POW_32) {
      throw new Error(`Random source returned ${String(value)}, not an unsigned 32-bit integer.`);
    }
    return value;
  };
  return {
    index(bound: number): number {
      if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) {
        throw new RangeError(`UniformPicker.index: bound must be an integer in [1, 2^32], got ${bound}`);
      }
      // Largest multiple of `bound` not above 2^32: values at or above it would favour small results.
      const limit = TWO_POW_32 - (TWO_POW_32 % bound);
      for (let attempt = 0; attempt < MAX_CONSECUTIVE_REJECTIONS; attempt++) {
        const value = draw();
        if (value < limit) return value % bound;
      }
      throw new Error(
        `Random source returned ${MAX_CONSECUTIVE_REJECTIONS} values in a row in the rejected range; ` +
          'it is not random.',
      );
    },
  };
}

export interface GeneratedPassword {
  password: string;
  /** The policy actually used (after defaults and clamping). */
  policy: PasswordPolicy;
  /** Plain-words notes on adjustments to the requested policy (empty if none). */
  adjustments: string[];
}

export function generatePassword(
  requested: Partial<PasswordPolicy> = {},
  random: RandomSource = cryptoRandomSource,
): GeneratedPassword {
  const { policy, adjustments } = resolvePasswordPolicy(requested);
  const picker = createUniformPicker(random);
  const pickFrom = (set: string): string => set.charAt(picker.index(set.length));

  const sets = CHAR_CLASSES.filter((cls) => policy[cls]).map((cls) => PASSWORD_CHARACTER_SETS[cls]);
  const pool = sets.join('');
  const chars = sets.map(pickFrom); // one of each required class
  while (chars.length < policy.length) chars.push(pickFrom(pool));
  shuffleInPlace(chars, picker);
  return { password: chars.join(''), policy, adjustments };
}

/** Fisher-Yates with unbiased indices: every permutation equally likely. */
export function shuffleInPlace<T>(items: T[], picker: UniformPicker): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = picker.index(i + 1);
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}

/** The characters a policy draws from (union of its enabled classes). */
export function passwordAlphabet(policy: PasswordPolicy): string {
  return CHAR_CLASSES.filter((cls) => policy[cls])
    .map((cls) => PASSWORD_CHARACTER_SETS[cls])
    .join('');
}
