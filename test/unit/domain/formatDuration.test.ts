// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDuration, formatValidity } from '../../../src/domain/formatDuration';
import { DAY, HOUR, MINUTE, SECOND } from './fixtures';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [SECOND, '1 s'],
    [59 * SECOND, '59 s'],
    [59 * SECOND + 999, '59 s'],
    [MINUTE, '1 m'],
    [12 * MINUTE + 5 * SECOND, '12 m 5 s'],
    [5 * HOUR + 12 * MINUTE, '5 h 12 m'],
    [5 * HOUR + 12 * MINUTE + 59 * SECOND, '5 h 12 m'],
    [3 * HOUR, '3 h'],
    [3 * HOUR + 30 * SECOND, '3 h'],
    [DAY - SECOND, '23 h 59 m'],
    [DAY, '1 d'],
    [2 * DAY + 3 * HOUR, '2 d 3 h'],
    [2 * DAY + 3 * HOUR + 59 * MINUTE, '2 d 3 h'],
    [40 * DAY, '40 d'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('prefixes negative durations with a minus sign', () => {
    expect(formatDuration(-5 * MINUTE)).toBe('-5 m');
    expect(formatDuration(-500)).toBe('0 s');
  });

  it('rejects non-finite input', () => {
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatValidity', () => {
  it('says whole hours in words', () => {
    expect(formatValidity(24 * HOUR)).toBe('24 hours');
    expect(formatValidity(HOUR)).toBe('1 hour');
    expect(formatValidity(90 * MINUTE)).toBe('1 h 30 m');
  });
});
