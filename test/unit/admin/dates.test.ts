// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AdminError, parseAdminDate, parseAdminDateDetailed } from '../../../src/admin';

const utc = (s: string) => Date.parse(s);

describe('parseAdminDate', () => {
  it.each([
    ['11/26/2026 3:04:05 PM', '2026-11-26T14:04:05Z', true],
    ['11/26/2026 3:04 PM', '2026-11-26T14:04:00Z', false],
    ['11/26/2026, 3:04:05\u202fPM', '2026-11-26T14:04:05Z', true],
    ['26.11.2026 15:04:05', '2026-11-26T14:04:05Z', true],
    ['26.11.2026 15:04', '2026-11-26T14:04:00Z', false],
    ['2026-11-26 15:04', '2026-11-26T14:04:00Z', false],
    ['2026-11-26 15:04:05', '2026-11-26T14:04:05Z', true],
    ['2026-11-26T15:04:05', '2026-11-26T14:04:05Z', true],
  ])('%s (Europe/Berlin)', (text, iso, hasSeconds) => {
    const r = parseAdminDateDetailed(text, { timeZone: 'Europe/Berlin' });
    expect(r.at).toBe(utc(iso));
    expect(r.hasSeconds).toBe(hasSeconds);
  });

  it('12 AM is midnight, 12 PM is noon', () => {
    expect(parseAdminDate('1/1/2026 12:00:00 AM', { timeZone: 'UTC' })).toBe(utc('2026-01-01T00:00:00Z'));
    expect(parseAdminDate('1/1/2026 12:30:00 PM', { timeZone: 'UTC' })).toBe(utc('2026-01-01T12:30:00Z'));
    expect(parseAdminDate('1/1/2026 11:59:59 PM', { timeZone: 'UTC' })).toBe(utc('2026-01-01T23:59:59Z'));
  });

  it('applies DST in Europe/Berlin (start 29 Mar 2026, end 25 Oct 2026)', () => {
    expect(parseAdminDate('29.03.2026 01:59:00', { timeZone: 'Europe/Berlin' })).toBe(utc('2026-03-29T00:59:00Z'));
    expect(parseAdminDate('29.03.2026 03:00:00', { timeZone: 'Europe/Berlin' })).toBe(utc('2026-03-29T01:00:00Z'));
    expect(parseAdminDate('2026-10-25 01:59', { timeZone: 'Europe/Berlin' })).toBe(utc('2026-10-24T23:59:00Z'));
    expect(parseAdminDate('2026-10-25T03:00:00', { timeZone: 'Europe/Berlin' })).toBe(utc('2026-10-25T02:00:00Z'));
    // The repeated hour: the later (standard time) occurrence, documented.
    expect(parseAdminDate('2026-10-25T02:30:00', { timeZone: 'Europe/Berlin' })).toBe(utc('2026-10-25T01:30:00Z'));
  });

  it('applies DST in America/New_York (start 8 Mar 2026, end 1 Nov 2026)', () => {
    expect(parseAdminDate('3/8/2026 1:59:00 AM', { timeZone: 'America/New_York' })).toBe(utc('2026-03-08T06:59:00Z'));
    expect(parseAdminDate('3/8/2026 3:00:00 AM', { timeZone: 'America/New_York' })).toBe(utc('2026-03-08T07:00:00Z'));
    expect(parseAdminDate('11/1/2026 12:30:00 AM', { timeZone: 'America/New_York' })).toBe(utc('2026-11-01T04:30:00Z'));
    expect(parseAdminDate('11/1/2026 3:00:00 AM', { timeZone: 'America/New_York' })).toBe(utc('2026-11-01T08:00:00Z'));
  });

  it.each([
    '13/26/2026 3:04:05 PM', '31.02.2026 10:00:00', '2026-13-01 10:00', '2026-11-26T25:00:00', '11/26/2026 13:04 PM',
    '32.13.2026 25:61:00', 'yesterday', '', '2026-11-26', '26.11.26 15:04', '11/26/2026 3:04:05',
    '29.03.2026 02:30:00', // does not exist in Berlin (spring forward)
  ])('rejects %j with a named error', (text) => {
    let error: unknown;
    try { parseAdminDate(text, { timeZone: 'Europe/Berlin', page: 'user' }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(AdminError);
    expect((error as AdminError).code).toBe('unparseable-date');
    expect((error as AdminError).message).toContain(JSON.stringify(text));
  });

  it('rejects an unknown time zone', () => {
    expect(() => parseAdminDate('2026-11-26 15:04', { timeZone: 'Mars/Base' })).toThrow(/Mars\/Base/);
  });
});
