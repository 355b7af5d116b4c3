import { DEFAULT_TEMPLATES_BY_LANG, PLACEHOLDERS, REPLY_LANGS, TEMPLATE_IDS, templateKey, type ReplyLang, type TemplateId } from '../domain/replyTemplates';
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
  'which-address': 'optTplWhichAddress',
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

const LANG_NAMES: Record<ReplyLang, MessageKey> = { en: 'langEn', de: 'langDe' };

export function Templates(props: {
  /** Every language's templates, by templateKey. */
  templates: Record<string, string>;
  errors: FieldErrors;
  warnings: FieldErrors;
  onChange(key: string, text: string): void;
}) {
  const agentTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const validUntil = Date.now() + 24 * 3600_000;
  return (
    <>
      <p class="hint" id="placeholders-hint">
        {placeholdersHint()}
      </p>
      <p>
        <button
          type="button"
          onClick={() => REPLY_LANGS.forEach((lang) => TEMPLATE_IDS.forEach((id) => props.onChange(templateKey(lang, id), DEFAULT_TEMPLATES_BY_LANG[lang][id])))}
        >
          {t('optResetAllTemplates')}
        </button>
      </p>
      {REPLY_LANGS.map((lang) => (
        <fieldset class="templates-lang" data-templates-lang={lang} key={lang}>
          <legend>{t(LANG_NAMES[lang])}</legend>
          {TEMPLATE_IDS.map((id) => {
            const key = templateKey(lang, id);
            const field = `template-${key}`;
            const fallback = DEFAULT_TEMPLATES_BY_LANG[lang][id];
            const text = props.templates[key] ?? fallback;
            const edited = text !== fallback;
            const preview = renderReply(id, { email: SAMPLE.email, shop: SAMPLE.shop, password: SAMPLE.password, validUntil, agentTimeZone, templates: { [key]: text }, lang });
            const name = `${t(TEMPLATE_NAMES[id])} (${t(LANG_NAMES[lang])})`;
            return (
              <div class="template" key={key}>
                <div class="template-head">
                  <label for={field}>{name}</label>
                  {edited ? <span class="badge">{t('optEdited')}</span> : null}
                  <button type="button" disabled={!edited} onClick={() => props.onChange(key, fallback)} aria-label={`${t('optResetTemplate')}: ${name}`}>
                    {t('optResetTemplate')}
                  </button>
                </div>
                <div class="template-body">
                  <textarea
                    id={field}
                    rows={8}
                    spellcheck={true}
                    // Customer text, in the customer's language (spell checking follows it too).
                    lang={lang}
                    value={text}
                    {...described(field, props.errors[field], props.warnings[field], 'placeholders-hint')}
                    onInput={(e) => props.onChange(key, (e.target as HTMLTextAreaElement).value)}
                  />
                  <div class="preview">
                    <span class="preview-title" id={`${field}-preview-title`}>
                      {t('optPreview')}
                    </span>
                    <pre aria-labelledby={`${field}-preview-title`} tabIndex={0} data-preview={key} lang={lang}>
                      {preview}
                    </pre>
                  </div>
                </div>
                <Messages id={field} errors={props.errors[field]} warnings={props.warnings[field]} />
              </div>
            );
          })}
        </fieldset>
      ))}
    </>
  );
}
