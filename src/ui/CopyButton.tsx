import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

/**
 * Copies `text` to the clipboard; the button's accessible name says what it copies ("Copy reply: …").
 * `secret` (a password, a reply that holds one): the in-page copy empties the clipboard after a
 * minute if it still holds it (src/shared/clipboard.ts), but an extension page may read the
 * clipboard only with the clipboardRead permission, which Reset Desk does not ask for (Chromium:
 * "Read permission denied"), and a closed popup runs nothing; so the popup says so instead.
 */
export function CopyButton({ text, what, secret, primary, focus }: { text: string; what: string; secret?: boolean; primary?: boolean; focus?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const button = useRef<HTMLButtonElement>(null);
  // The next step after an action (copy the reply): focused when it appears, so Enter does it.
  useEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span class="copy">
      <button ref={button} type="button" class={primary ? 'primary' : undefined} onClick={copy} title={what} aria-label={t('copyThis', [what])}>
        {t('copy')}
      </button>
      <span class="copy-what">{what}</span>
      <span aria-live="polite" class="copy-state">
        {state === 'copied' ? (secret ? t('copiedSecretPopup') : t('copied')) : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </span>
  );
}
