// @vitest-environment node
import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { resetStatus, type ResetStatus, type RowVerdict } from '../../../src/domain/resetStatus';
import type { ResetRequest } from '../../../src/domain/types';
import { adminChange, DAY, HOUR, MINUTE, NOW, request, SECOND } from './fixtures';

function verdictOf(status: ResetStatus, r: ResetRequest): RowVerdict {
  const v = status.rows.find((x) => x.request === r);
  if (!v) throw new Error('no verdict for row');
  return v;
}

describe('resetStatus: the 24 hour boundary (valid iff age < 24 h)', () => {
  it('23:59:59 old is valid, with 1 s left', () => {
    const r = request(NOW - (DAY - SECOND));
    const s = resetStatus([r], NOW);
    expect(s.state).toBe('valid');
    expect(s.latest).toBe(r);
    expect(s.ageMs).toBe(DAY - SECOND);
    expect(s.validUntil).toBe(r.at + DAY);
    if (s.state !== 'valid') throw new Error('unreachable');
    expect(s.remainingMs).toBe(SECOND);
  });

  it('exactly 24:00:00 old is expired', () => {
    const r = request(NOW - DAY);
    const s = resetStatus([r], NOW);
    expect(s.state).toBe('expired');
    if (s.state !== 'expired') throw new Error('unreachable');
    expect(s.expiredForMs).toBe(0);
    expect(s.validUntil).toBe(NOW);
  });

  it('24:00:01 old is expired, for 1 s', () => {
    const s = resetStatus([request(NOW - DAY - SECOND)], NOW);
    expect(s.state).toBe('expired');
    if (s.state !== 'expired') throw new Error('unreachable');
    expect(s.expiredForMs).toBe(SECOND);
  });

  it('one millisecond before 24 h is still valid', () => {
    expect(resetStatus([request(NOW - DAY + 1)], NOW).state).toBe('valid');
  });

  it('honours a custom validity', () => {
    const r = request(NOW - 2 * HOUR);
    expect(resetStatus([r], NOW, 2 * HOUR).state).toBe('expired');
    expect(resetStatus([r], NOW, 2 * HOUR + 1).state).toBe('valid');
  });
});

describe('resetStatus: choosing the latest request', () => {
  it('no rows: none', () => {
    const s = resetStatus([], NOW);
    expect(s).toMatchObject({ state: 'none', latest: null, ageMs: null, validUntil: null, rows: [] });
  });

  it('sorts by time, not by row order', () => {
    const old = request(NOW - 3 * DAY, { row: 0 });
    const newest = request(NOW - HOUR, { row: 2 });
    const middle = request(NOW - 2 * DAY, { row: 1 });
    const s = resetStatus([old, newest, middle], NOW);
    expect(s.latest).toBe(newest);
    expect(s.state).toBe('valid');
    expect(s.requests).toEqual([old, middle, newest]);
    expect(s.rows.map((v) => v.request)).toEqual([old, middle, newest]);
  });

  it('gives the same answer for every input order and does not modify the input', () => {
    const rows = [request(NOW - 5 * HOUR), request(NOW - 30 * HOUR), request(NOW - 2 * HOUR)];
    const copy = [...rows];
    const expected = resetStatus(rows, NOW);
    expect(rows).toEqual(copy);
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0], [1, 0, 2]]) {
      const s = resetStatus(order.map((i) => rows[i]!), NOW);
      expect(s.latest).toBe(expected.latest);
      expect(s.rows).toEqual(expected.rows);
    }
  });

  it('breaks ties of the same printed instant by the admin row order (lower row = newer)', () => {
    const a = request(NOW - HOUR, { row: 3 });
    const b = request(NOW - HOUR, { row: 1 });
    const s = resetStatus([b, a], NOW);
    expect(s.latest).toBe(b);
    expect(verdictOf(s, a)).toMatchObject({ kind: 'superseded', supersededBy: b });
  });

  it('admin rows are never the latest request', () => {
    const r = request(NOW - 30 * HOUR);
    const manualNoChange = adminChange(NOW - HOUR, { changed: false });
    const s = resetStatus([r, manualNoChange], NOW);
    expect(s.latest).toBe(r);
    expect(s.state).toBe('expired');
    expect(verdictOf(s, manualNoChange).kind).toBe('admin-no-change');
  });

  it('only admin rows: none, with the manual change reported per row', () => {
    const a = adminChange(NOW - HOUR);
    const s = resetStatus([a], NOW);
    expect(s.state).toBe('none');
    expect(s.requests).toEqual([]);
    expect(verdictOf(s, a).kind).toBe('manual-change');
  });
});

