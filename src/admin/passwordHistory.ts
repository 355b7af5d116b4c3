/**
 * Password History -> ResetRequest[]. Columns by header text (Date, Origin, Password changed), in any
 * order with extra columns; rows in the order rendered (callers sort by `at`, never trust order).
 * An unknown Yes/No text is an error: "changed" decides whether a resend is safe, so no guessing.
 */
import type { RequestOrigin, ResetRequest } from '../domain/types';
import { AdminError } from './errors';
import { parseAdminDate } from './dates';
import { labelRef, labelsOn, matchesLabel, type AdminLabels } from './labels';
import { cellText, requireTable } from './tables';
import { readHistoryState } from './userPage';

export interface HistoryParseOptions {
  /** The admin user's time zone (default: the browser's). */
  timeZone?: string;
}

export function originFromText(labels: AdminLabels, text: string): RequestOrigin {
  if (matchesLabel(labels, 'originFlux', text)) return 'flux-player';
  if (matchesLabel(labels, 'originWeb', text)) return 'web-player';
  if (matchesLabel(labels, 'originAdmin', text)) return 'admin';
  return 'other';
}

/**
 * Reads the loaded Password History table. "No data" -> []. Not loaded / loading / error ->
 * AdminError 'unexpected-page' (call loadHistory first).
 */
export function parsePasswordHistory(doc: Document, labels: AdminLabels, options: HistoryParseOptions = {}): ResetRequest[] {
  labels = labelsOn(labels, 'user');
  const state = readHistoryState(doc, labels, 'passwordHistory');
  if (state.state === 'no-data') return [];
  if (state.state !== 'table') {
    throw new AdminError({ code: 'unexpected-page', page: 'user', step: 'read Password History', label: labelRef(labels, 'passwordHistory'), detail: `the section is ${state.state}, not loaded` });
  }
  const where = { page: 'user' as const, step: 'read Password History' };
  const table = requireTable(state.section, labels, { date: 'colDate', origin: 'colOrigin', changed: 'colPasswordChanged' }, where);
  return table.rows.map((row, i) => {
    const dateText = cellText(table, row, 'date');
    const originText = cellText(table, row, 'origin');
    const changedText = cellText(table, row, 'changed');
    let changed: boolean;
    if (matchesLabel(labels, 'yes', changedText)) changed = true;
    else if (matchesLabel(labels, 'no', changedText)) changed = false;
    else {
      throw new AdminError({ code: 'unexpected-value', ...where, label: labelRef(labels, 'colPasswordChanged'), detail: `"${changedText}" in row ${i + 1} is neither "${labelRef(labels, 'yes').text}" nor "${labelRef(labels, 'no').text}"` });
    }
    const at = parseAdminDate(dateText, { page: 'user', ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
    return { at, origin: originFromText(labels, originText), originText, changed, row: i };
  });
}
