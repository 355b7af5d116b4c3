// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { LookupData } from '../../../src/shared/runs';

vi.mock('webextension-polyfill', async () => ({ default: { i18n: (await import('../englishI18n')).i18n } }));
const { present, renderReply, formatInstant } = await import('../../../src/shared/present');

const HOUR = 3600_000;
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

function lookup(partial: Partial<LookupData> = {}): LookupData {
  return {
    customer: { email: 'anna@example.com', name: 'Anna Schmidt', shop: 'Movie Shop Berlin' },
    requests: [{ at: NOW - 2 * HOUR, origin: 'flux-player', originText: 'Flux Player', changed: false, row: 0 }],
    emails: [{ at: NOW - 2 * HOUR + 5000, kind: 'new-password', typeText: 'New Password', subject: 'Reset', recipient: 'anna@example.com', row: 0 }],
    readAt: NOW,
    ...partial,
  };
}

const zones = { now: NOW, validityHours: 24, adminTimeZone: 'Europe/Berlin', agentTimeZone: 'America/New_York' };

describe('present: what the card says', () => {
  it('a valid request: state word, both zones when they differ, age and time left', () => {
    const p = present(lookup(), zones);
    expect(p.stateWord).toBe('Valid');
    expect(p.decision.kind).toBe('resend');
    expect(p.requestedAt?.agent).toBe('2026-11-27 05:00 (EST)');
    expect(p.requestedAt?.admin).toBe('2026-11-27 11:00 admin time (GMT+1)');
    expect(p.age).toBe('about 2 h ago');
    expect(p.validity).toBe('Valid until 2026-11-28 05:00 (EST) (22 h left)');
  });

  it('while the admin zone is only assumed, every time says so', () => {
    const p = present(lookup(), { ...zones, adminTimeZone: 'America/New_York', adminZoneKnown: false });
    expect(p.requestedAt?.agent).toBe('2026-11-27 05:00 (EST, zone assumed)');
    expect(p.validity).toMatch(/\(EST, zone assumed\)/);
    expect(p.zoneAssumed).toBe(true);
  });

  it('one zone only when the admin and the agent share it', () => {
    expect(present(lookup(), { ...zones, agentTimeZone: 'Europe/Berlin' }).requestedAt?.admin).toBeUndefined();
  });

  it('expired, changed and none get their words', () => {
    const old = lookup({ requests: [{ at: NOW - 25 * HOUR, origin: 'web-player', originText: 'Web Player', changed: false, row: 0 }] });
    expect(present(old, zones).stateWord).toBe('Expired');
    expect(present(old, zones).validity).toMatch(/^Expired since .* \(about 1 h ago\)$/);
    const changed = lookup({ requests: [{ at: NOW - HOUR, origin: 'web-player', originText: 'Web Player', changed: true, row: 0 }] });
    expect(present(changed, zones).stateWord).toBe('Already changed');
    expect(present(lookup({ requests: [], emails: [] }), zones).stateWord).toBe('No reset request');
  });
});

describe('renderReply', () => {
  it('fills the customer, shop, password and valid-until; admin text stays plain text', () => {
    const text = renderReply('new-password', {
      lookup: lookup({ customer: { email: 'x@example.com', name: '<b>Eve</b>', shop: 'Shop {password}' } }),
      email: 'x@example.com',
      password: 'Secret-123',
      agentTimeZone: 'UTC',
    });
    expect(text).toContain('Hello <b>Eve</b>');
    expect(text).toContain('Secret-123');
    // A shop name that looks like a placeholder is not expanded.
    expect(text).toContain('Shop {password} Support');
  });

  it('uses the agent\'s edited template and says "there" when the admin shows no name', () => {
    const text = renderReply('try-again', {
      lookup: lookup({ customer: { email: 'a@example.com', name: ' ', shop: 'S' } }),
      email: 'a@example.com',
      agentTimeZone: 'UTC',
      templates: { 'try-again': 'Hi {name}, try again at {shop}.' },
    });
    expect(text).toBe('Hi there, try again at S.');
  });

  it('formats instants in the given zone', () => {
    expect(formatInstant(Date.UTC(2026, 2, 29, 1, 30), 'Europe/Berlin')).toBe('2026-03-29 03:30');
  });
});
