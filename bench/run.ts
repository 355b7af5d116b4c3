/**
 * `npm run bench`: how fast and how light Reset Desk is, in figures (not a test; not in `npm test`).
 *
 *   npm run bench -- --page-latency 150 --load-latency 600 --runs 10 [--dist DIR] [--no-build] [--no-readme]
 *   npm run bench -- --table-only     (the table and README again from bench/results.json)
 *
 * Builds the extension into dist-bench/ first when that build is missing or older than the sources
 * (others' `npm run build` rewrites dist/ at any time), starts the simulated admin with the given
 * latency, and measures, N runs each (median, 90th percentile and min–max):
 *   1. look-up through the extension: the Enter in the open popup → result card (both by the
 *      popup's clock), and from the toolbar click with the service worker stopped (cold);
 *   2. resend through the extension: the click → "E-mail has been sent" (the moments taken by the
 *      page itself: see eventAt, shownAt);
 *   3. the same two flows by the plain Playwright macro of the manual procedure
 *      (test/e2e/manualProcedure.ts) in a separate Chromium without the extension;
 *   4. per flow the floor: the admin's own waiting (the union of its requests' intervals in the
 *      simulator's request log during the flow), each side against its floor (targets: look-up
 *      ≤ 1.3, resend ≤ 1.15) and the extension against the macro (never slower);
 *   5. the content script's cost on a page not ours and on each of ours: the renderer's script
 *      and task time (CDP Performance.getMetrics ScriptDuration / TaskDuration) with and without
 *      the extension (target ≤ 2 ms on pages not ours), the longest main-thread task (none over
 *      50 ms caused by the extension) and, on the user page, the in-page verdict's delay after the
 *      histories arrived (≤ 100 ms); figures, not tests;
 *   6. gzipped sizes per entry (popup ≤ 30 KB; the content script's 20 KB budget is retired, its
 *      sizes stay as figures): every file an entry loads, and what the content script really
 *      loads on each admin page, measured in Chromium (the extension files the page fetched);
 *   7. clicks and keystrokes the agent needs, counted from the DOM events as the scripts act.
 * Writes bench/results.json, prints a table, and puts the table into README.md (between the
 * bench markers) with the machine it ran on.
 */
import { execFileSync, execSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ExtensionBrowser } from '../test/e2e/browser';
import { entryBundles } from './bundles';

const ROOT = resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    'page-latency': { type: 'string', default: '150' },
    'load-latency': { type: 'string', default: '600' },
    runs: { type: 'string', default: '10' },
    loads: { type: 'string' },
    dist: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    // Render bench/results.json again (table and README) without measuring.
    'table-only': { type: 'boolean', default: false },
  },
});
const PAGE_LATENCY = Number(args['page-latency']);
const LOAD_LATENCY = Number(args['load-latency']);
const RUNS = Math.max(1, Number(args.runs));
const LOADS = Math.max(1, Number(args.loads ?? args.runs));
const DIST = resolve(ROOT, args.dist ?? 'dist-bench');

// ---------------------------------------------------------------- build (own folder, when stale)

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function buildIfStale(): void {
  const built = existsSync(join(DIST, 'manifest.json')) ? statSync(join(DIST, 'manifest.json')).mtimeMs : 0;
  const sources = Math.max(...['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json'].map((p) => newestMtime(join(ROOT, p))));
  if (built > sources) return console.log(`Using the build in ${DIST} (newer than the sources).`);
  if (args['no-build'] || args.dist) {
    if (!built) throw new Error(`${DIST} has no built extension`);
    return console.log(`Note: ${DIST} is older than the sources (--no-build/--dist: not rebuilt).`);
  }
  console.log(`Building the extension into ${DIST} ...`);
  execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

// ---------------------------------------------------------------- statistics and counting

interface Stat {
  median: number;
  /** The 90th percentile (nearest rank): the slow end an agent meets one time in ten. */
  p90?: number;
  min: number;
  max: number;
  n: number;
}

function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const p90 = s[Math.max(0, Math.ceil(0.9 * s.length) - 1)]!;
  return { median: round(median), p90: round(p90), min: round(s[0]!), max: round(s.at(-1)!), n: s.length };
}

/**
 * The admin's own waiting during a flow: the union of the intervals (arrival to last byte) of the
 * admin requests between `from` and `to` (wall clock), each cut to that span. Requests that
 * overlap count once: two history loads side by side cost the admin's time of the longer one.
 * No client can be faster than this on the same admin: it is the flow's physical floor.
 */
