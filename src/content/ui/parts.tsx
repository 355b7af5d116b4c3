/**
 * Small building blocks of the injected UI. Every button acts only on a trusted click (a real user
 * gesture): a page script calling `.click()` or dispatching an event on our shadow DOM gets
 * `isTrusted === false` and nothing happens.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { clearClipboardLater, type ClipboardCheck } from '../../shared/clipboard';
import { t } from '../../shared/i18n';

export function TrustedButton(props: {
  onPress: () => void;
  children: ComponentChildren;
  primary?: boolean;
  disabled?: boolean;
  label?: string;
  title?: string;
  action?: string;
  buttonRef?: (el: HTMLButtonElement | null) => void;
}) {
  return (
    <button
      type="button"
      class={props.primary ? 'primary' : undefined}
      disabled={props.disabled}
      aria-label={props.label}
      title={props.title}
      data-action={props.action}
      ref={props.buttonRef}
      onClick={(e) => {
        if (!e.isTrusted) return;
        props.onPress();
      }}
    >
      {props.children}
    </button>
  );
}

/**
 * Copies `text` (computed on click) to the clipboard; says "Copied" / "Could not copy". `secret`
 * (a password, a reply that holds one): a minute later the clipboard is emptied if it still holds
 * it, and the agent is told where the browser did not let us look (src/shared/clipboard.ts).
 */
export function CopyText({ text, children, label, action, secret }: { text: () => string; children: ComponentChildren; label?: string; action?: string; secret?: boolean }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed' | ClipboardCheck>('idle');
  const [copiedSecret, setCopiedSecret] = useState<string | null>(null);
  useEffect(() => (copiedSecret === null ? undefined : clearClipboardLater(copiedSecret, setState)), [copiedSecret]);
  const said: Record<typeof state, string> = {
    idle: '',
    copied: secret ? t('copiedSecret') : t('copied'),
    failed: t('copyFailed'),
    cleared: t('clipboardCleared'),
    replaced: '',
    'not-allowed': t('clipboardNotChecked'),
  };
  return (
    <span class="copy">
      <TrustedButton
        label={label}
        action={action}
        onPress={() => {
          const value = text();
          navigator.clipboard.writeText(value).then(
            () => {
              setState('copied');
              if (secret) setCopiedSecret(value);
            },
            () => setState('failed'),
          );
        }}
      >
        {children}
      </TrustedButton>{' '}
      <span aria-live="polite" class="muted" data-clipboard={state}>
        {said[state]}
      </span>
    </span>
  );
}

/** An error of any kind as one sentence for the agent, in the agent's language. */
export { errorText } from '../../shared/errorWords';
