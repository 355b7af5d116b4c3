// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as domain from '../../../src/domain';

describe('src/domain public API', () => {
  it('re-exports the rules', () => {
    for (const name of [
      'resetStatus',
      'decideAction',
      'formatDuration',
      'generatePassword',
      'renderTemplate',
      'templateForDecision',
      'validateTemplate',
      'normalizeEmail',
      'isPlausibleEmail',
      'sameEmail',
    ] as const) {
      expect(typeof domain[name], name).toBe('function');
    }
  });

  it('works end to end: status -> decision -> reply', () => {
    const now = Date.UTC(2026, 10, 26, 12, 0, 0);
    const at = now - 2 * 3600 * 1000;
    const status = domain.resetStatus(
      [{ at, origin: 'web-player', originText: 'Web Player', changed: false, row: 0 }],
      now,
    );
    const decision = domain.decideAction(status, [
      { at: at + 1000, kind: 'new-password', typeText: 'New Password', subject: 'Reset', recipient: 'a@b.de', row: 0 },
    ]);
    const { template } = domain.templateForDecision(decision);
    const reply = domain.renderTemplate(template, {
      name: 'Anna', email: 'a@b.de', shop: 'Shop', validUntil: 'tomorrow 10:00',
    });
    expect(decision.kind).toBe('resend');
    expect(reply.ok).toBe(true);
    expect(reply.text).toContain('valid until tomorrow 10:00');
  });
});