describe('resetStatus: password changes', () => {
  it("the request's own 'Password changed: Yes' means changed", () => {
    const r = request(NOW - HOUR, { changed: true });
    const s = resetStatus([r], NOW);
    expect(s.state).toBe('changed');
    if (s.state !== 'changed') throw new Error('unreachable');
    expect(s.changedBy).toBe(r);
  });

  it('changed wins over expired', () => {
    expect(resetStatus([request(NOW - 3 * DAY, { changed: true })], NOW).state).toBe('changed');
  });

  it('an admin change after the latest request means changed', () => {
    const r = request(NOW - 3 * HOUR);
    const a = adminChange(NOW - HOUR);
    const s = resetStatus([a, r], NOW);
    expect(s.state).toBe('changed');
    if (s.state !== 'changed') throw new Error('unreachable');
    expect(s.changedBy).toBe(a);
    expect(verdictOf(s, r)).toMatchObject({ kind: 'changed', changedBy: a });
    expect(verdictOf(s, a).kind).toBe('manual-change');
  });

  it('an admin change at the same printed instant counts as after the request', () => {
    for (const row of [0, 9]) {
      const r = request(NOW - HOUR, { row: 5 });
      const a = adminChange(NOW - HOUR, { row });
      const s = resetStatus([r, a], NOW);
      expect(s.state).toBe('changed');
    }
  });

  it('a change before a newer request does not matter: the newer request is still valid', () => {
    const older = request(NOW - 10 * HOUR, { changed: true });
    const manual = adminChange(NOW - 5 * HOUR);
    const newer = request(NOW - 2 * HOUR);
    const s = resetStatus([newer, manual, older], NOW);
    expect(s.state).toBe('valid');
    expect(s.latest).toBe(newer);
    expect(verdictOf(s, older)).toMatchObject({ kind: 'changed', changedBy: older });
    expect(verdictOf(s, manual).kind).toBe('manual-change');
    expect(verdictOf(s, newer).kind).toBe('valid');
  });

  it('an admin row with "No" is not a change', () => {
    const r = request(NOW - HOUR);
    const s = resetStatus([r, adminChange(NOW - 10 * MINUTE, { changed: false })], NOW);
    expect(s.state).toBe('valid');
  });
});

describe('resetStatus: per-row verdicts', () => {
  it('valid / expired / changed / superseded', () => {
    const first = request(NOW - 4 * DAY, { changed: true });
    const second = request(NOW - 3 * DAY);
    const latest = request(NOW - 5 * HOUR - 12 * MINUTE);
    const s = resetStatus([latest, second, first], NOW);
    expect(s.rows).toEqual([
      { kind: 'changed', request: first, changedBy: first },
      { kind: 'superseded', request: second, supersededBy: latest },
      {
        kind: 'valid',
        request: latest,
        validUntil: latest.at + DAY,
        remainingMs: DAY - 5 * HOUR - 12 * MINUTE,
      },
    ]);
  });

  it('expired latest row says how long ago', () => {
    const r = request(NOW - 2 * DAY - 3 * HOUR);
    const s = resetStatus([r], NOW);
    expect(s.rows).toEqual([
      { kind: 'expired', request: r, validUntil: r.at + DAY, expiredForMs: DAY + 3 * HOUR },
    ]);
  });
});