function floorOf(requests: { start: number; end: number | undefined }[], from: number, to: number): number {
  const spans = requests
    .map((r) => [Math.max(from, r.start), Math.min(to, r.end ?? to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let [curA, curB] = [Number.NaN, Number.NaN];
  for (const [a, b] of spans) {
    if (!(a <= curB)) {
      if (curB > curA) total += curB - curA;
      [curA, curB] = [a, b];
    } else curB = Math.max(curB, b);
  }
  if (curB > curA) total += curB - curA;
  return total;
}
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

interface Counts {
  clicks: number;
  keystrokes: number;
}

/**
 * Counts what the agent (here: the script acting as one) does on a page: clicks (trusted or not:
 * the macro clicks the hover menu's link by script, as an agent clicks it) and keystrokes (the
 * characters that went into a field, whether typed or filled in at once). Survives navigations.
 */
async function countActions(page: Page, counts: Counts): Promise<void> {
  await page.exposeBinding('__benchCount', (_source, kind: 'click' | 'keys', n: number) => {
    if (kind === 'click') counts.clicks += n;
    else counts.keystrokes += n;
  });
  const install = () => {
    const w = window as unknown as { __benchCount(kind: string, n: number): void; __benchInstalled?: boolean };
    if (w.__benchInstalled) return;
    w.__benchInstalled = true;
    const lengths = new WeakMap<EventTarget, number>();
    document.addEventListener('click', (e) => {
      // A click on a <label> re-dispatches one on its control: count the agent's click once.
      if ((e.target as Element | null)?.closest?.('label') && !e.isTrusted) return;
      w.__benchCount('click', 1);
    }, true);
    document.addEventListener('input', (e) => {
      const el = e.target as HTMLInputElement;
      const before = lengths.get(el) ?? 0;
      const now = typeof el.value === 'string' ? el.value.length : 0;
      lengths.set(el, now);
      w.__benchCount('keys', Math.max(1, Math.abs(now - before)));
    }, true);
  };
  await page.addInitScript(install);
  await page.evaluate(install).catch(() => undefined);
}

/**
 * From now on, records (by the page's own clock) when `text` first shows in the page. Playwright
 * notices a change only at its next poll (after 0, 20, 50, 100, 100 ms, then every 500 ms), so
 * its waitFor would add up to half a second to whichever side happens to take longer; the page's
 * own record is the moment the agent could read it. Wall clock: the page's Date.now() and ours
 * are the same machine's. Returns the reader of the record.
 */
async function shownAt(page: Page, text: string): Promise<() => Promise<number>> {
  await page.evaluate((wanted) => {
    const w = window as unknown as { __benchShownAt?: number };
    w.__benchShownAt = undefined;
    const observer = new MutationObserver(() => {
      if (!document.body.textContent?.includes(wanted)) return;
      w.__benchShownAt = Date.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
  return async () => {
    const at = await page.evaluate(() => (window as unknown as { __benchShownAt?: number }).__benchShownAt);
    if (at === undefined) throw new Error(`"${text}" was not seen in the page`);
    return at;
  };
}

/**
 * Like shownAt, for the popup's result card: the moment it shows `word` once a run has gone
 * through its steps (a card shown at the start may be the previous run's).
 */
async function cardShownAt(popup: Page, word: string): Promise<() => Promise<number>> {
  await popup.evaluate((wanted) => {
    const w = window as unknown as { __benchCardAt?: number };
    w.__benchCardAt = undefined;
    let sawSteps = false;
    const observer = new MutationObserver(() => {
      const running = document.querySelector('[aria-current="step"]') !== null;
      sawSteps ||= running;
      if (!sawSteps || running || document.querySelector('.state-word')?.textContent?.trim() !== wanted) return;
      w.__benchCardAt = Date.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  }, word);
  return async () => {
    const at = await popup.evaluate(() => (window as unknown as { __benchCardAt?: number }).__benchCardAt);
    if (at === undefined) throw new Error(`the card did not show "${word}" after a run`);
    return at;
  };
}

/**
 * From now on, records (by the page's own clock, the clock shownAt and cardShownAt read) the
 * moment the agent's first `type` event goes through the page (for keydown: of `key`): where a
 * flow starts, free of the driver's own delay before it acts (Playwright's checks before a click).
 */
async function eventAt(page: Page, type: 'keydown' | 'click', key?: string): Promise<() => Promise<number>> {
  await page.evaluate(([wantedType, wantedKey]) => {
    const w = window as unknown as { __benchEventAt?: number };
    w.__benchEventAt = undefined;
    document.addEventListener(wantedType!, (e) => {
      if (!wantedKey || (e as KeyboardEvent).key === wantedKey) w.__benchEventAt ??= Date.now();
    }, { capture: true });
  }, [type, key] as const);
  return async () => {
    const at = await page.evaluate(() => (window as unknown as { __benchEventAt?: number }).__benchEventAt);
    if (at === undefined) throw new Error(`no ${type} was seen in the page`);
    return at;
  };
}

/**
 * Runs in the page's own world before its scripts (an init script): collects the page's long
 * tasks (over 50 ms on the main thread, which the content script shares with the page) and, on
 * the user page, how long after the histories arrived (the last history answer's responseEnd) the
 * in-page verdict was in the page (the bar's data-state set, seen within 5 ms; its paint follows
 * in the next frame).
 */
function pageProbe(): void {
  const w = window as unknown as { __benchProbe?: { longtasks: number[]; verdictMs?: number } };
  if (w.__benchProbe) return;
  const probe: { longtasks: number[]; verdictMs?: number } = { longtasks: [] };
  w.__benchProbe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longtasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long-task timing: none counted */
  }
  // Polled by a timer, not by animation frames: a tab Chromium does not show gets no frames.
  const until = performance.now() + 10_000;
  const timer = setInterval(() => {
    const at = performance.now();
    const bar = document.querySelector('reset-desk-ui[data-kind="user-bar"]')?.shadowRoot?.querySelector('section.bar');
    if (/^(valid|expired|changed|none)$/.test(bar?.getAttribute('data-state') ?? '')) {
      // The page's own "load data" fetches (the history answers; nothing else on the page fetches).
      const answers = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.initiatorType === 'fetch');
      if (answers.length >= 2) probe.verdictMs = at - Math.max(...answers.map((e) => e.responseEnd));
      clearInterval(timer);
    } else if (at > until) clearInterval(timer);
  }, 5);
}

/** A flow that did not end as expected: say what the popup showed and where the run stopped, then fail. */
function explainFailure(popup: Page, what: string): (error: unknown) => Promise<never> {
  return async (error) => {
    const shown = await popup.locator('main').innerText().catch(() => '(popup gone)');
    const runs = await popup
      .evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<{ runs?: unknown[] }> } } } }).chrome;
        return JSON.stringify((await api.storage.session.get('runs')).runs?.[0] ?? null, null, 1);
      })
      .catch(() => '?');
    console.error(`${what} did not end as expected. The popup showed:\n${shown}\nThe newest run:\n${runs}`);
    throw error;
  };
}

