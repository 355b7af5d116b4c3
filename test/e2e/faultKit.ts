/**
 * Helpers for the fault matrix (faults.test.ts) and the security checks: drive the three flows
 * through the popup with a fault armed right before the action click, watch the popup's current
 * step, and read what the extension kept (runs, activity log, every storage area).
 */
import { expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page, Request } from 'playwright-core';
import type { PageKind } from '../admin-sim/variants';
import type { World } from './setup';
import { resultSays } from './popupHelpers';

/** The popup's English step labels (public/_locales/en/messages.json), by step id. */
export const STEP_LABEL = {
  'open-admin': 'Open the admin',
  'open-incoming': 'Open the request list',
  search: 'Search the e-mail',
  'open-user': 'Open the user',
  'load-history': 'Load the histories',
  'open-email': 'Open the reset e-mail',
  reply: 'Prepare the reply',
  send: 'Send it',
  'open-customers': 'Open the customer list',
  'search-customer': 'Search the customer',
  'open-customer': 'Open the customer',
  'fill-password': 'Fill in a new password',
  save: 'Save the change',
} as const;
export type StepId = keyof typeof STEP_LABEL;

export type Flow = 'lookup' | 'resend' | 'set-password';

/** Waits until the popup shows `step` as the current one (aria-current="step"); says what it showed instead. */
export async function whenStep(popup: Page, step: StepId, timeout = 30_000): Promise<void> {
  const exact = new RegExp(`^\\s*${STEP_LABEL[step]}`);
  await popup
    .locator('[aria-current="step"] .step-label', { hasText: exact })
    .first()
    .waitFor({ timeout })
    .catch(async (error: Error) => {
      const newest = (await runs(popup).catch(() => [])).slice(0, 2).map((r) => ({ kind: r.kind, status: r.status, error: r.error?.code, steps: r.steps.map((s) => `${s.id}:${s.state}`).join(' ') }));
      const text = await popup.locator('body').innerText().catch(() => '?');
      throw new Error(`${error.message}\nthe popup shows: ${JSON.stringify(text.slice(0, 600))}\nnewest runs: ${JSON.stringify(newest)}`);
    });
}

/**
 * Does `act` once, the moment the browser sends a request for an admin page of this kind (the
 * simulator then holds it for its latency): a fault timed by the admin's traffic, not by when the
 * popup next redraws its steps, which on a loaded machine can come after the admin has answered.
 */
export function whenRequestLeaves(world: World, kind: PageKind, method: 'GET' | 'POST', act: () => unknown): void {
  const path = new URL(world.sim.pathOf(kind)).pathname;
  const onRequest = (request: Request) => {
    if (request.method() !== method || new URL(request.url()).pathname !== path) return;
    world.ext.context.off('request', onRequest);
    void act();
  };
  world.ext.context.on('request', onRequest);
}

export interface Ending {
  /** The run's end in storage.session. */
  status: string;
  code?: string;
  /** What the popup's status region said at the end. */
  text: string;
  kind: 'result' | 'error' | 'silent';
  /** The remedy buttons offered. */
  retry: boolean;
  login: boolean;
  /** The password the popup showed (set-password only). */
  password?: string;
  /** Steps the popup still marks as current after the run ended (should be none). */
  stillCurrent: number;
}

/**
 * Waits until the newest run for `email` started at or after `since` has ended (storage.session),
 * then reads what the popup shows: an error, or a result (card, notice, password). A run that ended
 * with nothing shown is "silent" (the matrix counts those; there must be none).
 */
export async function ending(popup: Page, email: string, since: number, timeout = 60_000): Promise<Ending> {
  let run: RunRecord | undefined;
  let all: RunRecord[] = [];
  const status = resultRegion(popup);
  await expect
    .poll(
      async () => {
        all = await runs(popup);
        run = all.filter((r) => r.email === email && r.startedAt >= since).sort((a, b) => b.startedAt - a.startedAt)[0];
        return run?.status ?? 'not started';
      },
      { timeout, interval: 150, message: `the run's end (popup: ${await status.innerText().catch(() => '?')})` },
    )
    .toMatch(/^(done|failed|choose-shop)$/)
    .catch(async (error: Error) => {
      const text = await status.innerText().catch(() => '?');
      const newest = all.filter((r) => r.email === email).slice(-3).map((r) => ({ kind: r.kind, status: r.status, startedAt: r.startedAt, steps: r.steps.map((s) => `${s.id}:${s.state}`).join(' ') }));
      throw new Error(`${error.message}\nsince ${since}; popup says: ${JSON.stringify(text)}; runs: ${JSON.stringify(newest)}`);
    });
  let kind = 'none';
  for (let i = 0; i < 30 && (kind === 'none' || kind === 'running'); i++) {
    kind = await shownFor(popup, run!, all);
    if (kind === 'none' || kind === 'running') await popup.waitForTimeout(100);
  }
  const password = (await popup.locator('code.password').count()) > 0 ? await popup.locator('code.password').innerText() : undefined;
  return {
    status: run!.status,
    ...(run!.error ? { code: run!.error.code } : {}),
    text: await status.innerText(),
    kind: kind === 'error' || kind === 'result' ? kind : 'silent',
    retry: (await popup.getByRole('button', { name: 'Retry' }).count()) > 0,
    login: (await popup.getByRole('button', { name: 'Open the admin login' }).count()) > 0,
    ...(password !== undefined ? { password } : {}),
    stillCurrent: await popup.locator('[aria-current="step"]').count(),
  };
}