describe('resetStatus: rows in the future (clock skew) and unreadable dates', () => {
  it('a request beyond the 2 minute tolerance is reported, not trusted', () => {
    const real = request(NOW - 30 * HOUR);
    const future = request(NOW + 10 * MINUTE);
    const s = resetStatus([future, real], NOW);
    expect(s.skewed).toEqual([future]);
    expect(s.latest).toBe(real);
    expect(s.state).toBe('expired');
    expect(verdictOf(s, future)).toEqual({ kind: 'future', request: future, aheadMs: 10 * MINUTE });
  });

  it('a request within the tolerance is trusted, with age 0', () => {
    const r = request(NOW + 2 * MINUTE);
    const s = resetStatus([r], NOW);
    expect(s.skewed).toEqual([]);
    expect(s.latest).toBe(r);
    expect(s.state).toBe('valid');
    expect(s.ageMs).toBe(0);
    if (s.state !== 'valid') throw new Error('unreachable');
    expect(s.remainingMs).toBe(DAY + 2 * MINUTE);
  });

  it('just beyond the tolerance is skewed; the tolerance is configurable', () => {
    const r = request(NOW + 2 * MINUTE + 1);
    expect(resetStatus([r], NOW).skewed).toEqual([r]);
    expect(resetStatus([r], NOW, DAY, { futureToleranceMs: 5 * MINUTE }).skewed).toEqual([]);
  });

  it('only future requests: none, with the rows reported', () => {
    const f = request(NOW + HOUR);
    const s = resetStatus([f], NOW);
    expect(s.state).toBe('none');
    expect(s.skewed).toEqual([f]);
  });

  it('a future change is not trusted either', () => {
    const r = request(NOW - HOUR);
    const f = adminChange(NOW + HOUR);
    const s = resetStatus([r, f], NOW);
    expect(s.state).toBe('valid');
    expect(s.skewed).toEqual([f]);
  });

  it('rows with an unreadable instant are reported and ignored', () => {
    const r = request(NOW - HOUR);
    const bad = request(Number.NaN);
    const s = resetStatus([bad, r], NOW);
    expect(s.undated).toEqual([bad]);
    expect(s.latest).toBe(r);
    expect(s.rows.at(-1)).toEqual({ kind: 'undated', request: bad });
  });
});

describe('resetStatus: argument checks', () => {
  it('rejects a non-finite now and a non-positive validity', () => {
    expect(() => resetStatus([], Number.NaN)).toThrow(RangeError);
    expect(() => resetStatus([], NOW, 0)).toThrow(RangeError);
    expect(() => resetStatus([], NOW, DAY, { futureToleranceMs: -1 })).toThrow(RangeError);
  });
});

/**
 * Validity is measured in real elapsed time. The instants are built from wall-clock times with
 * TZDate; across a DST change the wall clock gains or loses an hour, the link's 24 h do not.
 */
