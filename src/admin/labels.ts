/**
 * Every visible admin label Reset Desk relies on, in English and German — the ONLY place in the
 * repo that knows them (a unit test enforces this). German texts are best guesses (see
 * /work/shared/admin-model.md) and can be corrected by the agent through overrides on the options
 * page, so a renamed label never needs a new build.
 *
 * Matching is by normalised visible text (trim, collapse whitespace, case-insensitive) and EXACT per
 * label: "Customer" never matches "Customers". A label may list accepted alternatives; the first is
 * the one shown in messages.
 */

export type AdminLang = 'en' | 'de';
export type AdminLangSetting = 'auto' | AdminLang;

/** The labels, keyed; the value is [display text, ...accepted alternatives]. */
const EN = {
  // Menu (top items and their sub-item links)
  menuSupport: ['Support'],
  menuIncomingRequests: ['Incoming requests'],
  menuSales: ['Sales'],
  menuCustomers: ['Customers'],
  // List pages (Incoming requests, Customers)
  searchIcon: ['Search'],
  show: ['Show'],
  next: ['Next'],
  noRecords: ['No records found'],
  colEmail: ['E-mail', 'Email'],
  colName: ['Name'],
  colShop: ['Shop'],
  colRegistered: ['Registered'],
  // The customer's language (user page's User section, customer page's form) and its values
  language: ['Language'],
  langEnglish: ['English'],
  langGerman: ['German'],
  // User page (from Incoming requests)
  userSection: ['User'],
  passwordHistory: ['Password History'],
  emailHistory: ['E-mail History', 'Email History'],
  clickToLoad: ['Click to load data'],
  noData: ['No data'],
  errorLoading: ['Error loading data'],
  colDate: ['Date'],
  colOrigin: ['Origin'],
  colPasswordChanged: ['Password changed'],
  yes: ['Yes'],
  no: ['No'],
  originFlux: ['Flux Player'],
  originWeb: ['Web Player'],
  originAdmin: ['Admin'],
  colEmailType: ['E-mail Type', 'Email Type'],
  colSubject: ['Subject'],
  colRecipient: ['Recipient'],
  typeNewPassword: ['New Password'],
  // The e-mail dialog and its compose form
  reply: ['Reply'],
  composeTo: ['To'],
  send: ['Send'],
  emailSent: ['E-mail has been sent', 'Email has been sent'],
  sendFailed: ['The e-mail could not be sent.', 'E-mail could not be sent', 'Error sending e-mail'],
  sessionExpired: ['Your session has expired. Please log in again.'],
  // Customer page (from Customers)
  customerSection: ['Customer'],
  passwordField: ['Password'],
  save: ['Save'],
  changesSaved: ['Changes saved'],
  // Login page
  loginEmail: ['E-mail', 'Email'],
  loginPassword: ['Password'],
  loginButton: ['Login', 'Log in'],
} as const satisfies Record<string, readonly string[]>;

export type LabelKey = keyof typeof EN;

