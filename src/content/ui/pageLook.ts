/**
 * The admin page's own look where our UI is mounted, read from computed styles only (nothing
 * about the admin's markup): whether the page is light or dark behind the anchor, and what the
 * admin's own button next to our button looks like. Our in-page additions follow the page, not the
 * system's colour scheme: a dark bar on a white admin clashes (the popup and the options page keep
 * prefers-color-scheme, src/ui/theme.css).
 */

export type Tone = 'light' | 'dark';

interface Rgba { r: number; g: number; b: number; a: number }

/** "rgb(1, 2, 3)" / "rgba(1, 2, 3, 0.5)" / "rgb(1 2 3 / 50%)" as numbers; null for anything else. Pure. */
export function parseColor(css: string): Rgba | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/i.exec(css.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** Relative luminance (WCAG), 0 black … 1 white. Pure. */
export function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Darker than mid-grey (luminance of about #777): a dark surface. */
const DARK_BELOW = 0.18;

/**
 * Light or dark page behind `anchor`: the first mostly opaque background colour of the anchor or
 * an ancestor. Where none sets one (the browser's canvas shows), the text colour tells: light text
 * means a dark canvas.
 */
export function pageTone(anchor: Element): Tone {
  const view = anchor.ownerDocument.defaultView;
  if (!view) return 'light';
  for (let el: Element | null = anchor; el; el = el.parentElement) {
    const bg = parseColor(view.getComputedStyle(el).backgroundColor);
    if (bg && bg.a >= 0.5) return luminance(bg) < DARK_BELOW ? 'dark' : 'light';
  }
  const fg = parseColor(view.getComputedStyle(anchor).color);
  return fg && luminance(fg) > 0.5 ? 'dark' : 'light';
}

/** The computed properties of an admin button our buttons copy (as --rd-btn-<name> on our host). */
export const BUTTON_LOOK = [
  'font-family', 'font-size', 'font-weight', 'line-height', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-top-style', 'border-top-color', 'border-radius', 'background-color', 'background-image', 'color',
] as const;

/** What the browser's own (unstyled) button shows for these, unless a page's CSS changed them. */
const NATIVE_MARKS = ['background-color', 'background-image', 'border-top-width', 'border-top-style', 'border-top-color', 'border-radius'] as const;

export interface ButtonLook {
  /**
   * 'native': the admin leaves its buttons to the browser (drawn by the system; copying their
   * computed border and background would draw a different, heavier button): ours go back to the
   * browser's own button with the admin's font. 'styled': ours copy every property.
   */
  kind: 'native' | 'styled';
  props: Record<string, string>;
}

/** Whether `style` shows the browser's own button: compared with an unstyled button that no page CSS reaches. */
function isNativeButton(doc: Document, style: CSSStyleDeclaration): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  const probeHost = doc.createElement('span');
  // In a shadow root of its own, the probe gets only the browser's styles (page CSS does not cross in).
  const probe = doc.createElement('button');
  probeHost.attachShadow({ mode: 'closed' }).append(probe);
  (doc.body ?? doc.documentElement).append(probeHost);
  try {
    const plain = view.getComputedStyle(probe);
    return NATIVE_MARKS.every((name) => plain.getPropertyValue(name) === style.getPropertyValue(name));
  } finally {
    probeHost.remove();
  }
}

/**
 * The look of an admin control to copy onto our buttons: its computed styles, when it is a button
 * (a <button> or an <input> button); null for a link or anything else (our own quiet style stays).
 */
export function buttonLook(control: Element): ButtonLook | null {
  const doc = control.ownerDocument;
  const view = doc.defaultView;
  const isButton = control.localName === 'button' || (control.localName === 'input' && /^(button|submit|reset)$/i.test(control.getAttribute('type') ?? ''));
  if (!view || !isButton) return null;
  const style = view.getComputedStyle(control);
  return {
    kind: isNativeButton(doc, style) ? 'native' : 'styled',
    props: Object.fromEntries(BUTTON_LOOK.map((name) => [name, style.getPropertyValue(name)])),
  };
}
