// @vitest-environment jsdom
/** The Incoming requests list's status pills: their words, look-alike marking, the frame limiter, frame clean-up. */
import { afterEach, describe, expect, it, vi } from 'vitest';

// The feature module imports the messaging layer; outside an extension there is no browser API.
vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../englishI18n')).i18n } }));
import { AdminError, labelsFor } from '../../../src/admin';
import { resetStatus } from '../../../src/domain/resetStatus';
import {
  CHECK_TIMEOUT_MS, checkInFrame, createLimiter, FRAME_ATTR, pillFailureWords, pillWords, rowMatch,
} from '../../../src/content/features/incomingList';

const H = 3600_000;
const now = Date.UTC(2026, 10, 27, 12);
const req = (msAgo: number, changed = false, row = 0) => ({ at: now - msAgo, origin: 'web-player' as const, originText: 'Web Player', changed, row });

describe('pill words', () => {
  it('word every reset state', () => {
    // Whole hours left, counted down (5 h 12 min is "5 h"), in the user page badge's words.
    expect(pillWords(resetStatus([req(18 * H + 48 * 60_000)], now))).toEqual({ kind: 'valid', text: 'valid · 5 h left' });
    expect(pillWords(resetStatus([req(23 * H + 20 * 60_000)], now))).toEqual({ kind: 'valid', text: 'valid · 40 min left' });
    expect(pillWords(resetStatus([req(24 * H + 60_000)], now))).toEqual({ kind: 'expired', text: 'expired' });
    expect(pillWords(resetStatus([req(5 * H, true)], now))).toEqual({ kind: 'changed', text: 'changed' });
    expect(pillWords(resetStatus([], now))).toEqual({ kind: 'none', text: 'no request' });
  });

  it('name the reason of a failed check in a few words', () => {
    const e = (code: ConstructorParameters<typeof AdminError>[0]['code'], label?: { key: string; text: string }) =>
      new AdminError({ code, page: 'user', step: 's', ...(label ? { label } : {}) });
    expect(pillFailureWords(e('timeout'))).toBe('could not check: timed out');
    expect(pillFailureWords(e('not-logged-in'))).toBe('could not check: not logged in');
    expect(pillFailureWords(e('load-failed'))).toBe('could not check: load failed');
    expect(pillFailureWords(e('label-missing', { key: 'passwordHistory', text: 'Password History' }))).toBe('could not check: "Password History" not found');
    expect(pillFailureWords(e('unparseable-date'))).toBe('could not check: date unreadable');
    // A Show button clicked in the frame: the row is gone from the reloaded list, or Show led elsewhere.
    expect(pillFailureWords(e('not-found'))).toBe('could not check: row not found again');
    expect(pillFailureWords(e('unexpected-page'))).toBe('could not check: user page did not open');
    // Plain data (an error that crossed messaging) reads the same.
    expect(pillFailureWords(e('timeout').toJSON())).toBe('could not check: timed out');
    expect(pillFailureWords(new Error('boom'))).toBe('could not check');
  });
});

describe('rowMatch', () => {
  it('marks other rows as look-alikes only when an e-mail was searched', () => {
    expect(rowMatch('anna@example.com', 'anna@example.com', true)).toBe('exact');
    expect(rowMatch('johanna@example.com', 'anna@example.com', false)).toBe('lookalike');
    expect(rowMatch('johanna@example.com', 'anna', false)).toBe('other');
    expect(rowMatch('johanna@example.com', '', false)).toBe('other');
  });
});

describe('createLimiter', () => {
  it('runs at most N tasks at once, in order, and drops queued tasks whose signal aborted', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const task = (i: number) => () => {
      started.push(i);
      running++;
      peak = Math.max(peak, running);
      return new Promise<number>((resolve) => releases.push(() => { running--; resolve(i); }));
    };
    const aborted = new AbortController();
    const p = [limit(task(1)), limit(task(2)), limit(task(3), aborted.signal), limit(task(4))];
    expect(started).toEqual([1, 2]);
    aborted.abort();
    releases[0]!();
    await p[0];
    await expect(p[2]).rejects.toThrow('aborted');
    expect(started).toEqual([1, 2, 4]);
    releases[1]!();
    releases[2]!();
    expect(await Promise.all([p[1], p[3]])).toEqual([2, 4]);
    expect(peak).toBe(2);
  });
});

describe('checkInFrame', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });
  const options = (signal: AbortSignal) => ({ labels: labelsFor('en'), timeZone: 'UTC', validityHours: 24, adminTimeZone: 'Europe/Berlin', signal });
  // On the page's own site (jsdom loads no frame content: the check waits as for a slow admin).
  const userPage = () => new URL('/cms/support/incoming/show?id=1', document.baseURI).href;

  it('uses a hidden, unfocusable frame and removes it when the page goes', async () => {
    const page = new AbortController();
    const check = checkInFrame(document, userPage(), options(page.signal));
    const frame = document.querySelector<HTMLIFrameElement>(`iframe[${FRAME_ATTR}]`)!;
    expect(frame).not.toBeNull();
    expect(frame.hidden).toBe(true);
    expect(frame.tabIndex).toBe(-1);
    expect(frame.getAttribute('aria-hidden')).toBe('true');
    expect(frame.hasAttribute('sandbox')).toBe(false);
    page.abort();
    await expect(check).rejects.toBeInstanceOf(AdminError);
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('loads no frame for a link to another site', async () => {
    await expect(checkInFrame(document, 'https://elsewhere.example/cms/support/incoming/show?id=1', options(new AbortController().signal))).rejects.toMatchObject({
      code: 'unexpected-page',
      detail: 'the link leads to another site (https://elsewhere.example)',
    });
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('gives up after the timeout with a timeout error and removes the frame', async () => {
    vi.useFakeTimers();
    const check = checkInFrame(document, userPage(), options(new AbortController().signal));
    const caught = check.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(CHECK_TIMEOUT_MS + 1);
    const error = (await caught) as AdminError;
    expect(error.code).toBe('timeout');
    expect(pillFailureWords(error)).toBe('could not check: timed out');
    expect(document.querySelector('iframe')).toBeNull();
  });
});
