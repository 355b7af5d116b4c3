// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { fromWire, isErrorCode, REMEDIES, toWireError } from '../../../src/shared/errors';
import { AdminError } from '../../../src/admin/errors';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../englishI18n')).i18n } }));
const { judge } = await import('../../../src/shared/judge');
import { email, HOUR, MINUTE, NOW, request } from '../domain/fixtures';

describe('judge: one verdict with the agent\'s validity window', () => {
  const lookup = { requests: [request(NOW - 24 * HOUR - MINUTE)], emails: [email(NOW - 24 * HOUR - MINUTE + 5000)], customer: { email: 'carla@example.com' } };

  it('24 h: a request 24 h 01 min old is expired, and nothing is resent', () => {
    const { status, decision } = judge(lookup, { validityHours: 24, adminTimeZone: 'UTC' }, NOW);
    expect(status.state).toBe('expired');
    expect(decision.kind).toBe('request-again');
  });

  it('48 h: the same request is valid and the e-mail is the one to resend', () => {
    const { status, decision } = judge(lookup, { validityHours: 48, adminTimeZone: 'UTC' }, NOW);
    expect(status.state).toBe('valid');
    expect(decision.kind).toBe('resend');
  });

  it('without the E-mail History (list pills) it still judges the Password History', () => {
    expect(judge({ requests: lookup.requests }, { validityHours: 48, adminTimeZone: 'UTC' }, NOW).status.state).toBe('valid');
  });
});

describe('error codes: one union, one serialisation', () => {
  it('every code has a remedy', () => {
    expect(Object.keys(REMEDIES).length).toBeGreaterThan(20);
  });

  it('an admin zone that is not set makes a request near the 24 h edge no valid resend', () => {
    const near = { customer: { email: 'carla@example.com' }, requests: [request(NOW - 24 * HOUR + 10 * MINUTE)], emails: [email(NOW - 24 * HOUR + 10 * MINUTE + 5000)] };
    expect(judge(near, { validityHours: 24, adminTimeZone: 'UTC' }, NOW).decision.kind).toBe('resend');
    expect(judge(near, { validityHours: 24, adminTimeZone: '' }, NOW).decision.kind).not.toBe('resend');
  });

  it('an AdminError keeps its code, page, step and label on the wire', () => {
    const wire = toWireError(new AdminError({ code: 'label-missing', page: 'user', step: 'read', label: { key: 'passwordHistory', text: 'Password History' } }));
    expect(wire.code).toBe('label-missing');
    expect(wire.details).toMatchObject({ page: 'user', step: 'read', label: { key: 'passwordHistory', text: 'Password History' } });
    expect(wire.message).toContain('"Password History"');
  });

  it('anything else is internal with its text', () => {
    expect(toWireError(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'x is undefined' });
    expect(toWireError({ code: 'made-up', message: 'm' }).code).toBe('internal');
  });

  it('a code this build does not know arrives as internal and says so, never as a silent remedy', () => {
    const wire = fromWire({ code: 'lable-missing', message: 'Oops' });
    expect(wire.code).toBe('internal');
    expect(wire.message).toContain('lable-missing');
    expect(isErrorCode('label-missing')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});
