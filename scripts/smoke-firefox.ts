/**
 * `npm run smoke:firefox`: the built dist/ in Firefox ESR (Debian `firefox-esr`), headless.
 * Starts Firefox with Marionette (its built-in remote protocol) on a fresh profile, installs dist/
 * as a temporary add-on, opens our popup page and proves the background runs: a message from the
 * page is answered by the background script (`run/get` → `{ ok: true }`). Then the content script
 * on the simulated admin (127.0.0.1): the gate loads the full script on a user page, whose in-page
 * help reads the histories by itself and shows the state; its Resend → Confirm (real clicks, which
 * the buttons require) sends exactly one e-mail through a background run.
 *
 * Without Firefox it prints "SKIPPED: ..." and exits 0 (CI machines have only Chromium);
 * FIREFOX_PATH overrides /usr/bin/firefox-esr, SMOKE_FIREFOX_REQUIRED=1 turns a skip into a failure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PEOPLE, SESSION_COOKIE, startSimulator } from '../test/admin-sim/server';
import { PARAMS } from '../test/admin-sim/variants';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DIST = resolve('dist');
const ADDON_ID = 'reset-desk@example.org';

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** A minimal Marionette client: `len:json` frames, [0, id, command, params] → [1, id, error, result]. */
class Marionette {
  private buffer = '';
  private id = 0;
  private waiting = new Map<number, (reply: [number, number, unknown, unknown]) => void>();
  private greeted!: Promise<void>;
  constructor(private socket: Socket) {
    let greet: () => void;
    this.greeted = new Promise((ok) => (greet = ok));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (;;) {
        const colon = this.buffer.indexOf(':');
        if (colon < 0) return;
        const len = Number(this.buffer.slice(0, colon));
        // Lengths are in bytes; our messages are ASCII JSON, close enough for a smoke check.
        if (this.buffer.length < colon + 1 + len) return;
        const msg = JSON.parse(this.buffer.slice(colon + 1, colon + 1 + len));
        this.buffer = this.buffer.slice(colon + 1 + len);
        if (!Array.isArray(msg)) greet();
        else this.waiting.get(msg[1])?.(msg as [number, number, unknown, unknown]);
      }
    });
  }
  static async connect(port: number, deadline: number): Promise<Marionette> {
    for (;;) {
      try {
        const socket = await new Promise<Socket>((ok, fail) => {
          const s = new Socket();
          s.once('error', fail);
          s.connect(port, '127.0.0.1', () => ok(s));
        });
        const m = new Marionette(socket);
        await m.greeted;
        return m;
      } catch {
        if (Date.now() > deadline) throw new Error('Marionette did not answer in time');
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
  async send<T = unknown>(command: string, params: object = {}): Promise<T> {
    const id = ++this.id;
    const body = JSON.stringify([0, id, command, params]);
    const reply = new Promise<[number, number, unknown, unknown]>((ok) => this.waiting.set(id, ok));
    this.socket.write(`${Buffer.byteLength(body)}:${body}`);
    const [, , error, result] = await reply;
    if (error) throw new Error(`${command}: ${JSON.stringify(error)}`);
    return result as T;
  }
  close(): void {
    this.socket.destroy();
  }
}

/** WebDriver's keys for element and shadow-root references. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const SHADOW_ROOT = 'shadow-6066-11e4-a52e-4f735466cecf';
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await sleep(250);
  }
}

/** The user page's in-page help in Firefox: its state, then one in-page resend. Returns what it saw. */
async function contentScriptCheck(m: Marionette): Promise<string> {
  const sim = await startSimulator({ port: 0, loadDataLatencyMs: [20, 60] });
  try {
    const [, ...value] = sim.login().split('=');
    // A cookie can be set only on a page of its host: the login page first.
    await m.send('WebDriver:Navigate', { url: `${sim.url}/` });
    await m.send('WebDriver:AddCookie', { cookie: { name: SESSION_COOKIE, value: value.join('='), path: '/' } });
    const account = sim.scenario().accounts.find((a) => a.email === PEOPLE.valid2h);
    if (!account) throw new Error(`the simulator has no ${PEOPLE.valid2h}`);
    await m.send('WebDriver:Navigate', { url: `${sim.pathOf('user')}?${PARAMS[sim.config.variant].id}=${account.id}` });
    await m.send('WebDriver:SetTimeouts', { script: 5000 });
    const bar = (selector: string, read: string) =>
      m.send<{ value: string | null }>('WebDriver:ExecuteScript', {
        script: `const el = document.querySelector('reset-desk-ui[data-kind="user-bar"]')?.shadowRoot?.querySelector(${JSON.stringify(selector)}); return el ? ${read} : null;`,
        args: [],
      }).then((r) => r.value, (error: Error) => `error: ${error.message}`);
    const state = await poll('the user page\'s in-page help', () => bar('section.bar', "el.getAttribute('data-state')"), (s) => s === 'valid');
    const click = async (action: string) => {
      const host = (await m.send<{ value: Record<string, string> }>('WebDriver:FindElement', { using: 'css selector', value: 'reset-desk-ui[data-kind="user-bar"]' })).value[ELEMENT];
      const root = (await m.send<{ value: Record<string, string> }>('WebDriver:GetShadowRoot', { id: host })).value[SHADOW_ROOT];
      const button = (await m.send<{ value: Record<string, string> }>('WebDriver:FindElementFromShadowRoot', { shadowRoot: root, using: 'css selector', value: `button[data-action="${action}"]` })).value[ELEMENT];
      await m.send('WebDriver:ElementClick', { id: button });
    };
    await click('resend');
    await poll('the Confirm button', () => bar('button[data-action="confirm-resend"]', "'shown'"), (s) => s === 'shown', 5000);
    await click('confirm-resend');
    // The run reloads the page to read the histories before and after Send; the new page shows the outcome.
    const outcome = await poll('the in-page resend', () => bar('[data-outcome]', "el.getAttribute('data-outcome')"), (s) => s === 'sent' || s === 'failed');
    if (outcome !== 'sent') throw new Error(`the in-page resend said "${outcome}"`);
    await sleep(1000);
    if (sim.outbox().length !== 1) throw new Error(`expected one e-mail sent, the admin's outbox has ${sim.outbox().length}`);
    return `user page in-page help "${state}", in-page resend sent 1 e-mail`;
  } finally {
    await sim.close();
  }
}

async function main(): Promise<number> {
  if (!existsSync(FIREFOX)) {
    console.log(`SKIPPED: Firefox smoke check — no Firefox at ${FIREFOX} (install Debian's firefox-esr, or set FIREFOX_PATH).`);
    return process.env.SMOKE_FIREFOX_REQUIRED ? 1 : 0;
  }
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ has no build: run `npm run build` first.');
  const started = Date.now();
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'reset-desk-firefox-'));
  writeFileSync(
    join(profile, 'user.js'),
    [
      `user_pref("marionette.port", ${port});`,
      'user_pref("browser.shell.checkDefaultBrowser", false);',
      'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
      'user_pref("app.update.enabled", false);',
      'user_pref("browser.startup.homepage_override.mstone", "ignore");',
      'user_pref("extensions.autoDisableScopes", 0);',
      // No network here: keep Firefox from trying.
      'user_pref("network.connectivity-service.enabled", false);',
      'user_pref("browser.safebrowsing.update.enabled", false);',
      'user_pref("extensions.update.enabled", false);',
      '',
    ].join('\n'),
  );
  const firefox = spawn(FIREFOX, ['-headless', '-marionette', '-remote-allow-system-access', '-no-remote', '-profile', profile, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  firefox.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const version = await new Promise<string>((ok) => {
    const v = spawn(FIREFOX, ['--version']);
    let out = '';
    v.stdout.on('data', (d: Buffer) => (out += d.toString()));
    v.on('close', () => ok(out.trim()));
  });
  let m: Marionette | undefined;
  try {
    m = await Marionette.connect(port, Date.now() + 30_000);
    await m.send('WebDriver:NewSession', { capabilities: {} });
    const installed = await m.send<{ value: string }>('Addon:Install', { path: DIST, temporary: true });
    if (installed.value !== ADDON_ID) throw new Error(`installed ${installed.value}, expected ${ADDON_ID}`);
    // The add-on's moz-extension:// host (random per profile) from the chrome context.
    await m.send('Marionette:SetContext', { value: 'chrome' });
    const host = (await m.send<{ value: string }>('WebDriver:ExecuteScript', { script: `return WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).mozExtensionHostname;`, args: [] })).value;
    await m.send('Marionette:SetContext', { value: 'content' });
    await m.send('WebDriver:Navigate', { url: `moz-extension://${host}/src/popup/index.html` });
    // From the page, ask the background: only a running background script answers.
    const reply = (
      await m.send<{ value: { ok?: boolean; error?: unknown } | string }>('WebDriver:ExecuteAsyncScript', {
        script: `const done = arguments[arguments.length - 1];
          const api = (window.wrappedJSObject || window).browser;
          api.runtime.sendMessage({ resetDesk: 1, type: 'run/get', payload: {} })
            .then((r) => done(JSON.parse(JSON.stringify(r ?? null))), (e) => done(String(e)));`,
        args: [],
        scriptTimeout: 15_000,
      })
    ).value;
    const title = (await m.send<{ value: string }>('WebDriver:GetTitle')).value;
    if (typeof reply !== 'object' || reply === null || reply.ok !== true) throw new Error(`the background did not answer: ${JSON.stringify(reply)}`);
    const content = await contentScriptCheck(m);
    console.log(`OK: Firefox smoke check — ${version}: installed ${installed.value}, popup page "${title}" loaded, background answered run/get; ${content} (${Date.now() - started} ms).`);
    return 0;
  } catch (error) {
    console.error(`FAILED: Firefox smoke check — ${version}: ${(error as Error).message}\n${stderr.split('\n').slice(-15).join('\n')}`);
    return 1;
  } finally {
    await m?.send('Marionette:Quit').catch(() => undefined);
    m?.close();
    await new Promise((r) => setTimeout(r, 500));
    if (firefox.exitCode === null) firefox.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
