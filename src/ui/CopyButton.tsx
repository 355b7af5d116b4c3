import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';

/** Copies `text` to the clipboard; the button's accessible name says what it copies ("Copy reply: …"). */
export function CopyButton({ text, what, primary }: { text: string; what: string; primary?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
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
      <button type="button" class={primary ? 'primary' : undefined} onClick={copy} title={what} aria-label={t('copyThis', [what])}>
        {t('copy')}
      </button>
      <span class="copy-what">{what}</span>
      <span aria-live="polite" class="copy-state">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </span>
  );
}