/**
 * Whether the popup shows THIS run's own outcome (a silent failure is decided per run, never by
 * "some card or error is on screen", which an earlier run may have left): a failed run's own error
 * message, a resend's own notice, a set-password run's password and notice, a look-up's card for the
 * run's customer (and the run is the newest look-up for the e-mail: the one the card is drawn from).
 */
async function shownFor(popup: Page, run: RunRecord, all: RunRecord[]): Promise<'result' | 'error' | 'running' | 'none'> {
  const status = resultRegion(popup);
  if ((await popup.locator('[aria-current="step"]').count()) > 0) return 'running';
  const texts = async (selector: string) => (await status.locator(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const norm = (t: string | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
  if (run.status === 'failed' && run.error) {
    if (run.error.code === 'not-found') return (await status.innerText()).includes(run.email) ? 'error' : 'none';
    // A refused second resend is shown as information, not in an .error: its sentence is the outcome's detail.
    return (await texts('.error, [data-outcome-detail]')).includes(norm(run.error.message)) ? 'error' : 'none';
  }
  if (run.status === 'choose-shop') return (await status.getByRole('button').count()) > 0 ? 'result' : 'none';
  if (run.status !== 'done') return 'none';
  if (run.kind === 'set-password') {
    const notice = (await texts('.notice')).includes(norm(run.notice));
    return notice && (await popup.locator('code.password').count()) > 0 ? 'result' : 'none';
  }
  if (run.kind === 'resend') return run.notice && (await texts('.notice')).includes(norm(run.notice)) ? 'result' : 'none';
  // Look-up: the card for the run's customer, drawn from this run (the newest look-up for the e-mail).
  const newest = all.filter((r) => r.kind === 'lookup' && r.email === run.email).sort((a, b) => b.startedAt - a.startedAt)[0];
  if (newest?.id !== run.id || !run.lookup) return 'none';
  const card = status.locator('section.card');
  if ((await card.count()) !== 1 || (await status.locator('.state-word').count()) !== 1) return 'none';
  const cardText = await card.innerText();
  return cardText.includes(run.lookup.customer.email) && cardText.includes(run.lookup.customer.shop) ? 'result' : 'none';
}

/** The popup's result region (the live region is p[data-announce], the state word only). */
export function resultRegion(popup: Page) {
  return popup.locator('div.result');
}

/**
 * Opens a popup on the admin tab and waits until it has settled (it prefills the customer of the
 * tab or the latest run and shows that run, asynchronously): an agent's first keystroke comes later.
 */
export async function openSettledPopup(world: World): Promise<Page> {
  const popup = await world.ext.openPopup(world.adminTabId);
  await popup.waitForFunction(() => {
    const input = document.getElementById('customer-email') as HTMLInputElement | null;
    return !!input && (document.activeElement === input || input.value !== '');
  });
  await popup.waitForTimeout(100);
  return popup;
}

/** storage.local `activity`, newest first (read from an extension page: survives worker restarts). */
export async function activity(page: Page): Promise<{ at: number; action: string; email: string; shop: string; outcome: string }[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return ((await api.storage.local.get('activity')).activity ?? []) as { at: number; action: string; email: string; shop: string; outcome: string }[];
  });
}

/** storage.session `runs`. */
export interface RunRecord {
  id: string;
  kind: string;
  email: string;
  status: string;
  startedAt: number;
  steps: { id: string; state: string; startedAt?: number; endedAt?: number }[];
  error?: { code: string; message: string };
  notice?: string;
  lookup?: { customer: { email: string; shop: string } };
}

export async function runs(page: Page): Promise<RunRecord[]> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return ((await api.storage.session.get('runs')).runs ?? []) as never;
  });
}

/**
 * Every storage area the extension or the pages have, as one text: chrome.storage local, sync and
 * session (through an extension page), plus localStorage and sessionStorage of the given pages.
 */
