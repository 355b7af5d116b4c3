/** Straight to a customer's page in the simulated admin, and what our in-page help shows there. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Simulator } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';

/**
 * The user or customer page of `email` (the list page's Show target; test/e2e/foundation walks
 * there by labels). `commit`: return once the navigation is under way (an agent clicking mid-flow).
 */
export async function openDetailPage(admin: Page, sim: Simulator, kind: 'user' | 'customer', email: string, waitUntil: 'load' | 'commit' = 'load'): Promise<void> {
  const account = sim.scenario().accounts.find((a) => a.email === email);
  if (!account) throw new Error(`no account ${email} in the scenario`);
  await admin.goto(`${sim.pathOf(kind)}?${PARAMS[sim.config.variant].id}=${account.id}`, { waitUntil });
}

/** The user bar's state once it has read the histories (data-state is the reset state then). */
export async function userBarState(admin: Page): Promise<string> {
  const bar = admin.locator('reset-desk-ui[data-kind="user-bar"] section.bar');
  await expect.poll(async () => (await bar.getAttribute('data-state')) ?? 'none-yet', { timeout: 15_000 }).toMatch(/^(valid|expired|changed|none|error)$/);
  return (await bar.getAttribute('data-state')) ?? '';
}
