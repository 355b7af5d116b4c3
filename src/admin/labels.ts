/**
 * Every visible admin label Reset Desk relies on, in English and German — the ONLY place in the
 * repo that knows them (a unit test enforces this). German texts are best guesses (see
 * docs/admin-model.md) and can be corrected by the agent through overrides on the options page,
 * so a renamed label never needs a new build.
 *
 * Matching is by normalised visible text (trim, collapse whitespace, case-insensitive) and EXACT per
 * label: "Customer" never matches "Customers". A label may list accepted alternatives; the first is
 * the one shown in messages. Admins are often partly translated, so a label matches its texts in
 * EVERY language we know; the detected language only picks the text our messages quote, and decides
 * when a foreign text would be ambiguous on the page (see composeLabels).
 */

import type { PageKind } from './errors';
import { keysOfPage } from './needs';

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
  colFirstName: ['First name'],
  colLastName: ['Last name'],
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
  composeCc: ['Cc', 'CC'],
  composeBcc: ['Bcc', 'BCC'],
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
  colFirstName: ['Vorname'],
  colLastName: ['Nachname'],
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
  composeCc: ['Cc', 'CC', 'Kopie'],
  composeBcc: ['Bcc', 'BCC', 'Blindkopie'],
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
const LANGS: readonly AdminLang[] = ['en', 'de'];

export const LABEL_KEYS = Object.keys(EN) as LabelKey[];

/** The pages a label override can be scoped to ("customers:colName"). */
export const OVERRIDE_PAGES: readonly PageKind[] = ['login', 'incoming-requests', 'customers', 'user', 'customer'];

/**
 * The labels Reset Desk matches on a page. `texts`: the detected language's texts (after
 * overrides), the first of which our messages quote. `accepted`: what a visible text is matched
 * against: the texts of EVERY language we know plus overrides, less a foreign text that another
 * label of the same page claims in the detected language (there the detected language decides).
 */
export interface AdminLabels {
  readonly lang: AdminLang;
  readonly texts: Readonly<Record<LabelKey, readonly string[]>>;
  readonly accepted: Readonly<Record<LabelKey, readonly string[]>>;
  /** The page these labels are scoped to (page-scoped overrides, ambiguity); none = every label counts. */
  readonly page?: PageKind;
  /** The agent's overrides as given (plain and page-scoped), so labels can be scoped to another page. */
  readonly overrides?: LabelOverrides;
}

/** "customers:colName": a label override that holds on one page only. */
export type ScopedLabelKey = `${PageKind}:${LabelKey}`;

/**
 * An agent's correction of a label: one text, or several accepted texts. A plain key holds on every
 * page; a page-scoped key ("customers:colName") holds on that page and wins there over the plain one.
 */
export type LabelOverrides = Partial<Record<LabelKey | ScopedLabelKey, string | readonly string[]>>;

/** trim, collapse all whitespace (incl. no-break spaces), case-fold. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

function overrideList(o: string | readonly string[] | undefined): string[] | null {
  if (o === undefined) return null;
  const list = (typeof o === 'string' ? [o] : [...o]).map((t) => t.trim()).filter((t) => t !== '');
  return list.length > 0 ? list : null;
}

function dedupe(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((t) => {
    const n = normalizeText(t);
    if (seen.has(n)) return false;
    seen.add(n);
    return true;
  });
}

/**
 * Builds labels from label tables (exported for tests of the ambiguity rule; use labelsFor).
 * `keysOnPage`: the labels that can appear on the page (all, when the page is not known).
 */
export function composeLabels(
  tables: Readonly<Record<AdminLang, Readonly<Record<LabelKey, readonly string[]>>>>,
  lang: AdminLang,
  overrides: LabelOverrides | undefined,
  page: PageKind | undefined,
  keysOnPage: ReadonlySet<LabelKey> | null,
): AdminLabels {
  const own: Record<string, readonly string[]> = {};
  const accepted: Record<string, readonly string[]> = {};
  const overridden = new Set<LabelKey>();
  for (const key of LABEL_KEYS) {
    // An override REPLACES the defaults of every language (a renamed label): we never keep
    // accepting an old text the agent said is wrong.
    const o = (page ? overrideList(overrides?.[`${page}:${key}` as ScopedLabelKey]) : null) ?? overrideList(overrides?.[key]);
    if (o) overridden.add(key);
    own[key] = o ?? tables[lang][key];
    accepted[key] = dedupe([...own[key], ...(o ? [] : LANGS.filter((l) => l !== lang).flatMap((l) => tables[l][key]))]);
  }
  // Ambiguity on the page: a text two of its labels accept. A label keeps it only if it is that
  // label's text in the detected language (or the agent's override); two labels that share a text
  // in the same language (E-mail on the login page and in the lists) keep it, as they always did.
  const relevant = LABEL_KEYS.filter((k) => !keysOnPage || keysOnPage.has(k));
  const claimedBy = new Map<string, LabelKey[]>();
  for (const key of relevant) for (const t of accepted[key] ?? []) {
    const n = normalizeText(t);
    claimedBy.set(n, [...(claimedBy.get(n) ?? []), key]);
  }
  for (const [n, keys] of claimedBy) {
    if (keys.length < 2) continue;
    for (const key of keys) {
      if ((own[key] ?? []).some((t) => normalizeText(t) === n)) continue;
      accepted[key] = (accepted[key] ?? []).filter((t) => normalizeText(t) !== n);
    }
  }
  return {
    lang,
    texts: own as Record<LabelKey, readonly string[]>,
    accepted: accepted as Record<LabelKey, readonly string[]>,
    ...(page ? { page } : {}),
    ...(overrides && Object.keys(overrides).length > 0 ? { overrides } : {}),
  };
}

