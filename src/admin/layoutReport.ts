/**
 * The layout report: a redacted structural snapshot of an admin page that an agent can send us (or
 * keep as a regression test, test/fixtures/reports/) without any customer data in it.
 *
 * Kept: the element tree (tags, roles, the attributes structure depends on), the page's section
 * order, and the texts that are labels: every text Reset Desk knows as a label (any language, the
 * labels in force, the overrides), and short column headers and field captions. Everything else is
 * a data value and becomes a typed placeholder: {email:1} (the same address keeps its number, so
 * "the title and the field name the same customer" survives), {date:99.99.9999 99:99} (the shape
 * of the admin's format, never its digits), {number:6}, {token}, {url}, {text:12} (its length).
 * Headings, controls and cells are strict: a customer's name can be a heading or a link, so an
 * unknown text there is a placeholder too. Pure DOM reading, no browser API: the caller passes the
 * extension version, browser, language, labels and overrides.
 */
import { LABEL_KEYS, allDefaultLabelTexts, normalizeText, type AdminLabels, type AdminLang, type LabelKey } from './labels';
import type { PageKind } from './errors';

export const LAYOUT_REPORT_FORMAT = 'reset-desk-layout-report';

/** An element: tag, kept attributes, children (elements or redacted texts). */
export interface ReportNode {
  t: string;
  a?: Record<string, string>;
  c?: (ReportNode | string)[];
}

export interface LayoutReport {
  format: typeof LAYOUT_REPORT_FORMAT;
  version: 1;
  extensionVersion: string;
  browser: string;
  /** The admin language Reset Desk detected (or was set to); null when none. */
  adminLanguage: AdminLang | null;
  /** The page kind Reset Desk recognised when the report was made. */
  page: PageKind;
  /** Set by hand in a kept fixture: the page the adapter must recognise (defaults to `page`). */
  expectedPage?: PageKind;
  /** The page's `lang` attribute (a language code, not data). */
  htmlLang: string | null;
  /** Every text each label matches, as in force on this page. */
  labelsInForce: Record<string, string[]>;
  overrides: Record<string, string | string[]>;
  /** The browser title, redacted. */
  title: string;
  summary: {
    headings: string[];
    controls: string[];
    columns: string[][];
    fields: string[];
  };
  body: ReportNode;
}

export interface LayoutReportContext {
  extensionVersion: string;
  browser: string;
  adminLanguage: AdminLang | null;
  page: PageKind;
  labels: AdminLabels;
  overrides?: Readonly<Record<string, string | readonly string[]>>;
}

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]*[^\s@<>"'(),;:.]/gu;
const DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)?$|^\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?$/u;
const NUMBER = /^[-+]?[\d.,\s]*\d$/u;
const TOKEN = /^[A-Za-z0-9_-]{16,}$/u;
const URL_LIKE = /^(?:https?:\/\/|www\.)\S+$/iu;
/** Separators of a path or title (kept, with their spaces); a hyphen only between spaces ("E-mail" stays one word). */
const SEPARATOR = /(\s*[>›»|/–—]\s*|\s+-\s+|\s*[()[\]]\s*)/u;
const DROP = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'base', 'iframe', 'object', 'embed', 'svg']);
/** Attributes structure depends on, kept as they are. */
const KEEP = ['type', 'role', 'aria-current', 'aria-level', 'aria-hidden', 'aria-disabled', 'aria-modal', 'scope', 'colspan', 'rowspan', 'hidden', 'open', 'disabled', 'readonly', 'lang'];
/** Attributes that name things: redacted like texts. */
const NAMING = ['title', 'alt', 'aria-label', 'placeholder'];
const BUTTON_INPUTS = new Set(['submit', 'button', 'reset', 'image']);
const HEADINGS = 'h1, h2, h3, h4, h5, h6, legend, [role=heading]';

class Redactor {
  private readonly known = new Set<string>();
  private readonly emails = new Map<string, number>();
  private readonly dataTexts = new Set<string>();

  constructor(labels: AdminLabels, overrides: Readonly<Record<string, string | readonly string[]>>, doc: Document) {
    for (const { text } of allDefaultLabelTexts()) this.known.add(normalizeText(text));
    for (const key of LABEL_KEYS) for (const t of labels.accepted[key]) this.known.add(normalizeText(t));
    for (const v of Object.values(overrides)) for (const t of typeof v === 'string' ? [v] : v) this.known.add(normalizeText(t));
    // What the page shows as values: a caption equal to one of these is not kept as a label.
    for (const el of Array.from(doc.querySelectorAll('td, dd, textarea, address, p, li'))) this.dataTexts.add(normalizeText(el.textContent ?? ''));
    for (const el of Array.from(doc.querySelectorAll('input'))) this.dataTexts.add(normalizeText(el.value ?? ''));
  }