export async function everyStorage(extPage: Page, pages: Page[]): Promise<string> {
  const ext = await extPage.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync' | 'session', { get(k: null): Promise<unknown> }> } }).chrome;
    return JSON.stringify({
      local: await api.storage.local.get(null),
      sync: await api.storage.sync.get(null),
      session: await api.storage.session.get(null),
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
    });
  });
  const web = await Promise.all(
    pages.filter((p) => !p.isClosed()).map((p) => p.evaluate(() => JSON.stringify({ l: { ...localStorage }, s: { ...sessionStorage } })).catch(() => '')),
  );
  return [ext, ...web].join('\n');
}

/** The newest activity entry for this e-mail and action written after `since` (polls: it is written after the run ends). */
export async function activityEntry(page: Page, email: string, action: Flow, since: number): Promise<{ outcome: string; count: number }> {
  let found: { outcome: string; count: number } | undefined;
  await expect
    .poll(
      async () => {
        const mine = (await activity(page)).filter((a) => a.email === email && a.action === action && a.at >= since);
        found = mine[0] ? { outcome: mine[0].outcome, count: mine.length } : undefined;
        return mine.length;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  return found!;
}

/** The admin tab after the one the world started with was closed: the extension opened a new one. */
export async function adoptAdminTab(world: World): Promise<void> {
  const page = world.ext.context.pages().find((p) => !p.isClosed() && p.url().startsWith(world.sim.url));
  if (!page) throw new Error('no admin tab is open');
  world.admin = page;
  world.adminTabId = await world.ext.tabIdOf(page);
}

/** Makes sure an admin tab exists and shows the dashboard (every case starts from the same place). */
export async function freshAdminTab(world: World): Promise<void> {
  // Logged in, whatever the case before did (a case that expired the sessions may have failed
  // before it logged in again; the next cases must not inherit that).
  await logInAgain(world);
  if (world.admin.isClosed()) {
    world.admin = await world.ext.context.newPage();
    await world.admin.goto(`${world.sim.url}/`);
    world.adminTabId = await world.ext.tabIdOf(world.admin);
  } else {
    await world.admin.goto(`${world.sim.url}/`);
  }
}

/** A new session cookie (after sim.expireSessions()), as the agent logging in again. */
export async function logInAgain(world: World): Promise<void> {
  const cookie = world.sim.login().split('=');
  await world.ext.context.addCookies([{ name: cookie[0]!, value: cookie.slice(1).join('='), url: world.sim.url }]);
}

/**
 * Opens a popup on the admin tab and looks the customer up (no fault armed yet); resolves once the
 * card shows. The resend and set-password flows start from this card, as an agent's do.
 */
export async function cardFor(world: World, email: string, word: string | RegExp): Promise<Page> {
  const popup = await openSettledPopup(world);
  await popup.getByLabel('Customer e-mail').fill(email);
  await popup.getByRole('button', { name: 'Look up' }).click();
  await resultSays(popup, word);
  await expect.poll(() => popup.locator('[aria-current="step"]').count()).toBe(0);
  return popup;
}

/** Clicks "Set new password" then "Confirm" (the confirmation the popup asks for). */
export async function confirmSetPassword(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Set new password' }).click();
  await popup.getByRole('button', { name: 'Confirm' }).click();
}

// ---------------------------------------------------------------------------------------------
// Secrets: every password a case met is searched for everywhere it could have been kept.

/** The Password field's names in every variant (the simulator's POST handler accepts any). */
const PASSWORD_FIELDS = ['password', 'customer[new_password]', 'ctl00$txtPassword'];

/**
 * Records every password the browser posted to the admin (a Save through the popup or in the page,
 * whatever its outcome) and every one a test reports as shown. `take()` returns them and starts over.
 */
export interface Watcher {
  add(p: string | undefined): void;
  take(): string[];
  /** POSTs that left the browser for the admin since the last `resetPosts()`: Send (the dialog's fetch) and Save. */
  posts: { send: number; save: number };
  resetPosts(): void;
}

export function watchPasswords(world: World): Watcher {
  let seen = new Set<string>();
  const posts = { send: 0, save: 0 };
  world.ext.context.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().startsWith(world.sim.url)) return;
    const path = new URL(request.url()).pathname;
    if (path === new URL(world.sim.pathOf('send')).pathname) posts.send++;
    if (path === new URL(world.sim.pathOf('customer')).pathname) posts.save++;
    const body = request.postData();
    if (!body) return;
    const form = new URLSearchParams(body);
    for (const name of PASSWORD_FIELDS) {
      const value = form.get(name);
      if (value) seen.add(value);
    }
  });
  return {
    posts,
    resetPosts: () => {
      posts.send = 0;
      posts.save = 0;
    },
    add: (p) => void (p && seen.add(p)),
    take: () => {
      const out = [...seen];
      seen = new Set();
      return out;
    },
  };
}

