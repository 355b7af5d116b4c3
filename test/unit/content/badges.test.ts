// @vitest-environment jsdom
/** Badge words and the "older than the validity" flag for Password History rows. */
import { describe, expect, it, vi } from 'vitest';

// The feature module imports the messaging layer; outside an extension there is no browser API.
vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../englishI18n')).i18n } }));
import { resetStatus } from '../../../src/domain/resetStatus';
import { isOlderThanValidity, verdictWords } from '../../../src/content/features/userPage';

const H = 3600_000;
const now = Date.UTC(2026, 10, 27, 12);
const req = (hoursAgo: number, changed = false, origin: 'web-player' | 'admin' = 'web-player', row = 0) =>
  ({ at: now - hoursAgo * H, origin, originText: origin, changed, row });

describe('badges', () => {
  it('word every verdict and flag rows older than 24 h', () => {
    const status = resetStatus([req(30, false, 'web-player', 2), req(2, false, 'web-player', 1), req(1, true, 'admin', 0)], now);
    const byRow = new Map(status.rows.map((v) => [v.request.row, v]));
    expect(verdictWords(byRow.get(2)!)).toEqual({ kind: 'superseded', text: 'superseded by a later request' });
    expect(verdictWords(byRow.get(1)!).kind).toBe('changed'); // the admin change after it
    expect(verdictWords(byRow.get(0)!).kind).toBe('manual-change');
    expect(isOlderThanValidity(byRow.get(2)!, now, 24 * H)).toBe(true);
    expect(isOlderThanValidity(byRow.get(1)!, now, 24 * H)).toBe(false);
  });

  it('says how long a valid request has left, and how long ago an expired one ended', () => {
    const valid = resetStatus([req(2)], now).rows[0]!;
    expect(verdictWords(valid)).toEqual({ kind: 'valid', text: 'valid · 22 h left' });
    const expired = resetStatus([req(24 + 1 / 60)], now).rows[0]!;
    expect(verdictWords(expired)).toEqual({ kind: 'expired', text: 'expired 1 min ago' });
    expect(isOlderThanValidity(expired, now, 24 * H)).toBe(true);
  });
});
