import { DATE_FORMATS, type DateFormat } from './dates.js';
import type { Lang } from './labels.js';
import { HEADING_TAGS, IDENTITY_PLACES, QUIRKS, VARIANTS, type HeadingTag, type IdentityPlace, type Variant } from './variants.js';

export type FailKind = 'incoming' | 'customers' | 'user' | 'customer' | 'email' | 'send' | 'save';
export const FAIL_KINDS: FailKind[] = ['incoming', 'customers', 'user', 'customer', 'email', 'send', 'save'];

/** What an answer lost after the effect looks like: HTTP 500, the connection cut, or no answer at all. */
export type LostAnswer = 'http500' | 'drop' | 'hang';
export const LOST_ANSWERS: LostAnswer[] = ['http500', 'drop', 'hang'];
export type EffectKind = 'send' | 'save';

export interface SimConfig {
  /** Markup: three structurally different admins with the same visible labels. */
  variant: Variant;
  lang: Lang;
  /** '11/26/2026 3:04:05 PM' | '26.11.2026 15:04:05' | '2026-11-26 15:04' | '2026-11-26T15:04:05' */
  dateFormat: DateFormat;
  /** IANA zone the admin prints dates in. */
  timeZone: string;
  /** Added to every admin page/route response (not /__sim/ or /static/). */
  pageLatencyMs: number;
  /** [min, max] random extra delay of each "Click to load data" fetch. */
  loadDataLatencyMs: [number, number];
  /**
   * 'never'; 'always'; 'once' = the FIRST load of each section (password/e-mail) of each user within a
   * session fails with HTTP 500, every later load (the retry) succeeds; a number 0..1 = each load
   * fails with that probability.
   */
  loadDataFailure: 'never' | 'once' | 'always' | number;
  /** Sessions expire after this idle time. */
  sessionTtlMs: number;
  /** Label key (see labels.ts) -> text, overriding both languages. */
  renamed: Partial<Record<string, string>>;
  /** HTTP 500 for a kind of request: 'once' = the next such request after this config was set, 'always' = every one. */
  failPages: { kind: FailKind; mode: 'once' | 'always' }[];
  /** The newest Password History row's date is printed in a date-shaped but impossible form. */
  brokenDates: boolean;
  /**
   * Partial translation: these label keys (see labels.ts) are printed in the OTHER language (a German
   * admin that kept "Search", an English one that shows "Anzeigen"). `renamed` still wins.
   */
  foreignLabels: string[];
  /** The list pages' name column: one "Name", split into "First name" + "Last name", or none. */
  nameColumn: 'one' | 'split' | 'none';
  /** Whether the list pages show the "Registered" column. */
  registeredColumn: boolean;
  /** The section headings' element ('variant' = the variant's own: h2, h3, div/legend). */
  headingTag: HeadingTag;
  /** The page title's element ('variant' = h1, or the legacy div). */
  titleTag: HeadingTag;
  /**
   * Where the user and customer pages name their customer: the page title, the browser title, a
   * breadcrumb, the E-mail value of the User section. (The customer form's E-mail field is always
   * there: it is the data being edited.) Places left out show no address.
   */
  identityIn: IdentityPlace[];
  /**
   * Send / Save carried out (outbox entry / password stored), then the answer is lost: 'http500'
   * answers 500, 'drop' destroys the socket, 'hang' never answers (until the client gives up or the
   * simulator closes). `once` = the next such request after this was set (or after reset), then spent.
   */
  afterEffect: { kind: EffectKind; mode: LostAnswer; once: boolean }[];
  /** When the E-mail History lists a resent e-mail: 'at-once', N = N seconds after the send, 'never'. */
  historyListsSent: 'at-once' | 'never' | number;
  /** Save refused by a banner at the top of the page (nothing stored): 'once' = the next Save, then spent. */
  refuseSave: 'never' | 'once' | 'always';
  /** Customer data (names, address lines) contains admin wording: "Changes saved", "E-mail has been sent". */
  adminWordingInData: boolean;
  /** The admin's own colours: 'light' (dark text on white) or 'dark' (a dark-themed admin). */
  theme: 'light' | 'dark';
  /** Enable the /__sim/ control API. */
  control: boolean;
}

export const DEFAULT_CONFIG: SimConfig = {
  variant: 'classic',
  lang: 'en',
  dateFormat: 'en-US',
  timeZone: 'Europe/Berlin',
  pageLatencyMs: 0,
  loadDataLatencyMs: [200, 600],
  loadDataFailure: 'never',
  sessionTtlMs: 8 * 60 * 60 * 1000,
  renamed: {},
  failPages: [],
  brokenDates: false,
  foreignLabels: [],
  nameColumn: 'one',
  registeredColumn: true,
  headingTag: 'variant',
  titleTag: 'variant',
  identityIn: ['title', 'browser-title', 'field'],
  afterEffect: [],
  historyListsSent: 'at-once',
  refuseSave: 'never',
  adminWordingInData: false,
  theme: 'light',
  control: false,
};

