import { t } from '../shared/i18n';
import type { ComponentChildren } from 'preact';

/** A field's messages: errors (block saving) and warnings (worth a look), linked to the input by id. */
export function Messages({ id, errors, warnings }: { id: string; errors?: string[] | undefined; warnings?: string[] | undefined }) {
  if (!errors?.length && !warnings?.length) return null;
  return (
    <div id={`${id}-messages`} class="messages">
      {errors?.map((e) => (
        <p key={e} class="error">
          <span aria-hidden="true">✖ </span>
          {e}
        </p>
      ))}
      {warnings?.map((w) => (
        <p key={w} class="warning">
          <span aria-hidden="true">⚠ </span>
          {w}
        </p>
      ))}
    </div>
  );
}

/** One labelled field: its label, the control (children), an optional hint and its messages. */
export function Field({ id, label, hint, errors, pinned, children }: { id: string; label: string; hint?: ComponentChildren; errors?: string[] | undefined; pinned?: boolean; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {pinned ? <Pinned id={id} /> : null}
      {hint !== undefined ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <Messages id={id} errors={errors} />
    </div>
  );
}

/** The note under a field the organisation's policy sets (its input is disabled). */
export function Pinned({ id }: { id: string }) {
  return (
    <p class="pinned" id={`${id}-pinned`}>
      {t('optPinned')}
    </p>
  );
}

/** aria attributes for an input with messages; a pinned one is disabled and says why. */
export function described(id: string, errors?: string[], warnings?: string[], hint?: string, pinned = false) {
  const ids = [hint, pinned ? `${id}-pinned` : undefined, errors?.length || warnings?.length ? `${id}-messages` : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': errors?.length ? true : undefined, 'aria-describedby': ids || undefined, ...(pinned ? { disabled: true } : {}) };
}

export function Section({ title, id, children }: { title: string; id: string; children: ComponentChildren }) {
  return (
    <section class="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
