/**
 * E-mail address helpers.
 *
 * The admin's search is a case-insensitive SUBSTRING match: searching `anna@example.com` also finds
 * `johanna@example.com`. sameEmail tells the exact match from such look-alikes.
 */

/** Whitespace and invisible characters that pasted addresses often carry at either end. */
const EDGE_JUNK = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/**
 * Trim (including zero-width characters at the ends) and case-fold.
 * Local parts are case-sensitive in theory; in practice (and in the admin's search) they are not.
 */
export function normalizeEmail(email: string): string {
  return email.replace(EDGE_JUNK, '').toLowerCase();
}

export const MAX_EMAIL_LENGTH = 254;

/**
 * A practical plausibility check, not RFC 5322. After normalizeEmail:
 * - at most 254 characters;
 * - exactly one `@`, with a non-empty part before it;
 * - no whitespace, no control or invisible characters anywhere;
 * - a domain with at least one dot, no empty labels (no leading, trailing or double dots).
 */
export function isPlausibleEmail(email: string): boolean {
  const e = normalizeEmail(email);
  if (e.length === 0 || e.length > MAX_EMAIL_LENGTH) return false;
  if (/[\s\p{Cc}\p{Cf}]/u.test(e)) return false;
  const parts = e.split('@');
  if (parts.length !== 2) return false;
  const [local, domain] = parts as [string, string];
  if (local.length === 0) return false;
  if (!domain.includes('.')) return false;
  return domain.split('.').every((label) => label.length > 0);
}

/** The same address after trim + case fold. Empty addresses are never the same as anything. */
export function sameEmail(a: string, b: string): boolean {
  const na = normalizeEmail(a);
  return na.length > 0 && na === normalizeEmail(b);
}

/**
 * The addresses in a recipient line as mail forms show it: "anna@example.com",
 * "Anna Berg <anna@example.com>", several separated by commas or semicolons.
 */
export function addressesIn(line: string): string[] {
  return Array.from(line.matchAll(/[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+/g), (m) => normalizeEmail(m[0]));
}
