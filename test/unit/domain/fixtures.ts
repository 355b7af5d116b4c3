import type { HistoryEmail, ResetRequest } from '../../../src/domain/types';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A fixed "now": 2026-11-26T15:04:05Z. */
export const NOW = Date.UTC(2026, 10, 26, 15, 4, 5);

let nextRow = 0;

export function request(at: number, changes: Partial<ResetRequest> = {}): ResetRequest {
  const origin = changes.origin ?? 'flux-player';
  return {
    at,
    origin,
    originText: origin === 'admin' ? 'Admin' : origin === 'web-player' ? 'Web Player' : 'Flux Player',
    changed: false,
    row: nextRow++,
    ...changes,
  };
}

export function adminChange(at: number, changes: Partial<ResetRequest> = {}): ResetRequest {
  return request(at, { origin: 'admin', changed: true, ...changes });
}

export function email(at: number, changes: Partial<HistoryEmail> = {}): HistoryEmail {
  const kind = changes.kind ?? 'new-password';
  return {
    at,
    kind,
    typeText: kind === 'new-password' ? 'New Password' : 'Order Confirmation',
    subject: kind === 'new-password' ? 'Reset your password' : 'Your order',
    recipient: 'anna@example.com',
    row: nextRow++,
    ...changes,
  };
}
