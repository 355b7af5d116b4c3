/**
 * In-page help on the user page (Support > Incoming requests > Show), in every markup variant and
 * both admin languages: the histories load by themselves, every Password History row gets the right
 * badge, the bar's Resend sends exactly one e-mail with the original token (also on a double click),
 * an expired request offers no resend, page scripts cannot press our buttons, HTML in names is text.
 * Our additions take the admin page's colours (light or dark), not the browser's colour scheme, and
 * the customer page's button looks like the admin's own Save.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PEOPLE, XSS } from '../admin-sim/server';
import { luminance, parseColor } from '../../src/content/ui/pageLook';
import { openDetailPage, userBarState } from './adminPages';
import { label } from './manualProcedure';
import { startWorld, type World } from './setup';

const VARIANTS = ['classic', 'modern', 'legacy'] as const;
const LANGS = ['en', 'de'] as const;

/** Badges in the admin's row order: [verdict, latest, old]. */
async function badges(admin: Page): Promise<{ verdict: string; latest: boolean; old: boolean }[]> {
  return admin.locator('reset-desk-ui[data-kind="row-badge"]').evaluateAll((hosts) =>
    hosts.map((h) => {
      const el = h.shadowRoot!.querySelector('[data-verdict]')!;
      return { verdict: el.getAttribute('data-verdict')!, latest: el.getAttribute('data-latest') === 'true', old: el.getAttribute('data-old') === 'true' };
    }),
  );
}

