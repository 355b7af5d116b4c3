/**
 * What the in-page help (src/content/features) needs to find on admin pages, beyond the flows: the
 * history tables' rows as elements (to put a badge next to a row), the user's name and shop from the
 * User section, the text in a list page's search field, and where a result's Show control leads.
 * Found by labels and structure like everything else in this folder; nothing here changes the page.
 */
import { bestTable, cellAtColumn, displayText, findHeading, queryAll, sectionAfter, textOf } from './dom';
import { findSearchForm } from './pages';
import { acceptedTexts, labelsOn, languageFromText, normalizeText, type AdminLabels, type LabelKey } from './labels';
import { readHistoryState, type HistoryKind } from './userPage';

export interface HistoryRowElement {
  /** The data row, in rendered order: index i is the parsers' `row: i`. */
  row: HTMLTableRowElement;
  /** The row's Date cell (a good place for a badge), or the first cell. */
  dateCell: HTMLTableCellElement | null;
}

/**
 * The loaded history table's data rows as elements, in the same order (and with the same
 * numbering) as parsePasswordHistory / parseEmailHistory. [] when the section is not loaded or
 * shows "No data".
 */
export function historyRowElements(doc: Document, labels: AdminLabels, which: HistoryKind): HistoryRowElement[] {
  labels = labelsOn(labels, 'user');
  const state = readHistoryState(doc, labels, which);
  if (state.state !== 'table') return [];
  const wanted: Record<string, LabelKey> =
    which === 'passwordHistory'
      ? { date: 'colDate', origin: 'colOrigin', changed: 'colPasswordChanged' }
      : { date: 'colDate', type: 'colEmailType', subject: 'colSubject', recipient: 'colRecipient' };
  const table = bestTable(queryAll<HTMLTableElement>(state.section, 'table'), labels, wanted);
  if (!table) return [];
  const dateIndex = table.index.date;
  return table.rows.map((row) => ({ row, dateCell: (dateIndex !== undefined ? cellAtColumn(row, dateIndex) : null) ?? row.cells[0] ?? null }));
}

export interface UserDetails {
  name: string;
  shop: string;
  /** The customer's Language, where the admin shows it (in either admin language's words). */
  language?: 'en' | 'de';
}



/** The value shown next to a caption ("Name", "Shop:") in a property list: the next cell / <dd>. */
function valueAfterCaption(scope: Element[], labels: AdminLabels, key: LabelKey): string {
  const wanted = acceptedTexts(labels, key).map(normalizeText);
  for (const part of scope) {
    for (const el of [part, ...Array.from(part.querySelectorAll('th, td, dt, label, span, b, strong'))]) {
      const t = textOf(el).replace(/[:*]\s*$/u, '').trim();
      if (!wanted.includes(t)) continue;
      // The caption may be wrapped (<td><b>Shop</b></td>): climb to the element that has a next sibling.
      let cap: Element | null = el;
      while (cap && !cap.nextElementSibling && cap.parentElement && textOf(cap.parentElement) === textOf(cap)) cap = cap.parentElement;
      const next = cap?.nextElementSibling;
      if (next) return displayText(next);
    }
  }
  return '';
}

/** Name and shop from the user page's User section ('' where it shows none). */
export function readUserDetails(doc: Document, labels: AdminLabels): UserDetails {
  labels = labelsOn(labels, 'user');
  const heading = findHeading(doc, labels, 'userSection');
  if (!heading) return { name: '', shop: '' };
  const { parts } = sectionAfter(heading);
  const language = languageFromText(valueAfterCaption(parts, labels, 'language'), labels);
  return { name: valueAfterCaption(parts, labels, 'colName'), shop: valueAfterCaption(parts, labels, 'colShop'), ...(language ? { language } : {}) };
}

const TEXT_INPUTS = 'input:not([type]), input[type=text], input[type=search], input[type=email]';

/** The text in a list page's search field (what the results are for), or null without a search form. */
export function readSearchQuery(doc: Document, labels: AdminLabels): string | null {
  const found = findSearchForm(doc, labels);
  if (!found) return null;
  let box: Element | null = found.form;
  if (!box) for (box = found.control.parentElement; box && box.querySelectorAll(TEXT_INPUTS).length === 0; box = box.parentElement);
  const field = box?.querySelector<HTMLInputElement>(TEXT_INPUTS);
  return field ? field.value.trim() : null;
}

/**
 * Where a Show control leads without clicking it: a link's own address (absolute). null for a
 * button or a link with no real target ("#", javascript:): those navigate by the page's script, so
 * the caller has to click them (e.g. in a frame).
 */
export function linkTarget(control: Element): string | null {
  if (control.tagName.toLowerCase() !== 'a') return null;
  const href = (control.getAttribute('href') ?? '').trim();
  if (href === '' || href.startsWith('#') || href.toLowerCase().startsWith('javascript:')) return null;
  try {
    return new URL(href, control.ownerDocument.baseURI).href;
  } catch {
    return null;
  }
}
