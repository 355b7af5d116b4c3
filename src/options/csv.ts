/**
 * The activity log as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
 * line break quoted, quotes doubled), safe to open in a spreadsheet: a cell starting with = + - @
 * (or a tab / carriage return, which some spreadsheets skip before such a character) would be run
 * as a formula ("CSV injection"), so it gets a leading apostrophe and is shown as text.
 */
import type { ActivityEntry } from '../shared/activityLog';

export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const ACTIVITY_CSV_HEADER = ['time (UTC)', 'action', 'email', 'shop', 'outcome'] as const;

/** One row per entry; times as ISO 8601 in UTC, so the file means the same in every zone. */
export function activityCsv(entries: readonly ActivityEntry[]): string {
  return toCsv([[...ACTIVITY_CSV_HEADER], ...entries.map((e) => [new Date(e.at).toISOString(), e.action, e.email, e.shop, e.outcome])]);
}

/** Entries whose e-mail contains the filter text (case-insensitive); an empty filter keeps all. */
export function filterActivity(entries: readonly ActivityEntry[], filter: string): ActivityEntry[] {
  const f = filter.trim().toLowerCase();
  return f ? entries.filter((e) => e.email.toLowerCase().includes(f)) : [...entries];
}