  isKnown(text: string): boolean {
    return this.known.has(normalizeText(text.replace(/[:*]\s*$/u, '')));
  }

  /** A short caption-like text (column header, field caption) that is no value shown elsewhere. */
  private captionLike(text: string): boolean {
    const t = text.trim();
    return t.length > 0 && t.length <= 40 && t.split(/\s+/u).length <= 4 && !/[\d@/\\]/u.test(t) && !this.dataTexts.has(normalizeText(t));
  }

  private emailRef(address: string): string {
    const n = address.toLowerCase();
    let i = this.emails.get(n);
    if (i === undefined) this.emails.set(n, (i = this.emails.size + 1));
    return `{email:${i}}`;
  }

  /**
   * A text segment that holds no e-mail: kept, or a typed placeholder. A path or title made of
   * parts ("Support / Incoming requests / ...", "Customer ... (Shop)") is judged part by part, its
   * separators kept: they are structure.
   */
  private segment(seg: string, caption: boolean, split = true): string {
    const t = seg.replace(/\s+/gu, ' ').trim();
    if (t === '') return seg === '' ? '' : ' ';
    const lead = /^\s/u.test(seg) ? ' ' : '';
    const trail = /\s$/u.test(seg) ? ' ' : '';
    if (this.isKnown(t) || (caption && this.captionLike(t)) || !/[\p{L}\p{N}]/u.test(t)) return lead + t + trail;
    let ph: string;
    if (DATE.test(t)) ph = `{date:${t.replace(/\d/gu, '9')}}`;
    else if (NUMBER.test(t)) ph = `{number:${t.replace(/\D/gu, '').length}}`;
    else if (URL_LIKE.test(t)) ph = '{url}';
    else if (TOKEN.test(t)) ph = '{token}';
    else {
      const parts = split ? t.split(SEPARATOR) : [t];
      if (parts.length > 1) return lead + parts.map((p, i) => (i % 2 === 1 ? p : this.segment(p, caption, false))).join('') + trail;
      ph = `{text:${t.length}}`;
    }
    return lead + ph + trail;
  }

  /**
   * A visible text: e-mails become numbered placeholders; the rest is kept when it is a known
   * label (or, for captions, caption-like), else a typed placeholder.
   */
  text(raw: string, caption = false): string {
    if (raw.trim() === '') return raw === '' ? '' : ' ';
    if (this.isKnown(raw)) return raw.replace(/\s+/gu, ' ');
    let out = '';
    let last = 0;
    for (const m of raw.matchAll(EMAIL)) {
      out += this.segment(raw.slice(last, m.index), caption) + this.emailRef(m[0]);
      last = (m.index ?? 0) + m[0].length;
    }
    return out + this.segment(raw.slice(last), caption);
  }
}

function isCaptionPosition(el: Element): boolean {
  const cell = el.closest('th, td');
  if (cell?.tagName.toLowerCase() === 'th') return true;
  return !!el.closest('label, dt, caption') && !cell;
}

function hrefKind(href: string | null): string | null {
  if (href === null) return null;
  const h = href.trim().toLowerCase();
  if (h === '' || h.startsWith('#')) return '#';
  if (h.startsWith('javascript:')) return 'javascript:void(0)';
  return '{url}';
}

