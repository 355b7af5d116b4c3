/**
 * Fault matrix: set password on the classic admin after the effect: a Save carried out whose answer
 * was lost, and page-level refusals of Save. Its own file so that the e2e workers share the matrix's
 * waiting (faultsAfterEffect.test.ts has the resend's). The machinery and counters: faultMatrix.ts.
 */
import { describe, expect } from 'vitest';
import { LATE_WINDOW_MS, LOST, SAVE_REFUSED, loggedFailure, matrixCase, matrixSummary, matrixWorld, play, verify } from './faultMatrix';

matrixSummary('faultsAfterSave.test.ts');

describe('fault matrix after the Save on the classic admin (en, en-US)', () => {
  const m = matrixWorld({ variant: 'classic' }, () => false);

  for (const mode of ['drop', 'http500', 'hang'] as const) {
    matrixCase(`set-password: Save carried out, then ${LOST[mode]}: not repeated, "may have been changed"`, mode === 'drop', async () => {
      const played = await play(m.world(), 'set-password', () => void m.world().sim.setConfig({ afterEffect: [{ kind: 'save', mode, once: true }] }));
      await verify(m.world(), 'set-password', played, { end: 'failed', message: /may have been changed/, remedy: 'retry', sends: 0, changes: 1, activity: /^not done: / });
      expect(played.end.password, 'no password is shown for a Save whose answer was lost').toBeUndefined();
      await played.popup.waitForTimeout(LATE_WINDOW_MS);
      expect(m.world().sim.passwordChanges(), 'Save is not repeated by itself').toHaveLength(1);
    });
  }

  matrixCase('set-password: Save refused by a banner at the top of the page: not saved, the banner\'s words shown', true, async () => {
    const played = await play(m.world(), 'set-password', () => void m.world().sim.setConfig({ refuseSave: 'once' }));
    await verify(m.world(), 'set-password', played, { end: 'failed', code: 'validation', message: SAVE_REFUSED, sends: 0, changes: 0, activity: loggedFailure('validation') });
    expect(played.end.password, 'no password is shown for a refused Save').toBeUndefined();
  });

  matrixCase('set-password: Save refused by a banner while the customer\'s data reads "Changes saved": not taken as saved', true, async () => {
    m.world().sim.setConfig({ adminWordingInData: true });
    const played = await play(m.world(), 'set-password', () => void m.world().sim.setConfig({ refuseSave: 'once' }));
    await verify(m.world(), 'set-password', played, { end: 'failed', code: 'validation', message: SAVE_REFUSED, sends: 0, changes: 0, activity: loggedFailure('validation') });
  });

});
