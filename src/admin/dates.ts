/**
 * Reading the admin's date cells. The admin prints wall-clock times in ITS user's time zone, without
 * a zone, in the admin language's format. We turn them into instants (epoch ms) with @date-fns/tz so
 * daylight-saving changes are right. Anything we cannot read exactly is an error, never "now" or NaN:
 * a wrong date would make the 24-hour rule lie.
 *
 * DST notes: a wall time inside the spring-forward gap does not exist in that zone, so it means the
 * configured time zone is wrong -> error. A wall time in the fall-back hour happens twice; the admin
 * does not say which, and we take the later (standard-time) one, as TZDate does. That is at most one
 * hour off, once a year, and only for that hour.
 */
import { TZDate } from '@date-fns/tz';
import { AdminError, type PageKind } from './errors';

export type AdminDateFormat = 'en-US' | 'de-DE' | 'iso-minute' | 'iso-t';

export interface ParsedAdminDate {
  /** The instant, epoch milliseconds. */
  at: number;
  /** Whether the admin printed seconds (if not, `at` is only minute-precise). */
  hasSeconds: boolean;
  format: AdminDateFormat;
}

export interface ParseAdminDateOptions {
  /** The admin user's IANA time zone; default: the browser's. */
  timeZone?: string;
  /** For the error: which page the text was on. */
  page?: PageKind;
}

/** The browser's own time zone, the default for the admin's. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

// en-US: 11/26/2026 3:04:05 PM  (Intl may add a comma and a narrow no-break space; both tolerated)
const EN_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp])\.?[Mm]\.?$/;
// de-DE: 26.11.2026 15:04:05
const DE_DE = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$/;
// ISO without zone: 2026-11-26 15:04, 2026-11-26 15:04:05, 2026-11-26T15:04:05 (fractions ignored)
const ISO = /^(\d{4})-(\d{2})-(\d{2})([T ])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

interface WallClock {
  y: number;
  mo: number; // 1-12
  d: number;
  h: number; // 0-23
  mi: number;
  s: number;
  hasSeconds: boolean;
  format: AdminDateFormat;
}

function num(s: string | undefined): number {
  return s === undefined ? 0 : Number.parseInt(s, 10);
}

function readWallClock(text: string): WallClock | string {
  let m = EN_US.exec(text);
  if (m) {
    const h12 = num(m[4]);
    if (h12 < 1 || h12 > 12) return 'hour must be 1-12 with AM/PM';
    const pm = (m[7] ?? '').toUpperCase() === 'P';
    // 12:xx AM is just after midnight, 12:xx PM just after noon.
    const h = (h12 % 12) + (pm ? 12 : 0);
    return { y: num(m[3]), mo: num(m[1]), d: num(m[2]), h, mi: num(m[5]), s: num(m[6]), hasSeconds: m[6] !== undefined, format: 'en-US' };
  }
  m = DE_DE.exec(text);
  if (m) {
    return { y: num(m[3]), mo: num(m[2]), d: num(m[1]), h: num(m[4]), mi: num(m[5]), s: num(m[6]), hasSeconds: m[6] !== undefined, format: 'de-DE' };
  }
  m = ISO.exec(text);
  if (m) {
    return {
      y: num(m[1]), mo: num(m[2]), d: num(m[3]), h: num(m[5]), mi: num(m[6]), s: num(m[7]),
      hasSeconds: m[7] !== undefined,
      format: m[4] === 'T' ? 'iso-t' : 'iso-minute',
    };
  }
  return 'not a known date format';
}

function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function fail(text: string, why: string, page: PageKind | undefined): never {
  throw new AdminError({
    code: 'unparseable-date',
    page: page ?? 'other',
    step: 'read date',
    detail: `"${text}": ${why}`,
  });
}

/** Parses an admin date cell; see the module comment. Throws AdminError 'unparseable-date'. */
export function parseAdminDateDetailed(text: string, options: ParseAdminDateOptions = {}): ParsedAdminDate {
  const timeZone = options.timeZone ?? browserTimeZone();
  const cleaned = text.replace(/\s+/gu, ' ').trim();
  const wc = readWallClock(cleaned);
  if (typeof wc === 'string') fail(text, wc, options.page);
  if (wc.y < 1970 || wc.y > 2200) fail(text, 'year out of range', options.page);
  if (wc.mo < 1 || wc.mo > 12) fail(text, 'no such month', options.page);
  if (wc.d < 1 || wc.d > daysInMonth(wc.y, wc.mo)) fail(text, 'no such day in that month', options.page);
  if (wc.h > 23 || wc.mi > 59 || wc.s > 59) fail(text, 'no such time of day', options.page);

  const date = new TZDate(wc.y, wc.mo - 1, wc.d, wc.h, wc.mi, wc.s, timeZone);
  const at = date.getTime();
  if (!Number.isFinite(at)) fail(text, `unknown time zone "${timeZone}"`, options.page);
  // TZDate moves a time inside the spring-forward gap; such a time never appears on a clock there.
  if (date.getHours() !== wc.h || date.getMinutes() !== wc.mi || date.getDate() !== wc.d) {
    fail(text, `this time does not exist in ${timeZone} (daylight-saving change); is the admin time zone right?`, options.page);
  }
  return { at, hasSeconds: wc.hasSeconds, format: wc.format };
}

/** The instant (epoch ms) of an admin date cell. Throws AdminError 'unparseable-date'. */
export function parseAdminDate(text: string, options: ParseAdminDateOptions = {}): number {
  return parseAdminDateDetailed(text, options).at;
}