function walk(el: Element, r: Redactor, ids: Map<string, string>): ReportNode | null {
  const tag = el.tagName.toLowerCase();
  if (DROP.has(tag)) return tag === 'template' || tag === 'svg' ? { t: tag } : null;
  const a: Record<string, string> = {};
  for (const name of KEEP) {
    const v = el.getAttribute(name);
    if (v !== null) a[name] = v.length > 40 ? v.slice(0, 40) : v;
  }
  const cls = el.getAttribute('class');
  if (cls) a.class = cls.replace(/\d+/gu, '9');
  for (const name of NAMING) {
    const v = el.getAttribute(name);
    if (v !== null) a[name] = r.text(v);
  }
  const href = hrefKind(el.getAttribute('href'));
  if (href !== null) a.href = href;
  if ((el as HTMLElement).style?.display === 'none') a.style = 'display:none';
  const id = el.getAttribute('id');
  if (id && ids.has(id)) a.id = ids.get(id) as string;
  for (const ref of ['for', 'aria-describedby', 'aria-labelledby']) {
    const v = el.getAttribute(ref);
    if (v) a[ref] = v.split(/\s+/u).map((x) => ids.get(x) ?? '').filter(Boolean).join(' ');
  }
  if (tag === 'input') {
    const input = el as HTMLInputElement;
    const type = (input.getAttribute('type') ?? 'text').toLowerCase();
    const value = input.getAttribute('value') ?? input.value ?? '';
    if (type !== 'hidden' && type !== 'password' && value !== '') a.value = r.text(value);
  }
  const c: (ReportNode | string)[] = [];
  const caption = isCaptionPosition(el);
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 1) {
      const n = walk(child as Element, r, ids);
      if (n) c.push(n);
    } else if (child.nodeType === 3) {
      const t = r.text(child.textContent ?? '', caption);
      if (t !== '') c.push(t);
    }
  }
  if (tag === 'textarea' && c.length > 0) c.splice(0, c.length, r.text(el.textContent ?? ''));
  return { t: tag, ...(Object.keys(a).length ? { a } : {}), ...(c.length ? { c } : {}) };
}

function textOfNode(n: ReportNode | string): string {
  return typeof n === 'string' ? n : (n.c ?? []).map(textOfNode).join('');
}

/** The redacted snapshot of `doc` (see the file comment). */
export function buildLayoutReport(doc: Document, ctx: LayoutReportContext): LayoutReport {
  const overrides: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(ctx.overrides ?? {})) overrides[k] = typeof v === 'string' ? v : [...v];
  const r = new Redactor(ctx.labels, overrides, doc);
  // ids only where another element refers to them (label for=, aria-describedby), renamed.
  const ids = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('[for], [aria-describedby], [aria-labelledby]'))) {
    for (const ref of ['for', 'aria-describedby', 'aria-labelledby']) {
      for (const id of (el.getAttribute(ref) ?? '').split(/\s+/u).filter(Boolean)) if (!ids.has(id)) ids.set(id, `r${ids.size + 1}`);
    }
  }
  const body = doc.body ? walk(doc.body, r, ids) ?? { t: 'body' } : { t: 'body' };
  // The summary is read from the redacted tree, so it cannot hold more than the tree does.
  const summary: LayoutReport['summary'] = { headings: [], controls: [], columns: [], fields: [] };
  const headingTags = new Set(HEADINGS.split(', ').filter((s) => !s.startsWith('[')));
  const controlTags = new Set(['a', 'button']);
  const visit = (n: ReportNode): void => {
    const text = textOfNode(n).replace(/\s+/gu, ' ').trim();
    if (headingTags.has(n.t) || n.a?.role === 'heading') summary.headings.push(`${n.t}: ${text}`);
    if (controlTags.has(n.t) || n.a?.role === 'button' || (n.t === 'input' && BUTTON_INPUTS.has(n.a?.type ?? ''))) {
      summary.controls.push(text || n.a?.value || n.a?.title || n.a?.['aria-label'] || n.a?.alt || '');
    }
    if (n.t === 'tr' && (n.c ?? []).length > 1 && (n.c ?? []).every((x) => typeof x !== 'string' && x.t === 'th')) {
      summary.columns.push((n.c ?? []).map((x) => textOfNode(x).replace(/\s+/gu, ' ').trim()));
    }
    if (n.t === 'label' || n.t === 'dt') summary.fields.push(text);
    for (const ch of n.c ?? []) if (typeof ch !== 'string') visit(ch);
  };
  visit(body);
  const labelsInForce: Record<string, string[]> = {};
  for (const key of LABEL_KEYS) labelsInForce[key as LabelKey] = [...ctx.labels.accepted[key]];
  return {
    format: LAYOUT_REPORT_FORMAT,
    version: 1,
    extensionVersion: ctx.extensionVersion,
    browser: ctx.browser,
    adminLanguage: ctx.adminLanguage,
    page: ctx.page,
    htmlLang: /^[A-Za-z-]{1,12}$/u.test(doc.documentElement?.getAttribute('lang') ?? '') ? doc.documentElement.getAttribute('lang') : null,
    labelsInForce,
    overrides,
    title: r.text(doc.title ?? ''),
    summary,
    body,
  };
}
