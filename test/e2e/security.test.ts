/**
 * Security checks end to end: a hostile page script on the admin tries every way in (window
 * messages in our envelope, custom events, synthetic clicks on our injected buttons, runtime
 * messages to our id) and none triggers an action; forged messages from the content script's own
 * world get only what content scripts may ask; HTML/script text in names, subjects and shop names is
 * inert in the popup and the in-page UI; the built manifest asks for exactly the permissions listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PEOPLE, XSS } from '../admin-sim/server';
import { PARAMS } from '../admin-sim/variants';
import { readManifest } from '../../bench/bundles';
import { DIST } from './browser';
import { runs } from './faultKit';
import { resultSays } from './popupHelpers';
import { startWorld, type World } from './setup';

describe('the built manifest', () => {
  const manifest = readManifest(DIST) as Record<string, unknown> & {
    permissions?: string[];
    host_permissions?: string[];
    optional_host_permissions?: string[];
    content_scripts?: { matches: string[]; js: string[] }[];
    web_accessible_resources?: { resources: string[]; matches: string[] }[];
  };
  const sorted = (xs: string[] | undefined) => [...(xs ?? [])].sort();

  it('asks for exactly the permissions it needs', () => {
    expect(sorted(manifest.permissions)).toEqual(
      sorted([
        // Settings, templates and label overrides (sync); the activity log (local); runs (session).
        'storage',
        // The "Look up this e-mail in Reset Desk" item on selected text.
        'contextMenus',
        // Registering the content script on a custom admin address the agent grants in the options.
        'scripting',
      ]),
    );
    expect(sorted(manifest.host_permissions)).toEqual(
      sorted([
        // The real admin.
        'https://admin.flickrocket.com/*',
        // The simulated admin (demo and tests) on the local machine.
        'http://127.0.0.1/*',
        'http://localhost/*',
      ]),
    );
    // A custom admin address is requested at run time from the options page, for that origin only.
    expect(sorted(manifest.optional_host_permissions)).toEqual(sorted(['https://*/*', 'http://*/*']));
    // The content script runs on the admin hosts only.
    expect(manifest.content_scripts?.map((c) => sorted(c.matches))).toEqual([sorted(manifest.host_permissions)]);
    // No web page and no other extension may message us.
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('has no permission beyond the list (no tabs, cookies, webRequest, <all_urls>...)', () => {
    const all = JSON.stringify([manifest.permissions, manifest.host_permissions]);
    for (const wide of ['<all_urls>', 'tabs', 'cookies', 'webRequest', 'history', 'downloads', 'clipboardRead', 'debugger', 'management', 'nativeMessaging']) {
      expect(all).not.toContain(`"${wide}"`);
    }
  });

  // The content script is injected, not imported: no page may load a file of ours (test/e2e/surface.test.ts probes it).
  it('exposes no web-accessible resources', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

/** Straight to a user page (the Show link's target). */
async function openUser(world: World, email: string): Promise<void> {
  const account = world.sim.scenario().accounts.find((a) => a.email === email)!;
  await world.admin.goto(`${world.sim.pathOf('user')}?${PARAMS[world.sim.config.variant].id}=${account.id}`);
}

async function openCustomerPage(world: World, email: string): Promise<void> {
  const account = world.sim.scenario().accounts.find((a) => a.email === email)!;
  await world.admin.goto(`${world.sim.pathOf('customer')}?${PARAMS[world.sim.config.variant].id}=${account.id}`);
}

describe('a hostile page script on the admin', () => {
  let world: World;
  let dialogs: string[];
  beforeAll(async () => {
    world = await startWorld({ variant: 'classic' });
    dialogs = [];
    world.ext.context.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));
    world.admin.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  });
  afterAll(async () => world?.close());
  beforeEach(() => world.sim.reset());

  /** Nothing happened: no e-mail, no password change, no run, no dialog. */
  async function nothingHappened(runsBefore: number): Promise<void> {
    await world.admin.waitForTimeout(2000);
    expect(world.sim.outbox()).toHaveLength(0);
    expect(world.sim.passwordChanges()).toHaveLength(0);
    const probe = await world.ext.openPopup();
    expect(await runs(probe)).toHaveLength(runsBefore);
    await probe.close();
    expect(dialogs).toEqual([]);
  }

  async function runCount(): Promise<number> {
    const probe = await world.ext.openPopup();
    const n = (await runs(probe)).length;
    await probe.close();
    return n;
  }

  it('window messages and custom events in our message shapes do nothing', async () => {
    await openUser(world, PEOPLE.valid2h);
    const before = await runCount();
    await world.admin.evaluate((email) => {
      const shapes = [
        { resetDesk: 1, type: 'run/start', payload: { kind: 'resend', email } },
        { resetDesk: 1, type: 'run/start', payload: { kind: 'set-password', email } },
        { resetDesk: 1, type: 'admin/send', payload: {} },
        { resetDesk: 1, type: 'admin/fill-password', payload: { password: 'hacked-password-123' } },
        { resetDesk: 1, type: 'admin/save', payload: {} },
        { resetDesk: 1, type: 'run/reveal-password', payload: { runId: 'x' } },
      ];
      for (const shape of shapes) {
        window.postMessage(shape, '*');
        window.postMessage(JSON.stringify(shape), '*');
        for (const name of ['resetDesk', 'reset-desk', 'message', shape.type, 'run/start']) {
          document.dispatchEvent(new CustomEvent(name, { detail: shape, bubbles: true }));
          window.dispatchEvent(new CustomEvent(name, { detail: shape }));
        }
      }
    }, PEOPLE.valid2h);
    await nothingHappened(before);
  });

  it('runtime messages to our extension id from the page fail (no externally_connectable)', async () => {
    await openUser(world, PEOPLE.valid2h);
    const before = await runCount();
    const outcome = await world.admin.evaluate(
      async ({ id, email }) => {
        const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome?.runtime;
        if (!runtime?.sendMessage) return 'no chrome.runtime.sendMessage in the page';
        try {
          const reply = await new Promise((resolve, reject) => {
            try {
              const r = runtime.sendMessage!(id, { resetDesk: 1, type: 'run/start', payload: { kind: 'resend', email } }, (x: unknown) => resolve(x));
              if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(resolve, reject);
            } catch (e) {
              reject(e);
            }
          });
          return `answered: ${JSON.stringify(reply)}`;
        } catch (e) {
          return `refused: ${(e as Error).message}`;
        }
      },
      { id: world.ext.extensionId, email: PEOPLE.valid2h },
    );
    expect(outcome).toMatch(/^(no chrome\.runtime|refused)/);
    await nothingHappened(before);
  });

  it('synthetic clicks on every button in our shadow roots do nothing', async () => {
    await openUser(world, PEOPLE.valid2h);
    // The bar must be there: without it this test would prove nothing.
    await world.admin.locator('reset-desk-ui[data-kind="user-bar"]').waitFor({ timeout: 10_000 });
    // Wait for the bar to have read the histories (its buttons are enabled then).
    await expect.poll(async () => (await world.admin.locator('reset-desk-ui[data-kind="user-bar"] section.bar').getAttribute('data-state')) ?? '', { timeout: 15_000 }).toMatch(/valid|expired|changed|none|error/);
    const before = await runCount();
    const clicked = await world.admin.evaluate(() => {
      let n = 0;
      for (const host of Array.from(document.querySelectorAll('reset-desk-ui'))) {
        for (const button of Array.from(host.shadowRoot?.querySelectorAll('button, [role=button], a') ?? [])) {
          const el = button as HTMLElement;
          el.click();
          el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
          el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
          el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          n++;
        }
      }
      return n;
    });
    expect(clicked, 'buttons found in our shadow roots').toBeGreaterThan(0);
    await nothingHappened(before);
    // Still on the user page: "Set new password" (which goes to Sales > Customers) was not followed.
    expect(world.admin.url()).toContain(world.sim.pathOf('user'));

    // The customer page's Set new password (and, had it opened, its Confirm): a synthetic click does nothing.
    await openCustomerPage(world, PEOPLE.expired3d);
    const generator = world.admin.locator('reset-desk-ui[data-kind="password-help"]');
    await generator.locator('button[data-action="set-password"]').waitFor({ timeout: 10_000 });
    const pressed = await world.admin.evaluate(() => {
      let n = 0;
      for (const host of Array.from(document.querySelectorAll('reset-desk-ui'))) {
        for (const b of Array.from(host.shadowRoot?.querySelectorAll('button') ?? [])) {
          (b as HTMLElement).click();
          n++;
        }
      }
      return n;
    });
    expect(pressed, 'Set new password found in our shadow root').toBeGreaterThan(0);
    expect(await generator.locator('button[data-action="confirm-set-password"]').count(), 'no confirmation opened').toBe(0);
    const filled = await world.admin.evaluate(() => Array.from(document.querySelectorAll('input[type=password], input')).map((i) => (i as HTMLInputElement).type === 'password' ? (i as HTMLInputElement).value : '').join(''));
    expect(filled).toBe('');
    expect(await generator.locator('[data-secret]').count(), 'no password shown').toBe(0);
  });

  it('the page\'s own DOM never names the extension (no preload links, no extension URLs outside our shadow roots)', async () => {
    await openUser(world, PEOPLE.valid2h);
    // The in-page help has loaded every chunk once its bar has read the histories.
    await expect.poll(async () => (await world.admin.locator('reset-desk-ui[data-kind="user-bar"] section.bar').getAttribute('data-state').catch(() => null)) ?? '', { timeout: 15_000 }).toMatch(/valid|expired|changed|none|error/);
    const seen = await world.admin.evaluate((id) => ({
      html: document.documentElement.outerHTML.includes(id) || document.documentElement.outerHTML.includes('chrome-extension:'),
      links: Array.from(document.querySelectorAll('link')).map((l) => `${l.rel} ${l.href}`).filter((l) => !l.includes(location.host)),
      timing: performance.getEntriesByType('resource').map((e) => e.name).filter((name) => !name.includes(location.host)),
    }), world.ext.extensionId);
    expect(seen.links).toEqual([]);
    expect(seen.timing, "the page's resource timing").toEqual([]);
    expect(seen.html, 'extension id or URL in the page\'s markup').toBe(false);
  });

  it('forged runtime messages from the content script\'s own world get only what content scripts may ask', async () => {
    await openUser(world, PEOPLE.valid2h);
    await world.admin.locator('h1, h2, h3').first().waitFor();
    const cdp = await world.ext.context.newCDPSession(world.admin);
    const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; name: string; auxData?: { type?: string } } }) => void contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await expect.poll(() => contexts.filter((c) => c.auxData?.type === 'isolated').length, { timeout: 5000 }).toBeGreaterThan(0);
    const isolated = contexts.find((c) => c.auxData?.type === 'isolated')!;
    const ask = async (type: string, payload: unknown) => {
      const { result } = (await cdp.send('Runtime.evaluate', {
        contextId: isolated.id,
        awaitPromise: true,
        returnByValue: true,
        expression: `chrome.runtime.sendMessage(${JSON.stringify({ resetDesk: 1, type, payload })}).then((r) => JSON.stringify(r), (e) => 'rejected: ' + e.message)`,
      })) as { result: { value?: string } };
      return result.value ?? '';
    };
    // Extension-page-only requests are refused to a content script.
    expect(await ask('run/reveal-password', { runId: 'any' })).toContain('forbidden');
    expect(await ask('admin/ping', {})).toContain('forbidden');
    expect(await ask('admin/current-customer', {})).toContain('forbidden');
    // What the in-page buttons do (resend, set a new password) is all a page may start, and only for
    // the customer the page shows (a content script could fill that customer's form anyway); no look
    // at anyone's runs but through following its own customer.
    expect(await ask('run/start', { kind: 'set-password', email: PEOPLE.expired3d })).toContain('forbidden');
    expect(await ask('run/start', { kind: 'resend', email: PEOPLE.expired3d })).toContain('forbidden');
    expect(await ask('run/start', { kind: 'lookup', email: PEOPLE.valid2h })).toContain('forbidden');
    expect(await ask('run/get', {})).toContain('forbidden');
    expect(await ask('run/get', { email: PEOPLE.valid2h })).toContain('forbidden');
    // Following another customer's runs is refused on the port itself.
    const { result: follow } = (await cdp.send('Runtime.evaluate', {
      contextId: isolated.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `new Promise((resolve) => { const port = chrome.runtime.connect({ name: 'run-follow' }); port.onMessage.addListener((m) => resolve(JSON.stringify(m))); port.onDisconnect.addListener(() => resolve('disconnected')); port.postMessage({ email: ${JSON.stringify(PEOPLE.expired3d)} }); })`,
    })) as { result: { value?: string } };
    expect(follow.value).toContain('forbidden');
    await world.admin.waitForTimeout(1000);
    await cdp.detach();
    expect(world.sim.outbox()).toHaveLength(0);
    expect(world.sim.passwordChanges()).toHaveLength(0);
  });
});