/**
 * The forms a kept password could take: as is (UTF-8 and UTF-16, as LevelDB and SQLite store text),
 * JSON-escaped, base64 (standard and URL-safe, at all three byte alignments, since it may sit
 * inside a longer encoded blob), hex (both cases) and URL-encoded (percent and form encoding).
 */
export function encodings(password: string): { name: string; bytes: Buffer }[] {
  const utf8 = Buffer.from(password, 'utf8');
  const forms: { name: string; text?: string; bytes?: Buffer }[] = [
    { name: 'plaintext', bytes: utf8 },
    { name: 'plaintext (UTF-16)', bytes: Buffer.from(password, 'utf16le') },
    { name: 'JSON-escaped', text: JSON.stringify(password).slice(1, -1) },
    { name: 'hex', text: utf8.toString('hex') },
    { name: 'HEX', text: utf8.toString('hex').toUpperCase() },
    { name: 'URL-encoded', text: encodeURIComponent(password) },
    { name: 'form-encoded', text: new URLSearchParams({ p: password }).toString().slice(2) },
  ];
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), utf8]).toString('base64');
    // Drop the characters that also carry bits of the bytes before and after the password.
    const core = b64.slice([0, 2, 3][shift], Math.floor(((shift + utf8.length) * 8) / 6));
    forms.push({ name: `base64 (offset ${shift})`, text: core });
    forms.push({ name: `base64url (offset ${shift})`, text: core.replace(/\+/g, '-').replace(/\//g, '_') });
  }
  const out = new Map<string, { name: string; bytes: Buffer }>();
  for (const f of forms) {
    const bytes = f.bytes ?? Buffer.from(f.text!, 'utf8');
    const key = bytes.toString('hex');
    if (!out.has(key)) out.set(key, { name: f.name, bytes });
  }
  return [...out.values()];
}

/** Everything an origin's pages can keep: Web Storage, IndexedDB (every store, every record), CacheStorage. */
async function originStores(page: Page, withChromeStorage: boolean): Promise<string> {
  return page.evaluate(async (chromeStorage) => {
    const out: Record<string, unknown> = { origin: location.origin, localStorage: { ...localStorage }, sessionStorage: { ...sessionStorage } };
    if (chromeStorage) {
      const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync' | 'session', { get(k: null): Promise<unknown> }> } }).chrome;
      out.storage = { local: await api.storage.local.get(null), sync: await api.storage.sync.get(null), session: await api.storage.session.get(null) };
    }
    const idb: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        idb[`${info.name}/${store}`] = await new Promise((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    out.indexedDB = idb;
    const caches_: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      caches_[name] = [];
      for (const req of await cache.keys()) {
        const res = await cache.match(req);
        caches_[name].push(`${req.url} ${res ? await res.text() : ''}`);
      }
    }
    out.cacheStorage = caches_;
    return JSON.stringify(out);
  }, withChromeStorage);
}

function* filesUnder(dir: string): Generator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(path);
    else if (e.isFile()) yield path;
  }
}

/**
 * Searches for each password in every storage area of the extension (chrome.storage local, sync,
 * session; its pages' Web Storage, IndexedDB, CacheStorage), the admin origin's (a content script
 * shares it), and every file of the browser profile, in each encoding. Returns one line per find.
 */
export async function huntPasswords(world: World, passwords: string[]): Promise<string[]> {
  if (passwords.length === 0) return [];
  const texts: { where: string; bytes: Buffer }[] = [];
  const ext = await world.ext.openPopup();
  try {
    texts.push({ where: 'extension storage, IndexedDB, CacheStorage', bytes: Buffer.from(await originStores(ext, true), 'utf8') });
  } finally {
    await ext.close();
  }
  for (const p of world.ext.context.pages()) {
    if (p.isClosed() || !p.url().startsWith(world.sim.url)) continue;
    const admin = await originStores(p, false).catch(() => null);
    if (admin !== null) texts.push({ where: `admin origin (${new URL(p.url()).pathname})`, bytes: Buffer.from(admin, 'utf8') });
  }
  const forms = passwords.map((p) => ({ p, forms: encodings(p) }));
  const found: string[] = [];
  const search = (where: string, bytes: Buffer) => {
    for (const { p, forms: fs } of forms) {
      for (const f of fs) if (bytes.includes(f.bytes)) found.push(`${p.slice(0, 3)}… as ${f.name} in ${where}`);
    }
  };
  for (const t of texts) search(t.where, t.bytes);
  for (const file of filesUnder(world.ext.profileDir)) {
    let bytes: Buffer;
    try {
      if (statSync(file).size > 64 * 1024 * 1024) continue;
      bytes = readFileSync(file);
    } catch {
      continue; // a file the browser just removed (journals come and go)
    }
    search(`profile file ${relative(world.ext.profileDir, file)}`, bytes);
  }
  return found;
}
