/**
 * Could this page be one the in-page help works on (user, customer, the two list pages)? A quick
 * first look for the content script's gate, which runs on every admin page: most admin pages are
 * not ours, and there the extension should cost next to nothing.
 *
 * It is a necessary condition of `recognizePage` finding one of our pages with the default labels
 * of any language (see KEYS below). It may say yes for other pages too (a page with a Save button);
 * those then get the full recognition, which decides. Renamed labels (options → Admin labels) are
 * not seen here: with overrides set, the background has the full content script run on every admin
 * page instead (background/contentScript.ts).
 *
 * Why one XPath expression: in a fresh content-script world every DOM object the script touches
 * needs a wrapper (and each element type its prototype) made first, which costs more than the
 * search itself; a single `document.evaluate` answers with one boolean and touches no element.
 * Comparisons are the adapter's (normalizeText): whitespace collapsed, case-insensitive. Measured in
 * Chromium on the simulator's Dashboard: about 0.2 ms, plus about 0.5 ms for the first XPath of a page
 * (`npm run bench` prints the gate's whole cost next to that of content scripts that do less).
 */
import { labelsFor, normalizeText, type LabelKey } from './labels';

/**
 * What recognizePage requires of each of our pages, one thing per page is enough: the user page
 * cannot be without its Password History heading, the customer page without its Save control, the
 * two lists without their Search control.
 */
const TITLE_KEYS: readonly LabelKey[] = ['passwordHistory'];
const CONTROL_KEYS: readonly LabelKey[] = ['searchIcon', 'save'];

/** Where a heading may sit: real headings and the short elements that act as one (as in dom.ts's findHeadings). */
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend', 'caption', 'summary', 'dt', 'strong', 'b', 'label', 'header', 'th'];
/** Plain boxes that act as a heading when they hold just its text (an old markup's "boxtitle" div). Only leaves: an outer box's text is a whole page area. */
const BOXES = ['div', 'span', 'p', 'td'];
const CONTROLS = ['a', 'button'];
/** Attributes that name a control (an icon-only Search is known by its title, aria-label or alt; an input button by its value). */
const NAMING_ATTRIBUTES = ['title', 'aria-label', 'alt'];

function defaultTexts(keys: readonly LabelKey[]): string[] {
  const out = new Set<string>();
  for (const lang of ['en', 'de'] as const) {
    const { texts } = labelsFor(lang);
    for (const key of keys) for (const text of texts[key]) out.add(normalizeText(text));
  }
  return [...out];
}

/** An XPath string literal (XPath 1.0 has no escapes: a text with both quote kinds is a concat()). */
function literal(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  return `concat(${text.split("'").map((part) => `'${part}'`).join(`, "'", `)})`;
}

/**
 * The XPath boolean expression the gate evaluates. XPath 1.0 lowercases with translate() only:
 * the letter pairs come from the label texts themselves, so every letter a label has is covered.
 */
export function pageHintXPath(): string {
  const titles = defaultTexts(TITLE_KEYS);
  const controls = defaultTexts(CONTROL_KEYS);
  const letters = [...new Set([...titles, ...controls].join(''))].filter((c) => c.toUpperCase() !== c && c.toUpperCase().length === 1);
  const upper = literal(letters.map((c) => c.toUpperCase()).join(''));
  const lower = literal(letters.join(''));
  const norm = (of: string) => `translate(normalize-space(${of}), ${upper}, ${lower})`;
  // One membership test per node: '|a|b|' contains '|text|'.
  const oneOf = (texts: string[], of: string) => `contains(${literal(`|${texts.join('|')}|`)}, concat('|', ${norm(of)}, '|'))`;
  // A heading may carry an entry count ("Password History (3)", labels.ts withoutCount): the text
  // before any "(" is tested. That says yes to a little more than the count; recognition decides.
  const beforeParen = (of: string) => `normalize-space(substring-before(concat(${norm(of)}, '('), '('))`;
  const titleOf = (of: string) => `contains(${literal(`|${titles.join('|')}|`)}, concat('|', ${beforeParen(of)}, '|'))`;
  // A union of plain paths, each filtered once: Blink's XPath walks the document quickly, while
  // predicates that test an element's name (self::x, local-name()) on every element cost tenfold.
  const any = (paths: string[]) => `(${paths.join(' | ')})`;
  return [
    `${any(HEADINGS.map((h) => `//${h}`))}[${titleOf('.')}]`,
    `${any(BOXES.map((b) => `//${b}`))}[not(*)][${titleOf('.')}]`,
    // A control by its text (an icon's <svg><title> is part of it) or by a naming attribute.
    `${any([...CONTROLS.map((c) => `//${c}`), "//*[@role = 'button' or @role = 'link']"])}[${oneOf(controls, '.')}]`,
    `${any([...NAMING_ATTRIBUTES.map((a) => `//@${a}`), '//input/@value'])}[${oneOf(controls, '.')}]`,
  ]
    .map((part) => `boolean(${part})`)
    .join(' or ');
}

/**
 * `expression`: pageHintXPath(), which the gate gets worked out at build time (vite.config.ts):
 * building it at run time (the labels, their normalising) would cost more than the look itself.
 */
export function mightBeOurPage(doc: Document, expression = pageHintXPath()): boolean {
  // 3: XPathResult.BOOLEAN_TYPE (the number, so the XPathResult interface need not be made).
  return doc.evaluate(expression, doc, null, 3, null).booleanValue;
}
