import { LABEL_KEYS, labelsFor } from '../admin/labels';
import { t } from '../shared/i18n';
import { described, Messages, Pinned } from './Field';
import type { FieldErrors } from './form';

/**
 * Advanced: the admin's wording for each thing Reset Desk looks for. The default texts come from
 * src/admin/labels.ts at run time (this file holds no admin label texts); an empty field = default.
 */
export function LabelOverrides(props: { values: Record<string, string>; errors: FieldErrors; pinned: readonly string[]; onChange(key: string, text: string): void; onRemove(key: string): void }) {
  const en = labelsFor('en').texts;
  const de = labelsFor('de').texts;
  const known = new Set<string>(LABEL_KEYS);
  const unknown = Object.keys(props.values).filter((k) => !known.has(k));
  return (
    <details class="advanced" open={Object.keys(props.errors).some((k) => k.startsWith('label')) || props.pinned.some((k) => k.startsWith('label-')) || undefined}>
      <summary>{t('optLabelsSummary')}</summary>
      <p class="hint" id="labels-hint">
        {t('optLabelsHint')}
      </p>
      <Messages id="labelOverrides" errors={props.errors.labelOverrides} />
      <table class="labels">
        <thead>
          <tr>
            <th scope="col">{t('optLabelKey')}</th>
            <th scope="col">{t('optLabelDefault')}</th>
            <th scope="col">{t('optLabelOverride')}</th>
          </tr>
        </thead>
        <tbody>
          {[...LABEL_KEYS, ...unknown].map((key) => {
            const field = `label-${key}`;
            const pinned = props.pinned.includes(field);
            // The admin's words in its two languages, each marked as such (they are not ours to translate).
            const defaults = known.has(key) ? (
              <>
                <span lang="en">{en[key as keyof typeof en].join(' / ')}</span> · <span lang="de">{de[key as keyof typeof de].join(' / ')}</span>
              </>
            ) : (
              '—'
            );
            return (
              <tr key={key}>
                <th scope="row">
                  <label for={field}>
                    <code>{key}</code>
                  </label>
                </th>
                <td class="defaults">{defaults}</td>
                <td>
                  <input
                    id={field}
                    type="text"
                    value={props.values[key] ?? ''}
                    {...described(field, props.errors[field], undefined, 'labels-hint', pinned)}
                    onInput={(e) => props.onChange(key, (e.target as HTMLInputElement).value)}
                  />
                  {pinned ? <Pinned id={field} /> : null}
                  <Messages id={field} errors={props.errors[field]} />
                  {!known.has(key) ? (
                    <button type="button" onClick={() => props.onRemove(key)}>
                      {t('optRemove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
