/**
 * Human-readable durations for badges and for reasons read to a customer.
 *
 * The two most significant units are shown, counted down (floored), never rounded up, so
 * "time left" is never overstated: "2 d 3 h", "5 h 12 m", "12 m 5 s", "59 s".
 * A zero lower unit is left out ("1 d", "3 h", "4 m"). Anything under one second is "0 s".
 * Negative durations get a leading minus sign ("-5 m").
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: ReadonlyArray<readonly [size: number, label: string]> = [
  [DAY, 'd'],
  [HOUR, 'h'],
  [MINUTE, 'm'],
  [SECOND, 's'],
];

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`formatDuration: not a finite duration: ${ms}`);
  if (ms < 0) {
    const positive = formatDuration(-ms);
    return positive === '0 s' ? positive : `-${positive}`;
  }
  const totalSeconds = Math.floor(ms / SECOND);
  if (totalSeconds === 0) return '0 s';

  let rest = totalSeconds * SECOND;
  const parts: string[] = [];
  for (const [size, label] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (parts.length === 0) {
      if (count > 0) parts.push(`${count} ${label}`);
    } else {
      if (count > 0) parts.push(`${count} ${label}`);
      break; // second unit reached (shown only if non-zero)
    }
  }
  return parts.join(' ');
}

/**
 * A validity window in words for customers: whole hours as "24 hours", otherwise formatDuration.
 */
export function formatValidity(ms: number): string {
  if (ms > 0 && ms % HOUR === 0) {
    const hours = ms / HOUR;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return formatDuration(ms);
}

/**
 * A duration as an agent reads it at a glance: one unit, rounded, never negative.
 * - `left` (time that remains) is counted down, so it is never overstated: 22 h 40 min left is
 *   "22 h", 59 min 40 s is "59 min".
 * - `ago` (how long since) is rounded to the nearest unit and marked `about` from an hour on:
 *   1 h 50 min is "about 2 h", 59 min 40 s is "about 1 h".
 * Under a minute is "less than a minute" either way (no seconds ticking); hours up to two days
 * (the 24 h validity reads in hours), days from then on. A negative duration (clock skew, a date
 * a moment in the future) reads as "less than a minute", never as a negative time.
 */
export interface RoundedDuration {
  unit: 'under-minute' | 'minute' | 'hour' | 'day';
  count: number;
  /** Rounded, not counted down: the words say "about". */
  about: boolean;
}

export function roundDuration(ms: number, direction: 'left' | 'ago'): RoundedDuration {
  if (!Number.isFinite(ms)) throw new RangeError(`roundDuration: not a finite duration: ${ms}`);
  const round = direction === 'left' ? Math.floor : Math.round;
  const about = direction === 'ago';
  if (ms < MINUTE) return { unit: 'under-minute', count: 0, about: false };
  const minutes = round(ms / MINUTE);
  if (minutes < 60) return { unit: 'minute', count: minutes, about: false };
  const hours = round(ms / HOUR);
  if (hours < 48) return { unit: 'hour', count: hours, about };
  return { unit: 'day', count: round(ms / DAY), about };
}
