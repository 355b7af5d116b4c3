import { DEFAULT_TEMPLATES, PLACEHOLDERS, TEMPLATE_IDS, type TemplateId } from '../domain/replyTemplates';
import { t, type MessageKey } from '../shared/i18n';
import { renderReply } from '../shared/present';
import { described, Messages } from './Field';
import type { FieldErrors } from './form';

export const TEMPLATE_NAMES: Record<TemplateId, MessageKey> = {
  'try-again': 'optTplTryAgain',
  'request-again': 'optTplRequestAgain',
  'new-password': 'optTplNewPassword',
  'forward-copy': 'optTplForwardCopy',
  'resend-done': 'optTplResendDone',
  'already-changed': 'optTplAlreadyChanged',
};

/** Example values for the live preview (clearly made up). */
const SAMPLE = { email: 'anna@example.com', shop: 'Movie Shop', password: 'k7#Qe-x9Tm_b4?Pw' };

/** The hint's sentence with the placeholder names as code (they are typed as they are, in any language). */
function placeholdersHint() {
  const MARK = '\u2063';
  const [before = '', after = ''] = t('optPlaceholders', [MARK]).split(MARK);
  return (
    <>
      {before}
      {PLACEHOLDERS.map((p, i) => (
        <>
          {i > 0 ? ' ' : ''}
          <code key={p}>{`{${p}}`}</code>
        </>
      ))}
      {after}
    </>
  );
}

export function Templates(props: {
  templates: Record<TemplateId, string>;
  errors: FieldErrors;
  warnings: FieldErrors;
  onChange(id: TemplateId, text: string): void;
}) {
  const agentTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const validUntil = Date.now() + 24 * 3600_000;
  return (
    <>
      <p class="hint" id="placeholders-hint">
        {placeholdersHint()}
      </p>
      <p>
        <button type="button" onClick={() => TEMPLATE_IDS.forEach((id) => props.onChange(id, DEFAULT_TEMPLATES[id]))}>
          {t('optResetAllTemplates')}
        </button>
      </p>
      {TEMPLATE_IDS.map((id) => {
        const field = `template-${id}`;
        const text = props.templates[id];
        const edited = text !== DEFAULT_TEMPLATES[id];
        const preview = renderReply(id, { email: SAMPLE.email, shop: SAMPLE.shop, password: SAMPLE.password, validUntil, agentTimeZone, templates: { [id]: text } });
        return (
          <div class="template" key={id}>
            <div class="template-head">
              <label for={field}>{t(TEMPLATE_NAMES[id])}</label>
              {edited ? <span class="badge">{t('optEdited')}</span> : null}
              <button type="button" disabled={!edited} onClick={() => props.onChange(id, DEFAULT_TEMPLATES[id])} aria-label={`${t('optResetTemplate')}: ${t(TEMPLATE_NAMES[id])}`}>
                {t('optResetTemplate')}
              </button>
            </div>
            <div class="template-body">
              <textarea
                id={field}
                rows={8}
                spellcheck={true}
                // The replies are customer text, in English for now.
                lang="en"
                value={text}
                {...described(field, props.errors[field], props.warnings[field], 'placeholders-hint')}
                onInput={(e) => props.onChange(id, (e.target as HTMLTextAreaElement).value)}
              />
              <div class="preview">
                <span class="preview-title" id={`${field}-preview-title`}>
                  {t('optPreview')}
                </span>
                <pre aria-labelledby={`${field}-preview-title`} tabIndex={0} data-preview={id} lang="en">
                  {preview}
                </pre>
              </div>
            </div>
            <Messages id={field} errors={props.errors[field]} warnings={props.warnings[field]} />
          </div>
        );
      })}
    </>
  );
}