const sorted = <T,>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe.each(VARIANTS)('user page help (%s)', (variant) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ variant });
  });
  afterAll(async () => world?.close());

  describe.each(LANGS)('admin in %s', (lang) => {
  beforeAll(() => {
    world.sim.setConfig({ lang });
  });

  it('auto-loads both histories and badges every row right', async () => {
    const { admin, sim } = world;
    sim.reset(); // valid23h59 is valid for about a minute after seeding
    const expectations: [string, string, { verdict: string; latest: boolean; old: boolean }[]][] = [
      [PEOPLE.valid23h59, 'valid', [{ verdict: 'valid', latest: true, old: false }]],
      [PEOPLE.valid2h, 'valid', [{ verdict: 'changed', latest: false, old: true }, { verdict: 'valid', latest: true, old: false }]],
      [PEOPLE.expired24h01, 'expired', [{ verdict: 'expired', latest: true, old: true }]],
      [PEOPLE.changed, 'changed', [{ verdict: 'changed', latest: true, old: false }]],
      [PEOPLE.noRequest, 'none', []],
    ];
    for (const [email, state, rows] of expectations) {
      await openDetailPage(admin, sim, 'user', email);
      expect(await userBarState(admin), email).toBe(state);
      expect(sorted(await badges(admin)), email).toEqual(sorted(rows));
      // Both sections were loaded without a click: the E-mail History shows its table, and the
      // latest reset e-mail is marked where there is one.
      const mailBadges = await admin.locator('reset-desk-ui[data-kind="mail-badge"]').count();
      expect(mailBadges, email).toBe(email === PEOPLE.noRequest ? 0 : 1);
      expect(await admin.locator('reset-desk-ui[data-kind="user-bar"]').count()).toBe(1);
    }
    // The valid request's badge says how long it is still valid.
    await openDetailPage(admin, sim, 'user', PEOPLE.valid2h);
    await userBarState(admin);
    const text = await admin.locator('reset-desk-ui[data-kind="row-badge"] [data-latest="true"]').innerText();
    expect(text).toMatch(/2[12] h/);
    // Its earlier request is over 24 h old, but the password was changed since: the age is said
    // neutrally, not in the red of an expired request.
    const ages = await admin.locator('reset-desk-ui[data-kind="row-badge"]').evaluateAll((hosts) =>
      hosts.map((h) => {
        const el = h.shadowRoot!.querySelector('[data-verdict]')!;
        return { verdict: el.getAttribute('data-verdict'), age: el.querySelector('.badge.old, .badge.aged')?.className ?? null };
      }),
    );
    expect(ages).toContainEqual({ verdict: 'changed', age: 'badge aged' });
  });

  it('resends exactly one e-mail with the original token, even on a double click', async () => {
    const { admin, sim } = world;
    sim.reset();
    // A different customer per language: a finished resend is reported on its page for a few seconds.
    const email = lang === 'en' ? PEOPLE.valid2h : PEOPLE.manyRows;
    const token = sim.people().find((p) => p.email === email)!.latestToken;
    await openDetailPage(admin, sim, 'user', email);
    expect(await userBarState(admin)).toBe('valid');
    const bar = admin.locator('reset-desk-ui[data-kind="user-bar"]');
    await bar.locator('button[data-action="resend"]').click();
    expect(sim.outbox()).toHaveLength(0); // asks first
    await bar.locator('button[data-action="confirm-resend"]').dblclick();
    await expect.poll(() => bar.locator('[data-outcome]').getAttribute('data-outcome'), { timeout: 30_000 }).toBe('sent');
    const outbox = sim.outbox();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.token).toBe(token);
    expect(outbox[0]!.to).toBe(email);
    expect(await bar.locator('button[data-action="resend"]').count()).toBe(0);
  });

  it.runIf(lang === 'en')('a set-password run that stops before leaving the page says why in the bar', async () => {
    const { admin, sim } = world;
    sim.reset();
    // Sales > Customers renamed: the run cannot leave the user page for the customer's.
    sim.setConfig({ renamed: { customers: 'Clients' } });
    try {
      await openDetailPage(admin, sim, 'user', PEOPLE.valid2h);
      await userBarState(admin);
      const bar = admin.locator('reset-desk-ui[data-kind="user-bar"]');
      await bar.locator('button[data-action="set-password"]').click();
      await bar.locator('button[data-action="confirm-set-password"]').click();
      const failed = bar.locator('[data-outcome="set-password-failed"]');
      await failed.waitFor({ timeout: 30_000 });
      expect(await failed.innerText()).toContain('"Customers"');
    } finally {
      sim.setConfig({ renamed: {} });
    }
  });

  it('offers no resend for an expired request', async () => {
    const { admin, sim } = world;
    sim.reset();
    await openDetailPage(admin, sim, 'user', PEOPLE.expired24h01);
    expect(await userBarState(admin)).toBe('expired');
    const bar = admin.locator('reset-desk-ui[data-kind="user-bar"]');
    expect(await bar.locator('button[data-action="resend"]').count()).toBe(0);
    expect(await bar.locator('button[data-action="copy-reply"]').count()).toBe(1);
    expect(sim.outbox()).toHaveLength(0);
  });

  it("ignores the page's own scripts pressing our buttons", async () => {
    const { admin, sim } = world;
    sim.reset();
    await openDetailPage(admin, sim, 'user', PEOPLE.valid2h);
    expect(await userBarState(admin)).toBe('valid');
    const at = admin.url();
    // Runs in the page's main world, as an admin page script would.
    await admin.evaluate(() => {
      const host = document.querySelector('reset-desk-ui[data-kind="user-bar"]')!;
      for (let round = 0; round < 2; round++) {
        for (const b of Array.from(host.shadowRoot!.querySelectorAll('button'))) {
          b.click();
          b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        }
      }
      window.postMessage({ resetDesk: 1, type: 'run/start', payload: { kind: 'resend', email: 'anna@example.com' } }, '*');
    });
    const bar = admin.locator('reset-desk-ui[data-kind="user-bar"]');
    expect(await bar.locator('button[data-action="confirm-resend"]').count()).toBe(0); // not even the confirm opened
    await admin.waitForTimeout(1000); // the absence of an effect: give a wrongly started run time to act
    expect(sim.outbox()).toHaveLength(0);
    expect(sim.passwordChanges()).toHaveLength(0);
    // Still on this customer's user page ("Set new password" would have gone to Sales > Customers).
    expect(admin.url()).toBe(at);
    expect(await userBarState(admin)).toBe('valid');
  });

  it('shows an HTML-laden name as text', async () => {
    const { admin, sim } = world;
    await openDetailPage(admin, sim, 'user', PEOPLE.xss);
    await userBarState(admin);
    const who = admin.locator('reset-desk-ui[data-kind="user-bar"] [data-customer]');
    expect(await who.innerText()).toContain(`${XSS.firstName} ${XSS.lastName}`);
    expect(await admin.locator('reset-desk-ui').evaluateAll((hosts) => hosts.some((h) => h.shadowRoot!.querySelector('img, script, b')))).toBe(false);
  });
});

  it("takes the admin page's colours, not the browser's dark mode; the customer page's button looks like the admin's Save", async () => {
    const { admin, sim } = world;
    const light = (css: string): boolean => luminance(parseColor(css)!) > 0.5;
    await admin.emulateMedia({ colorScheme: 'dark' });
    try {
      for (const theme of ['light', 'dark'] as const) {
        sim.setConfig({ theme, lang: 'en' });
        await openDetailPage(admin, sim, 'user', PEOPLE.valid2h);
        await userBarState(admin);
        const bar = await admin.locator('reset-desk-ui[data-kind="user-bar"] section.bar').evaluate((el) => getComputedStyle(el).backgroundColor);
        expect(light(bar), `${theme} admin, dark browser: bar ${bar}`).toBe(theme === 'light');
        const badge = await admin.locator('reset-desk-ui[data-kind="row-badge"] .badge.valid').first().evaluate((el) => getComputedStyle(el).color);
        expect(light(badge), `${theme} admin: badge text ${badge}`).toBe(theme === 'dark');

        await openDetailPage(admin, sim, 'customer', PEOPLE.valid2h);
        const ours = admin.locator('reset-desk-ui[data-kind="password-help"] button[data-action="set-password"]');
        await ours.waitFor({ timeout: 15_000 });
        const props = ['font-size', 'font-family', 'padding-top', 'padding-left', 'border-top-width', 'border-top-color', 'background-color', 'color'];
        const look = (el: Element, names: string[]) => names.map((n) => getComputedStyle(el).getPropertyValue(n));
        const mine = await ours.evaluate(look, props);
        const saveText = label(sim, 'save');
        const save = await admin.evaluate(
          ([text, names]) => {
            const el = Array.from(document.querySelectorAll('button, input[type=submit], input[type=button], a')).find((e) => ((e as HTMLInputElement).value || e.textContent || '').trim() === text);
            if (!el) return null;
            return { tag: el.localName, look: names.map((n) => getComputedStyle(el).getPropertyValue(n)) };
          },
          [saveText, props] as const,
        );
        expect(save, 'the admin\'s Save').not.toBeNull();
        // A button Save: ours copies its look. A link Save (legacy): ours keeps its own quiet look.
        if (save!.tag !== 'a') expect(mine, `${variant} ${theme}`).toEqual(save!.look);
        else expect(light(mine[6]!), `${variant} ${theme}: not a dark-on-light-page button`).toBe(theme === 'light');
      }
    } finally {
      sim.setConfig({ theme: 'light' });
      await admin.emulateMedia({ colorScheme: null });
    }
  });
});
