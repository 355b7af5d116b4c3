/**
 * Generic DOM helpers that find things the way an agent does: by visible text, by a heading and what
 * follows it, by a table's header row. Nothing here knows the admin's ids, classes or URLs; labels
 * come in as parameters. We read `textContent`/`value`/attributes only (never innerHTML): customer
 * names can contain HTML-like text and must stay text.
 *
 * "Visible" text means the text a user would read, not CSS visibility: the admin hides menu
 * sub-items until hover, yet they are in the DOM and usable.
 */
import { acceptedTexts, matchesLabel, normalizeText, withoutCount, type AdminLabels, type LabelKey } from './labels';

// ---------------------------------------------------------------------------------------------
// Text

/** Normalised textContent (never innerHTML). */
export function textOf(el: Node | null | undefined): string {
  return el ? normalizeText(el.textContent ?? '') : '';
}

/** Raw textContent with whitespace collapsed and trimmed, case kept (for values we return). */
export function displayText(el: Node | null | undefined): string {
  return el ? (el.textContent ?? '').replace(/\s+/gu, ' ').trim() : '';
}

/** What counts as a control: links, buttons, button-like inputs and their ARIA roles. */
export const CONTROL_SELECTOR =
  'a, button, input[type=submit], input[type=button], input[type=image], input[type=reset], [role=button], [role=link], [role=menuitem]';

/**
 * The names a control goes by: its text, value (inputs), title, aria-label, and the alt/title of an
 * icon image inside it. An icon-only "Search" control is found by its title/alt/aria-label.
 */
export function controlNames(el: Element): string[] {
  const names: string[] = [];
  if (el.tagName.toLowerCase() === 'input') {
    const input = el as HTMLInputElement;
    if (input.type !== 'image') names.push(input.value);
    names.push(input.alt);
  } else {
    names.push(el.textContent ?? '');
  }
  names.push(el.getAttribute('title') ?? '', el.getAttribute('aria-label') ?? '');
  for (const img of Array.from(el.querySelectorAll('img, svg, [title], [aria-label]'))) {
    names.push(img.getAttribute('alt') ?? '', img.getAttribute('title') ?? '', img.getAttribute('aria-label') ?? '');
    const svgTitle = img.tagName.toLowerCase() === 'svg' ? img.querySelector('title') : null;
    if (svgTitle) names.push(svgTitle.textContent ?? '');
  }
  return names.filter((n) => n.trim() !== '');
}

/** Where to look: a document/element, or a section (a heading's following parts). */
export type Scope = ParentNode | Section;

function isSection(scope: Scope): scope is Section {
  return 'parts' in scope && 'heading' in scope;
}

/** querySelectorAll over a scope (for a section: over its parts, including the parts themselves). */
export function queryAll<T extends Element = Element>(scope: Scope, selector: string): T[] {
  if (!isSection(scope)) return Array.from(scope.querySelectorAll<T>(selector));
  const out: T[] = [];
  for (const p of scope.parts) {
    if (p.matches(selector)) out.push(p as T);
    out.push(...Array.from(p.querySelectorAll<T>(selector)));
  }
  return out;
}

function topElements(scope: Scope): Element[] {
  if (isSection(scope)) return scope.parts;
  return Array.from(scope.children);
}

/** Links, buttons and button-like inputs in `scope` whose visible name is the label. */
export function findControls(scope: Scope, labels: AdminLabels, key: LabelKey): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of queryAll<HTMLElement>(scope, CONTROL_SELECTOR)) {
    if (controlNames(el).some((n) => matchesLabel(labels, key, n))) {
      // A link inside a button (or the reverse) is one control: keep the outer one.
      if (out.some((o) => o.contains(el))) continue;
      out.push(el);
    }
  }
  return out;
}

/** The first matching control, or null. */
export function findControl(scope: Scope, labels: AdminLabels, key: LabelKey): HTMLElement | null {
  return findControls(scope, labels, key)[0] ?? null;
}

const SKIP_TEXT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'title', 'head']);

/**
 * Elements whose whole normalised text is exactly the label (e.g. a notice "Changes saved", a cell
 * "No records found"), give or take a trailing entry count. Returns the innermost such elements.
 */
