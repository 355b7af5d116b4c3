/**
 * Never silent: on a page we recognise as ours, when the in-page help cannot attach (here: the page
 * names its customer nowhere we can read), a notice on the page says what was not found and offers
 * the fix; nothing is injected that would act on a guess. And the fixes themselves: teach mode
 * (a renamed label pointed out on the page, saved, the same flow passing) and the layout report.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';
import { lookUp, resultSays } from './popupHelpers';
import { startWorld, type World } from './setup';

describe('the in-page notice', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic', lang: 'en' });
  });
  afterAll(async () => world?.close());

  it('a user page that names no customer gets a notice saying so, and no bar', async () => {
    const { admin, sim } = world;
    sim.setConfig({ identityIn: [] });
    const account = sim.scenario().accounts.find((a) => a.email === PEOPLE.valid2h)!;
    await admin.goto(`${sim.pathOf('user')}?${PARAMS[sim.config.variant].id}=${account.id}`);
    const notice = admin.locator('reset-desk-ui[data-kind="notice"] [data-notice="cannot-attach"]');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.innerText()).toMatch(/does not name its customer: no e-mail address/);
    expect(await notice.locator('button[data-action="open-options"]').count()).toBe(1);
    expect(await admin.locator('reset-desk-ui[data-kind="user-bar"]').count()).toBe(0);
    // Dismissed, it goes.
    await notice.locator('button[data-action="dismiss"]').click();
    expect(await admin.locator('reset-desk-ui[data-kind="notice"] [data-notice]').count()).toBe(0);
    sim.setConfig({ identityIn: ['title', 'browser-title', 'field'] });
  });

  it('teach mode: a renamed Show stops the look-up; Show me, a click on the renamed link (which does not fire), Save; the look-up passes', async () => {
    const { admin, sim } = world;
    sim.setConfig({ renamed: { show: 'View' } });
    try {
      let popup = await lookUp(world, PEOPLE.valid2h);
      expect(await resultSays(popup, /layout has changed/)).toContain('"Show"');
      // The list's in-page help cannot attach either: its notice offers Show me too (loaded again:
      // a list page a run only passes through starts no in-page help, issue 15).
      await admin.reload();
      const notice = admin.locator('reset-desk-ui[data-kind="notice"] [data-notice="cannot-attach"]');
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.locator('button[data-action="teach"]').innerText()).toBe('Show me');
      await popup.getByRole('button', { name: 'Show me' }).click();
      await expect.poll(() => popup.locator('[data-teaching]').innerText(), { timeout: 15_000 }).toMatch(/Look at the admin tab/);

      const panel = admin.locator('reset-desk-ui[data-kind="teach"] section[data-teach]');
      await panel.waitFor({ timeout: 15_000 });
      expect(await panel.getAttribute('data-teach')).toBe('picking');
      // The candidates it found: the page's links and buttons, the renamed one among them.
      expect(await panel.locator('[data-candidates="control"] button').allInnerTexts()).toEqual(expect.arrayContaining(['View', 'Incoming requests']));

      // The admin's own handlers see nothing of the pick, and its link does not navigate.
      const before = admin.url();
      await admin.evaluate(() => {
        const w = window as unknown as { adminClicks: number };
        w.adminClicks = 0;
        // Clicks on the admin's own elements (a click on our panel reaches the page as one on our host element).
        document.addEventListener('click', (e) => void (!(e.target as Element).closest('reset-desk-ui') && w.adminClicks++), true);
      });
      // First the search icon: another label's text, refused with the reason and not saved (nor is the search submitted).
      await admin.locator('button[title="Search"]').click();
      await expect.poll(() => panel.getAttribute('data-teach'), { timeout: 10_000 }).toBe('refused');
      expect(await panel.locator('[data-refused]').innerText()).toBe('"Search" already stands for something else on this page (what Reset Desk calls "Search"), and two labels cannot share one text, so nothing was saved.');
      await panel.locator('button[data-action="pick-again"]').click();
      await admin.locator('a', { hasText: /^View$/ }).first().click();
      await expect.poll(() => panel.getAttribute('data-teach'), { timeout: 10_000 }).toBe('proposed');
      expect(admin.url()).toBe(before);
      expect(await admin.evaluate(() => (window as unknown as { adminClicks: number }).adminClicks)).toBe(0);
      // The override it will save: label, page and text.
      expect(await panel.locator('[data-override-key]').getAttribute('data-override-key')).toBe('incoming-requests:show');
      expect(await panel.locator('[data-proposed]').innerText()).toBe('Reset Desk will save: on the Incoming requests page, "Show" is called "View".');

      await panel.locator('button[data-action="save-label"]').click();
      await expect.poll(() => panel.locator('[data-passes]').getAttribute('data-passes'), { timeout: 15_000 }).toBe('true');
      // The list's help attaches now: its notice is gone, the rows get their pills.
      await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(0);
      await admin.locator('reset-desk-ui[data-kind="row-pill"]').first().waitFor({ timeout: 15_000 });
      const stored = JSON.parse(await world.dumpStorage()) as { sync: { settings: { labelOverrides: Record<string, string> } } };
      expect(stored.sync.settings.labelOverrides).toEqual({ 'incoming-requests:show': 'View' });
      // Esc closes the panel.
      await admin.keyboard.press('Escape');
      await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(0);
      await popup.close();

      // The same flow now passes.
      popup = await lookUp(world, PEOPLE.valid2h);
      await resultSays(popup, 'Valid');
      await popup.close();
    } finally {
      sim.setConfig({ renamed: {} });
      await world.setSettings({ labelOverrides: {} });
    }
  });

  it('teach mode from the notice: a renamed heading with an entry count is saved without the count, and the bar attaches', async () => {
    const { admin, sim } = world;
    sim.setConfig({ renamed: { emailHistory: 'Mail Log (3)' } });
    try {
      const account = sim.scenario().accounts.find((a) => a.email === PEOPLE.valid2h)!;
      await admin.goto(`${sim.pathOf('user')}?${PARAMS[sim.config.variant].id}=${account.id}`);
      const notice = admin.locator('reset-desk-ui[data-kind="notice"] [data-notice="cannot-attach"]');
      await notice.waitFor({ timeout: 15_000 });
      expect(await notice.innerText()).toContain('"E-mail History"');
      expect(await admin.locator('reset-desk-ui[data-kind="user-bar"]').count()).toBe(0);
      await notice.locator('button[data-action="teach"]').click();

      const panel = admin.locator('reset-desk-ui[data-kind="teach"] section[data-teach]');
      await panel.waitFor({ timeout: 15_000 });
      expect(await panel.getAttribute('data-teach')).toBe('picking');
      expect(await panel.locator('[data-candidates="heading"] button').allInnerTexts()).toEqual(expect.arrayContaining(['Password History', 'Mail Log (3)']));
      await admin.getByText('Mail Log (3)', { exact: true }).first().click();
      await expect.poll(() => panel.getAttribute('data-teach'), { timeout: 10_000 }).toBe('proposed');
      // The count changes with the data: what is saved is the name alone.
      expect(await panel.locator('[data-override-key]').getAttribute('data-override-key')).toBe('user:emailHistory');
      expect(await panel.locator('[data-proposed]').innerText()).toContain('is called "Mail Log".');
      await panel.locator('button[data-action="save-label"]').click();
      await expect.poll(() => panel.locator('[data-passes]').getAttribute('data-passes'), { timeout: 15_000 }).toBe('true');
      await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(0);
      await admin.locator('reset-desk-ui[data-kind="user-bar"]').first().waitFor({ timeout: 15_000 });
      const stored = JSON.parse(await world.dumpStorage()) as { sync: { settings: { labelOverrides: Record<string, string> } } };
      expect(stored.sync.settings.labelOverrides).toEqual({ 'user:emailHistory': 'Mail Log' });
      await admin.keyboard.press('Escape');
      await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(0);

      // Next day the count is another: the taught label still holds.
      sim.setConfig({ renamed: { emailHistory: 'Mail Log (4)' } });
      await admin.reload();
      await admin.locator('reset-desk-ui[data-kind="user-bar"]').first().waitFor({ timeout: 15_000 });
      expect(await notice.count()).toBe(0);
    } finally {
      sim.setConfig({ renamed: {} });
      await world.setSettings({ labelOverrides: {} });
    }
  });

  it('the popup\'s layout report downloads the redacted report of the admin tab\'s page', async () => {
    const { admin, sim } = world;
    const account = sim.scenario().accounts.find((a) => a.email === PEOPLE.valid2h)!;
    await admin.goto(`${sim.pathOf('user')}?${PARAMS[sim.config.variant].id}=${account.id}`);
    await admin.locator('reset-desk-ui[data-kind="user-bar"]').first().waitFor({ timeout: 15_000 });
    const popup = await world.ext.openPopup(world.adminTabId);
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Layout report', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('reset-desk-layout-report-user.json');
    const text = readFileSync((await download.path())!, 'utf8');
    const report = JSON.parse(text) as { format: string; page: string; extensionVersion: string; browser: string; adminLanguage: string; labelsInForce: Record<string, string[]> };
    expect(report).toMatchObject({ format: 'reset-desk-layout-report', page: 'user', adminLanguage: 'en' });
    expect(report.extensionVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.browser).toMatch(/^Chromium \d+$/);
    expect(report.labelsInForce.emailHistory).toContain('E-mail History');
    // No data value of the scenario: no e-mail, name or token (test/unit/admin/layoutReport.test.ts checks every value).
    for (const a of sim.scenario().accounts) {
      for (const value of [a.email, `${a.firstName} ${a.lastName}`, ...a.pwHistory.map((r) => r.token ?? ''), ...a.mails.map((m) => m.token ?? '')].filter(Boolean)) {
        expect(text).not.toContain(value);
      }
    }
    expect(await popup.locator('.layout-report [role=status]').innerText()).toContain('Downloaded the layout report of the user page (reset-desk-layout-report-user.json)');
    await popup.close();
  });
});
