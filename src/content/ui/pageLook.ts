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

/**
 * The look of an admin control to copy onto our buttons: its computed styles, when it is a button
 * (a <button> or an <input> button); null for a link or anything else (our own quiet style stays).
 */
export function buttonLook(control: Element): Record<string, string> | null {
  const view = control.ownerDocument.defaultView;
  const isButton = control.localName === 'button' || (control.localName === 'input' && /^(button|submit|reset)$/i.test(control.getAttribute('type') ?? ''));
  if (!view || !isButton) return null;
  const style = view.getComputedStyle(control);
  return Object.fromEntries(BUTTON_LOOK.map((name) => [name, style.getPropertyValue(name)]));
}
