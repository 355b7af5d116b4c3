/**
 * Fault matrix: the popup flows on the classic admin: every fault before the effect. The machinery, the counters and what they cover: faultMatrix.ts.
 * Played by two files (faults.test.ts: look-up and set password; faultsResend.test.ts: resend) so
 * that the e2e workers share the matrix's waiting: each file has its own browser and simulator.
 */
import { describe, expect } from 'vitest';
import type { PageKind } from '../admin-sim/variants';
import { adoptAdminTab, cardFor, ending, logInAgain, openSettledPopup, runs, whenRequestLeaves, whenStep, type Flow, type StepId } from './faultKit';
import { CUSTOMER, loggedFailure, sendAnyway, MID_STEP, OK, SLOW, matrixCase, matrixSummary, matrixWorld, play, retry, verify, type Played } from './faultMatrix';

export function beforeEffectMatrix(file: string, flows: readonly Flow[]): void {
  matrixSummary(file);

  describe('fault matrix on the classic admin (en, en-US)', () => {
    const m = matrixWorld({ variant: 'classic' }, (name) => !/^(lookup|set-password):/.test(name));

    describe.each(flows)('%s', (flow) => {
      matrixCase(`${flow}: no fault (baseline)`, false, async () => {
        await verify(m.world(), flow, await play(m.world(), flow), OK[flow]);
      });

      matrixCase(`${flow}: a 5 s latency spike on the admin's pages completes`, flow === 'lookup', async () => {
        const played = await play(
          m.world(),
          flow,
          () => void m.world().sim.setConfig({ pageLatencyMs: 5000 }),
          async (popup) => {
            // Every admin request in the first 6 s takes 5 s; then the admin is fast again.
            await popup.waitForTimeout(6000);
            m.world().sim.setConfig({ pageLatencyMs: 0 });
          },
        );
        await verify(m.world(), flow, played, OK[flow]);
        const run = (await runs(played.popup)).find((r) => r.email === CUSTOMER[flow] && r.startedAt >= played.since)!;
        const slowest = Math.max(...run.steps.map((s) => (s.endedAt ?? 0) - (s.startedAt ?? s.endedAt ?? 0)));
        expect(slowest, 'a step met the spike').toBeGreaterThanOrEqual(4500);
      });

      matrixCase(`${flow}: "load data" failing once is retried and completes`, flow === 'resend', async () => {
        await verify(m.world(), flow, await play(m.world(), flow, () => void m.world().sim.setConfig({ loadDataFailure: 'once' })), OK[flow]);
      });

      matrixCase(`${flow}: "load data" failing always`, flow === 'lookup', async () => {
        const played = await play(m.world(), flow, () => void m.world().sim.setConfig({ loadDataFailure: 'always' }));
        // Set password reads no history: it is not affected.
        await verify(
          m.world(),
          flow,
          played,
          flow === 'set-password'
            ? OK[flow]
            : { end: 'failed', code: 'load-failed', message: /could not load.*(Password History|E-mail History)/s, remedy: 'retry', sends: 0, changes: 0, activity: /^not done: the admin could not load the data$/ },
        );
      });

      matrixCase(`${flow}: HTTP 500 once on the page that acts (reloaded, or a named error and Retry)`, flow === 'resend', async () => {
        // The page each flow depends on: the user page (look-up), Send (resend), Save (set password).
        const kind = ({ lookup: 'user', resend: 'send', 'set-password': 'save' } as const)[flow];
        const played = await play(m.world(), flow, () => void m.world().sim.setConfig({ failPages: [{ kind, mode: 'once' }] }));
        if (flow === 'lookup') {
          // An error page after following a link is loaded once more (a GET is safe to repeat).
          await verify(m.world(), flow, played, OK[flow]);
          return;
        }
        // After Send or Save (a form) nothing is repeated by itself: a named error and Retry.
        await verify(m.world(), flow, played, {
          end: 'failed',
          message: flow === 'resend' ? /may or may not have gone out.*could not be sent/s : /error page/,
          remedy: 'retry',
          sends: 0,
          changes: 0,
          activity: /^not done: /,
        });
        if (flow === 'resend') {
          // The admin's error after Send proves nothing (it may have carried it out): Retry reads the
          // history afresh, finds no resend listed and says so; sending again is the agent's choice.
          const again = await retry(played.popup, flow);
          await verify(m.world(), flow, again, { end: 'failed', code: 'already-resent', message: /does not list that resend/, sends: 0, changes: 0, activity: loggedFailure('already-resent') });
          await verify(m.world(), flow, await sendAnyway(played.popup), OK[flow]);
          return;
        }
        await verify(m.world(), flow, await retry(played.popup, flow), OK[flow]);
      });

      /**
       * The flow on a slow admin with `fault` done mid-flow. The resend's moment is its request for
       * `resendAt` leaving the browser (the simulator then holds it SLOW ms), not the popup's next
       * redraw of its steps, which on a loaded machine can come after the admin has answered; the
       * other flows' steps are long enough to be seen in the popup.
       */
      const faultMidFlow = (resendAt: [PageKind, 'GET' | 'POST'], step: StepId, fault: () => unknown): Promise<Played> =>
        play(
          m.world(),
          flow,
          () => {
            m.world().sim.setConfig({ pageLatencyMs: SLOW });
            if (flow === 'resend') whenRequestLeaves(m.world(), ...resendAt, fault);
          },
          async (popup) => {
            if (flow === 'resend') return;
            await whenStep(popup, step);
            await fault();
          },
        );

      matrixCase(`${flow}: the session expires mid-flow`, flow === 'set-password', async () => {
        const played = await faultMidFlow(['send', 'POST'], MID_STEP.session[flow], () => m.world().sim.expireSessions());
        await verify(m.world(), flow, played, { end: 'failed', code: 'not-logged-in', message: /not logged in/, remedy: 'login', sends: 0, changes: 0, activity: loggedFailure('not-logged-in') });
        await logInAgain(m.world());
      });

      matrixCase(`${flow}: the admin tab is closed mid-flow; Retry opens a new one and completes`, flow === 'lookup', async () => {
        // The resend's tab closes while its e-mail page loads.
        const played = await faultMidFlow(['mail', 'GET'], MID_STEP.tab[flow], () => m.world().admin.close());
        await verify(m.world(), flow, played, { end: 'failed', code: 'tab-closed', message: /The admin tab was closed/, remedy: 'retry', sends: 0, changes: 0, activity: loggedFailure('tab-closed') });
        m.world().sim.setConfig({ pageLatencyMs: 0 });
        const again = await retry(played.popup, flow);
        await adoptAdminTab(m.world());
        // The new tab is at the configured admin address.
        expect(m.world().admin.url().startsWith(m.world().sim.url)).toBe(true);
        await verify(m.world(), flow, again, OK[flow]);
      });

      matrixCase(`${flow}: the worker is stopped mid-flow; the reopened popup shows the run resumed`, flow === 'resend', async () => {
        const played = await play(
          m.world(),
          flow,
          () => void m.world().sim.setConfig({ pageLatencyMs: SLOW }),
          async (popup) => {
            await whenStep(popup, MID_STEP.worker[flow]);
            await m.world().ext.stopServiceWorker();
            await popup.close();
            // Reopening the popup wakes the worker, which picks the run up where it stood.
            return m.world().ext.openPopup(m.world().adminTabId);
          },
        );
        if (flow === 'resend' && played.end.code === 'send-unconfirmed') {
          // Stopped with Send recorded but not (yet) in the E-mail History: the resumed run does not
          // click it again and says so; Retry reads the history afresh and sends only if it is not there.
          // Whether Send reached the admin is known from the browser's requests, not from the outbox
          // (which is what the case checks).
          const sentBefore = m.watcher().posts.send;
          expect(sentBefore, 'at most the one Send before the stop').toBeLessThanOrEqual(1);
          await verify(m.world(), flow, played, { end: 'failed', code: 'send-unconfirmed', message: /may or may not have gone out/, remedy: 'retry', sends: sentBefore, changes: 0, activity: loggedFailure('send-unconfirmed') });
          const again = await retry(played.popup, flow);
          if (sentBefore === 1) await verify(m.world(), flow, again, { end: 'failed', code: 'already-resent', message: /already resent/, sends: 1, changes: 0, activity: loggedFailure('already-resent') });
          else await verify(m.world(), flow, again, OK[flow]);
          return;
        }
        await verify(m.world(), flow, played, OK[flow]);
      });

      if (flow === 'set-password') {
        matrixCase('set-password: the worker is stopped while saving: says so, never a silent second change', false, async () => {
          const played = await play(
            m.world(),
            flow,
            () => void m.world().sim.setConfig({ pageLatencyMs: SLOW }),
            async (popup) => {
              await whenStep(popup, 'save');
              await m.world().ext.stopServiceWorker();
              await popup.close();
              return m.world().ext.openPopup(m.world().adminTabId);
            },
          );
          // The password lived in the stopped worker's memory only: the agent is told to set a new one.
          // Whether Save reached the admin is known from the browser's requests, not from the password
          // changes (which is what the case checks).
          const changes = m.watcher().posts.save;
          expect(changes, 'at most the one Save before the stop').toBeLessThanOrEqual(1);
          await verify(m.world(), flow, played, { end: 'failed', code: 'password-unknown', message: /restarted while saving/, remedy: 'retry', sends: 0, changes, activity: loggedFailure('password-unknown') });
        });
      }

      matrixCase(`${flow}: a double click acts once`, flow === 'set-password', async () => {
        const email = CUSTOMER[flow];
        const popup = flow === 'lookup' ? await openSettledPopup(m.world()) : await cardFor(m.world(), email, flow === 'resend' ? 'Valid' : 'Expired');
        const since = Date.now();
        if (flow === 'lookup') {
          await popup.getByLabel('Customer e-mail').fill(email);
          await popup.getByRole('button', { name: 'Look up' }).dblclick();
        } else if (flow === 'resend') {
          await popup.getByRole('button', { name: 'Resend reset e-mail' }).dblclick();
        } else {
          await popup.getByRole('button', { name: 'Set new password' }).click();
          // Both clicks must land on Confirm itself (a second click on a button already gone tests
          // nothing, and a real double click's second half meets whatever replaced it): two clicks in
          // one task, before the popup can redraw, and the clicks Confirm received counted.
          const second = await popup.getByRole('button', { name: 'Confirm' }).evaluate((button) => {
            (button as HTMLButtonElement).click();
            // Still the live, enabled Confirm when the second click comes.
            const live = button.isConnected && !(button as HTMLButtonElement).disabled;
            (button as HTMLButtonElement).click();
            return live;
          });
          expect(second, 'the second click reached a live Confirm').toBe(true);
        }
        await verify(m.world(), flow, { popup, since, end: await ending(popup, email, since) }, OK[flow]);
        expect((await runs(popup)).filter((r) => r.email === email && r.kind === flow && r.startedAt >= since), 'one run').toHaveLength(1);
      });

      matrixCase(`${flow}: two popups at once act once`, false, async () => {
        const email = CUSTOMER[flow];
        const word = flow === 'resend' ? 'Valid' : 'Expired';
        const [a, b] = flow === 'lookup' ? [await openSettledPopup(m.world()), await openSettledPopup(m.world())] : [await cardFor(m.world(), email, word), await cardFor(m.world(), email, word)];
        const since = Date.now();
        if (flow === 'lookup') {
          await a.getByLabel('Customer e-mail').fill(email);
          await b.getByLabel('Customer e-mail').fill(email);
          await Promise.all([a.getByRole('button', { name: 'Look up' }).click(), b.getByRole('button', { name: 'Look up' }).click()]);
        } else {
          // Each popup follows the run the other started: once it has ended, its outcome replaces the
          // buttons in both, so the later click may find none left to press. One must land.
          const pressBoth = async (name: string) => {
            const landed = await Promise.all([a, b].map((p) => p.getByRole('button', { name }).click({ timeout: 10_000 }).then(() => true, () => false)));
            expect(landed.some(Boolean), `a "${name}" click landed`).toBe(true);
          };
          if (flow === 'resend') await pressBoth('Resend reset e-mail');
          else {
            await pressBoth('Set new password');
            await pressBoth('Confirm');
          }
        }
        const [endA, endB] = [await ending(a, email, since), await ending(b, email, since)];
        // Both popups show the one run; the password is shown in (at least) one of them.
        const shown = endA.password ?? endB.password;
        expect(endA.kind, `popup A saw: ${endA.text}`).not.toBe('silent');
        expect(endB.kind, `popup B saw: ${endB.text}`).not.toBe('silent');
        const mine = (await runs(a)).filter((r) => r.email === email && r.kind === flow && r.startedAt >= since);
        if (mine.length === 1) {
          await verify(m.world(), flow, { popup: a, since, end: { ...endA, ...(shown !== undefined ? { password: shown } : {}) } }, OK[flow]);
          expect(endB.status).toBe('done');
        } else {
          // The second click reached the worker after the first run had ended (a loaded machine): it
          // must then refuse by name, never act again. (Set password refuses such a stale
          // confirmation before it makes a run: already-set, see runGuards.test.ts.)
          expect(flow, 'a second set-password run from a confirmation chosen before the first ended').not.toBe('set-password');
          expect(mine).toHaveLength(2);
          if (flow === 'lookup') {
            // Two look-ups one after the other: harmless, both show the card.
            expect(mine.map((r) => r.status)).toEqual(['done', 'done']);
          } else {
            expect(mine.map((r) => r.status).sort()).toEqual(['done', 'failed']);
            expect(mine.find((r) => r.status === 'failed')!.error?.code).toMatch(/^already-resent$/);
          }
          expect(m.world().sim.outbox()).toHaveLength(OK[flow].sends);
          expect(m.world().sim.passwordChanges()).toHaveLength(OK[flow].changes);
        }
      });

      matrixCase(`${flow}: a renamed section stops with the label and the page`, flow === 'lookup', async () => {
        // Look-up and resend meet Password History on the user page; set password meets Password on the customer page.
        const renamed = flow === 'set-password' ? { password: 'Kennwort' } : { passwordHistory: 'Kennwortverlauf' };
        const played = await play(m.world(), flow, () => void m.world().sim.setConfig({ renamed }));
        await verify(m.world(), flow, played, {
          end: 'failed',
          code: 'label-missing',
          message: flow === 'set-password' ? /"Password".*customer page/s : /"Password History".*user page/s,
          sends: 0,
          changes: 0,
          activity: /^not done: the admin's layout has changed$/,
        });
        expect(played.end.text).toMatch(/layout has changed/);
      });

      matrixCase(`${flow}: an unparseable date`, flow === 'resend', async () => {
        const played = await play(m.world(), flow, () => void m.world().sim.setConfig({ brokenDates: true }));
        await verify(
          m.world(),
          flow,
          played,
          // Set password reads no dates: not affected.
          flow === 'set-password'
            ? OK[flow]
            : { end: 'failed', code: 'unparseable-date', message: '13/32/2026 25:61:00 PM', sends: 0, changes: 0, activity: /^not done: a date in the admin could not be read$/ },
        );
      });
    });
  });
}
