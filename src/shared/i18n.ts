/**
 * The extension's own words, from `_locales/<lang>/messages.json` through `browser.i18n`, so the
 * UI follows the browser's language (English, German). Keys are checked against the English file
 * at compile time only: the bundles carry no copy of it (unit tests mock i18n with
 * test/unit/englishI18n.ts).
 */
import browser from 'webextension-polyfill';
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** `t('stepsTook', ['3'])`: `$1`-style substitutions as in messages.json placeholders. */
export function t(key: MessageKey, substitutions: (string | number)[] = []): string {
  // "" only if this browser's copy of the messages lacks a key the English file has (a packaging
  // bug): the key tells the agent and us more than an empty button.
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}
