/**
 * Every effect on the right customer: while a resend or a password reset runs on a slow admin,
 * the agent moves the admin tab to another customer at each step. The other customer's outbox
 * and password stay untouched, the run's own customer gets at most one effect, and the popup says
 * by name what happened (never a silent end).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { cardFor, confirmSetPassword, ending, whenStep, type StepId } from './faultKit';
import { openDetailPage } from './adminPages';
import { startWorld, type World } from './setup';

const RUN_FOR = PEOPLE.valid2h;
const OTHER = PEOPLE.valid23h59;

describe('the agent moves the admin tab to another customer mid-flow', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic', lang: 'en' });
  });
  afterAll(async () => world?.close());
  beforeEach(async () => {
    world.sim.reset();
    await world.forgetRuns();
    world.sim.setConfig({ pageLatencyMs: 0, loadDataLatencyMs: [20, 60] });
  });

  it.each(['open-incoming', 'search', 'open-user', 'after Show', 'load-history', 'open-email', 'send'] as const)('resend: moved during "%s" — nothing goes to the other customer', async (step) => {
    const popup = await cardFor(world, RUN_FOR, 'Valid');
    await world.admin.goto(`${world.sim.url}/`);
    // The look-up taught the worker the search's address, and a resend would skip the list page.
    if (step === 'open-incoming') await world.forgetLearnt();
    world.sim.setConfig({ pageLatencyMs: 700, loadDataLatencyMs: [900, 900] });
    const since = Date.now();
    const showClicked = world.admin.waitForRequest((r) => r.url().includes(world.sim.pathOf('user')) && r.method() === 'GET');
    await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
    if (step === 'after Show') await showClicked;
    else await whenStep(popup, step as StepId);
    await openDetailPage(world.admin, world.sim, 'user', OTHER, 'commit');
    const end = await ending(popup, RUN_FOR, since);
    const outbox = world.sim.outbox();
    expect(outbox.filter((m) => m.customerEmail === OTHER || m.to.includes(OTHER)), 'e-mails to the other customer').toEqual([]);
    expect(outbox.filter((m) => m.customerEmail === RUN_FOR).length).toBeLessThanOrEqual(1);
    expect(end.kind, `the popup said: ${end.text}`).not.toBe('silent');
    // Until the other page commits, the old one is still the customer's and may finish its step
    // (the admin's own answer then tells); after it, the run stops and says why.
    if (outbox.length === 0) {
      expect(end.status).toBe('failed');
      expect(end.kind).toBe('error');
    }
    if (['open-incoming', 'search', 'open-user', 'after Show', 'load-history'].includes(step)) {
      expect(outbox).toEqual([]);
      expect(end.text).toContain(`(The admin tab shows ${OTHER}`);
    }
    await popup.close();
  });

  it.each(['open-customers', 'search-customer', 'open-customer', 'after Show', 'save'] as const)('set password: moved during "%s" — the other customer\'s password is untouched', async (step) => {
    const popup = await cardFor(world, RUN_FOR, 'Valid');
    await world.admin.goto(`${world.sim.url}/`);
    world.sim.setConfig({ pageLatencyMs: 700 });
    const since = Date.now();
    // "after Show": the moment the run's Show click asked for its customer's page (the agent's click lands before it arrives).
    const showClicked = world.admin.waitForRequest((r) => r.url().includes(world.sim.pathOf('customer')) && r.method() === 'GET');
    await confirmSetPassword(popup);
    if (step === 'after Show') await showClicked;
    else await whenStep(popup, step as StepId);
    await openDetailPage(world.admin, world.sim, 'customer', OTHER, 'commit');
    const end = await ending(popup, RUN_FOR, since);
    const changes = world.sim.passwordChanges();
    expect(changes.filter((c) => c.email === OTHER), 'password changes of the other customer').toEqual([]);
    expect(changes.filter((c) => c.email === RUN_FOR).length).toBeLessThanOrEqual(1);
    expect(end.kind, `the popup said: ${end.text}`).not.toBe('silent');
    if (end.password) expect(world.sim.checkPassword(RUN_FOR, end.password)).toBe(true);
    if (changes.length === 0) expect(end.status).toBe('failed');
    await popup.close();
  });
});
