/**
 * A password shown in the admin page. Its text lives in a closed shadow root of its own: our other
 * in-page UI is in open roots (assistive tech and tests reach them, and their buttons need trusted
 * clicks anyway), but an open root's text is readable by the admin page's own scripts, and this one
 * must not be. A closed root's text is still shown, selectable and read out. It is removed after a
 * minute (SECRET_SHOWN_MS), as in the popup; a new password starts the minute again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';

export const SECRET_SHOWN_MS = 60_000;

/** A span's closed root: attachShadow works once per element, and only we keep the reference. */
const closedRoots = new WeakMap<Element, ShadowRoot>();

export function SecretText({ text }: { text: string }) {
  const host = useRef<HTMLSpanElement | null>(null);
  const [gone, setGone] = useState(false);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = closedRoots.get(el) ?? el.attachShadow({ mode: 'closed' });
    closedRoots.set(el, root);
    root.textContent = text;
    setGone(false);
    const timer = setTimeout(() => {
      root.textContent = '';
      setGone(true);
    }, SECRET_SHOWN_MS);
    return () => {
      clearTimeout(timer);
      root.textContent = '';
    };
  }, [text]);

  return (
    <>
      <span ref={host} class="secret" data-secret="password" aria-label={t('newPassword')} hidden={gone} />
      {gone ? <span class="muted" data-secret-gone="true">{t('secretRemoved')}</span> : null}
    </>
  );
}
