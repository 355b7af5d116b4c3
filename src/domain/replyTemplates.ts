/**
 * Reply texts an agent copies to the clipboard (plain text), one set per customer language
 * (REPLY_LANGS: English and German); the options page lets agents edit them, validated by
 * validateTemplate. Which language a reply is in follows the customer (replyLanguage), not the
 * agent's browser.
 *
 * Placeholders: `{email}`, `{shop}`, `{password}`, `{validUntil}`, `{name}` (spaces inside the
 * braces are tolerated: `{ email }`). Names are case-sensitive.
 *
 * renderTemplate is single-pass: values are inserted as plain text and never scanned again, so a
 * value containing `{password}` stays literally `{password}` (no template injection). Values are
 * made single-line and stripped of control and bidirectional-override characters, so a value
 * cannot add lines to the message or visually reorder it.
 * Placeholders it cannot fill are NOT silently kept or dropped: they stay in the text, visibly, and
 * are listed in `unknown` (not a placeholder name) or `missing` (no value given); `ok` is false then.
 */
import type { Decision } from './decideAction';

export const TEMPLATE_IDS = [
  'try-again',
  'request-again',
  'new-password',
  'forward-copy',
  'resend-done',
  'already-changed',
  'which-address',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** The languages replies exist in. */
export const REPLY_LANGS = ['en', 'de'] as const;
export type ReplyLang = (typeof REPLY_LANGS)[number];

export const isReplyLang = (value: unknown): value is ReplyLang => (REPLY_LANGS as readonly unknown[]).includes(value);

/**
 * The language to answer in: the customer's own (as the admin shows it), else the shop's, else the
 * agent's setting. `from` says which one decided, so the UI can say so.
 */
export function replyLanguage(customer: ReplyLang | undefined, shop: ReplyLang | undefined, setting: ReplyLang): { lang: ReplyLang; from: 'customer' | 'shop' | 'setting' } {
  if (customer) return { lang: customer, from: 'customer' };
  if (shop) return { lang: shop, from: 'shop' };
  return { lang: setting, from: 'setting' };
}

/**
 * How an edited template is stored: English under its id ("try-again", as before there were
 * languages), another language as "<lang>:<id>" ("de:try-again").
 */
export function templateKey(lang: ReplyLang, id: TemplateId): string {
  return lang === 'en' ? id : `${lang}:${id}`;
}

export const PLACEHOLDERS = ['email', 'shop', 'password', 'validUntil', 'name'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];

/** Values as display text; the caller formats `validUntil` in the customer's or agent's zone. */
export type TemplateValues = Partial<Record<PlaceholderName, string>>;
export type Templates = Readonly<Record<TemplateId, string>>;

const SIGN_OFF = '\n\nKind regards,\n{shop} Support';
const SIGN_OFF_DE = '\n\nFreundliche Grüße\n{shop} Support';

/** `{name}` when the admin shows no name, in the reply's language. */
export const NO_NAME: Readonly<Record<ReplyLang, string>> = { en: 'there', de: 'liebe Kundin, lieber Kunde' };

export const DEFAULT_TEMPLATES: Templates = {
  'try-again':
    'Hello {name},\n\n' +
    'thank you for contacting us. Please request the password reset once more in the Flux Player ' +
    'or the Web Player, using the e-mail address {email}. The e-mail usually arrives within a few ' +
    'seconds. If you cannot find it, please check your junk or spam folder.\n\n' +
    'If it still does not arrive, just reply to this message and we will help you.' +
    SIGN_OFF,
  'request-again':
    'Hello {name},\n\n' +
    'the password reset link you requested has expired: reset links are valid for 24 hours. ' +
    'Please request a new password reset in the Flux Player or the Web Player, using the e-mail ' +
    'address {email}. The new e-mail usually arrives within a few seconds; please also check your ' +
    'junk or spam folder.' +
    SIGN_OFF,
  'new-password':
    'Hello {name},\n\n' +
    'as requested, we have set a new password for your account {email}:\n\n' +
    '{password}\n\n' +
    'Please copy it exactly as shown, log in, and then change it to a password of your own.' +
    SIGN_OFF,
  'forward-copy':
    'Hello {name},\n\n' +
    'if you have received the password reset e-mail but cannot use it, please forward us a copy ' +
    'of it (it may be in your junk or spam folder), so we can check it for you.' +
    SIGN_OFF,
  'resend-done':
    'Hello {name},\n\n' +
    'we have sent the password reset e-mail to {email} again. The link in it is valid until ' +
    '{validUntil}. If you cannot find the e-mail, please check your junk or spam folder.' +
    SIGN_OFF,
  'already-changed':
    'Hello {name},\n\n' +
    'our records show that the password for your account {email} was changed after your last ' +
    'reset request, so the reset worked. Please log in with your new password. If you cannot log ' +
    'in, just reply to this message and we will set a new password for you.' +
    SIGN_OFF,
  'which-address':
    'Hello {name},\n\n' +
    'thank you for contacting us. We could not find an account with the e-mail address {email}. ' +
    'Which e-mail address did you use when you registered? Please reply with it (it may differ ' +
    'from the one you are writing from), and we will look at the password reset for that account.' +
    SIGN_OFF,
};

export const DEFAULT_TEMPLATES_DE: Templates = {
  'try-again':
    'Hallo {name},\n\n' +
    'vielen Dank für Ihre Nachricht. Bitte fordern Sie im Flux Player oder im Web Player noch einmal ' +
    'eine Reset-E-Mail an, mit der E-Mail-Adresse {email}. Sie kommt meist innerhalb weniger ' +
    'Sekunden. Falls Sie sie nicht finden, sehen Sie bitte auch in Ihrem Spam-Ordner nach.\n\n' +
    'Kommt sie trotzdem nicht an, antworten Sie einfach auf diese Nachricht; wir helfen Ihnen gern.' +
    SIGN_OFF_DE,
  'request-again':
    'Hallo {name},\n\n' +
    'der Link zum Zurücksetzen Ihres Passworts ist abgelaufen: Er gilt 24 Stunden. Bitte fordern Sie ' +
    'im Flux Player oder im Web Player eine neue Reset-E-Mail an, mit der E-Mail-Adresse {email}. ' +
    'Die neue E-Mail kommt meist innerhalb weniger Sekunden; sehen Sie bitte auch in Ihrem ' +
    'Spam-Ordner nach.' +
    SIGN_OFF_DE,
  'new-password':
    'Hallo {name},\n\n' +
    'wie gewünscht haben wir das Passwort Ihres Kontos {email} neu gesetzt:\n\n' +
    '{password}\n\n' +
    'Bitte übernehmen Sie es genau so, melden Sie sich an und ändern Sie es danach in ein eigenes Passwort.' +
    SIGN_OFF_DE,
  'forward-copy':
    'Hallo {name},\n\n' +
    'wenn Sie die E-Mail zum Zurücksetzen Ihres Passworts erhalten haben, sie aber nicht nutzen können, ' +
    'leiten Sie uns bitte eine Kopie davon weiter (sie kann auch im Spam-Ordner liegen), damit wir ' +
    'sie für Sie prüfen können.' +
    SIGN_OFF_DE,
  'resend-done':
    'Hallo {name},\n\n' +
    'wir haben Ihnen die E-Mail zum Zurücksetzen Ihres Passworts noch einmal an {email} gesendet. ' +
    'Der Link darin gilt bis {validUntil}. Falls Sie die E-Mail nicht finden, sehen Sie bitte auch in ' +
    'Ihrem Spam-Ordner nach.' +
    SIGN_OFF_DE,
  'already-changed':
    'Hallo {name},\n\n' +
    'laut unseren Daten wurde das Passwort Ihres Kontos {email} nach Ihrer letzten Anfrage geändert; ' +
    'das Zurücksetzen hat also geklappt. Bitte melden Sie sich mit Ihrem neuen Passwort an. Klappt ' +
    'das nicht, antworten Sie einfach auf diese Nachricht, dann setzen wir Ihr Passwort für Sie neu.' +
    SIGN_OFF_DE,
  'which-address':
    'Hallo {name},\n\n' +
    'vielen Dank für Ihre Nachricht. Zur E-Mail-Adresse {email} haben wir kein Konto gefunden. ' +
    'Mit welcher E-Mail-Adresse haben Sie sich registriert? Bitte nennen Sie sie uns in Ihrer Antwort ' +
    '(sie kann eine andere sein als die, von der Sie schreiben); dann prüfen wir die Reset-E-Mail für dieses Konto.' +
    SIGN_OFF_DE,
};

export const DEFAULT_TEMPLATES_BY_LANG: Readonly<Record<ReplyLang, Templates>> = { en: DEFAULT_TEMPLATES, de: DEFAULT_TEMPLATES_DE };

/** `{name}` with optional spaces inside the braces; a name starts with a letter or underscore. */
const PLACEHOLDER = /\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g;

function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** The placeholder names a template uses, in order of first appearance, without duplicates. */
export function placeholdersIn(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Makes a value safe plain text on one line: line breaks, tabs and other control characters become
 * a space; bidirectional controls (which can make text display in a different order than it is)
 * and zero-width characters are removed.
 */
export function sanitizeValue(value: string): string {
  return value
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '')
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
}

export interface RenderResult {
  text: string;
  /** Names in braces that are not placeholders (left in the text as written). */
  unknown: string[];
  /** Placeholders with no (or an empty) value (left in the text as written). */
  missing: PlaceholderName[];
  /** True when every placeholder was filled. */
  ok: boolean;
}

export function renderTemplate(template: string, values: TemplateValues): RenderResult {
  const unknown: string[] = [];
  const missing: PlaceholderName[] = [];
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isPlaceholderName(name)) {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    const value = values[name];
    const safe = value === undefined ? '' : sanitizeValue(value);
    if (safe.trim() === '') {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return safe; // a function replacer: `$&` etc. in values are not special either
  });
  return { text, unknown, missing, ok: unknown.length === 0 && missing.length === 0 };
}

