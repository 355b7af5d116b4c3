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
