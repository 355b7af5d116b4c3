/**
 * Real Chromium with the built extension loaded (recipe: shared/browser-testing.md).
 * Every call gets a fresh profile, so no state leaks between test files.
 */
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureChromium } from '../../scripts/chromium';

/** The built extension; RESET_DESK_DIST points elsewhere (e.g. a second checkout's build). */
export const DIST = resolve(process.env.RESET_DESK_DIST ?? 'dist');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The browser profile's directory (removed by close()). */
  profile: string;
  /** The browser profile's directory (its files are searched for secrets by the fault matrix). */
  profileDir: string;
  /** The background service worker (re-read after a restart: `serviceWorker()`). */
  serviceWorker(): Promise<Worker>;
  /** Opens the popup as a page, optionally bound to an admin tab. */
  openPopup(tabId?: number): Promise<Page>;
  /** The browser's id of a page's tab (as the extension sees it). */
  tabIdOf(page: Page): Promise<number>;
  /** The welcome tab opened on install, with `keepWelcome` (otherwise it is closed at launch). */
  welcome: Page | null;
  /** Stops the background service worker the way Chrome does when it idles (MV3 restarts). */
  stopServiceWorker(): Promise<void>;
  /** Resolves once a service worker of ours runs (polls the browser's targets; a restarted one keeps its target id). */
  workerRunning(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * The welcome tab the extension opens on install (src/background/install.ts) in a fresh profile.
 * Tests use the tabs they open themselves: the welcome tab is closed (or handed back, `keep`) so it
 * is not what a test takes for the admin tab, the active tab or the first page. It opens within a
 * moment of the worker's start; not seen in `timeoutMs` is an error that names it.
 */
export async function takeWelcomeTab(context: BrowserContext, extensionId: string, keep = false, timeoutMs = 20_000): Promise<Page | null> {
  const prefix = `chrome-extension://${extensionId}/src/welcome/`;
  const find = () => context.pages().find((p) => p.url().startsWith(prefix));
  const until = Date.now() + timeoutMs;
  let page = find();
  while (!page) {
    if (Date.now() > until) throw new Error(`the welcome tab (${prefix}index.html) did not open within ${timeoutMs} ms of the extension's install`);
    // A new tab's URL is set after its page event: wait for the next page or navigation, whichever comes.
    await Promise.race([context.waitForEvent('page', { timeout: 250 }).catch(() => undefined), ...context.pages().map((p) => p.waitForURL(prefix + '**', { timeout: 250 }).catch(() => undefined))]);
    page = find();
  }
  if (keep) return page;
  await page.close();
  return null;
}

/** `lang`: the browser's UI language (`de` gives the extension's German messages and accept-language de). */
export async function launchWithExtension(options: { headless?: boolean; dist?: string; lang?: string; colorScheme?: 'light' | 'dark'; timeZone?: string; keepWelcome?: boolean } = {}): Promise<ExtensionBrowser> {
  const dist = options.dist ?? DIST;
  const profile = mkdtempSync(join(tmpdir(), 'reset-desk-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: options.headless ?? true,
    // Playwright disables extensions by default; we need ours.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...CHROMIUM_ARGS, ...(options.lang ? [`--lang=${options.lang}`] : [])],
    ...(options.lang ? { locale: options.lang } : {}),
    // The whole browser (background, popup, content scripts) in the given language and zone.
    ...(options.lang || options.timeZone
      ? { env: { ...process.env, ...(options.lang ? { LANGUAGE: options.lang, LANG: `${options.lang}_${options.lang.toUpperCase()}.UTF-8` } : {}), ...(options.timeZone ? { TZ: options.timeZone } : {}) } as Record<string, string> }
      : {}),
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
  });

  const serviceWorker = async (): Promise<Worker> =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  const welcome = await takeWelcomeTab(context, extensionId, options.keepWelcome);
  // launchPersistentContext has no Browser object: reach the browser target through a page.
  const browserSession = async (): Promise<CDPSession> =>
    (await context.browser()?.newBrowserCDPSession()) ?? (await context.newCDPSession(context.pages()[0] ?? (await context.newPage())));
  const workerTargets = async (session: CDPSession): Promise<{ targetId: string; type: string; url: string }[]> => {
    const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}`));
  };

  return {
    context,
    extensionId,
    profile,
    profileDir: profile,
    welcome,
    serviceWorker,
    async openPopup(tabId) {
      const page = await context.newPage();
      const query = tabId === undefined ? '' : `?tab=${tabId}`;
      await page.goto(`chrome-extension://${extensionId}/src/popup/index.html${query}`);
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      const sw = await serviceWorker();
      const ids = await sw.evaluate(async (u) => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
        return (await api.tabs.query({})).filter((t) => t.url === u).map((t) => t.id);
      }, url);
      if (ids.length !== 1 || typeof ids[0] !== 'number') throw new Error(`expected exactly one tab at ${url}, found ${ids.length}`);
      return ids[0];
    },
    async stopServiceWorker() {
      const session = await browserSession();
      const target = (await workerTargets(session))[0];
      if (!target) throw new Error('no running service worker to stop');
      await session.send('Target.closeTarget', { targetId: target.targetId });
      await session.detach();
    },
    async workerRunning(timeoutMs) {
      const session = await browserSession();
      const until = Date.now() + timeoutMs;
      try {
        while ((await workerTargets(session)).length === 0) {
          if (Date.now() > until) throw new Error(`no service worker of ours started within ${timeoutMs} ms of the stop`);
          await new Promise((r) => setTimeout(r, 25));
        }
      } finally {
        await session.detach();
      }
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