const TEMPLATE_FOR_DECISION: Readonly<Record<Decision['kind'], TemplateId>> = {
  resend: 'resend-done',
  'manual-reset': 'new-password',
  'request-again': 'request-again',
  'nothing-to-do': 'already-changed',
  'no-request': 'try-again',
};

/** The reply for a decision: its id and text (from `templates`, default DEFAULT_TEMPLATES). */
export function templateForDecision(
  decision: Pick<Decision, 'kind'>,
  templates: Templates = DEFAULT_TEMPLATES,
): { id: TemplateId; template: string } {
  const id = TEMPLATE_FOR_DECISION[decision.kind];
  return { id, template: templates[id] };
}

/** A problem with an edited template, as a code with its facts (the options page words it). */
export type TemplateProblem =
  | { code: 'empty' }
  | { code: 'unknown-placeholders'; names: { name: string; suggestion?: PlaceholderName }[] }
  | { code: 'password-missing' }
  | { code: 'password-unused' }
  | { code: 'stray-brace' };

export interface TemplateValidation {
  ok: boolean;
  /** Problems that must be fixed before saving. */
  errors: TemplateProblem[];
  /** Things worth a second look. */
  warnings: TemplateProblem[];
}

/** Checks a user-edited template (options page). */
export function validateTemplate(id: TemplateId, template: string): TemplateValidation {
  const errors: TemplateProblem[] = [];
  const warnings: TemplateProblem[] = [];
  if (template.trim() === '') errors.push({ code: 'empty' });

  const used = placeholdersIn(template);
  const unknown = used.filter((name) => !isPlaceholderName(name));
  if (unknown.length > 0) {
    errors.push({
      code: 'unknown-placeholders',
      names: unknown.map((name) => {
        const suggestion = PLACEHOLDERS.find((p) => p.toLowerCase() === name.toLowerCase());
        return suggestion ? { name, suggestion } : { name };
      }),
    });
  }
  if (id === 'new-password' && !used.includes('password')) errors.push({ code: 'password-missing' });
  if (id !== 'new-password' && used.includes('password')) warnings.push({ code: 'password-unused' });
  if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) warnings.push({ code: 'stray-brace' });
  return { ok: errors.length === 0, errors, warnings };
}
