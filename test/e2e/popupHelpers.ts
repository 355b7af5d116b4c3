import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { World } from './setup';

export const STATE_WORDS = ['Valid', 'Expired', 'Already changed', 'No reset request', 'No customer with this e-mail'] as const;

/** Opens a popup bound to the admin tab, types the e-mail and presses Look up. */
export async function lookUp(world: World, email: string): Promise<Page> {
  const popup = await world.ext.openPopup(world.adminTabId);
  await popup.getByLabel('Customer e-mail').fill(email);
  await popup.getByRole('button', { name: 'Look up' }).click();
  return popup;
}

/** Waits until the popup's result region says one of `texts` (the run has finished). */
export async function resultSays(popup: Page, text: string | RegExp, timeout = 30_000): Promise<string> {
  // The result region (the live region is only the state word: p[data-announce]).
  const status = popup.locator('.result');
  await expect.poll(async () => status.innerText(), { timeout }).toMatch(text);
  return status.innerText();
}

/** The state word the card shows. */
export async function stateWord(popup: Page): Promise<string> {
  return popup.locator('.state-word').innerText();
}

/** Waits until no step is running any more. */
export async function runFinished(popup: Page, timeout = 30_000): Promise<void> {
  await expect.poll(async () => popup.locator('[aria-current="step"]').count(), { timeout }).toBe(0);
  await expect.poll(async () => popup.locator('.step').count(), { timeout }).toBeGreaterThan(0);
}

/**
 * Looks the customer up, clicks Resend with a slow admin (600 ms a page, so the flow is still
 * mid-step when the worker goes) and stops the worker while "Send it" is the current step.
 */
export async function stopWorkerDuringSend(world: World, email: string): Promise<Page> {
  const popup = await lookUp(world, email);
  await resultSays(popup, 'Valid');
  world.sim.setConfig({ pageLatencyMs: 600 });
  await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
  await popup.locator('[aria-current="step"]', { hasText: 'Send it' }).waitFor({ timeout: 20_000 });
  await world.ext.stopServiceWorker();
  return popup;
}
