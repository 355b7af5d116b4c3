/**
 * Small building blocks of the injected UI. Every button acts only on a trusted click (a real user
 * gesture): a page script calling `.click()` or dispatching an event on our shadow DOM gets
 * `isTrusted === false` and nothing happens.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
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

/** Copies `text` (computed on click) to the clipboard; says "Copied" / "Could not copy". */
export function CopyText({ text, children, label, action }: { text: () => string; children: ComponentChildren; label?: string; action?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <span class="copy">
      <TrustedButton
        label={label}
        action={action}
        onPress={() => {
          navigator.clipboard.writeText(text()).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {children}
      </TrustedButton>{' '}
      <span aria-live="polite" class="muted">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </span>
  );
}

/** An error of any kind as one sentence for the agent, in the agent's language. */
export { errorText } from '../../shared/errorWords';