describe('HTML and script text from the admin is inert', () => {
  let world: World;
  const dialogs: string[] = [];
  beforeAll(async () => {
    world = await startWorld({ variant: 'modern' });
    world.ext.context.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss())));
    world.admin.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
  });
  afterAll(async () => world?.close());

  async function elementsFrom(page: Page): Promise<{ img: number; script: number; onerror: number }> {
    return page.evaluate(() => {
      const all: Element[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          all.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      // The admin page's own <script> tags are not ours: count only those inside our shadow roots or in extension pages.
      const ours = location.protocol === 'chrome-extension:' ? all : all.filter((el) => (el.getRootNode() as ShadowRoot).host?.tagName === 'RESET-DESK-UI');
      return {
        img: ours.filter((el) => el.tagName === 'IMG').length,
        script: ours.filter((el) => el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src).length,
        onerror: ours.filter((el) => el.hasAttribute('onerror')).length,
      };
    });
  }

  it('in the popup card, the reply texts and the resend', async () => {
    world.sim.reset();
    const popup = await world.ext.openPopup(world.adminTabId);
    popup.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
    await popup.getByLabel('Customer e-mail').fill(PEOPLE.xss);
    await popup.getByRole('button', { name: 'Look up' }).click();
    await resultSays(popup, 'Valid');
    const text = await popup.locator('.result').innerText();
    // Shown as text: the shop name with its markup, literally.
    expect(text).toContain(XSS.shop);
    await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
    await resultSays(popup, /E-mail has been sent|E-Mail wurde gesendet/);
    expect(await elementsFrom(popup)).toEqual({ img: 0, script: 0, onerror: 0 });
    expect(world.sim.outbox()).toHaveLength(1);
    expect(world.sim.outbox()[0]!.subject).toContain(XSS.subjectSuffix);
    expect(dialogs).toEqual([]);
    await popup.close();
  });

  it('in the in-page UI on the user page and the customer page', async () => {
    world.sim.reset();
    await openUser(world, PEOPLE.xss);
    // The UI must be there and have rendered the hostile name (as text), or there is nothing to check.
    const bar = world.admin.locator('reset-desk-ui[data-kind="user-bar"]');
    await expect.poll(async () => (await bar.locator('section.bar').getAttribute('data-state').catch(() => null)) ?? '', { timeout: 15_000 }).toMatch(/valid|expired|changed|none|error/);
    expect(await bar.locator('[data-customer]').innerText()).toContain(`${XSS.firstName} ${XSS.lastName}`);
    expect(await world.admin.locator('reset-desk-ui[data-kind="row-badge"]').count(), 'badges rendered').toBeGreaterThan(0);
    expect(await elementsFrom(world.admin)).toEqual({ img: 0, script: 0, onerror: 0 });
    await openCustomerPage(world, PEOPLE.xss);
    const help = world.admin.locator('reset-desk-ui[data-kind="password-help"]');
    await help.locator('button[data-action="set-password"]').click();
    await help.locator('button[data-action="confirm-set-password"]').click();
    // The page after Save renders the password and the reply, whose text carries the customer's name.
    await expect.poll(async () => ((await help.locator('[data-outcome]').count()) ? help.locator('[data-outcome]').first().getAttribute('data-outcome') : ''), { timeout: 30_000 }).toBe('saved');
    expect(await elementsFrom(world.admin)).toEqual({ img: 0, script: 0, onerror: 0 });
    expect(dialogs).toEqual([]);
  });
});

// The manifest file in the repository is what the build starts from; keep the test honest about which one it read.
it('reads the built manifest (not the source one)', () => {
  expect(JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')).background.service_worker).not.toContain('src/');
});
