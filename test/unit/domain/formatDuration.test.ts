// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDuration, formatValidity, roundDuration } from '../../../src/domain/formatDuration';
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

describe('roundDuration: one unit at a glance', () => {
  const under = { unit: 'under-minute', count: 0, about: false };
  it.each([
    // time left is counted down, never overstated
    [59 * SECOND, 'left', under],
    [MINUTE, 'left', { unit: 'minute', count: 1, about: false }],
    [59 * MINUTE + 40 * SECOND, 'left', { unit: 'minute', count: 59, about: false }],
    [HOUR, 'left', { unit: 'hour', count: 1, about: false }],
    [22 * HOUR + 40 * MINUTE, 'left', { unit: 'hour', count: 22, about: false }],
    [23 * HOUR + 59 * MINUTE, 'left', { unit: 'hour', count: 23, about: false }],
    [47 * HOUR + 59 * MINUTE, 'left', { unit: 'hour', count: 47, about: false }],
    [3 * DAY + 20 * HOUR, 'left', { unit: 'day', count: 3, about: false }],
    // time since is rounded, "about" from an hour on
    [59 * SECOND, 'ago', under],
    [70 * SECOND, 'ago', { unit: 'minute', count: 1, about: false }],
    [59 * MINUTE + 20 * SECOND, 'ago', { unit: 'minute', count: 59, about: false }],
    [59 * MINUTE + 40 * SECOND, 'ago', { unit: 'hour', count: 1, about: true }],
    [HOUR + 50 * MINUTE, 'ago', { unit: 'hour', count: 2, about: true }],
    [23 * HOUR + 59 * MINUTE, 'ago', { unit: 'hour', count: 24, about: true }],
    [47 * HOUR + 40 * MINUTE, 'ago', { unit: 'day', count: 2, about: true }],
  ] as const)('%d ms %s', (ms, direction, expected) => {
    expect(roundDuration(ms, direction)).toEqual(expected);
  });

  it('never a negative time: clock skew reads as under a minute', () => {
    expect(roundDuration(-1, 'ago')).toEqual(under);
    expect(roundDuration(-5 * HOUR, 'left')).toEqual(under);
  });

  it('refuses what is no duration', () => {
    expect(() => roundDuration(Number.NaN, 'ago')).toThrow(RangeError);
  });
});
