/**
 * Support > Incoming requests, the results list: status pills per row. The exact match of the
 * searched e-mail is checked by itself (its user page in a hidden frame), substring look-alikes are
 * marked and checked by their Check button, at most two hidden frames at a time and none left over,
 * and nothing is ever sent. Where Show is a scripted button without an address (modern markup), the
 * hidden frame loads the list page itself and clicks that row's Show there: same pills, same limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PEOPLE } from '../admin-sim/server';
import { openMenu, search } from './manualProcedure';
import { startWorld, type World } from './setup';

const PILL_HOST = 'reset-desk-ui[data-kind="row-pill"]';
const FRAME = 'iframe[data-reset-desk-frame]';

interface Pill { email: string; row: string; match: string; pill: string; text: string; hasCheck: boolean }

/** Every row's pill, in row order: the row's e-mail cell, the whole row's text, and what the pill shows. */
async function pills(admin: Page): Promise<Pill[]> {
  return admin.locator(PILL_HOST).evaluateAll((hosts) =>
    hosts.map((h) => {
      const el = h.shadowRoot!.querySelector('[data-pill]')!;
      const badges = Array.from(el.querySelectorAll('[aria-live] .badge'), (b) => b.textContent ?? '');
      return {
        email: (h.parentElement?.textContent ?? '').trim(),
        row: (h.closest('tr')?.textContent ?? '').replace(/\s+/g, ' '),
        match: el.getAttribute('data-match') ?? '',
        pill: el.getAttribute('data-pill') ?? '',
        text: badges.join(' '),
        hasCheck: el.querySelector('button[data-action="check"]') !== null,
      };
    }),
  );
}

/** Waits until no row is being checked (auto checks included), then returns the pills. */
async function settledPills(admin: Page): Promise<Pill[]> {
  await expect.poll(async () => (await pills(admin)).filter((p) => p.pill === 'checking').length, { timeout: 30_000 }).toBe(0);
  return pills(admin);
}

/** Counts our frames from the page's side: the most at once, and whether each was hidden and unfocusable. */
async function watchFrames(admin: Page): Promise<void> {
  await admin.addInitScript((selector) => {
    const w = window as unknown as { __frames: { max: number; seen: number; visible: number } };
    w.__frames = { max: 0, seen: 0, visible: 0 };
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of Array.from(r.addedNodes)) {
          if (!(n instanceof HTMLIFrameElement) || !n.matches(selector)) continue;
          w.__frames.seen++;
          if (!n.hidden || getComputedStyle(n).display !== 'none' || n.tabIndex !== -1 || n.getAttribute('aria-hidden') !== 'true') w.__frames.visible++;
        }
      }
      w.__frames.max = Math.max(w.__frames.max, document.querySelectorAll(selector).length);
    }).observe(document, { childList: true, subtree: true });
  }, FRAME);
}

const frameStats = (admin: Page) => admin.evaluate(() => (window as unknown as { __frames: { max: number; seen: number; visible: number } }).__frames);

// The extension speaks the browser's language (English here), whatever the admin's language is: a
// German admin exercises the adapter's German labels, not our words.
const WORDS = { valid: /^valid · \d+ h left$/, expired: 'expired', none: 'no request', lookalike: 'look-alike' } as const;

const CASES = [
  { variant: 'classic', lang: 'en' },
  { variant: 'legacy', lang: 'de' },
  // Show is a scripted <button> without an address: the frame clicks it on a copy of the list.
  { variant: 'modern', lang: 'en' },
] as const;

