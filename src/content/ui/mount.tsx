/**
 * Injected UI lives in a shadow root (our styles do not leak into the admin, the admin's do not
 * reach us) hosted next to an admin element. An anchor is handled once: a re-render of the admin
 * or a second call does not inject twice. Everything is removed when the page's signal aborts.
 */
import { render, type ComponentChild } from 'preact';
import { buttonLook, pageTone } from './pageLook';

const handled = new WeakMap<Element, Set<string>>();

export interface MountOptions {
  /** One id per kind of injected UI; an anchor takes each kind once. */
  kind: string;
  anchor: Element;
  where: 'before' | 'after' | 'append';
  css: string;
  signal: AbortSignal;
  /** An admin button next to ours: our (non-primary) buttons take its font, padding, border and colours. */
  buttonsLike?: Element;
}

/** Returns the shadow root's render function, or null when this anchor already has this kind. */
export function mountNextTo(options: MountOptions, ui: ComponentChild): ShadowRoot | null {
  const kinds = handled.get(options.anchor) ?? new Set<string>();
  if (kinds.has(options.kind) || options.signal.aborted) return null;
  kinds.add(options.kind);
  handled.set(options.anchor, kinds);

  const host = document.createElement('reset-desk-ui');
  host.setAttribute('data-kind', options.kind);
  // The page's own colours, not the system's colour scheme (theme.ts styles both tones).
  host.setAttribute('data-tone', pageTone(options.anchor));
  const look = options.buttonsLike ? buttonLook(options.buttonsLike) : null;
  if (look) {
    host.setAttribute('data-admin-buttons', look.kind);
    // Custom properties: a value read from the page cannot reach beyond its own property.
    for (const [name, value] of Object.entries(look.props)) host.style.setProperty(`--rd-btn-${name}`, value);
  }
  // Open, so assistive tech and tests reach it; actions inside still require trusted clicks.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = options.css;
  shadow.append(style);
  // A span: an inline host (badges in a table cell) must not hold a block, which would start a new
  // line in the admin's row; a block component (the bar) is a block in it all the same.
  const root = document.createElement('span');
  shadow.append(root);
  if (options.where === 'before') options.anchor.before(host);
  else if (options.where === 'after') options.anchor.after(host);
  else options.anchor.append(host);
  render(ui, root);

  options.signal.addEventListener(
    'abort',
    () => {
      render(null, root);
      host.remove();
      kinds.delete(options.kind);
    },
    { once: true },
  );
  return shadow;
}

/** Re-renders into a mounted shadow root (our component tree lives in its last element). */
export function rerender(shadow: ShadowRoot, ui: ComponentChild): void {
  const root = shadow.lastElementChild;
  if (root) render(ui, root);
}