/** The markup switches at their defaults (to undo a quirk: `setConfig({ ...MARKUP_DEFAULTS, ...quirk })`). */
export const MARKUP_DEFAULTS: Pick<SimConfig, 'renamed' | 'foreignLabels' | 'nameColumn' | 'registeredColumn' | 'headingTag' | 'titleTag' | 'identityIn' | 'theme'> = {
  renamed: {},
  theme: 'light',
  foreignLabels: [],
  nameColumn: 'one',
  registeredColumn: true,
  headingTag: 'variant',
  titleTag: 'variant',
  identityIn: ['title', 'browser-title', 'field'],
};

/** Throws a readable Error for an invalid value. */
export function validateConfig(c: SimConfig): SimConfig {
  const bad = (what: string) => { throw new Error(`invalid config: ${what}`); };
  if (!VARIANTS.includes(c.variant)) bad(`variant ${c.variant}`);
  if (c.lang !== 'en' && c.lang !== 'de') bad(`lang ${c.lang}`);
  if (!DATE_FORMATS.includes(c.dateFormat)) bad(`dateFormat ${c.dateFormat}`);
  try { new Intl.DateTimeFormat('en-US', { timeZone: c.timeZone }); } catch { bad(`timeZone ${c.timeZone}`); }
  if (!(c.pageLatencyMs >= 0)) bad('pageLatencyMs');
  const [lo, hi] = c.loadDataLatencyMs;
  if (!(lo >= 0 && hi >= lo)) bad('loadDataLatencyMs');
  const f = c.loadDataFailure;
  if (typeof f === 'number' ? !(f >= 0 && f <= 1) : !['never', 'once', 'always'].includes(f)) bad(`loadDataFailure ${f}`);
  if (!(c.sessionTtlMs > 0)) bad('sessionTtlMs');
  for (const p of c.afterEffect) if (!['send', 'save'].includes(p.kind) || !LOST_ANSWERS.includes(p.mode) || typeof p.once !== 'boolean') bad(`afterEffect ${JSON.stringify(p)}`);
  const h = c.historyListsSent;
  if (typeof h === 'number' ? !(h >= 0) : !['at-once', 'never'].includes(h)) bad(`historyListsSent ${h}`);
  if (!['never', 'once', 'always'].includes(c.refuseSave)) bad(`refuseSave ${c.refuseSave}`);
  for (const p of c.failPages) if (!FAIL_KINDS.includes(p.kind) || !['once', 'always'].includes(p.mode)) bad(`failPages ${JSON.stringify(p)}`);
  if (!Array.isArray(c.foreignLabels) || c.foreignLabels.some((k) => typeof k !== 'string')) bad('foreignLabels');
  if (!['one', 'split', 'none'].includes(c.nameColumn)) bad(`nameColumn ${c.nameColumn}`);
  if (typeof c.registeredColumn !== 'boolean') bad('registeredColumn');
  if (c.theme !== 'light' && c.theme !== 'dark') bad(`theme ${c.theme}`);
  if (!HEADING_TAGS.includes(c.headingTag)) bad(`headingTag ${c.headingTag}`);
  if (!HEADING_TAGS.includes(c.titleTag)) bad(`titleTag ${c.titleTag}`);
  if (!Array.isArray(c.identityIn) || c.identityIn.some((p) => !IDENTITY_PLACES.includes(p))) bad(`identityIn ${JSON.stringify(c.identityIn)}`);
  return c;
}