describe.each(CASES)('Incoming requests status pills ($variant, $lang)', ({ variant, lang }) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant, lang });
    await watchFrames(world.admin);
  });
  afterAll(async () => world?.close());
  const words = WORDS;

  it('checks the exact match by itself, marks look-alikes and checks them on Check; nothing is sent', async () => {
    const { admin, sim } = world;
    await openMenu(admin, sim, 'incomingRequests');
    await search(admin, sim, PEOPLE.valid2h);
    const listUrl = admin.url();
    // anna@, hanna@ (two shops) and johanna@ all contain "anna@example.com".
    await expect.poll(async () => (await pills(admin)).length, { timeout: 10_000 }).toBe(4);
    let rows = await settledPills(admin);
    const anna = rows.find((p) => p.email === PEOPLE.valid2h)!;
    expect(anna.match).toBe('exact');
    const lookalikes = rows.filter((p) => p.email !== PEOPLE.valid2h);
    expect(lookalikes.map((p) => p.email).sort()).toEqual([PEOPLE.twoShops, PEOPLE.twoShops, PEOPLE.lookalike]);
    for (const p of lookalikes) expect(p.match, p.row).toBe('lookalike');

    expect(anna.pill).toBe('valid');
    expect(anna.text).toMatch(words.valid);
    expect(anna.hasCheck).toBe(false);
    for (const p of lookalikes) {
      expect(p.pill, p.row).toBe('idle');
      expect(p.hasCheck, p.row).toBe(true);
    }
    // The look-alike badge is the only badge they carry until checked.
    const marks = await admin.locator(PILL_HOST).evaluateAll((hosts) => hosts.map((h) => h.shadowRoot!.querySelector('.badge.lookalike')?.textContent ?? ''));
    expect(marks.filter((m) => m === words.lookalike)).toHaveLength(3);

    // Check all three look-alikes at once (real clicks): at most two frames run at a time.
    rows = await pills(admin);
    for (const [i, p] of rows.entries()) {
      if (p.hasCheck) await admin.locator(PILL_HOST).nth(i).locator('button[data-action="check"]').click();
    }
    rows = await settledPills(admin);
    const byRow = (email: string, shop?: string) => rows.find((p) => p.email === email && (!shop || p.row.includes(shop)))!;
    expect(byRow(PEOPLE.lookalike).pill).toBe('expired');
    expect(byRow(PEOPLE.lookalike).text).toBe(words.expired);
    expect(byRow(PEOPLE.twoShops, 'Movie Shop Berlin').pill).toBe('valid');
    expect(byRow(PEOPLE.twoShops, 'Movie Shop Berlin').text).toMatch(words.valid);
    expect(byRow(PEOPLE.twoShops, 'Kids Cinema').pill).toBe('expired');
    expect(byRow(PEOPLE.lookalike).match).toBe('lookalike'); // still marked after its check

    await expect.poll(() => admin.locator(FRAME).count(), { timeout: 5_000 }).toBe(0);
    const stats = await frameStats(admin);
    expect(stats.seen).toBe(4);
    expect(stats.max).toBeLessThanOrEqual(2);
    expect(stats.visible).toBe(0);
    expect(admin.url(), 'the frames navigate, never the agent\'s tab').toBe(listUrl);
    expect(sim.outbox()).toHaveLength(0);
  });

  it('the pills fit the row: a row is not taller with them than without them', async () => {
    const { admin, sim } = world;
    await openMenu(admin, sim, 'incomingRequests');
    await search(admin, sim, PEOPLE.valid2h);
    await expect.poll(async () => (await pills(admin)).length, { timeout: 10_000 }).toBe(4);
    await settledPills(admin);
    const heights = await admin.locator(PILL_HOST).evaluateAll((hosts) => {
      const rows = hosts.map((h) => h.closest('tr')!);
      const measure = () => rows.map((r) => r.getBoundingClientRect().height);
      const withPills = measure();
      for (const h of hosts) (h as HTMLElement).style.display = 'none';
      const without = measure();
      for (const h of hosts) (h as HTMLElement).style.display = '';
      return rows.map((_, i) => ({ with: withPills[i]!, without: without[i]! }));
    });
    // A pill may add a pixel or two of its border, never a second line.
    for (const h of heights) expect(h.with, JSON.stringify(heights)).toBeLessThanOrEqual(h.without + 4);
  });

  it('shows expired and no request for the exact match of other searches', async () => {
    const { admin, sim } = world;
    for (const [email, pill, text] of [[PEOPLE.expired24h01, 'expired', words.expired], [PEOPLE.noRequest, 'none', words.none]] as const) {
      await search(admin, sim, email);
      await expect.poll(async () => (await pills(admin)).length, { timeout: 10_000 }).toBeGreaterThan(0);
      const rows = await settledPills(admin);
      const exact = rows.filter((p) => p.match === 'exact');
      expect(exact, email).toHaveLength(1);
      expect(exact[0]!.pill, email).toBe(pill);
      expect(exact[0]!.text, email).toBe(text);
      await expect.poll(() => admin.locator(FRAME).count(), { timeout: 5_000 }).toBe(0);
    }
    expect(sim.outbox()).toHaveLength(0);
  });
});