// ---------------------------------------------------------------- the measurements

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The extension files one admin page loads (its document's requests, plus the manifest's content scripts). */
async function contentFilesLoaded(ext: ExtensionBrowser, url: string, step: boolean): Promise<string[]> {
  const page = await ext.context.newPage();
  const prefix = `chrome-extension://${ext.extensionId}/`;
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const files = new Set<string>((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []));
  page.on('request', (r) => {
    if (r.url().startsWith(prefix)) files.add(r.url().slice(prefix.length).split(/[?#]/)[0]!);
  });
  await page.goto(url, { waitUntil: 'load' });
  // The in-page help and the history loads it starts.
  await page.waitForTimeout(1500);
  if (step) {
    const tabId = await ext.tabIdOf(page);
    const sw = await ext.serviceWorker();
    const reply = await sw.evaluate(async (id) => {
      const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: object, o: object): Promise<{ ok: boolean }> } } }).chrome;
      return api.tabs.sendMessage(id, { resetDesk: 1, type: 'content/check-layout', payload: { expected: 'user' } }, { frameId: 0 });
    }, tabId);
    if (!reply?.ok) throw new Error(`the user page did not answer a step request: ${JSON.stringify(reply)}`);
  }
  await page.close();
  return [...files].sort();
}

const env = process.env;
env.RESET_DESK_DIST = DIST;

