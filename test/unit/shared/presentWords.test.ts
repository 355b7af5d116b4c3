// @vitest-environment node
/**
 * The domain's codes become words here: every reason and warning has a sentence in English and in
 * German, with every fact filled in (no `$1` left, no code shown).
 */
import { describe, expect, it, vi } from 'vitest';
import de from '../../../public/_locales/de/messages.json';
import en from '../../../public/_locales/en/messages.json';
import type { Reason, Warning } from '../../../src/domain/decideAction';

const lang = vi.hoisted(() => ({ messages: {} as Record<string, { message: string }> }));
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getMessage(key: string, subs: string[] = []) {
        const entry = lang.messages[key];
        return entry ? entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') : '';
      },
    },
  },
}));
const { reasonText, warningText, alternativeText, duration } = await import('../../../src/shared/present');
const { errorSentence, errorWithHint } = await import('../../../src/shared/errorWords');

const H = 3600_000;
const REASONS: Reason[] = [
  { code: 'no-request' },
  { code: 'changed', by: 'customer', agoMs: H },
  { code: 'changed', by: 'agent', agoMs: 2 * H },
  { code: 'expired', ageMs: 30 * H, validityMs: 24 * H },
  { code: 'valid-no-email', ageMs: H },
  { code: 'resend', ageMs: 2 * H, remainingMs: 22 * H, validityMs: 24 * H },
];
const WARNINGS: Warning[] = [
  { code: 'future-rows', rows: [2], saysChanged: true },
  { code: 'undated-rows', rows: [1, 3] },
  { code: 'future-emails', rows: [4] },
  { code: 'undated-emails', rows: [5] },
  { code: 'resent-before', times: 1, agoMs: 12 * 60_000, row: 2 },
  { code: 'resent-before', times: 3, agoMs: 12 * 60_000, row: 2 },
  { code: 'email-older-than-request', row: 1 },
  { code: 'expires-soon', remainingMs: 20 * 60_000 },
  { code: 'other-recipient', recipient: 'a@example.com', customerEmail: 'b@example.com' },
];

for (const [name, messages] of [['English', en], ['German', de]] as const) {
  describe(`present words in ${name}`, () => {
    it('every reason, alternative and warning is a filled-in sentence', () => {
      lang.messages = messages;
      const texts = [
        ...REASONS.map(reasonText),
        ...WARNINGS.map(warningText),
        alternativeText({ kind: 'manual-reset', validityMs: 24 * H }),
        alternativeText({ kind: 'request-again', validityMs: 24 * H }),
      ];
      for (const text of texts) {
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toMatch(/\$\d|undefined|\[object/);
      }
      expect(new Set(texts).size).toBe(texts.length);
    });

    it('errors by code, with the admin label and page, and a hint', () => {
      lang.messages = messages;
      const text = errorWithHint({ code: 'label-missing', message: 'English', details: { page: 'user', label: { key: 'passwordHistory', text: 'Password History' } } });
      expect(text).toContain(messages === de ? '„Password History“' : '"Password History"');
      expect(text).not.toContain('English');
      expect(errorSentence({ code: 'never-heard-of', message: 'As it was said' })).toBe('As it was said');
      // A page's progress that lost the background: said in the agent's language, with what to do.
      const gone = errorWithHint({ code: 'background-gone', message: "Reset Desk's background does not answer." });
      expect(gone).not.toContain('does not answer.');
      expect(gone).toContain(messages === de ? 'Laden Sie diese Seite neu' : 'Reload this page');
      // A custom admin host without access: named, with the way to grant it.
      const access = errorWithHint({ code: 'no-host-access', message: 'English', details: { origin: 'https://admin.example.org' } });
      expect(access).toContain('https://admin.example.org');
      expect(access).not.toContain('English');
      expect(access).toContain(messages === de ? 'Admin-Adresse erneut' : 'save the admin address again');
    });
  });
}

describe('activity outcomes in words', () => {
  it('old entries stored with codes read in words, in both languages; words stay as they are', async () => {
    const { outcomeWords } = await import('../../../src/shared/activityLog');
    lang.messages = en;
    expect(outcomeWords('failed: label-missing')).toBe("not done: the admin's layout has changed");
    expect(outcomeWords('failed: unknown')).toBe('not done: an error');
    expect(outcomeWords('not found')).toBe('no customer with this e-mail');
    expect(outcomeWords('Valid')).toBe('Valid');
    expect(outcomeWords('reset e-mail resent')).toBe('reset e-mail resent');
    lang.messages = de;
    expect(outcomeWords('failed: label-missing')).not.toMatch(/label-missing|failed/);
    expect(outcomeWords('Expired')).toBe(de.stateExpired.message);
    expect(outcomeWords('new password set')).toBe(de.outPasswordSet.message);
    expect(outcomeWords('Gültig')).toBe('Gültig');
  });
});

describe('rounded durations, in both languages', () => {
  const S = 1000;
  const M = 60 * S;
  it('English: "about 2 h ago", "22 h left", "1 min ago", never a negative time', () => {
    lang.messages = en;
    expect(duration(2 * H - 10 * M, 'ago')).toBe('about 2 h');
    expect(duration(22 * H + 40 * M, 'left')).toBe('22 h');
    expect(duration(70 * S, 'ago')).toBe('1 min');
    expect(duration(59 * S, 'left')).toBe('less than 1 min');
    expect(duration(59 * M + 40 * S, 'left')).toBe('59 min');
    expect(duration(59 * M + 40 * S, 'ago')).toBe('about 1 h');
    expect(duration(23 * H + 59 * M, 'left')).toBe('23 h');
    expect(duration(3 * 24 * H, 'ago')).toBe('about 3 d');
    expect(duration(-5 * M, 'ago')).toBe('less than 1 min');
    expect(duration(-5 * M, 'left')).toBe('less than 1 min');
  });
  it('German: "etwa 2 Std.", "22 Std.", "weniger als 1 Min."', () => {
    lang.messages = de;
    expect(duration(2 * H - 10 * M, 'ago')).toBe('etwa 2 Std.');
    expect(duration(22 * H + 40 * M, 'left')).toBe('22 Std.');
    expect(duration(70 * S, 'ago')).toBe('1 Min.');
    expect(duration(59 * S, 'ago')).toBe('weniger als 1 Min.');
    expect(duration(-1, 'left')).toBe('weniger als 1 Min.');
  });
});

describe('the time uncertainty of an assumed zone', () => {
  it('agent in UTC, admin maybe in Berlin: 1 h in winter, 2 h in summer; 0 when the zone is known', async () => {
    const { timeUncertaintyMs } = await import('../../../src/shared/judge');
    expect(timeUncertaintyMs(Date.UTC(2026, 11, 3), 'UTC', false)).toBe(H);
    expect(timeUncertaintyMs(Date.UTC(2026, 6, 3), 'UTC', false)).toBe(2 * H);
    expect(timeUncertaintyMs(Date.UTC(2026, 11, 3), 'America/New_York', false)).toBe(6 * H);
    expect(timeUncertaintyMs(Date.UTC(2026, 11, 3), 'UTC', true)).toBe(0);
  });
});

describe('times in the reply', () => {
  it("are in the customer's terms, with the zone", async () => {
    const { customerTime } = await import('../../../src/shared/present');
    const at = Date.UTC(2026, 11, 3, 0, 14);
    expect(customerTime(at, 'Europe/Berlin', 'en')).toBe('3 Dec, 01:14 CET');
    expect(customerTime(at, 'Europe/Berlin', 'de')).toBe('3. Dez., 01:14 MEZ');
  });
});
