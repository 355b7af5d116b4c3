/**
 * The first-run page, opened once on install (src/background/install.ts): what the extension needs
 * to be right (the admin's address, its time zone and language: the options page's own fields and
 * Save, src/options/) and the three things it adds, with the way to the other options.
 */
import browser from 'webextension-polyfill';
import { t, type MessageKey } from '../shared/i18n';
import { AdminFields } from '../options/AdminFields';
import { Section } from '../options/Field';
import { SaveBar } from '../options/SaveBar';
import { useSettingsForm } from '../options/useSettingsForm';

const ADDS: readonly [title: MessageKey, text: MessageKey][] = [
  ['welAddPopupTitle', 'welAddPopup'],
  ['welAddUserTitle', 'welAddUser'],
  ['welAddListTitle', 'welAddList'],
];

export function Welcome() {
  const { form, errors, warnings, status, loaded, dirty, update, onSave } = useSettingsForm();
  if (!form) return <main class="options welcome">{t('optLoading')}</main>;
  return (
    <main class="options welcome">
      <h1>{t('welTitle')}</h1>
      <p class="lead">{t('welIntro')}</p>
      <form noValidate onSubmit={onSave}>
        <Section id="needs" title={t('welNeeds')}>
          <AdminFields form={form} errors={errors} warnings={warnings} pinned={loaded.pinned} update={update} />
          <SaveBar status={status} dirty={dirty} errors={errors.form} />
        </Section>
      </form>
      <Section id="adds" title={t('welAdds')}>
        <ul class="adds">
          {ADDS.map(([title, text]) => (
            <li key={title}>
              <strong>{t(title)}</strong> {t(text)}
            </li>
          ))}
        </ul>
      </Section>
      <p>
        <a href={browser.runtime.getURL('src/options/index.html')} data-link="options">
          {t('welMoreOptions')}
        </a>{' '}
        <span class="muted">{t('welMoreOptionsHint')}</span>
      </p>
    </main>
  );
}
