import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';

/** Copies `text` to the clipboard; the accessible name stays "Copy" (with a description of what). */
export function CopyButton({ text, what }: { text: string; what: string }) {
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
      <button type="button" onClick={copy} title={what}>
        {t('copy')}
      </button>
      <span class="copy-what">{what}</span>
      <span aria-live="polite" class="copy-state">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </span>
  );
}