const DE: Record<LabelKey, readonly string[]> = {
  menuSupport: ['Support'],
  menuIncomingRequests: ['Eingehende Anfragen'],
  menuSales: ['Verkauf'],
  menuCustomers: ['Kunden'],
  searchIcon: ['Suchen', 'Suche'],
  show: ['Anzeigen'],
  next: ['Weiter'],
  noRecords: ['Keine Einträge gefunden'],
  colEmail: ['E-Mail'],
  colName: ['Name'],
  colShop: ['Shop'],
  colRegistered: ['Registriert'],
  language: ['Sprache'],
  langEnglish: ['Englisch'],
  langGerman: ['Deutsch'],
  userSection: ['Benutzer'],
  passwordHistory: ['Passwort-Historie'],
  emailHistory: ['E-Mail-Historie'],
  clickToLoad: ['Klicken, um Daten zu laden'],
  noData: ['Keine Daten'],
  errorLoading: ['Fehler beim Laden der Daten'],
  colDate: ['Datum'],
  colOrigin: ['Herkunft'],
  colPasswordChanged: ['Passwort geändert'],
  yes: ['Ja'],
  no: ['Nein'],
  originFlux: ['Flux Player'],
  originWeb: ['Web Player'],
  originAdmin: ['Admin'],
  colEmailType: ['E-Mail-Typ'],
  colSubject: ['Betreff'],
  colRecipient: ['Empfänger'],
  typeNewPassword: ['Neues Passwort'],
  reply: ['Antworten'],
  composeTo: ['An'],
  send: ['Senden'],
  emailSent: ['E-Mail wurde gesendet'],
  sendFailed: ['Die E-Mail konnte nicht gesendet werden.', 'E-Mail konnte nicht gesendet werden', 'Fehler beim Senden der E-Mail'],
  sessionExpired: ['Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.'],
  customerSection: ['Kunde'],
  passwordField: ['Passwort'],
  save: ['Speichern'],
  changesSaved: ['Änderungen gespeichert'],
  loginEmail: ['E-Mail'],
  loginPassword: ['Passwort'],
  loginButton: ['Anmelden', 'Login'],
};

const DEFAULTS: Record<AdminLang, Record<LabelKey, readonly string[]>> = { en: EN, de: DE };

export const LABEL_KEYS = Object.keys(EN) as LabelKey[];

/** The labels of one admin language, after overrides. Texts are as the admin prints them. */
export interface AdminLabels {
  readonly lang: AdminLang;
  readonly texts: Readonly<Record<LabelKey, readonly string[]>>;
}

/** An agent's correction of a label: one text, or several accepted texts. */
export type LabelOverrides = Partial<Record<LabelKey, string | readonly string[]>>;

/** trim, collapse all whitespace (incl. no-break spaces), case-fold. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * The labels for `lang`. An override REPLACES the default texts of that key (a renamed label): we
 * never keep accepting an old text the agent said is wrong.
 */
export function labelsFor(lang: AdminLang, overrides?: LabelOverrides): AdminLabels {
  const texts: Record<string, readonly string[]> = { ...DEFAULTS[lang] };
  if (overrides) {
    for (const key of LABEL_KEYS) {
      const o = overrides[key];
      if (o === undefined) continue;
      const list = (typeof o === 'string' ? [o] : [...o]).map((t) => t.trim()).filter((t) => t !== '');
      if (list.length > 0) texts[key] = list;
    }
  }
  return { lang, texts: texts as Record<LabelKey, readonly string[]> };
}

/** "English" / "Deutsch" / …, as the admin prints a language, to our code; undefined for any other. */
export function languageFromText(text: string, labels: AdminLabels): 'en' | 'de' | undefined {
  const value = normalizeText(text);
  if (!value) return undefined;
  // A partly translated admin may print the value in the other language than its labels.
  const both = [labels, labelsFor(labels.lang === 'en' ? 'de' : 'en')];
  if (both.some((l) => l.texts.langEnglish.some((t) => normalizeText(t) === value))) return 'en';
  if (both.some((l) => l.texts.langGerman.some((t) => normalizeText(t) === value))) return 'de';
  return undefined;
}

/** The text to show in messages for a label (the first accepted text). */
export function labelText(labels: AdminLabels, key: LabelKey): string {
  return labels.texts[key][0] ?? key;
}

/** `{key, text}` for AdminError.label. */
export function labelRef(labels: AdminLabels, key: LabelKey): { key: LabelKey; text: string } {
  return { key, text: labelText(labels, key) };
}

/** Exact, normalised comparison of a visible text with a label's accepted texts. */
export function matchesLabel(labels: AdminLabels, key: LabelKey, text: string | null | undefined): boolean {
  if (text == null) return false;
  const n = normalizeText(text);
  if (n === '') return false;
  return labels.texts[key].some((t) => normalizeText(t) === n);
}

