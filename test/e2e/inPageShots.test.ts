/**
 * Screenshots of the in-page help (the user page bar and badges, the Incoming requests pills, the
 * customer page's button) in both languages and on both admin themes, in a browser set to dark
 * mode: our additions follow the page, not the browser (inPageUser.test.ts checks the colours).
 * Written to test-results/screenshots/ to be looked at, not compared.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { openDetailPage, userBarState } from './adminPages';
import { openMenu, search } from './manualProcedure';
import { startWorld, type World } from './setup';

const SHOTS = 'test-results/screenshots';

describe.each(['en', 'de'] as const)('in-page screenshots (%s)', (lang) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ lang }, { lang, colorScheme: 'dark' });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => world?.close());

  it('user page, list pills and customer page on a light and a dark admin', async () => {
    const { admin, sim } = world;
    await admin.setViewportSize({ width: 1280, height: 900 });
    for (const theme of ['light', 'dark'] as const) {
      sim.setConfig({ theme });
      const shot = async (page: string) => {
        // Every addition on the page took the page's tone, whatever the browser's dark mode says.
        expect(new Set(await admin.locator('reset-desk-ui').evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-tone')))), page).toEqual(new Set([theme]));
        await admin.screenshot({ path: `${SHOTS}/inpage-${page}-${lang}-${theme}-admin.png`, fullPage: true });
      };

      await openDetailPage(admin, sim, 'user', PEOPLE.valid2h);
      expect(await userBarState(admin)).toBe('valid');
      await shot('user');

      await openMenu(admin, sim, 'incomingRequests');
      await search(admin, sim, PEOPLE.valid2h);
      await expect.poll(() => admin.locator('reset-desk-ui[data-kind="row-pill"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await expect.poll(() => admin.locator('reset-desk-ui [data-pill="checking"]').count(), { timeout: 30_000 }).toBe(0);
      await shot('list');

      await openDetailPage(admin, sim, 'customer', PEOPLE.valid2h);
      await admin.locator('reset-desk-ui[data-kind="password-help"] button[data-action="set-password"]').waitFor({ timeout: 15_000 });
      await shot('customer');
    }
  });
});
