/**
 * The popup's look-up on the customer's own user page, whose in-page help has just read both
 * histories: the card shows that reading and costs the admin no request at all (counted in the
 * simulator's request log). Bound to that customer and that page; a resend from the card still goes
 * its own checked way (it reads the histories afresh before Send), and after a run of ours that
 * acted the page's reading is not shown again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { openDetailPage, userBarState } from './adminPages';
import { lookUp, resultSays, runFinished, stateWord } from './popupHelpers';
import { startWorld, type World } from './setup';

describe("look-up on the customer's open user page", () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic' });
  });
  afterAll(async () => world?.close());
  beforeEach(async () => {
    world.sim.reset();
    await world.forgetRuns();
  });

  /** The admin tab on `email`'s user page, its in-page help done reading both histories. */
  async function onUserPage(email: string): Promise<void> {
    await openDetailPage(world.admin, world.sim, 'user', email);
    expect(await userBarState(world.admin)).toBe('valid');
    // The reading's message to the worker leaves right after the bar shows it.
    await world.admin.waitForTimeout(200);
    world.sim.clearRequests();
  }

  it('shows the card from the in-page reading with 0 admin requests', async () => {
    await onUserPage(PEOPLE.valid2h);
    const popup = await lookUp(world, PEOPLE.valid2h);
    await resultSays(popup, 'Valid');
    await runFinished(popup);
    expect(await stateWord(popup)).toBe('Valid');
    expect(world.sim.requests().map((r) => `${r.method} ${r.url}`)).toEqual([]);
    await popup.close();
  });

  it('asks the admin for another customer than the page shows', async () => {
    await onUserPage(PEOPLE.valid2h);
    const popup = await lookUp(world, PEOPLE.changed);
    await resultSays(popup, 'Already changed');
    await runFinished(popup);
    expect(world.sim.requests().filter((r) => r.kind === 'history').length).toBeGreaterThanOrEqual(2);
    await popup.close();
  });

  it('a resend from that card reads the histories afresh, and the next look-up asks the admin again', async () => {
    await onUserPage(PEOPLE.valid2h);
    const popup = await lookUp(world, PEOPLE.valid2h);
    await resultSays(popup, 'Valid');
    await runFinished(popup);
    expect(world.sim.requests()).toHaveLength(0);
    await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
    await resultSays(popup, 'E-mail has been sent');
    await runFinished(popup);
    expect(world.sim.outbox()).toHaveLength(1);
    // Before Send it loaded the E-mail History itself (not the page's reading).
    const beforeSend = world.sim.requests().filter((r) => r.start < world.sim.outbox()[0]!.at);
    expect(beforeSend.filter((r) => r.kind === 'history').length).toBeGreaterThanOrEqual(1);
    await popup.close();

    // The tab's page may have read its histories meanwhile, but our resend acted since.
    await userBarState(world.admin);
    await world.admin.waitForTimeout(200);
    world.sim.clearRequests();
    const again = await lookUp(world, PEOPLE.valid2h);
    await resultSays(again, 'Valid');
    await runFinished(again);
    expect(world.sim.requests().filter((r) => r.kind === 'history').length).toBeGreaterThanOrEqual(2);
    await again.close();
  });
});

describe('the search form, once seen', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'legacy' });
  });
  afterAll(async () => world?.close());

  it('a later look-up goes straight to the search results: the list page before the search is not loaded', async () => {
    await world.forgetLearnt();
    const lists = () => world.sim.requests().filter((r) => r.kind === 'incoming');
    for (const [email, word, listPages] of [[PEOPLE.changed, 'Already changed', 2], [PEOPLE.valid2h, 'Valid', 1]] as const) {
      await world.admin.goto(world.sim.pathOf('dashboard'));
      world.sim.clearRequests();
      const popup = await lookUp(world, email);
      await resultSays(popup, word);
      await runFinished(popup);
      // The first: Incoming requests, then its search; the second: the search's address at once.
      expect(lists().map((r) => r.url.includes(encodeURIComponent(email)))).toEqual(listPages === 2 ? [false, true] : [true]);
      if (listPages === 1) await expect.poll(() => popup.getByText('straight to the search results').count()).toBe(1);
      await popup.close();
    }
  });
});
