/**
 * One run engine for the popup and the in-page paths: the same verdict everywhere (the agent's
 * validity window included), and every run, wherever it started, in the activity log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PEOPLE, type Simulator } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';
import { activityEntry } from './faultKit';
import { lookUp, resultSays, stateWord } from './popupHelpers';
import { startWorld, type World } from './setup';

async function openUser(admin: Page, sim: Simulator, email: string): Promise<void> {
  const account = sim.scenario().accounts.find((a) => a.email === email)!;
  await admin.goto(`${sim.pathOf('user')}?${PARAMS[sim.config.variant].id}=${account.id}`);
}

async function barState(admin: Page): Promise<string> {
  const bar = admin.locator('reset-desk-ui[data-kind="user-bar"] section.bar');
  await expect.poll(async () => (await bar.getAttribute('data-state')) ?? 'none-yet', { timeout: 15_000 }).toMatch(/^(valid|expired|changed|none|error)$/);
  return (await bar.getAttribute('data-state')) ?? '';
}

describe('one verdict everywhere', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic', lang: 'en' });
  });
  afterAll(async () => world?.close());
  beforeEach(() => world.sim.reset());

  it('a 48 h validity window: a request 24 h 01 min old is valid in the popup, the page and the log', async () => {
    await world.setSettings({ validityHours: 48 });
    try {
      const since = Date.now();
      const popup = await lookUp(world, PEOPLE.expired24h01);
      await resultSays(popup, 'Valid');
      expect(await stateWord(popup)).toBe('Valid');
      const logged = await activityEntry(popup, PEOPLE.expired24h01, 'lookup', since);
      expect(logged.outcome).toBe('Valid');

      await openUser(world.admin, world.sim, PEOPLE.expired24h01);
      expect(await barState(world.admin)).toBe('valid');
      await popup.close();
    } finally {
      await world.setSettings({ validityHours: 24 });
    }
  });
});
