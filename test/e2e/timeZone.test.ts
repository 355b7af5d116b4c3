/**
 * Time zone never silently wrong (issue 16's case): the agent's computer in UTC, the admin printing
 * Berlin time, nothing set in the options. Carla's request is really 24 h 1 min old and reads as
 * 23 h 1 min: it must not be offered as a valid resend, and the times say the zone is assumed. A
 * zone that puts history dates in the future is said to be wrong, with no resend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { lookUp, runFinished } from './popupHelpers';
import { startWorld, type World } from './setup';

let world: World;
beforeAll(async () => {
  world = await startWorld({ timeZone: 'Europe/Berlin' }, { timeZone: 'UTC' });
});
afterAll(async () => world?.close());

describe('the admin time zone', () => {
  it('not set: times are marked as assumed, and a request near the edge is no valid resend', async () => {
    await world.setSettings({ adminTimeZone: '' });
    const popup = await lookUp(world, PEOPLE.expired24h01);
    await runFinished(popup);
    const card = popup.locator('.card');
    await expect.poll(() => card.innerText(), { timeout: 30_000 }).toMatch(/zone assumed/);
    expect(await card.innerText()).toMatch(/may already have expired: no resend offered/);
    expect(await popup.getByRole('button', { name: 'Resend reset e-mail' }).isDisabled()).toBe(true);
    await popup.close();
  });

  it('set: the same request is expired, and the times carry the zone, not "assumed"', async () => {
    await world.setSettings({ adminTimeZone: 'Europe/Berlin' });
    // A fresh admin page: the open one read its dates with the settings it loaded with.
    await world.admin.goto(`${world.sim.url}/`);
    const popup = await lookUp(world, PEOPLE.expired24h01);
    await runFinished(popup);
    await expect.poll(() => popup.locator('.state-word').innerText(), { timeout: 30_000 }).toBe('Expired');
    const card = await popup.locator('.card').innerText();
    expect(card).not.toMatch(/assumed/);
    expect(card).toMatch(/\(UTC\)/);
    await popup.close();
  });

  it('a zone that dates the history in the future is called wrong, and nothing time-critical is offered', async () => {
    await world.setSettings({ adminTimeZone: 'Pacific/Pago_Pago' });
    await world.admin.goto(`${world.sim.url}/`);
    const popup = await lookUp(world, PEOPLE.valid2h);
    await runFinished(popup);
    await expect.poll(() => popup.locator('.card').innerText(), { timeout: 30_000 }).toMatch(/admin's time zone in the options is wrong/);
    expect(await popup.getByRole('button', { name: 'Resend reset e-mail' }).isDisabled()).toBe(true);
    await popup.close();
    await world.setSettings({ adminTimeZone: 'Europe/Berlin' });
  });
});