async function main(): Promise<void> {
  buildIfStale();
  // Imported after RESET_DESK_DIST is set: the harness reads it when loaded.
  const { startWorld } = await import('../test/e2e/setup');
  const { CHROMIUM_ARGS, launchWithExtension } = await import('../test/e2e/browser');
  const { ensureChromium } = await import('../scripts/chromium');
  const { PEOPLE, SESSION_COOKIE } = await import('../test/admin-sim/server');
  const { PARAMS } = await import('../test/admin-sim/variants');
  const macro = await import('../test/e2e/manualProcedure');

  const simConfig = { pageLatencyMs: PAGE_LATENCY, loadDataLatencyMs: [LOAD_LATENCY, LOAD_LATENCY] as [number, number] };
  console.log(`Admin latency: ${PAGE_LATENCY} ms a page, ${LOAD_LATENCY} ms a "load data"; ${RUNS} runs each.`);
  const world = await startWorld(simConfig);
  const { sim, ext } = world;
  const email = PEOPLE.valid2h;
  const dashboard = sim.pathOf('dashboard');
  const userPage = () => `${sim.pathOf('user')}?${PARAMS[sim.config.variant].id}=${sim.scenario().accounts.find((a) => a.email === email)!.id}`;

  // A plain Chromium without the extension, logged in to the same admin.
  const plain: Browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
  const plainContext: BrowserContext = await plain.newContext();
  const cookie = sim.login().split('=');
  await plainContext.addCookies([{ name: SESSION_COOKIE, value: cookie.slice(1).join('='), url: sim.url }]);

  const chromiumVersion = plain.version();
  const results: Record<string, unknown> = {};
  try {
    // ---- 1 + 2: the extension
    const extLookup: number[] = [];
    const extResend: number[] = [];
    const extResendEnd: number[] = [];
    const extResendDriver: number[] = [];
    const extLookupDriver: number[] = [];
    const extLookupFloor: number[] = [];
    const extResendFloor: number[] = [];
    const extCounts = { lookup: { clicks: 0, keystrokes: 0 }, resend: { clicks: 0, keystrokes: 0 }, setPassword: { clicks: 0, keystrokes: 0 } };
    for (let i = 0; i < RUNS; i++) {
      sim.reset(); // a fresh scenario: every resend is legitimately allowed
      // and the extension's runs of the last scenario forgotten (its resend moments ago would
      // rightly stop this one); that stops the worker, which the open popup starts again.
      await world.forgetRuns();
      await world.admin.goto(dashboard);
      const popup = await ext.context.newPage();
      const counts: Counts = { clicks: 0, keystrokes: 0 };
      await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${world.adminTabId}`);
      await popup.getByLabel('Customer e-mail').waitFor();
      await ext.workerRunning(10_000);
      // The popup is open and the worker awake: what is timed is the look-up itself.
      await popup.waitForTimeout(500);
      await countActions(popup, counts);
      const card = await cardShownAt(popup, 'Valid');
      await popup.getByLabel('Customer e-mail').fill(email);
      const entered = await eventAt(popup, 'keydown', 'Enter');
      sim.clearRequests();
      const t0 = performance.now();
      await popup.getByLabel('Customer e-mail').press('Enter');
      await popup.locator('.state-word', { hasText: 'Valid' }).waitFor({ timeout: 60_000 }).catch(explainFailure(popup, `run ${i + 1}: look-up`));
      await popup.waitForFunction(() => document.querySelectorAll('[aria-current="step"]').length === 0, undefined, { timeout: 60_000 });
      extLookupDriver.push(performance.now() - t0);
      const [lookupFrom, lookupTo] = [await entered(), await card()];
      extLookup.push(lookupTo - lookupFrom);
      extLookupFloor.push(floorOf(sim.requests(), lookupFrom, lookupTo));
      const afterLookup = { ...counts };
      const sent = await shownAt(popup, 'E-mail has been sent');
      const clicked = await eventAt(popup, 'click');
      sim.clearRequests();
      const t1 = performance.now();
      await popup.getByRole('button', { name: 'Resend reset e-mail' }).click();
      await popup.locator('[role=status] .notice', { hasText: 'E-mail has been sent' }).waitFor({ timeout: 60_000 }).catch(explainFailure(popup, `run ${i + 1}: resend`));
      extResendDriver.push(performance.now() - t1);
      const [clickedAt, sentAt] = [await clicked(), await sent()];
      extResend.push(sentAt - clickedAt);
      extResendFloor.push(floorOf(sim.requests(), clickedAt, sentAt));
      // The run goes on to check the E-mail History; wait for it before the next run.
      await popup.waitForFunction(() => document.querySelectorAll('[aria-current="step"]').length === 0, undefined, { timeout: 60_000 });
      extResendEnd.push(performance.now() - t1);
      if (sim.outbox().length !== 1) throw new Error(`run ${i + 1}: expected one e-mail sent, found ${sim.outbox().length}`);
      if (i === 0) {
        extCounts.lookup = afterLookup;
        extCounts.resend = { clicks: counts.clicks - afterLookup.clicks, keystrokes: counts.keystrokes - afterLookup.keystrokes };
      }
      await popup.close();
      process.stdout.write(`  extension run ${i + 1}/${RUNS}: look-up ${Math.round(extLookup.at(-1)!)} ms (floor ${Math.round(extLookupFloor.at(-1)!)}), resend ${Math.round(extResend.at(-1)!)} ms (floor ${Math.round(extResendFloor.at(-1)!)})\n`);
    }
    // The look-up as the agent starts it cold: the toolbar click opens the popup (here: the popup
    // page loaded in a tab) while the service worker is stopped, as after 30 s idle.
    const extLookupCold: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      sim.reset();
      await world.admin.goto(dashboard);
      await world.forgetRuns(); // also stops the worker
      const popup = await ext.context.newPage();
      const clickedAt = Date.now();
      await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html?tab=${world.adminTabId}`);
      const card = await cardShownAt(popup, 'Valid');
      await popup.getByLabel('Customer e-mail').fill(email);
      await popup.getByLabel('Customer e-mail').press('Enter');
      await popup.locator('.state-word', { hasText: 'Valid' }).waitFor({ timeout: 60_000 }).catch(explainFailure(popup, `cold run ${i + 1}: look-up`));
      await popup.waitForFunction(() => document.querySelectorAll('[aria-current="step"]').length === 0, undefined, { timeout: 60_000 });
      extLookupCold.push((await card()) - clickedAt);
      await popup.close();
      process.stdout.write(`  extension cold run ${i + 1}/${RUNS}: toolbar click → card ${Math.round(extLookupCold.at(-1)!)} ms\n`);
    }
    // Set password (counted once, not timed): Set new password → Confirm.
    {
      sim.reset();
      await world.forgetRuns();
      await world.admin.goto(dashboard);
      const popup = await ext.openPopup(world.adminTabId);
      await popup.getByLabel('Customer e-mail').fill(PEOPLE.expired3d);
      await popup.getByRole('button', { name: 'Look up' }).click();
      await popup.locator('.state-word').waitFor({ timeout: 60_000 }).catch(explainFailure(popup, 'set password: look-up'));
      const counts: Counts = { clicks: 0, keystrokes: 0 };
      await countActions(popup, counts);
      await popup.getByRole('button', { name: 'Set new password' }).click();
      await popup.getByRole('button', { name: 'Confirm' }).click();
      await popup.locator('code.password').waitFor({ timeout: 60_000 });
      extCounts.setPassword = counts;
      await popup.close();
    }

    // ---- 3: the macro, in the plain Chromium
    const macroLookup: number[] = [];
    const macroResend: number[] = [];
    const macroResendDriver: number[] = [];
    const macroLookupFloor: number[] = [];
    const macroResendFloor: number[] = [];
    const macroCounts = { lookup: { clicks: 0, keystrokes: 0 }, resend: { clicks: 0, keystrokes: 0 }, setPassword: { clicks: 0, keystrokes: 0 } };
    for (let i = 0; i < RUNS; i++) {
      sim.reset();
      const page = await plainContext.newPage();
      const counts: Counts = { clicks: 0, keystrokes: 0 };
      await page.goto(dashboard);
      await countActions(page, counts);
      sim.clearRequests();
      const t0 = Date.now();
      await macro.verify(page, sim, email);
      const t0end = Date.now();
      macroLookup.push(t0end - t0);
      macroLookupFloor.push(floorOf(sim.requests(), t0, t0end));
      const afterLookup = { ...counts };
      const sent = await shownAt(page, macro.label(sim, 'emailSent'));
      const clicked = await eventAt(page, 'click');
      sim.clearRequests();
      const t1 = performance.now();
      await macro.resend(page, sim, email);
      macroResendDriver.push(performance.now() - t1);
      const [startedAt, sentAt] = [await clicked(), await sent()];
      macroResend.push(sentAt - startedAt);
      macroResendFloor.push(floorOf(sim.requests(), startedAt, sentAt));
      if (sim.outbox().length !== 1) throw new Error(`macro run ${i + 1}: expected one e-mail sent, found ${sim.outbox().length}`);
      if (i === 0) {
        macroCounts.lookup = afterLookup;
        macroCounts.resend = { clicks: counts.clicks - afterLookup.clicks, keystrokes: counts.keystrokes - afterLookup.keystrokes };
      }
      await page.close();
      process.stdout.write(`  macro run ${i + 1}/${RUNS}: look-up ${Math.round(macroLookup.at(-1)!)} ms, resend ${Math.round(macroResend.at(-1)!)} ms\n`);
    }
    {
      sim.reset();
      const page = await plainContext.newPage();
      const counts: Counts = { clicks: 0, keystrokes: 0 };
      await page.goto(dashboard);
      await countActions(page, counts);
      // The password the agent makes up and types (the extension generates one of 16+ characters).
      await macro.manualReset(page, sim, PEOPLE.expired3d, 'Tq7-vWm4-Kp9x-Rb2d');
      macroCounts.setPassword = counts;
      await page.close();
    }

    // ---- 5: the content script's cost (script and task time of the page's renderer)
    sim.setConfig({ pageLatencyMs: 0, loadDataLatencyMs: [20, 60] });
    sim.reset();
    const cost = async (context: BrowserContext, url: string, settleMs: number) => {
      const script: number[] = [];
      const task: number[] = [];
      const longest: number[] = [];
      const verdict: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const page = await context.newPage();
        await page.addInitScript(pageProbe);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(url, { waitUntil: 'load' });
        // The content script, its in-page help and the history loads it may start.
        await page.waitForTimeout(settleMs);
        // The user page's verdict may come later on a busy machine: waited for (up to 5 s more).
        if (url === userPage()) {
          await page.waitForFunction(() => (window as unknown as { __benchProbe?: { verdictMs?: number } }).__benchProbe?.verdictMs !== undefined, undefined, { timeout: 5000 }).catch(() => undefined);
        }
        const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
        const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
        script.push(metric('ScriptDuration'));
        task.push(metric('TaskDuration'));
        const probe = await page.evaluate(() => (window as unknown as { __benchProbe: { longtasks: number[]; verdictMs?: number } }).__benchProbe);
        longest.push(Math.max(0, ...probe.longtasks));
        if (probe.verdictMs !== undefined) verdict.push(probe.verdictMs);
        await cdp.detach();
        await page.close();
      }
      return { script: stat(script), task: stat(task), longestTask: stat(longest), ...(verdict.length ? { verdictAfterHistories: stat(verdict) } : {}) };
    };
    const pages = {
      dashboard: { url: dashboard, settle: 800 },
      incoming: { url: `${sim.pathOf('incoming')}?${PARAMS[sim.config.variant].q}=${encodeURIComponent(email)}`, settle: 1500 },
      customers: { url: sim.pathOf('customers'), settle: 800 },
      customer: { url: `${sim.pathOf('customer')}?${PARAMS[sim.config.variant].id}=${sim.scenario().accounts.find((a) => a.email === PEOPLE.expired3d)!.id}`, settle: 1000 },
      user: { url: userPage(), settle: 1500 },
    };
    // The floor: the same extension with a content script that only reads the page's <title>
    // (what any content script that looks at the page pays), and one that runs a one-step XPath.
    const floors: Record<string, Stat> = {};
    for (const [name, code] of [['reads document.title', 'void document.title;'], ['runs a one-step XPath', "void document.evaluate('boolean(//input)', document, null, 3, null).booleanValue;"]] as const) {
      const dir = `${DIST}-floor`;
      rmSync(dir, { recursive: true, force: true });
      cpSync(DIST, dir, { recursive: true });
      writeFileSync(join(dir, 'content/gate.js'), `${code}\n`);
      const floorExt = await launchWithExtension({ dist: dir });
      try {
        await floorExt.context.addCookies([{ name: SESSION_COOKIE, value: cookie.slice(1).join('='), url: sim.url }]);
        floors[name] = (await cost(floorExt.context, dashboard, 800)).script;
      } finally {
        await floorExt.close();
        rmSync(dir, { recursive: true, force: true });
      }
      console.log(`  Dashboard, content script that ${name}: script ${floors[name]!.median} ms`);
    }
    const contentCost: Record<string, PageCost> = {};
    for (const [name, { url, settle }] of Object.entries(pages)) {
      const withExt = await cost(ext.context, url, settle);
      const without = await cost(plainContext, url, settle);
      contentCost[name] = {
        with: withExt,
        without,
        scriptDelta: round(withExt.script.median - without.script.median),
        taskDelta: round(withExt.task.median - without.task.median),
      };
      console.log(`  ${name}: script ${withExt.script.median} ms with, ${without.script.median} ms without the extension; longest task ${withExt.longestTask.max} / ${without.longestTask.max} ms` + (withExt.verdictAfterHistories ? `; verdict ${withExt.verdictAfterHistories.median} ms after the histories` : ''));
    }

    // ---- 6: bundle sizes
    const bundles = entryBundles(DIST).map((b) => ({ entry: b.entry, files: b.files.length, raw: b.raw, gzip: b.gzip }));
    // What the content script really loads on each admin page: the extension files the page's
    // document fetched (the manifest's gate is not fetched, so it is added), with a flow's step
    // handlers on the user page too (a step request such as a flow sends).
    const accounts = sim.scenario().accounts;
    const byId = (mail: string) => accounts.find((a) => a.email === mail)!.id;
    const idParam = PARAMS[sim.config.variant].id;
    const pageLoads: [string, string, boolean][] = [
      ['Dashboard (not ours)', dashboard, false],
      ['Support > Incoming requests', `${sim.pathOf('incoming')}?${PARAMS[sim.config.variant].q}=${encodeURIComponent(email)}`, false],
      ['Sales > Customers', sim.pathOf('customers'), false],
      ['customer page', `${sim.pathOf('customer')}?${idParam}=${byId(PEOPLE.expired3d)}`, false],
      ['user page', userPage(), false],
      ['user page, with a flow\'s steps', userPage(), true],
    ];
    const contentLoads: { page: string; files: string[]; gzip: number }[] = [];
    for (const [name, url, step] of pageLoads) {
      const files = await contentFilesLoaded(ext, url, step);
      contentLoads.push({ page: name, files, gzip: files.reduce((n, f) => n + gzipSize(join(DIST, f)), 0) });
      console.log(`  content loaded on ${name}: ${files.length} files, ${(contentLoads.at(-1)!.gzip / 1024).toFixed(1)} KB gzip`);
    }
    // The content script's 20 KB size budget is retired (issue 15): it could not be met with the
    // fixed stack and was a proxy; what an agent feels is measured instead (section 5).
    const budget: Record<string, number> = { popup: 30 * 1024 };

    const lookupExt = stat(extLookup);
    const resendExt = stat(extResend);
    const lookupMacro = stat(macroLookup);
    const resendMacro = stat(macroResend);
    Object.assign(results, {
      ranAt: new Date().toISOString(),
      machine: machine(chromiumVersion),
      settings: { pageLatencyMs: PAGE_LATENCY, loadDataLatencyMs: LOAD_LATENCY, runs: RUNS, loads: LOADS, dist: DIST },
      flows: {
        lookup: {
          ...flowFigures(lookupExt, lookupMacro, stat(extLookupFloor), stat(macroLookupFloor), 1.3),
          // From the toolbar click (the popup opening) with the service worker stopped.
          extensionCold: stat(extLookupCold),
          // The extension's side ended when Playwright's polling noticed the card (see shownAt).
          asSeenByTheDriver: { extension: stat(extLookupDriver), macro: lookupMacro },
        },
        resend: {
          ...flowFigures(resendExt, resendMacro, stat(extResendFloor), stat(macroResendFloor), 1.15),
          extensionUntilChecked: stat(extResendEnd),
          // The same, ended when Playwright's polling noticed "sent" (see shownAt), for comparison.
          asSeenByTheDriver: { extension: stat(extResendDriver), macro: stat(macroResendDriver) },
        },
      },
      contentScriptCost: { ...contentCost, floors, target: { page: 'dashboard', maxScriptMs: 2 }, met: contentCost.dashboard!.scriptDelta <= 2 },
      contentLoads,
      bundles: bundles.map((b) => ({ ...b, budget: budget[b.entry] ?? null, met: budget[b.entry] === undefined ? null : b.gzip <= budget[b.entry]! })),
      agentActions: { extension: extCounts, manual: macroCounts },
    });
  } finally {
    await plain.close();
    await world.close();
  }

  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const table = render(results as unknown as Results);
  console.log(`\n${table}\n`);
  console.log('Written: bench/results.json');
  if (!args['no-readme']) updateReadme(table);
}

