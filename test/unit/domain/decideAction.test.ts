// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decideAction, type Decision } from '../../../src/domain/decideAction';
import { resetStatus } from '../../../src/domain/resetStatus';
import type { HistoryEmail, ResetRequest } from '../../../src/domain/types';
import { adminChange, DAY, email, HOUR, MINUTE, NOW, request, SECOND } from './fixtures';

const decide = (requests: ResetRequest[], emails: HistoryEmail[], options = {}) =>
  decideAction(resetStatus(requests, NOW), emails, options);

function offersManualReset(d: Decision): boolean {
  return d.kind === 'manual-reset' || d.alternatives.some((a) => a.kind === 'manual-reset');
}

describe('decideAction: each kind', () => {
  it('no request: no-request, suggest requesting one', () => {
    const d = decide([], [email(NOW - DAY)]);
    expect(d.kind).toBe('no-request');
    expect(d.email).toBeNull();
    expect(d.request).toBeNull();
    expect(d.reason).toEqual({ code: 'no-request' });
    expect(offersManualReset(d)).toBe(true);
  });

  it('expired: request-again, saying how old the request is', () => {
    const r = request(NOW - 2 * DAY - 3 * HOUR);
    const d = decide([r], [email(r.at + SECOND)]);
    expect(d.kind).toBe('request-again');
    expect(d.email).toBeNull();
    expect(d.request).toBe(r);
    expect(d.validUntil).toBe(r.at + DAY);
    expect(d.reason).toEqual({ code: 'expired', ageMs: 2 * DAY + 3 * HOUR, validityMs: DAY });
    expect(offersManualReset(d)).toBe(true);
  });

  it('changed by the customer: nothing-to-do', () => {
    const r = request(NOW - 2 * HOUR, { changed: true });
    const d = decide([r], [email(r.at + SECOND)]);
    expect(d.kind).toBe('nothing-to-do');
    expect(d.email).toBeNull();
    expect(d.reason).toMatchObject({ code: 'changed', by: 'customer' });
    expect(offersManualReset(d)).toBe(true);
  });

  it('changed by an agent after the request: nothing-to-do, saying support set it', () => {
    const r = request(NOW - 2 * HOUR);
    const d = decide([r, adminChange(NOW - HOUR)], [email(r.at + SECOND)]);
    expect(d.kind).toBe('nothing-to-do');
    expect(d.reason).toEqual({ code: 'changed', by: 'agent', agoMs: HOUR });
  });

  it('valid with its e-mail: resend that e-mail, valid until 24 h after the request', () => {
    const r = request(NOW - 5 * HOUR - 12 * MINUTE);
    const mail = email(r.at + 3 * SECOND);
    const d = decide([r], [mail]);
    expect(d.kind).toBe('resend');
    if (d.kind !== 'resend') throw new Error('unreachable');
    expect(d.email).toBe(mail);
    expect(d.request).toBe(r);
    expect(d.validUntil).toBe(r.at + DAY);
    expect(d.resendsSinceRequest).toEqual([]);
    expect(d.emailsSinceRequest).toEqual([mail]);
    expect(d.reason).toEqual({ code: 'resend', ageMs: 5 * HOUR + 12 * MINUTE, remainingMs: 18 * HOUR + 48 * MINUTE, validityMs: DAY });
    expect(d.alternatives.map((a) => a.kind)).toEqual(['manual-reset']);
    expect(d.warnings).toEqual([]);
  });

  it('valid without a New Password e-mail: manual reset recommended', () => {
    const r = request(NOW - HOUR);
    const d = decide([r], [email(r.at + SECOND, { kind: 'other' })]);
    expect(d.kind).toBe('manual-reset');
    expect(d.email).toBeNull();
    expect(d.reason).toMatchObject({ code: 'valid-no-email' });
    expect(d.alternatives.map((a) => a.kind)).toEqual(['request-again']);
  });

  it('valid, but the only New Password e-mail is older than the request: manual reset, never resend it', () => {
    const older = request(NOW - 30 * HOUR);
    const r = request(NOW - HOUR);
    const d = decide([r, older], [email(older.at + SECOND)]);
    expect(d.kind).toBe('manual-reset');
    expect(d.warnings).toEqual([expect.objectContaining({ code: 'email-older-than-request' })]);
  });

  it('manual reset is offered for every decision', () => {
    const cases: Decision[] = [
      decide([], []),
      decide([request(NOW - 2 * DAY)], []),
      decide([request(NOW - HOUR, { changed: true })], []),
      decide([request(NOW - HOUR)], []),
      decide([request(NOW - HOUR)], [email(NOW - HOUR + SECOND)]),
    ];
    expect(cases.map((d) => d.kind).sort()).toEqual(
      ['manual-reset', 'no-request', 'nothing-to-do', 'request-again', 'resend'],
    );
    for (const d of cases) expect(offersManualReset(d)).toBe(true);
  });
});

