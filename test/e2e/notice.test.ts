/**
 * Never silent: on a page we recognise as ours, when the in-page help cannot attach (here: the page
 * names its customer nowhere we can read), a notice on the page says what was not found and offers
 * the fix; nothing is injected that would act on a guess.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';
import { startWorld, type World } from './setup';

describe('the in-page notice', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic', lang: 'en' });
  });
  afterAll(async () => world?.close());

  it('a user page that names no customer gets a notice saying so, and no bar', async () => {
    const { admin, sim } = world;
    sim.setConfig({ identityIn: [] });
    const account = sim.scenario().accounts.find((a) => a.email === PEOPLE.valid2h)!;
    await admin.goto(`${sim.pathOf('user')}?${PARAMS[sim.config.variant].id}=${account.id}`);
    const notice = admin.locator('reset-desk-ui[data-kind="notice"] [data-notice="cannot-attach"]');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.innerText()).toMatch(/does not name its customer: no e-mail address/);
    expect(await notice.locator('button[data-action="open-options"]').count()).toBe(1);
    expect(await admin.locator('reset-desk-ui[data-kind="user-bar"]').count()).toBe(0);
    // Dismissed, it goes.
    await notice.locator('button[data-action="dismiss"]').click();
    expect(await admin.locator('reset-desk-ui[data-kind="notice"] [data-notice]').count()).toBe(0);
    sim.setConfig({ identityIn: ['title', 'browser-title', 'field'] });
  });
});