const ratio = (a: Stat, b: Stat) => round(a.median / b.median, 2);

/**
 * One flow's figures: each side against its own floor (the admin's waiting in that side's runs:
 * the macro loads one history for the look-up and the other for the resend, the extension both
 * in its look-up), and the extension against the macro (never slower: ≤ 1).
 */
function flowFigures(extension: Stat, macro: Stat, floor: Stat, macroFloor: Stat, target: number) {
  const toFloor = ratio(extension, floor);
  return {
    extension,
    macro,
    floor,
    macroFloor,
    ratioToFloor: toFloor,
    macroRatioToFloor: ratio(macro, macroFloor),
    targetToFloor: target,
    ratio: ratio(extension, macro),
    met: toFloor <= target && ratio(extension, macro) <= 1,
  };
}

function machine(chromiumVersion: string) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  let nproc = cpus().length;
  try {
    nproc = Number(execSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    /* os.cpus() it is */
  }
  return { nproc, cpu: model, memoryGiB: round(totalmem() / 2 ** 30, 1), chromium: chromiumVersion, node: process.version };
}

// ---------------------------------------------------------------- output

interface Cost {
  script: Stat;
  task: Stat;
  /** The longest main-thread task of each load (PerformanceObserver 'longtask': over 50 ms; 0: none). */
  longestTask?: Stat;
  /** User page: from the last history answer to the frame with the in-page verdict. */
  verdictAfterHistories?: Stat;
}