export function findElementsWithText(scope: Scope, labels: AdminLabels, key: LabelKey): Element[] {
  const wanted = acceptedTexts(labels, key).map(normalizeText);
  const out: Element[] = [];
  const visit = (el: Element): void => {
    if (SKIP_TEXT_TAGS.has(el.tagName.toLowerCase())) return;
    const t = textOf(el);
    // A descendant's text is a part of ours: if ours does not contain the label, stop here.
    if (t === '' || !wanted.some((w) => t.includes(w))) return;
    // As matchesLabel: a trailing entry count ("Password History (3)") is not part of the text.
    if (wanted.includes(t) || wanted.includes(withoutCount(t))) {
      const before = out.length;
      for (const c of Array.from(el.children)) visit(c);
      if (out.length === before) out.push(el);
      return;
    }
    for (const c of Array.from(el.children)) visit(c);
  };
  for (const c of topElements(scope)) visit(c);
  return out;
}

/** True if the label is the whole text of some element in scope. */
export function hasText(scope: Scope, labels: AdminLabels, key: LabelKey): boolean {
  return findElementsWithText(scope, labels, key).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Headings and sections

const REAL_HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend']);
/** Elements that can act as a heading when they hold just the heading text. */
export const PSEUDO_HEADINGS = new Set(['div', 'span', 'strong', 'b', 'p', 'caption', 'header', 'summary', 'dt', 'label']);
/** Text inside these is never a heading (controls, cells, menus, form options). */
export const NOT_HEADING_CONTEXT = 'a, button, th, option, select, textarea, [role=menu], [role=menubar], [role=menuitem], [role=button], [role=dialog], dialog';

function isHeadingTag(el: Element): boolean {
  return REAL_HEADINGS.has(el.tagName.toLowerCase());
}

/**
 * Headings whose text is the label: h1–h6 and legend first; otherwise a div/span/strong/... that
 * holds exactly that text and is not a link, button, cell or menu entry. For nested pseudo-headings
 * (<div><strong>X</strong></div>) the outermost is returned, so "what follows it" is its siblings.
 */
export function findHeadings(root: Scope, labels: AdminLabels, key: LabelKey): Element[] {
  const real: Element[] = [];
  for (const el of queryAll(root, 'h1, h2, h3, h4, h5, h6, legend')) {
    if (matchesLabel(labels, key, el.textContent) && !el.parentElement?.closest('a, button')) real.push(el);
  }
  if (real.length > 0) return real;
  const pseudo: Element[] = [];
  for (const el of findElementsWithText(root, labels, key)) {
    let h: Element | null = el;
    if (!PSEUDO_HEADINGS.has(h.tagName.toLowerCase())) continue;
    if (h.closest(NOT_HEADING_CONTEXT)) continue;
    // A <label> is a form field's caption, not a section heading, unless it labels nothing.
    if (h.tagName.toLowerCase() === 'label' && (h as HTMLLabelElement).control) continue;
    // Climb to the outermost wrapper that still holds only this text.
    while (h.parentElement && h.parentElement.tagName.toLowerCase() !== 'body' && textOf(h.parentElement) === textOf(h) && PSEUDO_HEADINGS.has(h.parentElement.tagName.toLowerCase())) {
      h = h.parentElement;
    }
    pseudo.push(h);
  }
  return pseudo;
}

export function findHeading(root: Scope, labels: AdminLabels, key: LabelKey): Element | null {
  return findHeadings(root, labels, key)[0] ?? null;
}

function headingLevel(el: Element): number {
  const m = /^h([1-6])$/.exec(el.tagName.toLowerCase());
  return m ? Number(m[1]) : 7;
}

/** A section: the heading and the elements that belong to it. */
export interface Section {
  heading: Element;
  /** The elements after the heading that make up the section's content (in document order). */
  parts: Element[];
}

/** tag.class of an element: a structural signature (we compare, never name, classes). */
function sig(el: Element): string {
  return `${el.tagName.toLowerCase()}.${el.className}`;
}

/** The chain of signatures from `anchor` (exclusive) down to `heading` (inclusive). */
function pathDown(anchor: Element, heading: Element): string[] {
  const path: string[] = [];
  for (let e: Element | null = heading; e && e !== anchor; e = e.parentElement) path.unshift(sig(e));
  return path;
}

/** Does `el` start another section of the same kind as `heading` (climbed to `anchor`)? */
function isBoundary(el: Element, anchor: Element, heading: Element): boolean {
  if (isHeadingTag(heading)) {
    const level = headingLevel(heading);
    const isSameKind = (h: Element): boolean =>
      heading.tagName.toLowerCase() === 'legend' ? h.tagName.toLowerCase() === 'legend' : headingLevel(h) <= level;
    if (isHeadingTag(el) && isSameKind(el)) return true;
    // A sibling wrapper that starts with such a heading (e.g. the next section's <div><h3>..</h3></div>).
    const first = el.querySelector('h1, h2, h3, h4, h5, h6, legend');
    return !!(first && isSameKind(first) && el.firstElementChild && (el.firstElementChild === first || el.firstElementChild.contains(first)));
  }
  // Pseudo-heading: a sibling built like the heading's wrapper (same tag.class all the way down to
  // an element like the heading, holding text) is the next section's heading.
  if (sig(el) !== sig(anchor)) return false;
  let cur: Element | null = el;
  for (const step of pathDown(anchor, heading)) {
    cur = cur ? Array.from(cur.children).find((c) => sig(c) === step) ?? null : null;
    if (!cur) return false;
  }
  return !!cur && textOf(cur) !== '' && textOf(cur).length <= 80;
}

/**
 * The section after a heading: a <legend>'s fieldset; otherwise the heading's following siblings up
 * to the next heading of the same kind. When the heading sits alone in a wrapper (a title bar), we
 * climb to the wrapper and take ITS following siblings. Robust to extra wrappers on either side.
 */
export function sectionAfter(heading: Element): Section {
  if (heading.tagName.toLowerCase() === 'legend' && heading.parentElement?.tagName.toLowerCase() === 'fieldset') {
    return { heading, parts: Array.from(heading.parentElement.children).filter((c) => c !== heading) };
  }
  let anchor: Element = heading;
  for (;;) {
    const parts: Element[] = [];
    for (let sib = anchor.nextElementSibling; sib; sib = sib.nextElementSibling) {
      if (isBoundary(sib, anchor, heading)) break;
      parts.push(sib);
    }
    if (parts.length > 0) return { heading, parts };
    const parent: Element | null = anchor.parentElement;
    if (!parent || parent.tagName.toLowerCase() === 'body') return { heading, parts };
    anchor = parent;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface ColumnMap<K extends string> {
  table: HTMLTableElement;
  headerRow: HTMLTableRowElement;
  /** Column index of each wanted header (only those found). */
  index: Partial<Record<K, number>>;
  missing: K[];
  /** The data rows (all rows after the header row that have cells). */
  rows: HTMLTableRowElement[];
}

/** The header row: the last row of <thead>, else the first row made of <th>, else the first row. */
function headerRowOf(table: HTMLTableElement): HTMLTableRowElement | null {
  const thead = table.tHead;
  if (thead && thead.rows.length > 0) return thead.rows[thead.rows.length - 1] ?? null;
  const rows = Array.from(table.rows);
  return rows.find((r) => r.cells.length > 0 && Array.from(r.cells).every((c) => c.tagName.toLowerCase() === 'th')) ?? rows[0] ?? null;
}

/** Cell index -> visual column index, honouring colspan. */
export function cellAtColumn(row: HTMLTableRowElement, column: number): HTMLTableCellElement | null {
  let col = 0;
  for (const cell of Array.from(row.cells)) {
    const span = Math.max(1, cell.colSpan || 1);
    if (column >= col && column < col + span) return cell;
    col += span;
  }
  return null;
}

/**
 * Finds the table's columns by header text. `wanted` maps our names to label keys. Rows are the rows
 * after the header row (header cells inside tbody rows are skipped).
 */
export function mapColumns<K extends string>(
  table: HTMLTableElement,
  labels: AdminLabels,
  wanted: Record<K, LabelKey>,
): ColumnMap<K> | null {
  const headerRow = headerRowOf(table);
  if (!headerRow) return null;
  const index: Partial<Record<K, number>> = {};
  let col = 0;
  for (const cell of Array.from(headerRow.cells)) {
    for (const name of Object.keys(wanted) as K[]) {
      if (index[name] === undefined && matchesLabel(labels, wanted[name], cell.textContent)) index[name] = col;
    }
    col += Math.max(1, cell.colSpan || 1);
  }
  const missing = (Object.keys(wanted) as K[]).filter((k) => index[k] === undefined);
  const all = Array.from(table.rows);
  const rows = all.slice(all.indexOf(headerRow) + 1).filter(
    (r) => r.parentElement?.tagName.toLowerCase() !== 'thead' && r.parentElement?.tagName.toLowerCase() !== 'tfoot' && Array.from(r.cells).some((c) => c.tagName.toLowerCase() === 'td'),
  );
  return { table, headerRow, index, missing, rows };
}

/**
 * Among `tables`, the one whose header has the most of the wanted columns (ties: the first).
 * Nested tables are considered separately (a table inside a cell has its own header).
 */
export function bestTable<K extends string>(
  tables: HTMLTableElement[],
  labels: AdminLabels,
  wanted: Record<K, LabelKey>,
): ColumnMap<K> | null {
  let best: ColumnMap<K> | null = null;
  for (const t of tables) {
    const m = mapColumns(t, labels, wanted);
    if (!m) continue;
    const found = Object.keys(m.index).length;
    if (found > 0 && (!best || found > Object.keys(best.index).length)) best = m;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Waiting and acting

export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
}
export class WaitAbortedError extends Error {
  override readonly name = 'WaitAbortedError';
}

export interface WaitOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * Resolves with the first non-null/false value of `predicate`, checked now and after every DOM
 * mutation under `root` (MutationObserver; no polling). `predicate(initial)` gets `true` on the
 * first, synchronous check. Rejects with WaitTimeoutError / WaitAbortedError.
 */
export function waitForDom<T>(
  root: Node,
  predicate: (initial: boolean) => T | null | undefined | false,
  { timeoutMs, signal }: WaitOptions,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new WaitAbortedError('aborted'));
      return;
    }
    const first = predicate(true);
    if (first !== null && first !== undefined && first !== false) {
      resolve(first);
      return;
    }
    const win = (root.ownerDocument ?? (root as Document)).defaultView;
    const MO = win?.MutationObserver ?? globalThis.MutationObserver;
    let done = false;
    const finish = (): void => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const observer = new MO(() => {
      if (done) return;
      let value: T | null | undefined | false;
      try {
        value = predicate(false);
      } catch (e) {
        finish();
        reject(e);
        return;
      }
      if (value !== null && value !== undefined && value !== false) {
        finish();
        resolve(value);
      }
    });
    const onAbort = (): void => {
      if (done) return;
      finish();
      reject(new WaitAbortedError('aborted'));
    };
    const timer = setTimeout(() => {
      if (done) return;
      finish();
      reject(new WaitTimeoutError(`no match within ${timeoutMs} ms`));
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * Clicks like a user. `el.click()` runs the page's handlers and the default action (a link
 * navigates, a submit button submits its form), also for elements hidden until hover.
 * Returns false if a page handler cancelled the default action.
 */
export function clickLikeAUser(el: Element): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win) {
    (el as HTMLElement).click();
    return true;
  }
  // No `view`: across realms (vitest's jsdom, Firefox Xrays) a foreign window object is rejected.
  const ev = new win.MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  return el.dispatchEvent(ev);
}

/** Sets an input's value the way typing does, so page scripts (and frameworks) see the change. */
export function setInputValue(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const win = input.ownerDocument.defaultView;
  const proto = win ? (input instanceof win.HTMLTextAreaElement ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype) : Object.getPrototypeOf(input);
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  input.focus?.();
  if (setter) setter.call(input, value);
  else input.value = value;
  const Ev = win?.Event ?? Event;
  input.dispatchEvent(new Ev('input', { bubbles: true }));
  input.dispatchEvent(new Ev('change', { bubbles: true }));
}

/**
 * Marks an element as clicked by us; returns false if it already was (guard against double acts).
 * Kept in this script's own memory, not in an attribute: the page's scripts can neither see nor
 * set it (an attribute set by them would have blocked Send or Save).
 */
const clicked = new WeakSet<Element>();
export function markOnce(el: Element): boolean {
  if (clicked.has(el)) return false;
  clicked.add(el);
  return true;
}
