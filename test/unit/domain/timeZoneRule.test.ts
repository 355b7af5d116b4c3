// @vitest-environment node
/**
 * Time zone never silently wrong: with the admin's zone only assumed, a request within the zone
 * difference of its 24 h edge is no valid resend; a history date in the future means the zone is
 * wrong, and then nothing time-critical is offered.
 */
import { describe, expect, it } from 'vitest';
import { decideAction } from '../../../src/domain/decideAction';
import { resetStatus } from '../../../src/domain/resetStatus';
import { adminChange, DAY, email, HOUR, MINUTE, NOW, request } from './fixtures';

describe('an assumed admin zone near the 24 h edge', () => {
  // The case: agent in UTC, admin printing Berlin time, nothing set: a request really
  // 24 h 1 min old reads as 23 h 1 min old, "valid, 59 m left".
  const r = request(NOW - DAY + 59 * MINUTE);
  const mails = [email(r.at + 5000)];

  it('is valid but uncertain, and not offered as a resend', () => {
    const status = resetStatus([r], NOW, DAY, { timeUncertaintyMs: HOUR });
    expect(status.state).toBe('valid');
    expect(status.state === 'valid' && status.uncertain).toBe(true);
    const d = decideAction(status, mails, { timeUncertaintyMs: HOUR });
    expect(d.kind).toBe('manual-reset');
    expect(d.reason).toEqual({ code: 'valid-zone-uncertain', ageMs: DAY - 59 * MINUTE });
    expect(d.warnings).toContainEqual({ code: 'zone-assumed-edge', uncertaintyMs: HOUR });
  });

  it('with the zone known (no uncertainty) the same request is a resend', () => {
    const status = resetStatus([r], NOW, DAY);
    expect(status.state === 'valid' && status.uncertain).toBe(false);
    expect(decideAction(status, mails).kind).toBe('resend');
  });

  it('a request further from the edge than the zone difference is still a resend', () => {
    const early = request(NOW - DAY + 61 * MINUTE);
    const status = resetStatus([early], NOW, DAY, { timeUncertaintyMs: HOUR });
    expect(decideAction(status, [email(early.at + 5000)], { timeUncertaintyMs: HOUR }).kind).toBe('resend');
  });
});

describe('a history date in the future', () => {
  it('says the zone is wrong and offers no resend', () => {
    const r = request(NOW - 2 * HOUR);
    const d = decideAction(resetStatus([r, adminChange(NOW + HOUR, { changed: false })], NOW, DAY), [email(r.at + 5000)]);
    expect(d.kind).toBe('manual-reset');
    expect(d.reason).toEqual({ code: 'zone-wrong' });
    expect(d.warnings[0]).toEqual({ code: 'zone-wrong' });
  });

  it('a "New Password" e-mail dated in the future does the same', () => {
    const r = request(NOW - 2 * HOUR);
    const d = decideAction(resetStatus([r], NOW, DAY), [email(r.at + 5000), email(NOW + 3 * HOUR)]);
    expect(d.kind).toBe('manual-reset');
    expect(d.reason).toEqual({ code: 'zone-wrong' });
  });
});