/**
 * The labels for an admin in `lang`, optionally scoped to `page` (its page-scoped overrides win;
 * ambiguity is judged among that page's labels only).
 */
export function labelsFor(lang: AdminLang, overrides?: LabelOverrides, page?: PageKind): AdminLabels {
  return composeLabels(DEFAULTS, lang, overrides, page, page ? keysOfPage(page) : null);
}

const scopedCache = new WeakMap<AdminLabels, Map<PageKind, AdminLabels>>();

/** The same labels scoped to `page` (cached): every adapter function that knows its page calls this. */
export function labelsOn(labels: AdminLabels, page: PageKind): AdminLabels {
  if (labels.page === page) return labels;
  let byPage = scopedCache.get(labels);
  if (!byPage) scopedCache.set(labels, (byPage = new Map()));
  let scoped = byPage.get(page);
  if (!scoped) byPage.set(page, (scoped = labelsFor(labels.lang, labels.overrides, page)));
  return scoped;
}

/** The texts a visible text is matched against for `key`. */
export function acceptedTexts(labels: AdminLabels, key: LabelKey): readonly string[] {
  return labels.accepted[key];
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
  const bare = withoutCount(n);
  return labels.accepted[key].some((t) => {
    const accepted = normalizeText(t);
    return accepted === n || accepted === bare;
  });
}

/**
 * The text without a trailing entry count: admins put one after a section's or tab's name
 * ("E-Mail History (3)"), and it changes with the data, so it is not part of the label.
 */
export function withoutCount(text: string): string {
  return text.replace(/\s*\(\d+\)$/u, '');
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
  | { ok: false; errors: Record<string, string> };

/**
 * Checks a label-override map as stored by the options page (unknown input). Keys are label names
 * ("colName") or page-scoped label names ("customers:colName", pages: OVERRIDE_PAGES). Errors are
 * sentences that quote the key first, e.g. `Unknown label "emailHistroy".`, by override key (so the options page
 * marks the right field); a value that is no map at all is reported under the key `''`.
 */
export function validateLabelOverrides(input: unknown): OverrideValidation {
  if (input === undefined || input === null) return { ok: true, overrides: {} };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: { '': 'Label overrides must be a map of label name to text.' } };
  }
  const errors: Record<string, string> = {};
  const overrides: Record<string, string | string[]> = {};
  const known = new Set<string>(LABEL_KEYS);
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const colon = key.indexOf(':');
    const page = colon >= 0 ? key.slice(0, colon) : null;
    const label = colon >= 0 ? key.slice(colon + 1) : key;
    if (page !== null && !(OVERRIDE_PAGES as readonly string[]).includes(page)) {
      errors[key] = `Unknown label "${key}": there is no page "${page}". Pages: ${OVERRIDE_PAGES.join(', ')} (e.g. "customers:colName").`;
      continue;
    }
    if (!known.has(label)) {
      errors[key] = `Unknown label "${key}". Known labels: ${LABEL_KEYS.join(', ')}${page !== null ? ` (after "${page}:")` : ''}.`;
      continue;
    }
    const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
    if (list === null || list.some((v) => typeof v !== 'string')) {
      errors[key] = `Label "${key}" must be a text (or a list of texts).`;
      continue;
    }
    const texts = (list as string[]).map((t) => t.replace(/\s+/gu, ' ').trim());
    if (texts.length === 0 || texts.some((t) => t === '')) {
      errors[key] = `Label "${key}" is empty; remove the override to use the default text.`;
      continue;
    }
    if (texts.some((t) => t.length > 200)) {
      errors[key] = `Label "${key}" is longer than 200 characters; is it really a label?`;
      continue;
    }
    overrides[key] = texts.length === 1 ? (texts[0] as string) : texts;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, overrides: overrides as LabelOverrides };
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
 * buttons). With an explicit setting, that setting wins. Returns null when the page shows no label
 * of either language (e.g. a page that is not an admin page); callers should then not act. A partly
 * translated page with as many texts of each language: the page's `lang` attribute, else English
 * (labels match in every language anyway; this only picks the texts our messages quote).
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
  if (en === de) {
    if (en === 0) return null;
    const declared = (doc.documentElement?.getAttribute('lang') ?? '').toLowerCase().slice(0, 2);
    return declared === 'de' ? 'de' : 'en';
  }
  return en > de ? 'en' : 'de';
}