export function mergeConfig(base: SimConfig, patch: Partial<SimConfig>): SimConfig {
  const out = { ...base, ...stripUndefined(patch) };
  out.renamed = { ...(patch.renamed ?? base.renamed) };
  out.failPages = [...(patch.failPages ?? base.failPages)];
  out.afterEffect = [...(patch.afterEffect ?? base.afterEffect)];
  out.loadDataLatencyMs = [...(patch.loadDataLatencyMs ?? base.loadDataLatencyMs)] as [number, number];
  out.foreignLabels = [...(patch.foreignLabels ?? base.foreignLabels)];
  out.identityIn = [...(patch.identityIn ?? base.identityIn)];
  return validateConfig(out);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * String form of config values (CLI flags and control-API query parameters):
 *   loadDataLatencyMs=200,600 (or one number = both); loadDataFailure=never|once|always|0.3;
 *   renamed=emailHistory=Mail Log;passwordHistory=Pw Log (or JSON); failPages=send:once,user:always;
 *   brokenDates/control=true|false|1|0; foreignLabels=search,show; nameColumn=one|split|none;
 *   registeredColumn=true|false; headingTag/titleTag=variant|h1..h6|div|strong;
 *   identityIn=title,browser-title,breadcrumb,field; quirk=<name>[,<name>] (presets in variants.ts,
 *   applied in order; later keys override them).
 *   afterEffect=send:hang,save:drop:always (default once); historyListsSent=at-once|never|20 (seconds);
 *   refuseSave=never|once|always; brokenDates/adminWordingInData/control=true|false|1|0; theme=light|dark.
 */
export function configFromStrings(entries: Iterable<[string, string]>): Partial<SimConfig> {
  const out: Partial<SimConfig> = {};
  const bool = (v: string) => v === '' || v === 'true' || v === '1' || v === 'yes';
  for (const [key, v] of entries) {
    switch (key) {
      case 'variant': out.variant = v as Variant; break;
      case 'lang': out.lang = v as Lang; break;
      case 'dateFormat': case 'date-format': out.dateFormat = v as DateFormat; break;
      case 'timeZone': case 'tz': out.timeZone = v; break;
      case 'pageLatencyMs': case 'latency': out.pageLatencyMs = Number(v); break;
      case 'loadDataLatencyMs': case 'load-latency': {
        const [a, b] = v.split(',').map(Number);
        out.loadDataLatencyMs = [a!, b ?? a!];
        break;
      }
      case 'loadDataFailure': case 'load-failure':
        out.loadDataFailure = /^[\d.]+$/.test(v) ? Number(v) : (v as 'never' | 'once' | 'always'); break;
      case 'sessionTtlMs': case 'session-ttl': out.sessionTtlMs = Number(v); break;
      case 'renamed': case 'rename':
        out.renamed = { ...out.renamed, ...(v.trim().startsWith('{') ? JSON.parse(v) : Object.fromEntries(v.split(';').filter(Boolean).map((p) => {
          const i = p.indexOf('=');
          return [p.slice(0, i).trim(), p.slice(i + 1)];
        }))) };
        break;
      case 'failPages': case 'fail':
        out.failPages = [...(out.failPages ?? []), ...v.split(',').filter(Boolean).map((p) => {
          const [kind, mode] = p.split(':');
          return { kind: kind as FailKind, mode: (mode ?? 'always') as 'once' | 'always' };
        })];
        break;
      case 'brokenDates': case 'broken-dates': out.brokenDates = bool(v); break;
      case 'afterEffect': case 'after-effect':
        out.afterEffect = [...(out.afterEffect ?? []), ...v.split(',').filter(Boolean).map((p) => {
          const [kind, mode, times] = p.split(':');
          return { kind: kind as EffectKind, mode: (mode ?? 'http500') as LostAnswer, once: times !== 'always' };
        })];
        break;
      case 'historyListsSent': case 'history-lists-sent':
        out.historyListsSent = /^[\d.]+$/.test(v) ? Number(v) : (v as 'at-once' | 'never'); break;
      case 'refuseSave': case 'refuse-save': out.refuseSave = v as 'never' | 'once' | 'always'; break;
      case 'adminWordingInData': case 'admin-wording': out.adminWordingInData = bool(v); break;
      case 'control': out.control = bool(v); break;
      case 'theme': out.theme = v as SimConfig['theme']; break;
      case 'foreignLabels': case 'foreign': out.foreignLabels = v.split(',').map((x) => x.trim()).filter(Boolean); break;
      case 'nameColumn': case 'name-column': out.nameColumn = v as SimConfig['nameColumn']; break;
      case 'registeredColumn': case 'registered-column': out.registeredColumn = bool(v); break;
      case 'headingTag': case 'heading-tag': out.headingTag = v as HeadingTag; break;
      case 'titleTag': case 'title-tag': out.titleTag = v as HeadingTag; break;
      case 'identityIn': case 'identity': out.identityIn = v.split(',').map((x) => x.trim()).filter(Boolean) as IdentityPlace[]; break;
      case 'quirk': case 'quirks':
        for (const name of v.split(',').map((x) => x.trim()).filter(Boolean)) {
          const q = QUIRKS[name];
          if (!q) throw new Error(`unknown quirk: ${name} (known: ${Object.keys(QUIRKS).join(', ')})`);
          Object.assign(out, q.config);
        }
        break;
      default: throw new Error(`unknown config key: ${key}`);
    }
  }
  return out;
}