/** All default label texts of both languages (for the "no admin knowledge outside src/admin" test). */
export function allDefaultLabelTexts(): { lang: AdminLang; key: LabelKey; text: string }[] {
  const out: { lang: AdminLang; key: LabelKey; text: string }[] = [];
  for (const lang of ['en', 'de'] as const) {
    for (const key of LABEL_KEYS) for (const text of DEFAULTS[lang][key]) out.push({ lang, key, text });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Override validation (used by the options page)

export type OverrideValidation =
  | { ok: true; overrides: LabelOverrides }
  | { ok: false; errors: string[] };

/**
 * Checks a label-override map as stored by the options page (unknown input). Errors are sentences
 * that name the key, e.g. `Unknown label "emailHistroy".`.
 */
export function validateLabelOverrides(input: unknown): OverrideValidation {
  if (input === undefined || input === null) return { ok: true, overrides: {} };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: ['Label overrides must be a map of label name to text.'] };
  }
  const errors: string[] = [];
  const overrides: Record<string, string | string[]> = {};
  const known = new Set<string>(LABEL_KEYS);
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (!known.has(key)) {
      errors.push(`Unknown label "${key}". Known labels: ${LABEL_KEYS.join(', ')}.`);
      continue;
    }
    const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
    if (list === null || list.some((v) => typeof v !== 'string')) {
      errors.push(`Label "${key}" must be a text (or a list of texts).`);
      continue;
    }
    const texts = (list as string[]).map((t) => t.replace(/\s+/gu, ' ').trim());
    if (texts.length === 0 || texts.some((t) => t === '')) {
      errors.push(`Label "${key}" is empty; remove the override to use the default text.`);
      continue;
    }
    if (texts.some((t) => t.length > 200)) {
      errors.push(`Label "${key}" is longer than 200 characters; is it really a label?`);
      continue;
    }
    overrides[key] = texts.length === 1 ? (texts[0] as string) : texts;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, overrides: overrides as LabelOverrides };
}

// ---------------------------------------------------------------------------------------------
// Language detection

/** Keys whose texts differ between the languages: only these can tell the languages apart. */
const DISTINGUISHING_KEYS: LabelKey[] = [
  'menuIncomingRequests',
  'menuSales',
  'menuCustomers',
  'show',
  'passwordHistory',
  'emailHistory',
  'clickToLoad',
  'customerSection',
  'passwordField',
  'save',
  'loginButton',
  'noRecords',
  'colDate',
];

/** Texts of the elements that carry labels: links, buttons, headings, table headers, form labels. */
function labelBearingTexts(doc: Document): Set<string> {
  const out = new Set<string>();
  const els = doc.querySelectorAll(
    'a, button, h1, h2, h3, h4, h5, h6, legend, th, td, dt, label, input[type=submit], input[type=button]',
  );
  for (const el of Array.from(els)) {
    const t = el.tagName.toLowerCase() === 'input' ? (el as HTMLInputElement).value : el.textContent;
    if (t) {
      const n = normalizeText(t);
      if (n.length > 0 && n.length <= 60) out.add(n);
    }
  }
  return out;
}

/**
 * Which language the admin page is in, from which language's labels are present (menu, headings,
 * buttons). With an explicit setting, that setting wins. Returns null when the page gives no clue
 * (e.g. a page that is not an admin page); callers should then not act.
 */
export function detectAdminLanguage(
  doc: Document,
  setting: AdminLangSetting = 'auto',
  overrides?: LabelOverrides,
): AdminLang | null {
  if (setting !== 'auto') return setting;
  const texts = labelBearingTexts(doc);
  const score = (lang: AdminLang): number => {
    const labels = labelsFor(lang, overrides);
    const other = labelsFor(lang === 'en' ? 'de' : 'en', overrides);
    let n = 0;
    for (const key of DISTINGUISHING_KEYS) {
      const mine = labels.texts[key].map(normalizeText);
      const theirs = new Set(other.texts[key].map(normalizeText));
      if (mine.some((t) => !theirs.has(t) && texts.has(t))) n++;
    }
    return n;
  };
  const en = score('en');
  const de = score('de');
  if (en === de) return null;
  return en > de ? 'en' : 'de';
}
