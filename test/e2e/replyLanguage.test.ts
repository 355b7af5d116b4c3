/**
 * Replies in the customer's language: the popup picks the customer's Language as the admin shows
 * it (Frida: German; Anna: English), else the options' reply language; the agent can switch before
 * copying, and what is copied is in the chosen language.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { lookUp, runFinished } from './popupHelpers';
import { startWorld, type World } from './setup';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world?.close());

async function copied(popup: Page, what: string): Promise<string> {
  await popup.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    navigator.clipboard.writeText = async (text: string) => void w.copied.push(text);
  });
  await popup.locator('.copy').filter({ hasText: what }).getByRole('button').first().click();
  return popup.evaluate(() => (window as unknown as { copied: string[] }).copied.at(-1) ?? '');
}

describe('reply language', () => {
  it("follows the customer's Language in the admin, and the agent can switch", async () => {
    const popup = await lookUp(world, PEOPLE.adminChanged);
    await runFinished(popup);
    const select = popup.getByLabel('Reply in');
    await expect.poll(() => select.inputValue(), { timeout: 30_000 }).toBe('de');
    await popup.getByText("the customer's language in the admin").waitFor();
    expect(await copied(popup, 'already changed')).toMatch(/^Hallo Frida Lund,\n\nlaut unseren Daten/);
    await select.selectOption('en');
    expect(await copied(popup, 'already changed')).toMatch(/^Hello Frida Lund,/);
    await popup.close();

    const anna = await lookUp(world, PEOPLE.valid2h);
    await runFinished(anna);
    await expect.poll(() => anna.getByLabel('Reply in').inputValue(), { timeout: 30_000 }).toBe('en');
    await anna.close();
  });

  it("uses the options' reply language when the admin shows no Language we know", async () => {
    await world.setSettings({ replyLanguage: 'de' });
    // The admin names the field otherwise: the customer's language is unknown, so the setting decides.
    world.sim.setConfig({ renamed: { language: 'Locale' } });
    const popup = await lookUp(world, PEOPLE.changed);
    await runFinished(popup);
    await expect.poll(() => popup.getByLabel('Reply in').inputValue(), { timeout: 30_000 }).toBe('de');
    await popup.getByText("the options' reply language", { exact: false }).waitFor();
    await popup.close();
    world.sim.setConfig({ renamed: {} });
    await world.setSettings({ replyLanguage: 'en' });
  });
});
