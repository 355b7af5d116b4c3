/**
 * axe-core (WCAG 2.x A/AA rules) in the popup and the options page, in light and dark mode, in
 * their main states: 0 violations. (The in-page bars join this file when they exist.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { startWorld, type World } from './setup';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axe(page: Page): Promise<string[]> {
  // Runtime evaluation is not subject to the extension pages' CSP (an inline <script> would be).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Violation[] }> } }).axe.run;
    return (await run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })).violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join('; ')}`);
}

describe.each(['light', 'dark'] as const)('axe: 0 violations (%s)', (scheme) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic' });
  });
  afterAll(async () => world?.close());

  it('popup: empty, with a validation message, with a result and replies', async () => {
    const popup = await world.ext.openPopup(world.adminTabId);
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.getByLabel('Customer e-mail').waitFor();
    expect(await axe(popup)).toEqual([]);
    await popup.getByLabel('Customer e-mail').fill('not-an-address');
    await popup.getByRole('button', { name: 'Look up' }).click();
    await popup.getByRole('alert').waitFor();
    expect(await axe(popup)).toEqual([]);
    for (const email of [PEOPLE.valid2h, PEOPLE.expired3d, PEOPLE.changed, PEOPLE.noRequest]) {
      await popup.getByLabel('Customer e-mail').fill(email);
      await popup.getByRole('button', { name: 'Look up' }).click();
      await popup.locator('.replies').waitFor({ timeout: 30_000 });
      await popup.locator('.steps .step-running').waitFor({ state: 'detached', timeout: 30_000 });
      expect(await axe(popup), email).toEqual([]);
    }
    await popup.close();
  });

  it('options: as loaded, and with validation messages and the advanced labels open', async () => {
    const page = await world.ext.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${world.ext.extensionId}/src/options/index.html`);
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Admin time zone').fill('Nowhere/Never');
    await page.getByLabel('Validity of a reset link (hours)').fill('0');
    await page.getByRole('textbox', { name: 'New password' }).fill('no placeholder {x}');
    await page.getByText("Advanced: the admin's wording").click();
    await page.getByLabel('menuSales').fill('x'.repeat(201));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.close();
  });
});
