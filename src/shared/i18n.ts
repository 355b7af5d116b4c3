/**
 * The extension's own words, from `_locales/<lang>/messages.json` through `browser.i18n`, so the
 * UI follows the browser's language (English, German). Keys are checked against the English file.
 */
import browser from 'webextension-polyfill';
import en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** `t('stepsTook', ['3'])`: `$1`-style substitutions as in messages.json placeholders. */
export function t(key: MessageKey, substitutions: (string | number)[] = []): string {
  const subs = substitutions.map(String);
  let text = '';
  try {
    text = browser.i18n.getMessage(key, subs);
  } catch {
    // Outside the extension (unit tests): fall back to English below.
  }
  if (text) return text;
  const entry = en[key] as { message: string };
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}