interface PageCost {
  with: Cost;
  without: Cost;
  scriptDelta: number;
  taskDelta: number;
}

interface Results {
  ranAt: string;
  machine: ReturnType<typeof machine>;
  settings: { pageLatencyMs: number; loadDataLatencyMs: number; runs: number; loads: number };
  flows: Record<
    'lookup' | 'resend',
    {
      extension: Stat;
      macro: Stat;
      ratio: number;
      met: boolean;
      floor?: Stat;
      macroFloor?: Stat;
      ratioToFloor?: number;
      macroRatioToFloor?: number;
      targetToFloor?: number;
      extensionCold?: Stat;
      extensionUntilChecked?: Stat;
      asSeenByTheDriver?: { extension: Stat; macro: Stat };
    }
  >;
  contentScriptCost: Record<'dashboard' | 'user', PageCost> & Partial<Record<'incoming' | 'customers' | 'customer', PageCost>> & {
    floors?: Record<string, Stat>;
  };
  bundles: { entry: string; files: number; raw: number; gzip: number; budget: number | null; met: boolean | null }[];
  contentLoads?: { page: string; files: string[]; gzip: number }[];
  agentActions: Record<'extension' | 'manual', Record<'lookup' | 'resend' | 'setPassword', Counts>>;
}

function render(r: Results): string {
  const ms = (s: Stat) => `${Math.round(s.median)} ms${s.p90 === undefined ? '' : `, p90 ${Math.round(s.p90)}`} (${Math.round(s.min)}–${Math.round(s.max)})`;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const yes = (met: boolean | null) => (met === null ? '' : met ? 'met' : '**not met**');
  const m = r.machine;
  const lines = [
    `Ran ${r.ranAt.slice(0, 16).replace('T', ' ')} UTC on ${m.nproc} cores (${m.cpu}), ${m.memoryGiB} GiB, Chromium ${m.chromium}, Node ${m.node}; ` +
      `admin latency ${r.settings.pageLatencyMs} ms a page, ${r.settings.loadDataLatencyMs} ms a "load data"; ${r.settings.runs} runs each, median, 90th percentile (min–max).`,
    '',
    ...(r.flows.lookup.floor
      ? [
          '| flow | extension | floor (its admin waiting) | ext / floor | manual macro | macro floor | macro / floor | ext / macro (≤ 1) |',
          '|---|---|---|---|---|---|---|---|',
          ...(['lookup', 'resend'] as const).map((k) => {
            const f = r.flows[k];
            const name = k === 'lookup' ? 'look-up (Enter → card)' : 'resend (click → "sent")';
            const met = f.ratioToFloor! <= f.targetToFloor!;
            return `| ${name} | ${ms(f.extension)} | ${ms(f.floor!)} | ${f.ratioToFloor} ${yes(met)} (≤ ${f.targetToFloor}) | ${ms(f.macro)} | ${ms(f.macroFloor!)} | ${f.macroRatioToFloor} | ${f.ratio} ${yes(f.ratio <= 1)} |`;
          }),
          ...(r.flows.lookup.extensionCold ? [`| look-up from the toolbar click, worker stopped | ${ms(r.flows.lookup.extensionCold)} | | | | | | |`] : []),
        ]
      : [
          '| flow | extension | manual macro | ratio (target ≤ 1.15) |',
          '|---|---|---|---|',
          `| look-up (field → card) | ${ms(r.flows.lookup.extension)} | ${ms(r.flows.lookup.macro)} | ${r.flows.lookup.ratio} ${yes(r.flows.lookup.met)} |`,
          `| resend (click → "sent") | ${ms(r.flows.resend.extension)} | ${ms(r.flows.resend.macro)} | ${r.flows.resend.ratio} ${yes(r.flows.resend.met)} |`,
        ]),
    '',
    'Resend ends when "E-mail has been sent" is in the page, by the page\'s own clock; ' +
      (r.flows.resend.asSeenByTheDriver
        ? `as noticed by Playwright's polling (every 500 ms after the first 270) it took ${ms(r.flows.resend.asSeenByTheDriver.extension)} with the extension and ${ms(r.flows.resend.asSeenByTheDriver.macro)} by the macro. `
        : '') +
      'Look-up starts at the Enter in the open popup and ends when the card shows the state, both by the popup\'s own clock' +
      (r.flows.lookup.asSeenByTheDriver ? ` (as noticed by Playwright's polling: ${ms(r.flows.lookup.asSeenByTheDriver.extension)})` : '') +
      '; the macro\'s runs from its first action until it has read the Password History rows (it waits for them by polling each animation frame). ' +
      'Floor: the union of the intervals the admin spent on the requests of that run (arrival to last byte, the simulator\'s request log), the least any client could take.',
    '',
    `| content script cost (${r.settings.loads} loads, median) | script with / without | delta | task with / without | delta | longest task with / without (target: none > 50 ms by us) | verdict after the histories (≤ 100 ms) |`,
    '|---|---|---|---|---|---|---|',
    ...(['dashboard', 'incoming', 'customers', 'customer', 'user'] as const).flatMap((p) => {
      const c = r.contentScriptCost[p];
      if (!c) return [];
      const name = { dashboard: 'Dashboard (not ours)', incoming: 'Incoming requests, searched (ours)', customers: 'Sales > Customers (ours)', customer: 'customer page (ours)', user: 'user page (ours)' }[p];
      const target = p === 'dashboard' ? ` ${yes(c.scriptDelta <= 2)} (≤ 2 ms)` : '';
      // A long task the extension caused: one with it that is longer than any without it and over 50 ms.
      const long = c.with.longestTask && c.without.longestTask ? `${Math.round(c.with.longestTask.max)} / ${Math.round(c.without.longestTask.max)} ms ${yes(c.with.longestTask.max <= Math.max(50, c.without.longestTask.max))}` : '';
      const verdict = c.with.verdictAfterHistories ? `${ms(c.with.verdictAfterHistories)} ${yes(c.with.verdictAfterHistories.max <= 100)}` : '';
      return [`| ${name} | ${c.with.script.median} / ${c.without.script.median} ms | ${c.scriptDelta} ms${target} | ${c.with.task.median} / ${c.without.task.median} ms | ${c.taskDelta} ms | ${long} | ${verdict} |`];
    }),
    ...Object.entries(r.contentScriptCost.floors ?? {}).map(([name, s]) => `| Dashboard, a content script that only ${name} (the floor) | ${s.median} / ${r.contentScriptCost.dashboard.without.script.median} ms | ${round(s.median - r.contentScriptCost.dashboard.without.script.median)} ms | | | | |`),
    '',
    '| entry | files | raw | gzip | budget |',
    '|---|---|---|---|---|',
    ...r.bundles.map((b) => `| ${b.entry} | ${b.files} | ${kb(b.raw)} | ${kb(b.gzip)} | ${b.budget === null ? '' : `≤ ${kb(b.budget)} ${yes(b.met)}`} |`),
    '',
    ...(r.contentLoads
      ? [
          '| content script, loaded on (measured in Chromium) | files | gzip |',
          '|---|---|---|',
          ...r.contentLoads.map((l) => `| ${l.page} | ${l.files.length} | ${kb(l.gzip)} |`),
          '',
        ]
      : []),
    '| agent actions (clicks + keystrokes) | manual procedure | extension |',
    '|---|---|---|',
    ...(['lookup', 'resend', 'setPassword'] as const).map((f) => {
      const a = r.agentActions.manual[f];
      const b = r.agentActions.extension[f];
      const name = { lookup: 'look-up', resend: 'resend (after the look-up)', setPassword: 'set a new password (after the look-up)' }[f];
      return `| ${name} | ${a.clicks} clicks + ${a.keystrokes} keys | ${b.clicks} clicks + ${b.keystrokes} keys |`;
    }),
  ];
  return lines.join('\n');
}

function updateReadme(table: string): void {
  const file = join(ROOT, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const block = `${start}\n${table}\n${end}`;
  const i = readme.indexOf(start);
  const j = readme.indexOf(end);
  if (i < 0 || j < i) {
    console.log('README.md has no bench markers: table not written there.');
    return;
  }
  writeFileSync(file, readme.slice(0, i) + block + readme.slice(j + end.length));
  console.log('Updated the bench table in README.md.');
}

function tableOnly(): void {
  const table = render(JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8')) as Results);
  console.log(`\n${table}\n`);
  if (!args['no-readme']) updateReadme(table);
}

(args['table-only'] ? Promise.resolve().then(tableOnly) : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
