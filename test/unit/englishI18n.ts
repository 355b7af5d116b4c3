/**
 * `browser.i18n` as an English browser answers it, for unit tests' mocks of webextension-polyfill
 * (outside a browser the real module throws on import). The built extension carries no copy of
 * the messages: the browser reads public/_locales itself.
 */
import en from '../../public/_locales/en/messages.json';

const messages: Record<string, { message: string }> = en;

export const i18n = {
  /** As Chrome does: `$1`…`$9` in the message take the substitutions; an unknown key gives "". */
  getMessage(key: string, substitutions: string | string[] = []): string {
    const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
    const entry = messages[key];
    return entry ? entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') : '';
  },
};
