/**
 * E-mail History -> HistoryEmail[], plus the Subject control of a row (clicking it opens the e-mail).
 * kind 'new-password' iff the E-mail Type cell IS the "New Password" label (exact, normalised).
 * The latest reset e-mail is chosen by time, never by position: the admin's order is not trusted.
 */
import type { HistoryEmail } from '../domain/types';
import { AdminError } from './errors';
import { parseAdminDate } from './dates';
import { queryAll } from './dom';
import { labelRef, labelsOn, matchesLabel, type AdminLabels } from './labels';
import type { HistoryParseOptions } from './passwordHistory';
import { cell, cellText, requireTable, type ReadTable } from './tables';
import { readHistoryState } from './userPage';

const COLUMNS = { date: 'colDate', type: 'colEmailType', subject: 'colSubject', recipient: 'colRecipient' } as const;
type Col = keyof typeof COLUMNS;

function loadedTable(doc: Document, labels: AdminLabels, step: string): ReadTable<Col> | null {
  const state = readHistoryState(doc, labels, 'emailHistory');
  if (state.state === 'no-data') return null;
  if (state.state !== 'table') {
    throw new AdminError({ code: 'unexpected-page', page: 'user', step, label: labelRef(labels, 'emailHistory'), detail: `the section is ${state.state}, not loaded` });
  }
  return requireTable(state.section, labels, COLUMNS, { page: 'user', step });
}

/** Reads the loaded E-mail History table. "No data" -> []. */
export function parseEmailHistory(doc: Document, labels: AdminLabels, options: HistoryParseOptions = {}): HistoryEmail[] {
  labels = labelsOn(labels, 'user');
  const table = loadedTable(doc, labels, 'read E-mail History');
  if (!table) return [];
  return table.rows.map((row, i) => {
    const typeText = cellText(table, row, 'type');
    return {
      at: parseAdminDate(cellText(table, row, 'date'), { page: 'user', ...(options.timeZone ? { timeZone: options.timeZone } : {}) }),
      kind: matchesLabel(labels, 'typeNewPassword', typeText) ? 'new-password' : 'other',
      typeText,
      subject: cellText(table, row, 'subject'),
      recipient: cellText(table, row, 'recipient'),
      row: i,
    };
  });
}

/** The clickable Subject of data row `row` (0-based, as rendered). */
export function subjectControl(doc: Document, labels: AdminLabels, row: number): HTMLElement {
  labels = labelsOn(labels, 'user');
  const step = 'open e-mail';
  const table = loadedTable(doc, labels, step);
  const tr = table?.rows[row];
  if (!table || !tr) throw new AdminError({ code: 'not-found', page: 'user', step, detail: `no E-mail History row ${row + 1}` });
  const td = cell(table, tr, 'subject');
  const control = td ? queryAll<HTMLElement>(td, 'a, button, [role=button], [role=link]')[0] : undefined;
  if (!control) throw new AdminError({ code: 'label-missing', page: 'user', step, label: labelRef(labels, 'colSubject'), detail: `the Subject in row ${row + 1} is not a link` });
  return control;
}

/**
 * The latest "New Password" e-mail by time. Equal times (minute-precise formats): the first row in
 * the admin's order wins (the admin lists newest first), which is the best remaining signal.
 */
export function latestNewPasswordEmail(emails: readonly HistoryEmail[]): HistoryEmail | null {
  let best: HistoryEmail | null = null;
  for (const e of emails) {
    if (e.kind !== 'new-password') continue;
    if (!best || e.at > best.at || (e.at === best.at && e.row < best.row)) best = e;
  }
  return best;
}
