/**
 * Injected UI lives in a shadow root (our styles do not leak into the admin, the admin's do not
 * reach us) hosted next to an admin element. An anchor is handled once: a re-render of the admin
 * or a second call does not inject twice. Everything is removed when the page's signal aborts.
 */
import { render, type ComponentChild } from 'preact';

const handled = new WeakMap<Element, Set<string>>();

export interface MountOptions {
  /** One id per kind of injected UI; an anchor takes each kind once. */
  kind: string;
  anchor: Element;
  where: 'before' | 'after' | 'append';
  css: string;
  signal: AbortSignal;
}

/** Returns the shadow root's render function, or null when this anchor already has this kind. */
export function mountNextTo(options: MountOptions, ui: ComponentChild): ShadowRoot | null {
  const kinds = handled.get(options.anchor) ?? new Set<string>();
  if (kinds.has(options.kind) || options.signal.aborted) return null;
  kinds.add(options.kind);
  handled.set(options.anchor, kinds);

  const host = document.createElement('reset-desk-ui');
  host.setAttribute('data-kind', options.kind);
  // Open, so assistive tech and tests reach it; actions inside still require trusted clicks.
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = options.css;
  shadow.append(style);
  const root = document.createElement('div');
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

/** Re-renders into a mounted shadow root (our component tree lives in its last div). */
export function rerender(shadow: ShadowRoot, ui: ComponentChild): void {
  const root = shadow.lastElementChild;
  if (root) render(ui, root);
}