describe('decideAction: which e-mail to resend', () => {
  it('the latest New Password e-mail by time, never by row', () => {
    const r = request(NOW - 5 * HOUR);
    const original = email(r.at + 2 * SECOND, { row: 0 });
    const resent = email(r.at + HOUR, { row: 7 });
    const unrelated = email(r.at + 2 * HOUR, { kind: 'other', row: 1 });
    const d = decide([r], [original, unrelated, resent]);
    expect(d.kind).toBe('resend');
    expect(d.email).toBe(resent);
  });

  it('accepts an e-mail printed up to the tolerance before the request (truncated times)', () => {
    const r = request(NOW - HOUR);
    const mail = email(r.at - 50 * SECOND);
    expect(decide([r], [mail]).email).toBe(mail);
    expect(decide([r], [mail], { emailToleranceMs: 10 * SECOND }).kind).toBe('manual-reset');
  });

  it('rejects an e-mail dated beyond the tolerance before the request', () => {
    const r = request(NOW - HOUR);
    expect(decide([r], [email(r.at - 61 * SECOND)]).kind).toBe('manual-reset');
    expect(decide([r], [email(r.at - 60 * SECOND)]).kind).toBe('resend');
  });

  it('ignores e-mails dated in the future, with a warning', () => {
    const r = request(NOW - HOUR);
    const mail = email(r.at + SECOND);
    const future = email(NOW + HOUR);
    const d = decide([r], [future, mail]);
    // A date in the future means the zone is wrong: no resend then (see timeZoneRule.test.ts).
    expect(d.kind).toBe('manual-reset');
    expect(d.warnings).toEqual([{ code: 'zone-wrong' }, { code: 'future-emails', rows: [future.row + 1] }]);
  });

  it('warns when the e-mail went to another address than the customer', () => {
    const r = request(NOW - HOUR);
    const mail = email(r.at + SECOND, { recipient: 'johanna@example.com' });
    const d = decide([r], [mail], { customerEmail: 'anna@example.com' });
    expect(d.kind).toBe('resend');
    expect(d.warnings).toEqual([{ code: 'other-recipient', recipient: 'johanna@example.com', customerEmail: 'anna@example.com' }]);
    const same = decide([r], [email(r.at + SECOND, { recipient: 'Anna@Example.com ' })], {
      customerEmail: 'anna@example.com',
    });
    expect(same.warnings).toEqual([]);
  });

  it('warns when the link is about to expire', () => {
    const r = request(NOW - DAY + 20 * MINUTE);
    const d = decide([r], [email(r.at + SECOND)]);
    expect(d.kind).toBe('resend');
    expect(d.warnings).toEqual([{ code: 'expires-soon', remainingMs: 20 * MINUTE }]);
  });
});

describe('decideAction: resends that already happened', () => {
  it('reports a second New Password e-mail after the original as a resend', () => {
    const r = request(NOW - 5 * HOUR);
    const before = email(r.at - DAY); // belongs to an earlier request
    const original = email(r.at + SECOND);
    const resent = email(NOW - 12 * MINUTE);
    const d = decide([r], [resent, before, original]);
    expect(d.kind).toBe('resend');
    expect(d.emailsSinceRequest).toEqual([original, resent]);
    expect(d.resendsSinceRequest).toEqual([resent]);
    expect(d.email).toBe(resent);
    expect(d.warnings).toEqual([{ code: 'resent-before', times: 1, agoMs: 12 * MINUTE, row: resent.row + 1 }]);
  });

  it('counts several resends, oldest first', () => {
    const r = request(NOW - 5 * HOUR);
    const mails = [email(r.at + SECOND), email(r.at + HOUR), email(r.at + 2 * HOUR)];
    const d = decide([r], [...mails].reverse());
    expect(d.resendsSinceRequest).toEqual(mails.slice(1));
    expect(d.warnings).toEqual([expect.objectContaining({ code: 'resent-before', times: 2 })]);
  });

  it('is reported for expired requests too', () => {
    const r = request(NOW - 2 * DAY);
    const d = decide([r], [email(r.at + SECOND), email(r.at + HOUR)]);
    expect(d.kind).toBe('request-again');
    expect(d.resendsSinceRequest).toHaveLength(1);
  });
});

describe('decideAction: untrusted rows', () => {
  it('warns about Password History rows dated in the future', () => {
    const r = request(NOW - HOUR);
    const d = decide([r, adminChange(NOW + HOUR)], [email(r.at + SECOND)]);
    expect(d.kind).toBe('manual-reset');
    expect(d.warnings).toEqual([{ code: 'zone-wrong' }, expect.objectContaining({ code: 'future-rows', saysChanged: true })]);
    expect(d.warnings[1]).toMatchObject({ rows: [expect.any(Number)] });
  });

  it('warns about rows with unreadable dates', () => {
    const d = decide([request(Number.NaN)], []);
    expect(d.kind).toBe('no-request');
    expect(d.warnings).toEqual([expect.objectContaining({ code: 'undated-rows' })]);
  });

  it('rejects a negative tolerance', () => {
    expect(() => decide([], [], { emailToleranceMs: -1 })).toThrow(RangeError);
  });
});