describe('resetStatus: DST (validity is real elapsed time)', () => {
  const at = (zone: string, y: number, mo: number, d: number, h: number, mi: number, s = 0) =>
    new TZDate(y, mo - 1, d, h, mi, s, zone).getTime();
  const stateAt = (requestAt: number, now: number) => resetStatus([request(requestAt)], now);

  it('builds the instants the test expects (guards against a vacuous test)', () => {
    expect(at('Europe/Berlin', 2026, 3, 28, 10, 30)).toBe(Date.UTC(2026, 2, 28, 9, 30)); // CET
    expect(at('Europe/Berlin', 2026, 3, 29, 10, 30)).toBe(Date.UTC(2026, 2, 29, 8, 30)); // CEST
    expect(at('America/New_York', 2026, 11, 1, 20, 0)).toBe(Date.UTC(2026, 10, 2, 1, 0)); // EST
  });

  describe('Europe/Berlin, DST start 2026-03-29 02:00 -> 03:00', () => {
    const Z = 'Europe/Berlin';
    const req = at(Z, 2026, 3, 28, 10, 30);

    it('next day 10:29:59 on the wall clock is only 22:59:59 later: valid, 1 h 0 m 1 s left', () => {
      const s = stateAt(req, at(Z, 2026, 3, 29, 10, 29, 59));
      expect(s.state).toBe('valid');
      expect(s.ageMs).toBe(23 * HOUR - SECOND);
      if (s.state !== 'valid') throw new Error('unreachable');
      expect(s.remainingMs).toBe(HOUR + SECOND);
    });

    it('next day 11:29:59 is 23:59:59 later: valid; 11:30:00 is 24 h: expired', () => {
      expect(stateAt(req, at(Z, 2026, 3, 29, 11, 29, 59)).state).toBe('valid');
      const s = stateAt(req, at(Z, 2026, 3, 29, 11, 30, 0));
      expect(s.state).toBe('expired');
      expect(s.validUntil).toBe(at(Z, 2026, 3, 29, 11, 30, 0));
    });
  });

  describe('Europe/Berlin, DST end 2026-10-25 03:00 -> 02:00', () => {
    const Z = 'Europe/Berlin';
    const req = at(Z, 2026, 10, 24, 10, 30);

    it('next day 10:29:59 on the wall clock is 24:59:59 later: expired', () => {
      const s = stateAt(req, at(Z, 2026, 10, 25, 10, 29, 59));
      expect(s.ageMs).toBe(25 * HOUR - SECOND);
      expect(s.state).toBe('expired');
    });

    it('next day 09:29:59 is 23:59:59 later: valid; 09:30:00 is 24 h: expired', () => {
      expect(stateAt(req, at(Z, 2026, 10, 25, 9, 29, 59)).state).toBe('valid');
      expect(stateAt(req, at(Z, 2026, 10, 25, 9, 30, 0)).state).toBe('expired');
    });
  });

  describe('America/New_York, DST start 2026-03-08 02:00 -> 03:00', () => {
    const Z = 'America/New_York';
    const req = at(Z, 2026, 3, 7, 20, 0);

    it('next day 20:00 on the wall clock is only 23 h later: valid', () => {
      const s = stateAt(req, at(Z, 2026, 3, 8, 20, 0));
      expect(s.ageMs).toBe(23 * HOUR);
      expect(s.state).toBe('valid');
    });

    it('next day 20:59:59 is valid, 21:00:00 is expired', () => {
      expect(stateAt(req, at(Z, 2026, 3, 8, 20, 59, 59)).state).toBe('valid');
      expect(stateAt(req, at(Z, 2026, 3, 8, 21, 0, 0)).state).toBe('expired');
    });
  });

  describe('America/New_York, DST end 2026-11-01 02:00 -> 01:00', () => {
    const Z = 'America/New_York';
    const req = at(Z, 2026, 10, 31, 20, 0);

    it('next day 19:59:59 on the wall clock is 24:59:59 later: expired', () => {
      const s = stateAt(req, at(Z, 2026, 11, 1, 19, 59, 59));
      expect(s.ageMs).toBe(25 * HOUR - SECOND);
      expect(s.state).toBe('expired');
    });

    it('next day 18:59:59 is valid, 19:00:00 is expired', () => {
      expect(stateAt(req, at(Z, 2026, 11, 1, 18, 59, 59)).state).toBe('valid');
      expect(stateAt(req, at(Z, 2026, 11, 1, 19, 0, 0)).state).toBe('expired');
    });
  });

  it('the admin zone and the agent zone do not matter: instants are compared', () => {
    // Request printed by a Berlin admin, "now" read on a New York agent's clock: 23:59:59 apart.
    const req = at('Europe/Berlin', 2026, 3, 29, 1, 30); // 00:30Z, just before the Berlin change
    const now = at('America/New_York', 2026, 3, 29, 20, 29, 59); // EDT, = 00:29:59Z next day
    expect(stateAt(req, now).state).toBe('valid');
    expect(stateAt(req, now + SECOND).state).toBe('expired');
  });
});
