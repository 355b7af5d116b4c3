/**
 * Date rendering for the simulated admin. Deliberately independent of @date-fns/tz (which the
 * extension uses to parse): only Intl.DateTimeFormat with an IANA time zone.
 *
 *   en-US      -> 11/26/2026 3:04:05 PM   (month/day/hour not zero-padded, 12 h clock)
 *   de-DE      -> 26.11.2026 15:04:05     (zero-padded, 24 h clock)
 *   iso-minute -> 2026-11-26 15:04
 *   iso-t      -> 2026-11-26T15:04:05
 */
export type DateFormat = 'en-US' | 'de-DE' | 'iso-minute' | 'iso-t';

const cache = new Map<string, Intl.DateTimeFormat>();

function partsIn(ms: number, timeZone: string) {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    cache.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

const p2 = (n: number) => String(n).padStart(2, '0');

export function formatDate(ms: number, format: DateFormat, timeZone: string): string {
  const { year, month, day, hour, minute, second } = partsIn(ms, timeZone);
  switch (format) {
    case 'en-US': {
      const h12 = hour % 12 === 0 ? 12 : hour % 12;
      return `${month}/${day}/${year} ${h12}:${p2(minute)}:${p2(second)} ${hour < 12 ? 'AM' : 'PM'}`;
    }
    case 'de-DE':
      return `${p2(day)}.${p2(month)}.${year} ${p2(hour)}:${p2(minute)}:${p2(second)}`;
    case 'iso-minute':
      return `${year}-${p2(month)}-${p2(day)} ${p2(hour)}:${p2(minute)}`;
    case 'iso-t':
      return `${year}-${p2(month)}-${p2(day)}T${p2(hour)}:${p2(minute)}:${p2(second)}`;
  }
}

/** Date-shaped but impossible (month 13, day 32, hour 25, minute 61): for the `brokenDates` switch. */
export function brokenDate(format: DateFormat): string {
  switch (format) {
    case 'en-US': return '13/32/2026 25:61:00 PM';
    case 'de-DE': return '32.13.2026 25:61:00';
    case 'iso-minute': return '2026-13-32 25:61';
    case 'iso-t': return '2026-13-32T25:61:00';
  }
}

export const DATE_FORMATS: DateFormat[] = ['en-US', 'de-DE', 'iso-minute', 'iso-t'];
