/**
 * The guide's manual procedure, done by a plain Playwright script on the simulator (no extension),
 * in every markup variant: verify, resend, manual reset. The simulator's outbox and password
 * records are the proof.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureChromium } from '../../scripts/chromium';
import { formatDate, PEOPLE, SESSION_COOKIE, startSimulator, type Simulator } from '../admin-sim/server';
import { CHROMIUM_ARGS } from './browser';
import { label, manualReset, resend, verify } from './manualProcedure';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => browser?.close());

const CASES = [
  { variant: 'classic', lang: 'en', dateFormat: 'en-US' },
  { variant: 'modern', lang: 'de', dateFormat: 'de-DE' },
  { variant: 'legacy', lang: 'en', dateFormat: 'iso-minute' },
] as const;

describe.each(CASES)('manual procedure on the $variant markup ($lang, $dateFormat)', (config) => {
  let sim: Simulator;
  let page: Page;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, control: true, loadDataLatencyMs: [20, 60], ...config });
    const context = await browser.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: sim.login().split('=').slice(1).join('='), url: sim.url }]);
    page = await context.newPage();
    await page.goto(`${sim.url}/`);
  });
  afterAll(async () => {
    await page?.context().close();
    await sim?.close();
  });

  it('verifies a request: the Password History shows its date and "not changed"', async () => {
    const rows = await verify(page, sim, PEOPLE.valid2h);
    const person = sim.people().find((p) => p.email === PEOPLE.valid2h)!;
    const requestAt = sim.scenario().base - person.latestRequestAgeMinutes! * 60_000;
    const expectedDate = formatDate(requestAt, sim.config.dateFormat, sim.config.timeZone);
    const row = rows.find((cells) => cells.includes(expectedDate));
    expect(row, `a row dated ${expectedDate} in ${JSON.stringify(rows)}`).toBeDefined();
    expect(row).toContain(label(sim, 'no'));
  });

  it('resends the reset e-mail: exactly one e-mail with the original token', async () => {
    const before = sim.outbox().length;
    await resend(page, sim, PEOPLE.valid2h);
    const sent = sim.outbox().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.customerEmail).toBe(PEOPLE.valid2h);
    expect(sent[0]!.token).toBe(sim.people().find((p) => p.email === PEOPLE.valid2h)!.latestToken);
  });

  it('sets a password by hand: too short is refused, a good one works', async () => {
    const refused = await manualReset(page, sim, PEOPLE.expired3d, 'short');
    expect(refused).toContain(label(sim, 'passwordTooShort'));
    expect(sim.passwordChanges()).toHaveLength(0);
    const saved = await manualReset(page, sim, PEOPLE.expired3d, 'Good-Enough-42');
    expect(saved).toContain(label(sim, 'changesSaved'));
    expect(sim.checkPassword(PEOPLE.expired3d, 'Good-Enough-42')).toBe(true);
    expect(sim.checkPassword(PEOPLE.expired3d, 'short')).toBe(false);
  });
});
