/**
 * Finds English in a page that should be German: every visible text and every accessible name
 * (aria-label, title, placeholder), in the page and in our open shadow roots, is checked against a
 * list of common English words that are not German words. Left out: text marked as another
 * language (`lang="en"`: customer-facing text in the customer's language), the brand and product
 * names, code (`<code>`: identifiers), the admin's own words (in its language: the simulator runs in
 * German), and e-mail addresses.
 */
import type { Page } from 'playwright-core';

const ENGLISH = new Set(
  (
    'the and is are was were not to of for with your you please this that these has have had been from on at ago left until since already ' +
    'look lookup copy reply replies send sent resend again new password customer customers valid expired changed request requested found could cannot ' +
    'does did yes no open set check checked save saved loading error step steps done failed which what when there here time shop\'s admin\'s ' +
    'words recommended latest history days hours minutes about try it its by or our we us they their than then only one two' +
    ' activity log options settings template templates clear export filter outcome action'
  ).split(/\s+/),
);

/** Brand and product names, never translated. */
const NAMES = ['Reset Desk', 'FlickRocket', 'Flux Player', 'Web Player'];

export interface Found {
  word: string;
  text: string;
  where: string;
}

/**
 * Texts the agent sees (or hears through a screen reader) on the page, skipping `lang="en"` parts;
 * with `hosts`, only inside those elements' shadow roots (our additions to the admin's page).
 */
export async function visibleTexts(page: Page, hosts?: string): Promise<{ text: string; where: string }[]> {
  return page.evaluate((hosts) => {
    const out: { text: string; where: string }[] = [];
    const skipped = (el: Element): boolean => {
      // Inside a shadow root, closest() stops at the root: our additions take the page's language.
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? 'de';
      // translate="no": names shown as they are (IANA zone names such as America/Port_of_Spain).
      return !lang.startsWith('de') || !!el.closest('[translate="no"]');
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const visit = (root: Document | ShadowRoot | Element) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (skipped(el) || ['SCRIPT', 'STYLE', 'TEXTAREA', 'TEMPLATE', 'CODE'].includes(el.tagName)) continue;
        const style = getComputedStyle(el);
        for (const attr of ['aria-label', 'title', 'placeholder']) {
          const v = el.getAttribute(attr);
          if (v) out.push({ text: v, where: `${describe(el)}[${attr}]` });
        }
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        // Texts of a closed <details> count too: the agent opens it.
        for (const node of Array.from(el.childNodes)) {
          if (node.nodeType === 3 && node.textContent?.trim()) out.push({ text: node.textContent.trim(), where: describe(el) });
        }
        if (el instanceof HTMLOptionElement) out.push({ text: el.label, where: 'option' });
      }
    };
    if (hosts) for (const host of Array.from(document.querySelectorAll(hosts))) host.shadowRoot && visit(host.shadowRoot);
    else visit(document);
    return out;
  }, hosts);
}

export function englishIn(texts: { text: string; where: string }[], allowed: readonly string[] = []): Found[] {
  const found: Found[] = [];
  for (const { text, where } of texts) {
    let rest = text;
    for (const name of [...NAMES, ...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
    rest = rest.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
    for (const raw of rest.split(/[^\p{L}'-]+/u)) {
      const word = raw.toLowerCase().replace(/^[-']+|[-']+$/g, '');
      if (ENGLISH.has(word)) {
        found.push({ word, text, where });
        break;
      }
    }
  }
  return found;
}
