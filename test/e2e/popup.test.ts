/**
 * The toolbar popup end to end, in every markup variant: the card for each state, resend exactly
 * once with the original token (double click and two popups included), no resend when expired,
 * set a new password that really works and is stored nowhere, and the named errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { lookUp, resultSays, runFinished, stateWord } from './popupHelpers';
import { startWorld, type World } from './setup';

const VARIANTS = [
  { variant: 'classic', lang: 'en', dateFormat: 'en-US' },
  { variant: 'modern', lang: 'de', dateFormat: 'de-DE' },
  { variant: 'legacy', lang: 'en', dateFormat: 'iso-minute' },
] as const;

describe.each(VARIANTS)('popup on the $variant admin ($lang, $dateFormat)', (config) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld(config);
  });
  afterAll(async () => world?.close());
  beforeEach(() => world.sim.reset());

  it.each([
    [PEOPLE.valid2h, 'Valid'],
    [PEOPLE.expired24h01, 'Expired'],
    [PEOPLE.changed, 'Already changed'],
    [PEOPLE.noRequest, 'No reset request'],
  ])('shows the card for %s as "%s"', async (email, word) => {
    const popup = await lookUp(world, email);
    await resultSays(popup, word);
    expect(await stateWord(popup)).toBe(word);
    await expect.poll(() => popup.locator('.result').innerText()).toContain(email);
    // The live region announces the state word only; the card is no live region.
    expect(await popup.locator('p[data-announce][aria-live="polite"]').textContent()).toBe(word);
    expect(await popup.locator('.card').evaluate((card) => card.closest('[aria-live], [role="status"], [role="alert"]') === null)).toBe(true);
    const resend = popup.getByRole('button', { name: 'Resend reset e-mail' });
    expect(await resend.isEnabled()).toBe(word === 'Valid');
    await popup.close();
  });

  it('resends the reset e-mail once, with the original token, even when clicked twice', async () => {
    const popup = await lookUp(world, PEOPLE.valid2h);
    await resultSays(popup, 'Valid');
    const resend = popup.getByRole('button', { name: 'Resend reset e-mail' });
    // Two clicks as fast as a nervous agent, in one task of the page: the second lands on a disabled
    // button or joins the run. (Two Playwright clicks can land half a second apart under load, after
    // the resend has ended; that second click is then refused as "already resent", which
    // the fault matrix's two-popups case covers.)
    await resend.evaluate((button) => {
      (button as HTMLButtonElement).click();
      (button as HTMLButtonElement).click();
    });
    await resultSays(popup, world.sim.config.lang === 'de' ? 'E-Mail wurde gesendet' : 'E-mail has been sent');
    await runFinished(popup);
    const sent = world.sim.outbox();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.customerEmail).toBe(PEOPLE.valid2h);
    expect(sent[0]!.token).toBe(world.sim.people().find((p) => p.email === PEOPLE.valid2h)!.latestToken);
    // A clear success with its time and zone replaces the buttons; the next step (copy the reply) has the focus.
    const resent = popup.locator('.card [data-outcome="resent"]');
    expect(await resent.innerText()).toMatch(/^Resent at \d\d:\d\d \S+$/);
    expect(await popup.locator('p[data-announce]').textContent()).toBe(await resent.innerText());
    expect(await popup.locator('.card .actions').getByRole('button', { name: 'Resend reset e-mail' }).count()).toBe(0);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Copy reply: reset e-mail resent');
    // The in-page bar (on the user page the resend left the tab on) agrees, though the popup started it.
    const bar = world.admin.locator('reset-desk-ui[data-kind="user-bar"] [data-outcome]');
    await expect.poll(() => bar.first().innerText().catch(() => ''), { timeout: 20_000 }).toMatch(/^Resent at \d\d:\d\d \S+/);
    await popup.close();

    // A second resend is refused: neutral information, with no negative time and no row number.
    const again = await lookUp(world, PEOPLE.valid2h);
    await resultSays(again, 'Valid');
    await runFinished(again);
    await again.getByRole('button', { name: 'Resend reset e-mail' }).click();
    const already = again.locator('.card [data-outcome="already-resent"]');
    await already.waitFor({ timeout: 30_000 });
    expect(await already.innerText()).toMatch(/^Already resent (less than 1 min|1 min|\d min) ago$/);
    expect(await already.getAttribute('class')).toContain('info');
    expect(await again.locator('.error-box, .card .error').count()).toBe(0);
    const refused = await again.locator('.result').innerText();
    expect(refused).not.toMatch(/(^|\s|\()-\d|\brow\b/i); // no negative time, no row number
    expect(refused).not.toContain('already been resent once since the request');
    expect(world.sim.outbox()).toHaveLength(1);
    await again.close();
  });

  it('does not offer a resend for an expired request, and offers the "request again" reply', async () => {
    const popup = await lookUp(world, PEOPLE.expired24h01);
    await resultSays(popup, 'Expired');
    expect(await popup.getByRole('button', { name: 'Resend reset e-mail' }).isDisabled()).toBe(true);
    await expect.poll(() => popup.getByText('reply: please request again').count()).toBe(1);
    expect(world.sim.outbox()).toHaveLength(0);
    await popup.close();
  });

  it('sets a new password that works in the admin, shows it once and stores it nowhere', async () => {
    const popup = await lookUp(world, PEOPLE.expired3d);
    await resultSays(popup, 'Expired');
    await popup.getByRole('button', { name: 'Set new password' }).click();
    await popup.getByRole('button', { name: 'Confirm' }).click();
    const password = popup.locator('code.password');
    await password.waitFor({ timeout: 30_000 });
    const value = await password.innerText();
    expect(value.length).toBeGreaterThanOrEqual(16);
    expect(world.sim.checkPassword(PEOPLE.expired3d, value)).toBe(true);
    expect(world.sim.passwordChanges()).toHaveLength(1);
    // The password block at the top of the card with its countdown; the reply with it is the main button; the state is ours.
    expect(await popup.locator('.card .state-word').innerText()).toMatch(/^Changed by you at \d\d:\d\d \S+$/);
    expect(await popup.locator('.card > :nth-child(2)').evaluate((el) => el.matches('section.secret'))).toBe(true);
    expect(await popup.locator('.card [data-countdown]').innerText()).toMatch(/^Cleared from here in \d+ s$/);
    const primary = popup.locator('.card button.primary');
    expect(await primary.getAttribute('aria-label')).toBe('Copy reply with the new password');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Copy reply with the new password');
    const stored = await world.dumpStorage();
    expect(stored).not.toContain(value);
    expect(stored).toContain(PEOPLE.expired3d); // the activity log and the run are there, the password is not
    await popup.close();
  });
});

describe('the popup and the admin tab', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'modern' });
  });
  afterAll(async () => world?.close());

  it("takes the customer e-mail from the admin tab's current user page", async () => {
    const first = await lookUp(world, PEOPLE.changed);
    await resultSays(first, 'Already changed');
    await first.close();
    // The look-up left the admin tab on emil's user page: a new popup starts from there.
    const popup = await world.ext.openPopup(world.adminTabId);
    await expect.poll(() => popup.getByLabel('Customer e-mail').inputValue()).toBe(PEOPLE.changed);
    await expect.poll(() => popup.getByRole('region', { name: 'Recent activity' }).innerText()).toContain(`${PEOPLE.changed} (`);
    await popup.close();
  });

  it('opens an admin tab (in the background) at the configured address when none is open', async () => {
    // The popup page first: closing a browser's last window would end its session (and cookies).
    const popup = await world.ext.openPopup();
    await world.admin.close();
    await popup.getByLabel('Customer e-mail').fill(PEOPLE.valid2h);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await resultSays(popup, 'Valid');
    const adminPages = world.ext.context.pages().filter((p) => p.url().startsWith(world.sim.url));
    expect(adminPages).toHaveLength(1);
    // Not focused: the agent's popup page stayed the active tab.
    expect(await popup.evaluate(() => document.visibilityState)).toBe('visible');
    world.admin = adminPages[0]!;
    world.adminTabId = await world.ext.tabIdOf(world.admin);
    await popup.close();
  });

  it('a closed admin tab mid-flow is a named error with Retry, and Retry completes', async () => {
    world.sim.setConfig({ pageLatencyMs: 800 });
    const popup = await lookUp(world, PEOPLE.manyRows);
    await popup.locator('[aria-current="step"]').waitFor({ timeout: 10_000 });
    await world.admin.close();
    await resultSays(popup, /admin tab was closed/);
    world.sim.setConfig({ pageLatencyMs: 0 });
    await popup.getByRole('button', { name: 'Retry' }).click();
    await resultSays(popup, 'Valid');
    expect(world.sim.outbox()).toHaveLength(0);
    await popup.close();
  });
});
