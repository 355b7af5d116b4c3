/**
 * Fault matrix: the popup flows on the classic admin: faults after the Send, late histories, admin wording; every markup variant (after the Save: faultsAfterSave.test.ts). The machinery, the counters and what they cover: faultMatrix.ts.
 */
import { describe } from 'vitest';
import { FLOWS, LOST, OK, loggedFailure, matrixCase, matrixSummary, matrixWorld, play, resendAgain, retry, verify } from './faultMatrix';

matrixSummary('faultsAfterEffect.test.ts');

describe('fault matrix after the effect on the classic admin (en, en-US)', () => {
  const m = matrixWorld({ variant: 'classic' }, (name) => !/^(lookup|set-password):/.test(name));
  // Faults after the effect, late histories, page-level refusals, customer data with admin wording:
  // the popup paths. A Send or Save the admin may have carried out is never repeated by itself, the
  // agent is told it may have happened, and nobody else's data changes (verify's hard checks).
  const MAY_HAVE_SENT = /may (or may not )?have (been sent|gone out)/;

  for (const mode of ['http500', 'drop', 'hang'] as const) {
    matrixCase(`resend: Send carried out, then ${LOST[mode]}: not repeated, "may have gone out"; Retry finds it in the history`, mode === 'drop', async () => {
      const played = await play(m.world(), 'resend', () => void m.world().sim.setConfig({ afterEffect: [{ kind: 'send', mode, once: true }] }));
      await verify(m.world(), 'resend', played, { end: 'failed', message: MAY_HAVE_SENT, remedy: 'retry', sends: 1, changes: 0, activity: /^not done: / });
      // Retry reads the E-mail History afresh (it lists the e-mail at once here) and does not send.
      await verify(m.world(), 'resend', await retry(played.popup, 'resend'), { end: 'failed', code: 'already-resent', message: /already resent/, sends: 1, changes: 0, activity: loggedFailure('already-resent') });
    });
  }

  for (const late of [60, 'never'] as const) {
    const when = late === 'never' ? 'never' : `${late} s late`;
    matrixCase(`resend: the E-mail History lists the resend ${when}: the next resend does not send it again`, late === 60, async () => {
      m.world().sim.setConfig({ historyListsSent: late });
      const played = await play(m.world(), 'resend');
      await verify(m.world(), 'resend', played, OK.resend);
      await verify(m.world(), 'resend', await resendAgain(m.world()), { end: 'failed', code: 'already-resent', message: /already resent/, sends: 1, changes: 0, activity: loggedFailure('already-resent') });
    });
  }

  matrixCase('resend: Send carried out, then HTTP 500, and the history lists it late: Retry does not send it again', false, async () => {
    m.world().sim.setConfig({ historyListsSent: 60 });
    const played = await play(m.world(), 'resend', () => void m.world().sim.setConfig({ afterEffect: [{ kind: 'send', mode: 'http500', once: true }] }));
    await verify(m.world(), 'resend', played, { end: 'failed', message: MAY_HAVE_SENT, remedy: 'retry', sends: 1, changes: 0, activity: /^not done: / });
    await verify(m.world(), 'resend', await retry(played.popup, 'resend'), { end: 'failed', message: /already resent|may (or may not )?have/, sends: 1, changes: 0, activity: /^not done: / });
  });

  for (const flow of FLOWS) {
    matrixCase(`${flow}: customer data that reads "Changes saved" / "E-mail has been sent" changes nothing`, flow === 'set-password', async () => {
      m.world().sim.setConfig({ adminWordingInData: true });
      await verify(m.world(), flow, await play(m.world(), flow), OK[flow]);
    });
  }
});

describe.each([
  { variant: 'modern', lang: 'de', dateFormat: 'de-DE', core: 'resend' },
  { variant: 'legacy', lang: 'en', dateFormat: 'iso-minute', core: 'set-password' },
  { variant: 'classic', lang: 'de', dateFormat: 'iso-t', core: 'lookup' },
] as const)('every markup variant: $variant ($lang, $dateFormat)', ({ core, ...config }) => {
  const m = matrixWorld(config, (name) => / resend /.test(name));

  for (const flow of FLOWS) {
    matrixCase(`${config.variant}/${config.lang}: ${flow} completes`, flow === core, async () => {
      await verify(m.world(), flow, await play(m.world(), flow), OK[flow]);
    });
  }
});
